"""A move's history entry can be retracted (undo) and brought back (redo): stamped, so the
retraction merges like any deletion and a copy that had synced the move drops it too."""

from __future__ import annotations

import copy
import json

import msgspec
import pytest

from delegate_tui.core.codec import Record
from delegate_tui.core.merge import merge_card
from delegate_tui.core.records import (
    Identity,
    Stamper,
    append_entry,
    card_from_record,
    new_card,
    retract_entry,
    set_fields,
)
from delegate_tui.core.stored_shape import decode_board
from tests.kit.basics import FrozenClock

ALICE = Identity("alice", "dev-alice")
BOB = Identity("bob", "dev-bob")
BOARD_ID = "0b6e7c2a-3d4f-4a1b-9c8d-7e6f5a4b3c2d"


def _moved(clock: FrozenClock) -> tuple[Record, str]:
    """A card made in only-me, then moved to delegating by Alice: the record and the entry."""
    stamper = Stamper(ALICE, clock)
    record = new_card({"title": "Invoicing"}, stamper)
    clock.advance(days=30)
    set_fields(record, {"stage": "delegating"}, stamper)
    entry = append_entry(record, "history", {"from": "only-me", "to": "delegating"}, stamper)
    return record, entry


def test_a_retracted_entry_is_gone_from_the_cards_history():
    clock = FrozenClock()
    record, entry = _moved(clock)
    before = card_from_record("c1", new_card({"title": "Invoicing"}, Stamper(ALICE, FrozenClock())))
    clock.advance(minutes=1)
    retract_entry(record, "history", entry, Stamper(ALICE, clock))
    set_fields(record, {"stage": "only-me"}, Stamper(ALICE, clock))
    card = card_from_record("c1", record)
    assert [(h.from_stage, h.to_stage) for h in card.history] == [(None, "only-me")]
    assert card.stage_since == card.created_at == before.created_at
    assert entry in record["history"]  # a stamped tombstone, not a removal


def test_redo_brings_the_same_entry_back():
    clock = FrozenClock()
    record, entry = _moved(clock)
    stamper = Stamper(ALICE, clock)
    retract_entry(record, "history", entry, stamper)
    retract_entry(record, "history", entry, stamper, retracted=False)
    card = card_from_record("c1", record)
    assert [h.id for h in card.history][-1] == entry
    assert card.history[-1].to_stage == "delegating"


def test_an_entry_never_retracted_keeps_its_stored_shape():
    clock = FrozenClock()
    record, entry = _moved(clock)
    assert set(record["history"][entry]) == {"at", "by", "from", "to"}


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_a_copy_that_synced_the_move_drops_it_when_merged(order):
    clock = FrozenClock()
    a, entry = _moved(clock)
    b = copy.deepcopy(a)  # Bob's machine synced the move
    clock.advance(minutes=5)
    set_fields(b, {"title": "Invoicing (Bob)"}, Stamper(BOB, clock))
    clock.advance(minutes=5)
    retract_entry(a, "history", entry, Stamper(ALICE, clock))
    set_fields(a, {"stage": "only-me"}, Stamper(ALICE, clock))
    merged = merge_card(a, b) if order == "ab" else merge_card(b, a)
    card = card_from_record("c1", merged)
    assert card.stage == "only-me"
    assert card.title == "Invoicing (Bob)"
    assert [h.to_stage for h in card.history] == ["only-me"]


def test_a_newer_redo_wins_over_an_older_retraction_from_elsewhere():
    clock = FrozenClock()
    a, entry = _moved(clock)
    b = copy.deepcopy(a)
    clock.advance(minutes=1)
    retract_entry(b, "history", entry, Stamper(BOB, clock))
    retract_entry(a, "history", entry, Stamper(ALICE, clock))
    clock.advance(minutes=1)
    retract_entry(a, "history", entry, Stamper(ALICE, clock), retracted=False)
    for merged in (merge_card(a, b), merge_card(b, a)):
        assert entry in [h.id for h in card_from_record("c1", merged).history]


def test_the_file_holds_a_retraction_and_reads_back():
    clock = FrozenClock()
    record, entry = _moved(clock)
    retract_entry(record, "history", entry, Stamper(ALICE, clock))
    board = {"_meta": {"board": {"app": "delegate-tui", "format": 3, "board_id": BOARD_ID}}}
    board["cards"] = {"c1": record}
    read = decode_board(json.dumps(board))
    assert read["cards"]["c1"] == record


def test_a_retraction_with_a_bad_stamp_is_refused():
    clock = FrozenClock()
    record, entry = _moved(clock)
    retract_entry(record, "history", entry, Stamper(ALICE, clock))
    record["history"][entry]["_stamps"]["deleted_at"][0] = "yesterday"
    board = {"_meta": {"board": {"app": "delegate-tui", "format": 3, "board_id": BOARD_ID}}}
    board["cards"] = {"c1": record}
    with pytest.raises(msgspec.ValidationError):
        decode_board(json.dumps(board))


def test_no_history_entry_goes_from_a_stage_to_itself():
    record = new_card({"title": "Invoicing"}, Stamper(ALICE, FrozenClock()))
    with pytest.raises(ValueError):
        append_entry(
            record, "history", {"from": "only-me", "to": "only-me"}, Stamper(ALICE, FrozenClock())
        )
    assert "history" not in record
