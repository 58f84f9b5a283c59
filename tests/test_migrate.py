"""Format-1 boards (every field written, every field stamped) migrate to format 2 meaning the same.

The property tests build format-2 boards with the real record operations (see
test_merge_properties), spell them out in the format-1 shape, and check that migrating gives the
same cards and stamps back, and that merging then migrating is migrating then merging.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given

from delegate_tui.boardfile import CARDS, FORMAT_VERSION
from delegate_tui.merge import CARD_NESTED, META, merge_card, merge_stamped
from delegate_tui.migrate import compact
from delegate_tui.records import (
    CARD_FIELDS,
    COLLECTIONS,
    ITEM_FIELDS,
    Identity,
    Record,
    Stamper,
    card_from_record,
    set_fields,
    stamp_of,
)
from delegate_tui.store import BoardStore
from tests.conftest import FrozenClock, file_hash
from tests.test_merge_properties import SETTINGS, sides, stamped_values


def expand(record: Record, defaults: dict[str, Any] = CARD_FIELDS) -> Record:
    """The format-1 shape of a record: every field written and stamped on its own."""
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


def merge_v1(a: Record, b: Record) -> Record:
    """The format-1 merge: no defaults, no shared stamp, fields count where present."""
    nested = {name: ({} if name in ITEM_FIELDS else None) for name in CARD_NESTED}
    return merge_stamped(a, b, None, nested)


def meaning(record: Record) -> tuple[Any, ...]:
    return (card_from_record(record), stamped_values(record), record.get("log"))


@SETTINGS
@given(sides(2))
def test_migrating_gives_the_same_cards_and_stamps(boards: list[Record]) -> None:
    for board in boards:
        for record in board[CARDS].values():
            old = expand(record)
            assert "*" not in old["_stamps"] and len(old["_stamps"]) == len(CARD_FIELDS)
            # The shape may differ (the oldest stamp becomes `*`), never the meaning.
            assert meaning(compact(old, CARD_FIELDS)) == meaning(record)


@SETTINGS
@given(sides(2))
def test_merging_then_migrating_is_migrating_then_merging(boards: list[Record]) -> None:
    a, b = boards
    for card_id in a[CARDS].keys() & b[CARDS].keys():
        new, old = a[CARDS][card_id], b[CARDS][card_id]
        migrated = compact(merge_v1(expand(new), expand(old)), CARD_FIELDS)
        assert meaning(migrated) == meaning(merge_card(new, old)), card_id


def test_a_field_an_older_version_never_wrote_loses_to_a_real_edit() -> None:
    """Format 1 left out fields that did not exist yet; they count as set when the card was made."""
    clock = FrozenClock()
    lead = Stamper(Identity("lead", "dev-0"), clock)
    made = [lead.at(), "lead", "dev-0"]
    old: Record = {"id": "c1", "title": "Payroll", "stage": "only-me", "created_at": made[0]}
    old["_stamps"] = {"title": made, "stage": made}
    clock.advance(days=1)
    theirs = compact(old, CARD_FIELDS)
    set_fields(theirs, {"checkin": "Fridays"}, Stamper(Identity("bob", "dev-b"), clock))
    clock.advance(days=1)
    mine = compact(old, CARD_FIELDS)
    set_fields(mine, {"title": "Payroll prep"}, lead)  # a later edit of another field
    for merged in (merge_card(mine, theirs), merge_card(theirs, mine)):
        card = card_from_record(merged)
        assert (card.title, card.checkin) == ("Payroll prep", "Fridays")


def write_format_1(path: Path, cards: dict[str, Record]) -> None:
    meta = {"app": "delegate-tui", "format": 1, "board_id": "b-1", "name": "old"}
    lines = [json.dumps(k) + ":" + json.dumps(expand(v)) for k, v in cards.items()]
    path.write_text(
        '{"_meta":' + json.dumps({"board": meta}) + ',\n"cards":{\n' + ",\n".join(lines) + "\n}}\n"
    )


def test_a_format_1_file_opens_unchanged_and_is_written_as_format_2(
    tmp_path: Path, run_cli: Any, alice: Identity
) -> None:
    source = BoardStore(tmp_path / "new.json", alice, clock=FrozenClock())
    first = source.add("Invoicing", "delegating", owner="Marie", hours_per_week=2.0)
    source.add_item(first.id, "standards", text="Sent by the 5th")
    source.add("Quotes")
    path = tmp_path / "board.json"
    write_format_1(path, dict(source.raw_cards()))
    before, size = file_hash(path), path.stat().st_size

    old = BoardStore(path, alice, clock=FrozenClock())
    assert old.cards() == source.cards()
    for command in (("list", "--json"), ("status",), ("show", first.id[:8], "--json")):
        result = run_cli(*command, board=path)
        assert result.code == 0, result.err
    assert file_hash(path) == before  # reading never rewrites an older file

    assert run_cli("edit", first.id[:8], "--owner", "Karim", board=path).code == 0
    data = json.loads(path.read_text())
    assert data[META]["board"]["format"] == FORMAT_VERSION == 2
    record = data[CARDS][first.id]
    assert record["owner"] == "Karim" and "description" not in record
    assert record["_stamps"]["owner"] != record["_stamps"]["*"]  # the edit has its own stamp
    assert path.stat().st_size < size / 2
    assert [c.title for c in BoardStore(path, alice).cards()] == ["Quotes", "Invoicing"]
