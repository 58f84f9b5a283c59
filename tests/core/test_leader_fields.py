"""The fields of issue 16 (a leader mission, the leader's role, a backup) as the core reads,
checks and stores them: words in both languages, the stored shape, and old files without them."""

from __future__ import annotations

import pytest

from delegate_tui.core.errors import ValidationError
from delegate_tui.core.field_values import parse_leader_mission
from delegate_tui.core.records import card_from_record
from delegate_tui.core.vocabulary import parse_absence, parse_role, role_label
from tests.core.test_stored_shape import accepted, board, refused


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("entrepreneur", "entrepreneur"),
        ("Manager", "manager"),
        ("technicien", "technician"),
        ("Technicienne", "technician"),
        ("vision", "entrepreneur"),
        ("none", ""),
        ("aucun", ""),
    ],
)
def test_a_role_in_either_language(typed: str, role: str) -> None:
    assert parse_role(typed) == role


def test_an_unknown_role_is_refused_with_the_roles() -> None:
    with pytest.raises(ValidationError, match="use entrepreneur, manager or technician"):
        parse_role("boss")


def test_a_french_refusal_of_a_role(french: object) -> None:
    with pytest.raises(ValidationError, match="utilisez entrepreneur, manager ou technicien"):
        parse_role("patron")
    assert role_label("technician") == "technicien"


@pytest.mark.parametrize("typed", ["waits", "wait", "attend", "Attend votre retour"])
def test_the_fourth_answer_waits(typed: str) -> None:
    assert parse_absence(typed) == "waits"


@pytest.mark.parametrize(("typed", "value"), [("yes", True), ("oui", True), ("no", False)])
def test_a_leader_mission_is_yes_or_no(typed: str, value: bool) -> None:
    assert parse_leader_mission(typed) is value


def test_a_leader_mission_refuses_other_words() -> None:
    with pytest.raises(ValidationError, match="write yes or no"):
        parse_leader_mission("maybe")


def test_an_old_card_without_the_fields_reads_with_their_defaults() -> None:
    data = accepted(board(format=4))
    card = card_from_record("c", next(iter(data["cards"].values())))
    assert (card.leader_mission, card.role, card.backup) == (False, "", "")


def test_the_fields_are_stored_and_read() -> None:
    fields = {"leader_mission": True, "role": "manager", "backup": "Marie", "absence": "waits"}
    data = accepted(board(fields, format=5))
    record = next(iter(data["cards"].values()))
    card = card_from_record("c", record)
    assert (card.leader_mission, card.role, card.backup, card.absence) == (
        True,
        "manager",
        "Marie",
        "waits",
    )


@pytest.mark.parametrize(
    "fields",
    [{"leader_mission": "yes"}, {"role": "boss"}, {"backup": 3}, {"absence": "later"}],
)
def test_a_damaged_field_is_refused(fields: dict[str, object]) -> None:
    refused(board(fields, format=5))
