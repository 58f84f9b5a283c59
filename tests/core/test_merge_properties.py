"""The merge of board states is a join: commutative, associative, idempotent, and it loses no
edit that was not replaced by a newer one.

Boards are made the way they are in real life: copies of one base board, each changed by a
random sequence of real record operations (edits, moves, log entries, notes, deletions) from
its own identity and frozen clock. Clocks often stand still, so stamps tie across devices."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from delegate_tui.board.boardfile import CARDS, new_state
from delegate_tui.core.merge import CARD_NESTED, merge_boards, merge_card, merge_stamped
from delegate_tui.core.records import (
    CARD_FIELDS,
    ITEM_FIELDS,
    LOG_EDITS,
    Identity,
    Record,
    Stamper,
    add_item,
    append_entry,
    card_from_record,
    created_at_of,
    created_by_of,
    new_card,
    new_id,
    retract_entry,
    set_fields,
    set_item_fields,
    set_log_fields,
    stamp_key,
    stamp_of,
    value_of,
)
from delegate_tui.core.vocabulary import LOG_KINDS, ROLES, STAGES
from tests.kit.basics import FrozenClock
from tests.kit.merge_laws import check_associative, check_idempotent

PEOPLE = [Identity("ann", "dev-a"), Identity("ben", "dev-b"), Identity("cat", "dev-c")]
OPS = (
    "title",
    "owner",
    "hours",
    "move",
    "log",
    "add_note",
    "edit_note",
    "delete_note",
    "delete_card",
    "archive",
    "add_card",
    "add_note",  # again: items and their tombstones are where a merge goes wrong
    "delete_note",
    "undo_move",  # a retraction of a history entry, and its undoing (redo)
    "redo_move",
    "fix_log_kind",  # stamped corrections of a log entry (the base's, so copies correct one entry)
    "fix_log_text",
    "remove_log",
    "unremove_log",  # (what redo of an added entry does)
    "leader_mission",  # the fields of issue 16 (arg 0: back to the default, left out)
    "role",
    "backup",
)

ISSUE_16_VALUES: dict[str, tuple[Any, ...]] = {
    "leader_mission": (False, True),
    "role": ("", *ROLES),
    "backup": ("", "Marie", "Karim"),
}
"""What the fields a card gained in format 5 may hold, their default first."""

operation = st.tuples(
    st.sampled_from(OPS),
    st.integers(0, 3),  # which card
    st.integers(0, 5),  # an argument: a value, a stage, which note
    st.sampled_from([0, 0, 1, 2]),  # seconds the clock moves first (0: stamps tie)
)
operations = st.lists(operation, max_size=12)
SETTINGS = settings(max_examples=100, deadline=None)


def base_board() -> Record:
    state = new_state("board", board_id="board-1")
    stamper = Stamper(Identity("lead", "dev-0"), FrozenClock())
    for n in range(4):
        state[CARDS][f"card-{n}"] = new_card(
            {"title": f"Card {n}", "stage": STAGES[n % 3]}, stamper
        )
    for n in range(2):  # log entries as first written (no stamp), for every copy to correct
        entry = {"at": "2026-11-01T09:00:00.000000Z", "by": "lead", "kind": "error", "text": "x"}
        state[CARDS][f"card-{n}"]["log"] = {f"log-{n}": entry}
    return state


BASE = base_board()


def apply(ops: list[tuple[str, int, int, int]], who: Identity) -> Record:
    """A copy of the base board after `who` made `ops`."""
    state = copy.deepcopy(BASE)
    clock = FrozenClock()
    stamper = Stamper(who, clock)
    for op, card, arg, seconds in ops:
        clock.advance(seconds=seconds)
        cards = state[CARDS]
        record = cards[sorted(cards)[card % len(cards)]]
        if op in ("edit_note", "delete_note") and not record.get("notes"):
            # act on a card that has notes, so edits and tombstones of items come up often
            record = next((cards[i] for i in sorted(cards) if cards[i].get("notes")), record)
        notes = sorted(record.get("notes", {}))
        if op == "title":
            set_fields(record, {"title": f"{who.user} title {arg}"}, stamper)
        elif op == "owner":
            # arg 0 clears the owner: back to the default, which the stored shape leaves out
            set_fields(record, {"owner": f"{who.user}-{arg}" if arg else ""}, stamper)
        elif op == "hours":
            set_fields(record, {"hours_per_week": float(arg)}, stamper)
        elif op == "move" and record["stage"] != STAGES[arg % 3]:
            before = record["stage"]
            set_fields(record, {"stage": STAGES[arg % 3]}, stamper)
            append_entry(record, "history", {"from": before, "to": STAGES[arg % 3]}, stamper)
        elif op in ("undo_move", "redo_move") and record.get("history"):
            entry = sorted(record["history"])[arg % len(record["history"])]
            retract_entry(record, "history", entry, stamper, retracted=op == "undo_move")
        elif op == "log":
            append_entry(record, "log", {"kind": "doubt", "text": f"{who.user} {arg}"}, stamper)
        elif op.endswith("_log") or op.startswith("fix_log"):
            log = sorted(record.get("log", {}))
            if log:
                set_log_fields(
                    record, log[arg % len(log)], _log_change(op, arg, who, stamper), stamper
                )
        elif op == "add_note":
            add_item(record, "notes", {"text": f"{who.user} note {arg}"}, stamper)
        elif op == "edit_note" and notes:
            note = notes[arg % len(notes)]
            set_item_fields(record, "notes", note, {"text": f"{who.user} edit {arg}"}, stamper)
        elif op == "delete_note" and notes:
            note = notes[arg % len(notes)]
            set_item_fields(record, "notes", note, {"deleted_at": stamper.at()}, stamper)
        elif op == "delete_card":
            set_fields(record, {"deleted_at": stamper.at()}, stamper)
        elif op == "archive":
            set_fields(record, {"archived_at": stamper.at()}, stamper)
        elif op in ISSUE_16_VALUES:
            values = ISSUE_16_VALUES[op]
            set_fields(record, {op: values[arg % len(values)]}, stamper)
        elif op == "add_card":
            cards[new_id()] = new_card({"title": f"{who.user} card {arg}"}, stamper)
    return state


def _log_change(op: str, arg: int, who: Identity, stamper: Stamper) -> dict[str, Any]:
    if op == "fix_log_kind":
        return {"kind": LOG_KINDS[arg % len(LOG_KINDS)]}
    if op == "fix_log_text":
        return {"text": f"{who.user} fixed {arg}"}
    return {"deleted_at": stamper.at() if op == "remove_log" else None}


def sides(count: int) -> st.SearchStrategy[list[Record]]:
    return st.tuples(*[operations] * count).map(
        lambda all_ops: [apply(ops, PEOPLE[i]) for i, ops in enumerate(all_ops)]
    )


def stamped_values(record: Record) -> dict[tuple[str, ...], tuple[Any, Any]]:
    """Every field of a card (left out or not), with its value and stamp, keyed by where it sits."""
    found = {("", k): (value_of(record, k), stamp_of(record, k)) for k in CARD_FIELDS}
    for name, defaults in ITEM_FIELDS.items():
        for item_id, item in record.get(name, {}).items():
            for k in defaults:
                found[(name, item_id, k)] = (value_of(item, k, defaults), stamp_of(item, k))
    for entry_id, entry in record.get("log", {}).items():
        for k in LOG_EDITS:  # an entry as first written has no stamp: any correction wins
            found[("log", entry_id, k)] = (value_of(entry, k, LOG_EDITS), stamp_of(entry, k))
    return found


def creations(record: Record) -> dict[tuple[str, ...], str]:
    """When and by whom the card and each of its items were made (stored or implied)."""
    found = {("", "created_at"): created_at_of(record), ("", "created_by"): created_by_of(record)}
    for name in ITEM_FIELDS:
        for item_id, item in record.get(name, {}).items():
            found[(name, item_id)] = created_at_of(item)
    return found


@SETTINGS
@given(sides(2))
def test_merge_is_commutative(boards: list[Record]) -> None:
    a, b = boards
    assert merge_boards(a, b) == merge_boards(b, a)


@SETTINGS
@given(sides(3))
def test_merge_is_associative(boards: list[Record]) -> None:
    check_associative(merge_boards, *boards)


@SETTINGS
@given(sides(2))
def test_merge_is_idempotent(boards: list[Record]) -> None:
    check_idempotent(merge_boards, *boards)


@SETTINGS
@given(sides(3))
def test_no_edit_is_lost_unless_a_newer_one_replaced_it(boards: list[Record]) -> None:
    result = merge_boards(merge_boards(boards[0], boards[1]), boards[2])
    for side in boards:
        for card_id, record in side[CARDS].items():
            merged = result[CARDS][card_id]
            kept = stamped_values(merged)
            for where, (value, stamp) in stamped_values(record).items():
                new_value, new_stamp = kept[where]
                assert stamp_key(new_stamp) >= stamp_key(stamp), (card_id, where)
                if new_stamp == stamp:
                    assert new_value == value, (card_id, where)
            for entry_id, entry in record.get("history", {}).items():
                assert merged["history"][entry_id] == entry  # (log entries: stamped_values)
            # every copy of a card or item here shares its `*`: so does its creation
            assert creations(record).items() <= creations(merged).items(), card_id


@SETTINGS
@given(sides(2))
def test_an_older_copy_never_undoes_a_deletion(boards: list[Record]) -> None:
    for side in boards:
        for other in (BASE, *boards):
            result = merge_boards(other, side)
            for card_id, record in side[CARDS].items():
                if record.get("deleted_at"):
                    assert result[CARDS][card_id].get("deleted_at"), card_id
                for note_id, note in record.get("notes", {}).items():
                    if note.get("deleted_at"):
                        assert result[CARDS][card_id]["notes"][note_id].get("deleted_at")


@SETTINGS
@given(sides(3))
def test_stage_history_is_the_union_of_both(boards: list[Record]) -> None:
    result = merge_boards(merge_boards(boards[0], boards[1]), boards[2])
    for card_id, merged in result[CARDS].items():
        expected: set[str] = set()
        for side in boards:
            expected |= set(side[CARDS].get(card_id, {}).get("history", {}))
        assert set(merged.get("history", {})) == expected


@SETTINGS
@given(sides(2))
def test_two_copies_merge_to_one_created_by(boards: list[Record]) -> None:
    """created_by merges like created_at (under the `*` stamp): one maker, the one of every copy,
    and the model's history starts with the card's creation by them. The `*` stamp stands for
    both, so the merged card (and each item) stores neither."""
    result = merge_boards(*boards)
    for card_id, merged in result[CARDS].items():
        copies = [side[CARDS][card_id] for side in boards if card_id in side[CARDS]]
        assert {created_by_of(c) for c in copies} == {created_by_of(merged)}
        assert {created_at_of(c) for c in copies} == {created_at_of(merged)}
        first = card_from_record(card_id, merged).history[0]
        assert (first.id, first.at, first.from_stage, first.by) == (
            card_id,
            created_at_of(merged),
            None,
            created_by_of(merged),
        )
        items = [item for name in ITEM_FIELDS for item in merged.get(name, {}).values()]
        assert not any("created_at" in r or "created_by" in r for r in [merged, *items])


# ------------------------------------------- copies whose `*` stamps differ (format-1 migrations)

TIMES = [f"2026-11-0{day}T09:00:00.000000Z" for day in (2, 3, 4)]


@st.composite
def card_copy(draw: st.DrawFn) -> Record:
    """A copy of card 'c1' with note 'n1', each under a `*` stamp of its own (copies migrated
    from format 1 may differ there), the creation fields left out, written where they differ,
    or written anyway (as the first format-3 files had them)."""

    def made(star: list[str], names: dict[str, int]) -> Record:
        fields: Record = {}
        for name, part in names.items():
            value = draw(st.sampled_from(["left out", "as *", *TIMES[:2], "ann", ""]))
            if value != "left out":
                fields[name] = star[part] if value == "as *" else value
        return fields

    def star() -> list[str]:
        people = st.sampled_from([("ann", "dev-a"), ("ben", "dev-b")])
        return [draw(st.sampled_from(TIMES)), *draw(people)]

    card_star, note_star = star(), star()
    note = {"text": draw(st.sampled_from(["a", "b"])), "_stamps": {"*": note_star}}
    return {
        "title": draw(st.sampled_from(["Payroll", "Pay"])),
        "stage": "only-me",
        "_stamps": {"*": card_star},
        **made(card_star, {"created_at": 0, "created_by": 1}),
        "notes": {"n1": {**note, **made(note_star, {"created_at": 0})}},
    }


def written_out(record: Record) -> Record:
    """The card with the creation fields of it and its note written, as they read."""
    note = record["notes"]["n1"]
    return {
        **record,
        "created_at": created_at_of(record),
        "created_by": created_by_of(record),
        "notes": {"n1": {**note, "created_at": created_at_of(note)}},
    }


def star_at(record: Record, where: tuple[str, ...]) -> Any:
    """The `*` stamp of the card (where ('', …)) or of its note."""
    return stamp_of(record if where[0] == "" else record["notes"]["n1"], "*")


@SETTINGS
@given(st.lists(card_copy(), min_size=3, max_size=3))
def test_copies_with_different_stars_merge_to_one_of_their_creations(copies: list[Record]) -> None:
    a, b, c = copies
    both = merge_card(a, b)
    assert merge_card(b, a) == both
    assert merge_card(merge_card(a, b), c) == merge_card(a, merge_card(b, c))
    assert merge_card(both, a) == both == merge_card(both, b)
    # The creation of the card and of its note is a copy's: the one with the newer `*`.
    for where, made in creations(both).items():
        assert made in {creations(a)[where], creations(b)[where]}, where
        key_a, key_b = stamp_key(star_at(a, where)), stamp_key(star_at(b, where))
        if key_a != key_b:
            assert made == creations(a if key_a > key_b else b)[where], where
    # ... as if both were written out: leaving a field out changes nothing in the merge ...
    plain = merge_stamped(written_out(a), written_out(b), CARD_FIELDS, CARD_NESTED)
    assert creations(plain) == creations(both)
    # ... and the result writes a creation field only where its `*` does not stand for it
    # (where the copies are equal, the merge keeps that part as it is, whatever its shape).
    for where, names in (("", {"created_at": 0, "created_by": 1}), ("notes", {"created_at": 0})):
        parts = [r["notes"]["n1"] if where else r for r in (a, b, both)]
        for name, part in names.items():
            assert parts[0] == parts[1] or parts[2].get(name) != parts[2]["_stamps"]["*"][part]
