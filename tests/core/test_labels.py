"""The board's words are read through functions that translate when called: English as it has
always been shown, French in the glossary's words."""

from __future__ import annotations

import pytest

from delegate_tui.core import vocabulary as v


def test_english_labels_are_the_old_tables():
    assert [v.stage_label(s) for s in v.STAGES] == ["Only me", "Delegating", "Team-owned"]
    assert [v.log_kind_label(k) for k in v.LOG_KINDS] == [v.LOG_KIND_LABELS[k] for k in v.LOG_KINDS]
    assert [v.log_kind_name(k) for k in v.LOG_KINDS] == [
        "Error",
        "Adjustment",
        "Efficiency dip",
        "Doubt",
    ]
    assert [v.absence_label(a) for a in v.ABSENCE_ANSWERS] == [
        "It stops",
        "It runs with difficulty",
        "It runs normally",
        "It waits for your return",
    ]
    assert [v.area_label(a) for a in v.AREAS] == list(v.AREAS)
    assert [v.level_label(n) for n in range(1, 8)] == list(v.LEVELS)
    assert [v.reason_label(r) for r in v.REASONS] == list(v.REASONS)


def test_french_labels_are_the_glossary(french):
    assert [v.stage_label(s) for s in v.STAGES] == [
        "Moi seul",
        "En délégation",
        "Confié à l'équipe",
    ]
    assert v.log_kind_label("efficiency-loss") == "Pertes d'efficacité"
    assert v.log_kind_name("efficiency-loss") == "Perte d'efficacité"
    assert [v.log_kind_name(k) for k in v.LOG_KINDS][:2] == ["Erreur", "Ajustement"]
    assert v.absence_label("stops") == "Tout s'arrête"
    assert v.absence_label("struggles") == "Ça tourne mais difficilement"
    assert [v.area_label(a) for a in v.AREAS] == [
        "direction",
        "finances et achats",
        "commercial et marketing",
        "RH et juridique",
        "logistique",
        "production",
        "qualité",
    ]
    assert [v.level_label(n) for n in range(1, 8)] == [
        "Dire",
        "Vendre",
        "Consulter",
        "S'accorder",
        "Conseiller",
        "S'enquérir",
        "Déléguer",
    ]
    assert v.reason_label("low-value") == "tâches à faible valeur dirigeant"
    assert v.reason_label("emergency") == "urgences opérationnelles"


def test_the_old_tables_stay_english(french):
    assert v.STAGE_LABELS["only-me"] == "Only me"
    assert v.ABSENCE_LABELS["runs"] == "It runs normally"


@pytest.mark.parametrize(
    "label", [v.stage_label, v.log_kind_label, v.log_kind_name, v.absence_label, v.area_label]
)
def test_an_unknown_id_is_shown_as_spelled(label, french):
    assert label("from-a-newer-version") == "from-a-newer-version"
    assert label("") == ""


def test_a_level_outside_the_scale_has_no_name():
    assert v.level_label(0) == "" and v.level_label(8) == ""
