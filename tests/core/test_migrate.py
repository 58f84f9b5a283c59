"""Older boards migrate to format 3 meaning the same.

Format 1 wrote every field and stamped each on its own; format 2 left defaults out under one
shared `*` stamp; format 3 writes ids only as keys and leaves a card's creation to its `*`
stamp (or `created_at`/`created_by` where they differ). The property tests build format-3 boards with the real record
operations (see test_merge_properties), spell them out the way 0.2 (format 2) and 0.1 (format 1)
wrote them, and check that migrating gives the same cards and stamps back, and that merging then
migrating is migrating then merging. A hand-written format-2 file checks the same on disk.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import uuid
from pathlib import Path
from typing import Any

from hypothesis import given

from delegate_tui.board.boardfile import CARDS, FORMAT_VERSION
from delegate_tui.board.store import BoardStore
from delegate_tui.core.merge import CARD_NESTED, META, merge_boards, merge_card, merge_stamped
from delegate_tui.core.migrate import compact, lighten, migrate
from delegate_tui.core.model import Card
from delegate_tui.core.records import (
    CARD_FIELDS,
    COLLECTIONS,
    ITEM_FIELDS,
    Identity,
    Record,
    Stamper,
    card_from_record,
    created_at_of,
    created_by_of,
    initial_stage,
    set_fields,
    stamp_of,
)
from tests.core.test_merge_properties import SETTINGS, creations, sides, stamped_values
from tests.kit.basics import FrozenClock, file_hash

# ---------------------------------------------------------------- older shapes of a card


def to_format_2(card_id: str, record: Record) -> Record:
    """A format-3 card as 0.2 wrote it: its id inside it and inside each item and entry, the
    creation time of it and its items written out, its creation as a history entry (by the
    card's maker, to its first stage), no created_by.

    The creation entry's id is derived from the card's, so copies of one card agree on it (in
    real life it was made once and copied)."""
    old: Record = {"id": card_id, "created_at": created_at_of(record)}
    for name, value in record.items():
        if name in COLLECTIONS:
            made = (lambda i: {"created_at": created_at_of(i)}) if name in ITEM_FIELDS else dict
            old[name] = {key: {"id": key, **item, **made(item)} for key, item in value.items()}
        elif name != "created_by":
            old[name] = value
    creation = str(uuid.uuid5(uuid.NAMESPACE_URL, card_id))
    entry = {"id": creation, "at": old["created_at"], "by": created_by_of(record), "from": None}
    entry["to"] = initial_stage(record, record.get("history", {}).items())
    old["history"] = {creation: entry, **old.get("history", {})}
    return old


def expand(record: Record, defaults: dict[str, Any] = CARD_FIELDS) -> Record:
    """The format-1 shape of a format-2 record: every field written and stamped on its own."""
    old: Record = {}
    for name, value in record.items():
        if name in ITEM_FIELDS:
            old[name] = {i: expand(item, ITEM_FIELDS[name]) for i, item in value.items()}
        elif name != "_stamps":
            old[name] = value
    for name, default in defaults.items():
        old.setdefault(name, default)
    if defaults is CARD_FIELDS:
        for name in COLLECTIONS:
            old.setdefault(name, {})
    old["_stamps"] = {name: stamp_of(record, name) for name in defaults}
    return old


def older(board: Record, version: int) -> Record:
    """A format-3 board as format `version` (1 or 2) wrote it."""
    cards = {i: to_format_2(i, r) for i, r in board[CARDS].items()}
    if version == 1:
        cards = {i: expand(r) for i, r in cards.items()}
    return {**copy.deepcopy({k: v for k, v in board.items() if k != CARDS}), CARDS: cards}


def migrated(board: Record, version: int) -> Record:
    data = copy.deepcopy(board)
    migrate(data, version, CARDS)
    return data


def merge_v1(a: Record, b: Record) -> Record:
    """The format-1 merge: no defaults, no shared stamp, fields count where present."""
    nested = {name: ({} if name in ITEM_FIELDS else kind) for name, kind in CARD_NESTED.items()}
    return merge_stamped(a, b, None, nested)


def model(card_id: str, record: Record) -> Card:
    """The card's model with its creation entry filed under the card's id (as format 3 has it:
    in older files it had an id of its own)."""
    card = card_from_record(card_id, record)
    history = [
        dataclasses.replace(h, id=card_id) if h.from_stage is None else h for h in card.history
    ]
    return dataclasses.replace(card, history=history)


def meaning(card_id: str, record: Record) -> tuple[Any, ...]:
    return (model(card_id, record), stamped_values(record), creations(record))


# ---------------------------------------------------------------- properties


@SETTINGS
@given(sides(2))
def test_migrating_format_2_gives_the_same_cards_and_stamps(boards: list[Record]) -> None:
    for board in boards:
        old = older(board, 2)
        new = migrated(old, 2)
        for card_id, record in board[CARDS].items():
            before = old[CARDS][card_id]
            assert "id" in before and any(h["from"] is None for h in before["history"].values())
            assert meaning(card_id, new[CARDS][card_id]) == meaning(card_id, before)
            # ... and the stored shape is the one format 3 writes for that card
            assert new[CARDS][card_id] == record


@SETTINGS
@given(sides(2))
def test_migrating_format_1_gives_the_same_cards_and_stamps(boards: list[Record]) -> None:
    for board in boards:
        old = older(board, 1)
        new = migrated(old, 1)
        for card_id, record in board[CARDS].items():
            assert "*" not in old[CARDS][card_id]["_stamps"]
            assert len(old[CARDS][card_id]["_stamps"]) == len(CARD_FIELDS)
            # The shape may differ (the oldest stamp becomes `*`), never the meaning.
            assert meaning(card_id, new[CARDS][card_id]) == meaning(card_id, record)


@SETTINGS
@given(sides(2))
def test_merging_then_migrating_is_migrating_then_merging(boards: list[Record]) -> None:
    a, b = (older(board, 2) for board in boards)
    merged_first = migrated(merge_boards(a, b), 2)
    migrated_first = merge_boards(migrated(a, 2), migrated(b, 2))
    assert merged_first[CARDS].keys() == migrated_first[CARDS].keys()
    for card_id, record in merged_first[CARDS].items():
        assert meaning(card_id, record) == meaning(card_id, migrated_first[CARDS][card_id])


@SETTINGS
@given(sides(2))
def test_merging_format_1_then_migrating_is_migrating_then_merging(boards: list[Record]) -> None:
    a, b = boards
    for card_id in a[CARDS].keys() & b[CARDS].keys():
        old_a, old_b = (expand(to_format_2(card_id, side[CARDS][card_id])) for side in boards)
        migrated_card = lighten(card_id, compact(merge_v1(old_a, old_b), CARD_FIELDS))
        merged = merge_card(a[CARDS][card_id], b[CARDS][card_id])
        assert meaning(card_id, migrated_card) == meaning(card_id, merged), card_id


# ---------------------------------------------------------------- single cards


def test_a_field_an_older_version_never_wrote_loses_to_a_real_edit() -> None:
    """Format 1 left out fields that did not exist yet; they count as set when the card was made."""
    clock = FrozenClock()
    lead = Stamper(Identity("lead", "dev-0"), clock)
    made = [lead.at(), "lead", "dev-0"]
    old: Record = {"id": "c1", "title": "Payroll", "stage": "only-me", "created_at": made[0]}
    old["_stamps"] = {"title": made, "stage": made}
    clock.advance(days=1)
    theirs = lighten("c1", compact(old, CARD_FIELDS))
    set_fields(theirs, {"checkin": "Fridays"}, Stamper(Identity("bob", "dev-b"), clock))
    clock.advance(days=1)
    mine = lighten("c1", compact(old, CARD_FIELDS))
    set_fields(mine, {"title": "Payroll prep"}, lead)  # a later edit of another field
    for merged in (merge_card(mine, theirs), merge_card(theirs, mine)):
        card = card_from_record("c1", merged)
        assert (card.title, card.checkin) == ("Payroll prep", "Fridays")


AT, LATER, DAY3 = (f"2026-11-0{day}T09:00:00.000000Z" for day in (2, 3, 4))


def card_2(**history: dict[str, Any]) -> Record:
    """A format-2 card 'c1' made at AT by ann in only-me, with the given history entries."""
    return {
        "id": "c1",
        "title": "Payroll",
        "stage": "delegating",
        "_stamps": {"*": [AT, "ann", "dev-a"]},
        "created_at": AT,
        "history": {key: {"id": key, **entry} for key, entry in history.items()},
    }


CREATED = {"at": AT, "by": "ann", "from": None, "to": "only-me"}
MOVED = {"at": LATER, "by": "ann", "from": "only-me", "to": "delegating"}


def test_the_creation_comes_before_a_move_at_the_same_moment() -> None:
    """A hand-edited move at the very moment of creation: the history still starts with the
    creation, whatever the ids (stored or rebuilt)."""
    old = card_2(h0=CREATED, a1={**MOVED, "at": AT})
    light = lighten("c1", old)
    assert list(light["history"]) == ["a1"]
    for record in (old, light):
        history = card_from_record("c1", record).history
        assert [(h.from_stage, h.to_stage) for h in history] == [
            (None, "only-me"),
            ("only-me", "delegating"),
        ]


def test_a_creation_entry_the_model_cannot_rebuild_stays() -> None:
    """Hand-edited or odd files keep their creation entry, and the model reads it as before."""
    odd = [
        {**CREATED, "at": LATER},  # not the moment the card was made
        {**CREATED, "to": "team-owned"},  # not the stage the first move left
        {**CREATED, "by": None},  # no name
        {**CREATED, "note": "made in the meeting"},  # more than the model keeps
    ]
    for entry in odd:
        old = card_2(h0=entry, h1=MOVED)
        light = lighten("c1", old)
        assert list(light["history"]) == ["h0", "h1"] and "created_by" not in light, entry
        assert all("id" not in e for e in light["history"].values())
        assert card_from_record("c1", light) == card_from_record("c1", old)
    twice = card_2(h0=CREATED, h1=MOVED, h2={**CREATED, "at": LATER})
    assert list(lighten("c1", twice)["history"]) == ["h0", "h1", "h2"]


def test_an_inner_id_that_is_not_the_key_is_kept_and_the_key_wins() -> None:
    old = card_2(h0=CREATED)
    old["id"] = "c0"  # a hand-copied line, filed under another key
    old["notes"] = {"n1": {"id": "n1", "text": "a"}, "n2": {"id": "nx", "text": "b"}}
    light = lighten("c1", old)
    assert light["id"] == "c0" and light["notes"] == {
        "n1": {"text": "a"},
        "n2": {"id": "nx", "text": "b"},
    }
    card = card_from_record("c1", light)
    assert card.id == "c1" and [n.id for n in card.notes] == ["n1", "n2"]


# ---------------------------------------------------------------- files on disk


def write_board(path: Path, version: int, cards: dict[str, Record]) -> None:
    meta = {
        "app": "delegate-tui",
        "format": version,
        "board_id": "0b6e7c2a-3d4f-4a1b-9c8d-7e6f5a4b3c2d",
        "name": "old",
    }
    lines = [json.dumps(k) + ":" + json.dumps(v, separators=(",", ":")) for k, v in cards.items()]
    path.write_text(
        '{"_meta":' + json.dumps({"board": meta}) + ',\n"cards":{\n' + ",\n".join(lines) + "\n}}\n"
    )


def assert_reading_leaves_it(path: Path, run_cli: Any, card_id: str) -> None:
    before = file_hash(path)
    for command in (("list",), ("list", "--json"), ("status",), ("show", card_id[:8], "--json")):
        result = run_cli(*command, board=path)
        assert result.code == 0, result.err
    assert file_hash(path) == before  # reading never rewrites an older file


def test_a_format_1_file_opens_unchanged_and_is_written_as_format_3(
    tmp_path: Path, run_cli: Any, alice: Identity
) -> None:
    source = BoardStore(tmp_path / "new.json", alice, clock=FrozenClock())
    first = source.add("Invoicing", "delegating", owner="Marie", hours_per_week=2.0)
    source.add_item(first.id, "standards", text="Sent by the 5th")
    source.add("Quotes")
    path = tmp_path / "board.json"
    write_board(path, 1, older({CARDS: dict(source.raw_cards())}, 1)[CARDS])
    size = path.stat().st_size

    assert BoardStore(path, alice, clock=FrozenClock()).cards() == source.cards()
    assert_reading_leaves_it(path, run_cli, first.id)

    assert run_cli("edit", first.id[:8], "--owner", "Karim", board=path).code == 0
    data = json.loads(path.read_text())
    assert data[META]["board"]["format"] == FORMAT_VERSION == 5
    record = data[CARDS][first.id]
    assert record["owner"] == "Karim" and "description" not in record and "id" not in record
    assert record["_stamps"]["owner"] != record["_stamps"]["*"]  # the edit has its own stamp
    assert not {"history", "created_at", "created_by"} & record.keys()  # all in the `*` stamp
    assert path.stat().st_size < size / 2
    assert [c.title for c in BoardStore(path, alice).cards()] == ["Quotes", "Invoicing"]


A, B, C = (f"{n}0000000-0000-4000-8000-00000000000{n}" for n in "abc")


def format_2_cards() -> dict[str, Record]:
    """Three cards as 0.2 wrote them: one moved with items and a log, one never moved, and one
    whose line was hand-copied (its inner id is not its key; its creation entry came later)."""
    alice, bob = [AT, "alice", "dev-a"], [AT, "bob", "dev-b"]
    moved = [LATER, "alice", "dev-a"]
    item = {"text": "Sent by the 5th", "_stamps": {"*": moved}, "created_at": LATER}
    return {
        A: {
            "id": A,
            "title": "Invoicing",
            "stage": "delegating",
            "position": 1.0,
            "owner": "Marie",
            "_stamps": {"*": alice, "stage": moved, "position": moved},
            "created_at": AT,
            "history": {
                "h-a0": {"id": "h-a0", "at": AT, "by": "alice", "from": None, "to": "only-me"},
                "h-a1": {
                    "id": "h-a1",
                    "at": LATER,
                    "by": "alice",
                    "from": "only-me",
                    "to": "delegating",
                },
            },
            "standards": {"s-1": {"id": "s-1", **item}},
            "notes": {"n-1": {"id": "n-1", **item, "text": "Marie does it"}},
            "log": {
                "l-1": {"id": "l-1", "at": DAY3, "by": "bob", "kind": "doubt", "text": "Ready?"}
            },
        },
        B: {
            "id": B,
            "title": "Quotes",
            "stage": "only-me",
            "position": 1.0,
            "_stamps": {"*": bob},
            "created_at": AT,
            "history": {
                "h-b0": {"id": "h-b0", "at": AT, "by": "bob", "from": None, "to": "only-me"}
            },
        },
        C: {
            "id": A,
            "title": "Payroll (copy)",
            "stage": "team-owned",
            "position": 1.0,
            "_stamps": {"*": bob},
            "created_at": AT,
            "history": {
                "h-c0": {"id": "h-c0", "at": LATER, "by": "bob", "from": None, "to": "team-owned"}
            },
        },
    }


def test_a_format_2_file_opens_unchanged_and_is_written_as_format_3(
    tmp_path: Path, run_cli: Any, alice: Identity
) -> None:
    old = format_2_cards()
    path = tmp_path / "board.json"
    write_board(path, 2, old)
    size = path.stat().st_size
    # The same models, the creation entries filed under their card's id (C keeps its own).
    expected = {A: model(A, old[A]), B: model(B, old[B]), C: card_from_record(C, old[C])}

    cards = {c.id: c for c in BoardStore(path, alice, clock=FrozenClock()).cards()}
    assert cards == expected
    assert [(h.id, h.from_stage, h.to_stage, h.by) for h in cards[A].history] == [
        (A, None, "only-me", "alice"),  # the creation entry, now filed under the card's id
        ("h-a1", "only-me", "delegating", "alice"),
    ]
    assert_reading_leaves_it(path, run_cli, A)

    assert run_cli("edit", A[:8], "--owner", "Karim", board=path).code == 0
    data = json.loads(path.read_text())
    assert data[META]["board"]["format"] == 5
    new = data[CARDS]
    assert not any(
        "id" in e for r in new.values() for name in COLLECTIONS for e in r.get(name, {}).values()
    )
    assert "id" not in new[A] and "id" not in new[B]
    assert list(new[A]["history"]) == ["h-a1"] and "history" not in new[B]
    # Each made by its `*` stamp's user at its time: created_at/created_by only in that stamp.
    assert not any({"created_at", "created_by"} & r.keys() for r in new.values())
    # The hand-copied card keeps what the model cannot rebuild: its inner id, its creation entry.
    assert new[C]["id"] == A and list(new[C]["history"]) == ["h-c0"] and "created_by" not in new[C]
    assert path.stat().st_size < size
    again = {c.id: c for c in BoardStore(path, alice).cards()}
    assert again == {
        **expected,
        A: dataclasses.replace(expected[A], owner="Karim", updated_at=again[A].updated_at),
    }
