"""A log entry's kind and text can be corrected and the entry removed: stamped fields of the
entry, so a correction merges field by field (the entry as first written, unstamped, loses to
any correction; two corrections, the newest per field) and a removal like any deletion."""

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
    set_log_fields,
)
from delegate_tui.core.stored_shape import decode_board
from tests.kit.basics import FrozenClock

ALICE = Identity("alice", "dev-alice")
BOB = Identity("bob", "dev-bob")
BOARD_ID = "0b6e7c2a-3d4f-4a1b-9c8d-7e6f5a4b3c2d"


def _logged(clock: FrozenClock) -> tuple[Record, str]:
    stamper = Stamper(ALICE, clock)
    record = new_card({"title": "Invoicing"}, stamper)
    clock.advance(minutes=1)
    entry = append_entry(record, "log", {"kind": "error", "text": "late quote"}, stamper)
    return record, entry


def _board(record: Record) -> str:
    header = {"app": "delegate-tui", "format": 4, "board_id": BOARD_ID}
    return json.dumps({"_meta": {"board": header}, "cards": {"c1": record}})


def test_an_entry_as_first_written_says_it_was_never_corrected():
    record, entry = _logged(FrozenClock())
    (logged,) = card_from_record("c1", record).log
    assert (logged.kind, logged.text, logged.corrected_by, logged.corrected_at) == (
        "error",
        "late quote",
        "",
        "",
    )
    assert set(record["log"][entry]) == {"at", "by", "kind", "text"}  # stored as it always was


def test_a_correction_says_who_made_it_and_when():
    clock = FrozenClock()
    record, entry = _logged(clock)
    clock.advance(days=2)
    set_log_fields(record, entry, {"kind": "doubt"}, Stamper(BOB, clock))
    (logged,) = card_from_record("c1", record).log
    assert (logged.kind, logged.text, logged.by) == ("doubt", "late quote", "alice")
    assert logged.corrected_by == "bob"
    assert logged.corrected_at == record["log"][entry]["_stamps"]["kind"][0]
    assert logged.at < logged.corrected_at


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_any_correction_wins_over_the_entry_as_first_written(order):
    clock = FrozenClock()
    a, entry = _logged(clock)
    b = copy.deepcopy(a)  # Bob's machine synced the entry, not the correction
    set_log_fields(a, entry, {"text": "late quote (Monday)"}, Stamper(ALICE, clock))
    merged = merge_card(a, b) if order == "ab" else merge_card(b, a)
    assert card_from_record("c1", merged).log[0].text == "late quote (Monday)"


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_two_corrections_merge_field_by_field_newest_wins(order):
    clock = FrozenClock()
    a, entry = _logged(clock)
    b = copy.deepcopy(a)
    clock.advance(minutes=1)
    set_log_fields(b, entry, {"kind": "adjustment", "text": "bob's words"}, Stamper(BOB, clock))
    clock.advance(minutes=1)
    set_log_fields(a, entry, {"text": "alice's words"}, Stamper(ALICE, clock))
    merged = merge_card(a, b) if order == "ab" else merge_card(b, a)
    (logged,) = card_from_record("c1", merged).log
    assert (logged.kind, logged.text) == ("adjustment", "alice's words")
    assert logged.corrected_by == "alice"


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_a_removed_entry_is_gone_on_a_copy_that_had_it(order):
    clock = FrozenClock()
    a, entry = _logged(clock)
    b = copy.deepcopy(a)
    clock.advance(minutes=1)
    stamper = Stamper(ALICE, clock)
    set_log_fields(a, entry, {"deleted_at": stamper.at()}, stamper)
    merged = merge_card(a, b) if order == "ab" else merge_card(b, a)
    assert card_from_record("c1", merged).log == []
    assert entry in merged["log"]  # a stamped tombstone, not a removal


def test_a_newer_bringing_back_wins_over_an_older_removal():
    clock = FrozenClock()
    a, entry = _logged(clock)
    b = copy.deepcopy(a)
    clock.advance(minutes=1)
    bob = Stamper(BOB, clock)
    set_log_fields(b, entry, {"deleted_at": bob.at()}, bob)
    clock.advance(minutes=1)
    alice = Stamper(ALICE, clock)
    set_log_fields(a, entry, {"deleted_at": alice.at()}, alice)
    set_log_fields(a, entry, {"deleted_at": None}, alice)
    for merged in (merge_card(a, b), merge_card(b, a)):
        assert [e.id for e in card_from_record("c1", merged).log] == [entry]


def test_the_file_holds_corrections_and_removals_and_reads_back():
    clock = FrozenClock()
    record, entry = _logged(clock)
    stamper = Stamper(BOB, clock)
    set_log_fields(record, entry, {"kind": "doubt", "text": "new"}, stamper)
    set_log_fields(record, entry, {"deleted_at": stamper.at()}, stamper)
    assert decode_board(_board(record))["cards"]["c1"] == record


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("kind", "typo"),
        ("deleted_at", "yesterday"),
        ("deleted_at", 5),
        ("_stamps", {"kind": ["yesterday", "bob", "dev-bob"]}),
        ("_stamps", {"kind": ["2026-11-02T09:00:00.000000Z", "bob"]}),
        ("_stamps", {"*": ["2026-11-02T09:00:00.000000Z", "bob", "dev-bob"]}),  # no `*`
        ("_stamps", {"at": ["2026-11-02T09:00:00.000000Z", "bob", "dev-bob"]}),  # nor `at`
        ("_stamps", ["2026-11-02T09:00:00.000000Z", "bob", "dev-bob"]),
    ],
)
def test_a_hostile_correction_is_refused(name, value):
    record, entry = _logged(FrozenClock())
    record["log"][entry][name] = value
    with pytest.raises(msgspec.ValidationError):
        decode_board(_board(record))


def test_an_unknown_field_cannot_be_corrected():
    record, entry = _logged(FrozenClock())
    with pytest.raises(KeyError):
        set_log_fields(
            record, entry, {"at": "2026-11-02T09:00:00.000000Z"}, Stamper(BOB, FrozenClock())
        )
