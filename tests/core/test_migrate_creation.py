"""A card's creation in format 3: its `*` stamp, or `created_at`/`created_by` where they differ.

Migrating leaves the creation fields of cards and items out where the `*` stamp stands for them
and keeps them where it does not: copies migrated from format 1 (each with its oldest stamp as
`*`) then merge to the creation both had, in either order. Lines the first format-3 files had
(creation fields written out) still read the same. (The properties of the merge itself are in
test_merge_properties; migrating whole boards in test_migrate.)
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given

from delegate_tui.board.boardfile import CARDS
from delegate_tui.board.stage_lists import StageLists
from delegate_tui.board.store import BoardStore
from delegate_tui.core.merge import merge_card
from delegate_tui.core.migrate import compact, lighten
from delegate_tui.core.model import StageChange
from delegate_tui.core.records import CARD_FIELDS, Identity, Record, card_from_record
from tests.core.test_merge_properties import SETTINGS, creations, sides
from tests.core.test_migrate import AT, CREATED, DAY3, LATER, MOVED, card_2, write_board
from tests.kit.basics import FrozenClock


def test_the_creation_entry_goes_where_the_model_rebuilds_it() -> None:
    light = lighten("c1", card_2(h0=CREATED, h1=MOVED))
    # ann made it at AT, as its `*` stamp says: no created_at or created_by either
    assert list(light) == ["title", "stage", "_stamps", "history"]
    assert light["history"] == {"h1": MOVED}
    assert card_from_record("c1", light).history[0] == StageChange("c1", AT, None, "only-me", "ann")
    # A maker that is not the `*` stamp's user is written, a nameless one too ('' is not ann).
    for by in ("bob", ""):
        light = lighten("c1", card_2(h0={**CREATED, "by": by}, h1=MOVED))
        assert (light["created_by"], list(light["history"])) == (by, ["h1"])
        assert card_from_record("c1", light).history[0].by == by
    # A creation time that is not the `*` stamp's stays written, with the entry it cannot replace.
    old = {**card_2(h0=CREATED), "_stamps": {"*": [LATER, "ann", "dev-a"]}}
    light = lighten("c1", old)
    assert light["created_at"] == AT and "created_by" not in light and list(light["history"])
    assert card_from_record("c1", light) == card_from_record("c1", old)


def format_1_copy(stamps: dict[str, list[str]]) -> Record:
    """Card c1 as 0.1 wrote it, made by lead at AT, its fields stamped as given."""
    entry = {"id": "h0", "at": AT, "by": "lead", "from": None, "to": "only-me"}
    return {
        "id": "c1",
        "title": "Payroll",
        "stage": "only-me",
        "created_at": AT,
        "history": {"h0": entry},
        "_stamps": stamps,
    }


def test_copies_whose_oldest_stamps_differ_keep_the_creation_they_had() -> None:
    """One copy knows the card from its making; the other only from later edits of every field
    it has (written by an older 0.1, which had fewer fields): its `*` is the first of those
    edits, so its creation stays written, and the merge keeps it whichever copy comes first."""
    made = [AT, "lead", "dev-0"]
    mine = lighten("c1", compact(format_1_copy({"title": made, "stage": made}), CARD_FIELDS))
    theirs = format_1_copy({"title": [LATER, "bob", "dev-b"], "stage": [DAY3, "bob", "dev-b"]})
    theirs = lighten("c1", compact(theirs, CARD_FIELDS))
    assert "created_at" not in mine and "created_by" not in mine and "history" not in mine
    assert (theirs["_stamps"]["*"][0], theirs["created_at"], theirs["created_by"]) == (
        LATER,
        AT,
        "lead",
    )
    for merged in (merge_card(mine, theirs), merge_card(theirs, mine)):
        assert merged["_stamps"]["*"] == [LATER, "bob", "dev-b"]  # the newer `*` ...
        card = card_from_record("c1", merged)  # ... and still the creation both copies had
        assert card.created_at == AT and card.history[0] == StageChange(
            "c1", AT, None, "only-me", "lead"
        )


def test_an_item_older_than_item_creation_times_keeps_its_place() -> None:
    """0.1 files from before items had `created_at` placed them by their text's stamp."""
    first, second = [LATER, "ann", "dev-a"], [DAY3, "ann", "dev-a"]
    old = format_1_copy({"title": [AT, "lead", "dev-0"]})
    old["standards"] = {
        "s1": {"id": "s1", "text": "Second", "_stamps": {"text": second}},
        "s2": {"id": "s2", "text": "First", "_stamps": {"text": first}},
    }
    light = lighten("c1", compact(old, CARD_FIELDS))
    assert [s.text for s in card_from_record("c1", light).standards] == ["First", "Second"]


def test_a_line_of_the_first_format_3_files_reads_the_same(tmp_path: Path) -> None:
    """Format 3 first wrote created_at/created_by (and items' created_at) out: such lines read
    as their short form, are placed as it is on the board, and merge into it."""
    star = [AT, "ann", "dev-a"]
    note = {"text": "Marie does it", "_stamps": {"*": [LATER, "ann", "dev-a"]}}
    short = {"title": "Payroll", "stage": "only-me", "_stamps": {"*": star}, "notes": {"n1": note}}
    full = {**short, "created_at": AT, "created_by": "ann"}
    full["notes"] = {"n1": {**note, "created_at": LATER}}
    assert card_from_record("c1", full) == card_from_record("c1", short)
    assert merge_card(full, short) == short == merge_card(short, full)
    path = tmp_path / "board.json"
    later = {**short, "_stamps": {"*": [LATER, "bob", "dev-b"]}}
    write_board(path, 3, {"c1": full, "c2": later, "c0": {**later, "created_at": DAY3}})
    store = BoardStore(path, Identity("ann", "dev-a"), clock=FrozenClock())
    lists = StageLists(store)
    lists.load()
    assert lists.by_stage["only-me"] == [c.id for c in store.cards()] == ["c1", "c2", "c0"]
    assert json.loads(path.read_text())[CARDS]["c1"] == full  # reading never rewrites it


@SETTINGS
@given(sides(2))
def test_a_format_3_line_in_an_older_file_keeps_its_shape(boards: list[Record]) -> None:
    """Migrating leaves a card alone that already has the format-3 shape (a line copied from a
    newer board into an older file, or a card merged before its file was migrated)."""
    for board in boards:
        for card_id, record in board[CARDS].items():
            assert lighten(card_id, record) == record
            assert creations(lighten(card_id, record)) == creations(record)
