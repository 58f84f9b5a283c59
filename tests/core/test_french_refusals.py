"""The refusals of the core and of the snapshot writer in French (the `french` fixture): the
dates and cadences (French examples and day names), the title, text, note and description
lengths, the provider answer, the date range, every CSV import refusal (the columns by their
French names), the snapshot format and `--out` refusals, and the theme files'."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from dateutil.rrule import YEARLY, rrule

from delegate_tui.board.store import BoardStore
from delegate_tui.core import dates
from delegate_tui.core.csv_import import parse_rows, read_rows
from delegate_tui.core.dates import Cadence, next_checkin, parse_cadence, parse_when
from delegate_tui.core.errors import ValidationError
from delegate_tui.core.field_values import parse_checked_in, parse_description, parse_provider
from delegate_tui.core.stored_types import MAX_STORED_TEXT
from delegate_tui.core.vocabulary import MAX_TEXT, MAX_TITLE, parse_note, parse_text, parse_title
from delegate_tui.snapshots.write import FORMAT_LABELS, parse_format, target_path, write_snapshot
from delegate_tui.ui.themes import theme_from_table, unknown_theme_message

N = "\u202f"
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=timezone(timedelta(hours=1)))
ENGLISH = re.compile(
    r"\b(the|is|an|of|to|and|or|with|write|use|give|card|cards|board|column|columns|line|"
    r"header|empty|unknown|cannot|can't|read|cadence|nothing|imported|folder|choose|"
    r"another|file|yes|no|today|yesterday|next|last|ago|weeks|every|monday|weekly|monthly|"
    r"colour|should|missing|known|theme|available|characters|keep|under|provider)\b",
)
"""English words no French refusal may hold (lower case: ids, file names and options aside)."""


def french_only(message: str) -> str:
    """`message` with what it quotes (« … »), options and paths left out, checked for English."""
    text = re.sub(f"«{N}.*?{N}»", "", message)
    text = " ".join(w for w in text.split() if not re.search(r"^-|/|\.\w", w))
    assert ENGLISH.findall(text) == [], message
    return message


def refusal(call, *args, error=ValidationError) -> str:
    with pytest.raises(error) as caught:
        call(*args)
    return french_only(str(caught.value))


WHEN_FR = (
    f"«{N}aujourd'hui{N}», «{N}hier{N}», «{N}il y a 3 jours{N}», «{N}lundi dernier{N}», "
    f"«{N}dans 2 semaines{N}» ou 2026-11-05"
)


def test_a_date_refusal_gives_french_examples(french):
    said = refusal(parse_when, "bientôt", NOW)
    assert said == f"impossible de lire la date «{N}bientôt{N}»{N}: écrivez par exemple {WHEN_FR}"
    assert refusal(parse_when, "  ", NOW) == f"la date est vide{N}: écrivez par exemple {WHEN_FR}"


def test_a_weekday_alone_is_refused_with_its_french_name(french):
    said = refusal(parse_when, "Lundi", NOW)
    assert said == (
        f"«{N}Lundi{N}» peut être avant ou après aujourd'hui{N}: "
        f"écrivez «{N}lundi prochain{N}» ou «{N}lundi dernier{N}»"
    )
    assert "lundi prochain" in refusal(parse_when, "monday", NOW)


def test_a_cadence_refusal_gives_french_examples(french):
    said = refusal(parse_cadence, "parfois")
    assert said.startswith(f"impossible de lire le rythme «{N}parfois{N}»{N}: écrivez par exemple ")
    assert f"«{N}toutes les 2 semaines{N}»" in said
    assert "tous les 400" in refusal(parse_cadence, "every 400 days")
    assert "choisissez de 1 à 52" in refusal(parse_cadence, "every 60 weeks on monday")


class _Once(Cadence):
    """A cadence parse_cadence never builds: its rule ends at its start."""

    def rule(self, start: datetime) -> rrule:
        return rrule(YEARLY, dtstart=start, count=1)


def test_a_cadence_that_never_recurs_is_named_in_french(french):
    said = refusal(next_checkin, _Once(YEARLY), NOW, NOW)
    assert said == f"le rythme «{N}chaque année{N}» ne revient jamais"


def test_a_date_read_two_ways_is_refused_in_french_words(french):
    # parse_when reads day first in French; the refusal shows where nobody decided the order
    said = refusal(dates._read_date, "05/11/2026", "05/11/2026", NOW, None)
    assert said == f"05/11/2026 peut être le 5 nov. ou le 11 mai{N}: écrivez 2026-11-05"


def test_title_text_and_note_refusals(french):
    assert refusal(parse_title, " ") == (
        f"le titre est vide{N}: donnez quelques mots à la carte, par exemple «{N}Facturation{N}»"
    )
    long = "x" * (MAX_TITLE + 1)
    assert refusal(parse_title, long) == (
        f"le titre fait {MAX_TITLE + 1} caractères{N}: ne dépassez pas {MAX_TITLE}"
    )
    assert refusal(parse_text, "  ") == f"texte vide{N}: écrivez une phrase"
    assert refusal(parse_text, "", "note") == f"note vide{N}: écrivez une phrase"
    too_long = "x" * (MAX_TEXT + 1)
    assert refusal(parse_text, too_long).startswith(f"texte de {MAX_TEXT + 1} caractères{N}: ")
    assert refusal(parse_note, too_long).startswith(f"la note fait {MAX_TEXT + 1} caractères")


def test_card_field_refusals(french):
    said = refusal(parse_description, "x" * (MAX_STORED_TEXT + 1))
    assert (
        said
        == f"la description fait {MAX_STORED_TEXT + 1} caractères{N}: ne dépassez pas {MAX_STORED_TEXT}"
    )
    assert refusal(parse_provider, "peut-être") == (
        f"réponse inconnue «{N}peut-être{N}»{N}: un prestataire extérieur{N}? écrivez oui ou non"
    )
    said = refusal(parse_checked_in, "1850-01-01", NOW)
    assert said.startswith(f"la date «{N}1850-01-01{N}» n'est pas entre ")


CSV_REFUSALS = [
    ("", f"le CSV est vide{N}: il faut une ligne d'en-tête (titre, étape, responsable, "),
    ("titre;étape\nA;moi\n", f"le CSV{N}: il manque la colonne responsable, heures_par_semaine"),
    ("titre;étape;responsable;heures_par_semaine;domaine;prix\n", "colonne inconnue «\u202fprix"),
    ("titre;étape;responsable;heures_par_semaine;domaine\n", "a un en-tête mais aucune ligne"),
    (
        "titre;étape;responsable;heures_par_semaine;domaine\nA;moi\n",
        f"le CSV, ligne 2{N}: 2 valeurs pour 5 colonnes (titre;étape;responsable;",
    ),
    (
        "titre;étape;responsable;heures_par_semaine;domaine\nA;nulle-part;;1;\n",
        f"le CSV, ligne 2{N}: étape «{N}nulle-part{N}» inconnue",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CSV_REFUSALS)
def test_csv_import_refusals(french, text: str, expected: str):
    said = refusal(parse_rows, text)
    assert expected in said
    if "ligne 2" in expected:
        assert said.endswith(f"{N}; rien n'a été importé")


def test_csv_file_refusals(french, tmp_path: Path):
    assert refusal(read_rows, tmp_path / "nope.csv").endswith("nope.csv n'existe pas")
    assert refusal(read_rows, tmp_path).endswith(f"est un dossier{N}: donnez un fichier .csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("titre\né".encode("latin-1"))
    assert refusal(read_rows, latin).endswith(f"enregistrez-le au format «{N}CSV UTF-8{N}»")


def test_snapshot_refusals(french, tmp_path: Path, alice, clock):
    assert refusal(parse_format, "pdf") == (
        f"format inconnu «{N}pdf{N}»{N}: choisissez md, html, json ou csv"
    )
    store = BoardStore(tmp_path / "board.json", alice, clock=clock)
    try:
        store.add("Facturation")
        said = refusal(target_path, store, "md", tmp_path / "no" / "x.md", NOW)
        assert said.endswith(f"n'existe pas{N}: créez-le d'abord ou choisissez un autre --out")
        said = refusal(target_path, store, "md", store.path, NOW)
        assert f"est le fichier du tableau lui-même{N}: choisissez" in said
        future = clock() + timedelta(days=3)
        said = refusal(lambda: write_snapshot(store, since=future))
        assert said.startswith("la période commencerait après maintenant (")
        assert f"«{N}il y a 2 semaines{N}»" in said
    finally:
        store.close()


def test_the_format_labels_are_in_the_catalog(french):
    from delegate_tui.core.language import _

    assert _(FORMAT_LABELS["csv"]) == "CSV — une ligne par carte, pour un tableur"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"name": "Bad Name"}, f"«{N}name{N}» ne doit contenir que des minuscules"),
        ({"name": "t"}, f"il manque la couleur «{N}primary{N}»"),
        ({"name": "t", "primary": "nope"}, f"«{N}primary{N}» = «{N}nope{N}» n'est pas une couleur"),
        ({"name": "t", "primary": "#fff", "size": 1}, f"clé inconnue «{N}size{N}»"),
        ({"name": "t", "primary": "#fff", "dark": 2}, f"«{N}dark{N}» doit valoir true ou false"),
    ],
)
def test_theme_file_refusals(french, table, expected):
    assert expected in refusal(theme_from_table, table, error=ValueError)


def test_an_unknown_theme_is_named_in_french(french):
    said = unknown_theme_message("neon", ["dark", "light"])
    assert said == f"thème inconnu «{N}neon{N}»{N}: les thèmes disponibles sont dark, light"
