"""The codec of the stored shape: compact and expanded records are each other's inverse, the
compact record is today's bytes, and the merge of cards is a register per field.

Canonical records are made as they are in real life: copies of one base board changed by random
sequences of real record operations (tests/core/test_merge_properties.py). Expanded records are also
drawn directly, any value (default or not) under any stamp, so the codec is tried on creations
and stamps that no sequence of edits makes."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from delegate_tui.board.boardfile import CARDS, dump_record
from delegate_tui.core.codec import (
    DEFAULT_STAMP,
    ENTRY,
    STAMPS,
    compact,
    expand,
    expand_fields,
)
from delegate_tui.core.merge import _order, merge_card
from delegate_tui.core.records import (
    APPEND_COLLECTIONS,
    CARD,
    CARD_FIELDS,
    ITEM_FIELDS,
    ITEM_KINDS,
    Record,
    stamp_key,
)
from tests.core.test_merge_properties import BASE, sides

SETTINGS = settings(max_examples=100, deadline=None)


def cards_of(boards: list[Record]) -> list[Record]:
    return [record for board in (BASE, *boards) for record in board[CARDS].values()]


@SETTINGS
@given(sides(2))
def test_compact_of_expand_is_the_record_byte_for_byte(boards: list[Record]) -> None:
    for record in cards_of(boards):
        again = compact(expand(record, CARD), CARD)
        assert again == record
        assert dump_record(again) == dump_record(record)
    merged = merge_card(*[b[CARDS]["card-0"] for b in boards])
    assert dump_record(compact(expand(merged, CARD), CARD)) == dump_record(merged)


@SETTINGS
@given(sides(2))
def test_expand_of_compact_is_the_expanded_record(boards: list[Record]) -> None:
    for record in cards_of(boards):
        expanded = expand(record, CARD)
        assert expand(compact(expanded, CARD), CARD) == expanded


@SETTINGS
@given(sides(1))
def test_an_expanded_card_holds_every_field_with_a_stamp(boards: list[Record]) -> None:
    for record in cards_of(boards):
        expanded = expand(record, CARD)
        stamps = expanded[STAMPS]
        for name in (*CARD_FIELDS, "created_at", "created_by"):
            assert name in expanded and stamps[name], name
        assert stamps["created_at"] == stamps[DEFAULT_STAMP]
        assert expanded["created_at"] == stamps[DEFAULT_STAMP][0]
        for name, defaults in ITEM_FIELDS.items():
            for item in expanded[name].values():
                assert set(defaults) | {"created_at"} <= item.keys()
        for name in ("log", "history"):  # entries: stored whole but for a removal/retraction
            for key, entry in expanded[name].items():
                assert entry["deleted_at"] == record[name][key].get("deleted_at")
                assert compact(entry, CARD.collections[name]) == record[name][key]


TIMES = [f"2026-11-0{day}T09:00:00.000000Z" for day in (2, 3, 4)]
stamps = st.builds(
    lambda at, who: [at, *who],
    st.sampled_from(TIMES),
    st.sampled_from([("ann", "dev-a"), ("ben", "dev-b")]),
)
VALUES: dict[str, list[Any]] = {
    "title": ["", "Payroll"],
    "stage": ["only-me", "team-owned"],
    "owner": ["", "Marie"],
    "hours_per_week": [0.0, 2.5, 0],
    "level": [None, 3],
    "provider": [False, True],
    "deleted_at": [None, TIMES[0], ""],
    "text": ["", "a note"],
}


@st.composite
def expanded_records(
    draw: st.DrawFn, defaults: dict[str, Any], creation: tuple[str, ...]
) -> Record:
    """Every field of `defaults` with one of a few values (its default often) and a stamp (`*`
    often), the creation fields explicit under `*`, as an expanded record holds them."""
    star = draw(stamps)
    record: Record = {}
    own: Record = {DEFAULT_STAMP: star}
    for name, default in defaults.items():
        record[name] = draw(st.sampled_from([default, *VALUES.get(name, [])]))
        own[name] = draw(st.sampled_from([star, star, draw(stamps)]))
    for name in creation:
        part = 0 if name == "created_at" else 1
        record[name] = draw(st.sampled_from([star[part], TIMES[1], "ben"]))
        own[name] = star
    record[STAMPS] = own
    return record


def _log_entry(parts: tuple[Record, Record, Record]) -> Record:
    entry, said, removal = parts
    stamps = {**said[STAMPS], **removal.get(STAMPS, {})}
    fields = {k: v for k, v in {**said, **removal}.items() if k != STAMPS}
    return {**entry, **fields, **({STAMPS: stamps} if stamps else {})}


def expanded_cards() -> st.SearchStrategy[Record]:
    items = {
        name: st.dictionaries(
            st.sampled_from(["i1", "i2"]), expanded_records(defaults, ("created_at",)), max_size=2
        )
        for name, defaults in ITEM_FIELDS.items()
    }
    entry = st.fixed_dictionaries({"at": st.sampled_from(TIMES), "by": st.just("ann")})
    # a history entry expanded holds its retraction, stamped once it was retracted or brought back
    retraction = st.one_of(
        st.just({"deleted_at": None}),
        st.builds(
            lambda at, stamp: {"deleted_at": at, STAMPS: {"deleted_at": stamp}},
            st.sampled_from([None, TIMES[0]]),
            stamps,
        ),
    )
    history = st.tuples(entry, retraction).map(lambda parts: {**parts[0], **parts[1]})
    # a log entry: the same, and its kind and text, each stamped once it was corrected
    said = st.builds(
        lambda kind, text, kind_stamp, text_stamp: {
            "kind": kind,
            "text": text,
            STAMPS: {name: s for name, s in (("kind", kind_stamp), ("text", text_stamp)) if s},
        },
        st.sampled_from(["error", "doubt"]),
        st.sampled_from(["", "late"]),
        st.none() | stamps,
        st.none() | stamps,
    )
    log = st.tuples(entry, said, retraction).map(_log_entry)
    entries = {
        name: st.dictionaries(st.sampled_from(["e1", "e2"]), history if name == "history" else log)
        for name in APPEND_COLLECTIONS
    }
    return st.tuples(
        expanded_records(CARD_FIELDS, ("created_at", "created_by")),
        st.fixed_dictionaries({**items, **entries}),
    ).map(lambda parts: {**parts[0], **parts[1]})


@SETTINGS
@given(expanded_cards())
def test_any_expanded_card_comes_back_from_its_compact_form(expanded: Record) -> None:
    compacted = compact(expanded, CARD)
    assert expand(compacted, CARD) == expanded
    assert compact(expand(compacted, CARD), CARD) == compacted
    star = expanded[STAMPS][DEFAULT_STAMP]
    for name, part in (("created_at", 0), ("created_by", 1)):
        assert (name in compacted) == (expanded[name] != star[part]), name


@SETTINGS
@given(expanded_records(ITEM_FIELDS["decisions"], ("created_at",)))
def test_an_item_left_at_its_defaults_keeps_only_its_text(expanded: Record) -> None:
    kind = ITEM_KINDS["decisions"]
    compacted = compact(expanded, kind)
    assert "text" in compacted  # kept for a person reading the file, even empty
    for name, default in ITEM_FIELDS["decisions"].items():
        value = expanded[name]
        at_default = value is None if default is None else value == default
        at_default = at_default and type(value) is type(default)
        assert (name in compacted) == (name == "text" or not at_default), name
    assert expand(compacted, kind) == expanded


def test_entries_are_stored_whole() -> None:
    entry = {"at": TIMES[0], "by": "ann", "kind": "doubt", "text": ""}
    assert expand(entry, ENTRY) == entry == compact(entry, ENTRY)


@SETTINGS
@given(expanded_cards(), expanded_cards())
def test_a_merged_card_is_a_register_per_field(a: Record, b: Record) -> None:
    """Each field of the merge (expanded) holds the value of the copy with the newer stamp (on
    a tie, the larger value), whatever was left out of the compact records."""
    merged = expand_fields(merge_card(compact(a, CARD), compact(b, CARD)), CARD)
    star = max(a[STAMPS][DEFAULT_STAMP], b[STAMPS][DEFAULT_STAMP], key=stamp_key)
    assert merged[STAMPS][DEFAULT_STAMP] == star
    for name in (*CARD_FIELDS, "created_at", "created_by"):
        sides_ = [(stamp_key(r[STAMPS][name]), _order(r[name]), r[name]) for r in (a, b)]
        assert merged[name] == max(sides_)[2], name
