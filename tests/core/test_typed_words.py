"""French input: the board's choices are read by their French names and the glossary's
aliases, in any case, with or without accents, whatever the language of the run; they give the
stable ids, and every label of either language reads back to its id."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delegate_tui import locale
from delegate_tui.core import language
from delegate_tui.core import vocabulary as v
from delegate_tui.core.errors import ValidationError
from delegate_tui.core.typed_words import fold

STAGE_WORDS = [
    ("moi-seul", "only-me"),
    ("Moi seul", "only-me"),
    ("moi", "only-me"),
    ("en-delegation", "delegating"),
    ("En délégation", "delegating"),
    ("delegation", "delegating"),
    ("délégué", "delegating"),
    ("delegue", "delegating"),
    ("confie-a-l-equipe", "team-owned"),
    ("Confié à l'équipe", "team-owned"),
    ("confié à l\u2019équipe", "team-owned"),
    ("confie", "team-owned"),
    ("ÉQUIPE", "team-owned"),
    ("equipe", "team-owned"),
]
LOG_WORDS = [
    ("erreur", "error"),
    ("Erreurs", "error"),
    ("ajustement", "adjustment"),
    ("ajustements", "adjustment"),
    ("perte-d-efficacite", "efficiency-loss"),
    ("perte d'efficacité", "efficiency-loss"),
    ("Pertes d'efficacité", "efficiency-loss"),
    ("perte", "efficiency-loss"),
    ("efficacité", "efficiency-loss"),
    ("doute", "doubt"),
    ("doutes", "doubt"),
]
ABSENCE_WORDS = [
    ("s-arrete", "stops"),
    ("s'arrête", "stops"),
    ("Tout s'arrête", "stops"),
    ("arret", "stops"),
    ("arrêt", "stops"),
    ("arrete", "stops"),
    ("scénario 1", "stops"),
    ("difficilement", "struggles"),
    ("difficile", "struggles"),
    ("Ça tourne mais difficilement", "struggles"),
    ("scenario-2", "struggles"),
    ("tourne", "runs"),
    ("normalement", "runs"),
    ("normal", "runs"),
    ("ça tourne normalement", "runs"),
    ("Scénario 3", "runs"),
    ("aucune", ""),
    ("-", ""),
]
LEVEL_WORDS = [
    ("dire", 1),
    ("Vendre", 2),
    ("consulter", 3),
    ("s'accorder", 4),
    ("accorder", 4),
    ("conseiller", 5),
    ("S'enquérir", 6),
    ("s-enquerir", 6),
    ("enquérir", 6),
    ("Déléguer", 7),
    ("deleguer", 7),
    ("aucun", None),
]
REASON_WORDS = [
    ("repetitive", "repetitive"),
    ("répétitif", "repetitive"),
    ("repetitif", "repetitive"),
    ("tâches répétitives", "repetitive"),
    ("standardisée", "standardised"),
    ("standardise", "standardised"),
    ("tâches techniques standardisées", "standardised"),
    ("faible-valeur", "low-value"),
    ("faible valeur", "low-value"),
    ("tâches à faible valeur dirigeant", "low-value"),
    ("urgence", "emergency"),
    ("Urgences", "emergency"),
    ("urgences opérationnelles", "emergency"),
    ("aucun", ""),
]
AREA_WORDS = [
    ("direction", "direction"),
    ("finances", "finance"),
    ("achats", "finance"),
    ("finances et achats", "finance"),
    ("commercial", "sales-marketing"),
    ("marketing", "sales-marketing"),
    ("commercial et marketing", "sales-marketing"),
    ("RH", "hr-legal"),
    ("juridique", "hr-legal"),
    ("RH et juridique", "hr-legal"),
    ("logistique", "logistics"),
    ("transport", "logistics"),
    ("production", "production"),
    ("terrain", "production"),
    ("qualité", "quality"),
    ("qualite", "quality"),
    ("QUALITÉ", "quality"),
    ("aucun", ""),
]

PARSERS = {
    "stage": (v.parse_stage, STAGE_WORDS),
    "log kind": (v.parse_log_kind, LOG_WORDS),
    "absence": (v.parse_absence, ABSENCE_WORDS),
    "level": (v.parse_level, LEVEL_WORDS),
    "reason": (v.parse_reason, REASON_WORDS),
    "area": (v.parse_area, AREA_WORDS),
}
CASES = [
    pytest.param(parse, typed, wanted, id=f"{what}:{typed}")
    for what, (parse, words) in PARSERS.items()
    for typed, wanted in words
]


@pytest.mark.parametrize(("parse", "typed", "wanted"), CASES)
@pytest.mark.parametrize("spoken", language.LANGUAGES)
def test_every_french_word_gives_its_id_in_every_language(parse, typed, wanted, spoken):
    locale.install(spoken)
    assert parse(typed) == wanted
    assert parse(typed.upper()) == wanted
    assert parse(f"  {fold(typed).replace('-', ' ')} ") == wanted


def test_folding():
    assert fold("  Confié à l'équipe ") == "confie-a-l-equipe"
    assert fold("perte d\u2019efficacité") == "perte-d-efficacite"
    assert fold("Ça_tourne  mais difficilement") == "ca-tourne-mais-difficilement"
    assert fold("-") == "" and fold(None) == ""


LABELS = [
    (v.parse_stage, v.stage_label, v.STAGES),
    (v.parse_log_kind, v.log_kind_label, v.LOG_KINDS),
    (v.parse_log_kind, v.log_kind_name, v.LOG_KINDS),
    (v.parse_absence, v.absence_label, v.ABSENCE_ANSWERS),
    (v.parse_area, v.area_label, v.AREAS),
    (v.parse_reason, v.reason_label, v.REASONS),
]


def _respell(text: str, upper: bool, plain: bool) -> str:
    text = fold(text) if plain else text
    return text.upper() if upper else text


@given(
    choice=st.sampled_from(LABELS),
    index=st.integers(min_value=0, max_value=6),
    written=st.sampled_from(language.LANGUAGES),
    spoken=st.sampled_from(language.LANGUAGES),
    upper=st.booleans(),
    plain=st.booleans(),
)
def test_every_label_in_both_languages_reads_back_to_its_id(
    choice, index, written, spoken, upper, plain
):
    parse, label, ids = choice
    wanted = ids[index % len(ids)]
    locale.install(written)
    shown = _respell(label(wanted), upper, plain)
    locale.install(spoken)
    assert parse(shown) == wanted


@given(
    level=st.integers(min_value=1, max_value=7),
    written=st.sampled_from(language.LANGUAGES),
    spoken=st.sampled_from(language.LANGUAGES),
    upper=st.booleans(),
    plain=st.booleans(),
)
def test_every_level_name_in_both_languages_reads_back_to_its_number(
    level, written, spoken, upper, plain
):
    locale.install(written)
    shown = _respell(v.level_label(level), upper, plain)
    locale.install(spoken)
    assert v.parse_level(shown) == level


FRENCH_ERRORS = [
    (
        v.parse_stage,
        "fini",
        "étape «\u202ffini\u202f» inconnue\u202f: utilisez moi-seul, en-delegation ou equipe",
    ),
    (v.parse_log_kind, "bug", "utilisez erreur, ajustement, perte-d-efficacite ou doute"),
    (
        v.parse_absence,
        "peut-être",
        "utilisez s-arrete, difficilement, normalement ou attend (ou aucune)",
    ),
    (v.parse_level, "9", "utilisez 1 à 7 ou dire, vendre, consulter, s-accorder"),
    (v.parse_reason, "envie", "utilisez repetitive, standardisee, faible-valeur ou urgence"),
    (
        v.parse_area,
        "lune",
        "domaine «\u202flune\u202f» inconnu\u202f: utilisez direction, finances",
    ),
]


@pytest.mark.parametrize(("parse", "typed", "said"), FRENCH_ERRORS)
def test_a_refusal_in_french_lists_the_french_names(parse, typed, said, french):
    with pytest.raises(ValidationError) as refused:
        parse(typed)
    assert said in str(refused.value)


@pytest.mark.parametrize(
    ("parse", "said"),
    [
        (v.parse_stage, "unknown stage 'x': use one of only-me, delegating, team-owned"),
        (
            v.parse_log_kind,
            "unknown log kind 'x': use one of error, adjustment, efficiency-loss, doubt",
        ),
        (
            v.parse_absence,
            "unknown absence answer 'x': use stops, struggles, runs or waits (or none)",
        ),
        (
            v.parse_level,
            "unknown delegation level 'x': use 1-7 or one of tell, sell, consult, agree, advise, inquire, delegate",
        ),
        (
            v.parse_reason,
            "unknown delegation reason 'x': use one of repetitive, standardised, low-value, emergency (or none)",
        ),
        (
            v.parse_area,
            "unknown area 'x': use one of direction, finance, sales-marketing, hr-legal, logistics, production, quality",
        ),
    ],
)
def test_a_refusal_in_english_is_as_it_was(parse, said):
    with pytest.raises(ValidationError) as refused:
        parse("x")
    assert str(refused.value) == said


@pytest.mark.parametrize("typed", ["team", "onlyme", "delegated", "done", "moi-seule-chose"])
def test_near_words_are_still_refused(typed, french):
    with pytest.raises(ValidationError):
        v.parse_stage(typed)
