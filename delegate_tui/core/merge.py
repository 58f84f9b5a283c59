"""Provides the pure merge of two board states.

Every scalar field keeps the value with the newest stamp `[at, user, device]` (ties broken by
device, user, then the value itself, so the result never depends on argument order). Items of
standards, notes and decisions merge field by field; log and history entries merge by union.
Deletions are stamped tombstones, so an older copy cannot bring a card back. The merge is
commutative, associative and idempotent. The result shares unchanged records with its inputs
(so callers can tell by identity what changed): do not mutate the inputs afterwards.
No I/O, no Textual.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from delegate_tui.core.display import line
from delegate_tui.core.errors import MergeError
from delegate_tui.core.records import (
    APPEND_COLLECTIONS,
    CARD_FIELDS,
    CREATION,
    DEFAULT_STAMP,
    ITEM_COLLECTIONS,
    ITEM_CREATION,
    ITEM_FIELDS,
    Record,
    creation_in,
    creation_of,
    put_value,
    stamp_key,
    stamp_of,
)

META = "_meta"
"""The table holding the board header (app, format, board id)."""


CARD_CREATION: tuple[str, ...] = tuple(CREATION)
"""The creation fields a card may leave out (see `merge_stamped`; an item's: ITEM_CREATION)."""


def _order(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _pick(a: Any, b: Any) -> Any:
    """The larger of two unstamped values in a fixed total order."""
    if a == b:
        return a
    return a if _order(a) >= _order(b) else b


def _newer(stamp_a: Any, stamp_b: Any) -> Any:
    """The later of two stamps (either may be None)."""
    if stamp_b is None:
        return stamp_a
    if stamp_a is None:
        return stamp_b
    return stamp_a if stamp_key(stamp_a) >= stamp_key(stamp_b) else stamp_b


def merge_stamped(
    a: Mapping[str, Any],
    b: Mapping[str, Any],
    defaults: Mapping[str, Any] | None = None,
    nested: Mapping[str, Mapping[str, Any] | None] | None = None,
    creation: tuple[str, ...] = (),
) -> Record:
    """Merge two records whose scalar fields carry stamps in `_stamps`.

    A field named in `defaults` that a record leaves out holds its default (see records.py);
    other fields count only where present. `nested` names the collections of the record, each
    with the defaults of its items (None for append-only entries). The result is in the
    canonical stored shape: defaults left out, and a stamp listed only where it is not the
    shared `*` stamp (the newer of the two inputs' `*`).

    `creation` names the fields a record leaves out where they equal their part of its own `*`
    stamp (records.CREATION: a card's created_at and created_by, an item's created_at). They
    have no stamp of their own, so `*` stamps them and they merge like any field under it: the
    copy with the newer `*` gives them (as when they were always written). Each copy's value is
    read first (stored, else its own `*` part); only the result is shortened, against its `*`.
    Copies of one card share their `*` unless format-1 migrations gave them different ones (each
    copy's oldest stamp: see migrate.py); a copy whose `*` is not its creation then keeps
    `created_at` written, and the newer `*` brings that written value, not its own time.
    Comparing only what is stored would not do: a left-out value would lose to any written one
    however old, a value left out against one `*` would be missing again against the next, and
    the result would depend on the order of the merges. Read first, the result is one of the
    copies' values whatever the order: the merge of the written-out records, spelled short.
    """
    if a == b:
        return a  # type: ignore[return-value]
    defaults = defaults or {}
    nested = nested or {}
    star_a, star_b = stamp_of(a, DEFAULT_STAMP), stamp_of(b, DEFAULT_STAMP)
    star = _newer(star_a, star_b)
    implied = {name: creation_in(star, name) for name in creation}
    result: Record = {}
    stamps: dict[str, Any] = {}
    for name in a.keys() | b.keys() | defaults.keys() | implied.keys():
        if name == "_stamps":
            continue
        if name in nested:
            merged = merge_collection(a.get(name, {}), b.get(name, {}), nested[name])
            if merged:
                result[name] = merged
            continue
        in_a, in_b = name in a or name in defaults, name in b or name in defaults
        if name in implied:
            in_a = in_b = True
            value_a, value_b = creation_of(a, name), creation_of(b, name)
        else:
            value_a, value_b = a.get(name, defaults.get(name)), b.get(name, defaults.get(name))
        key_a = stamp_key(stamp_of(a, name)) if in_a else None
        key_b = stamp_key(stamp_of(b, name)) if in_b else None
        if key_b is None or (
            key_a is not None and (key_a, _order(value_a)) >= (key_b, _order(value_b))
        ):
            value, stamp = value_a, stamp_of(a, name)
        else:
            value, stamp = value_b, stamp_of(b, name)
        if name not in implied:
            put_value(result, name, value, defaults)
        elif value != implied[name]:
            result[name] = value
        if stamp is not None and stamp != star:
            stamps[name] = stamp
    if star is not None:
        stamps = {DEFAULT_STAMP: star, **stamps}
    if stamps or "_stamps" in a or "_stamps" in b:
        result["_stamps"] = stamps
    return result


def merge_collection(
    a: Mapping[str, Any], b: Mapping[str, Any], item_defaults: Mapping[str, Any] | None
) -> Record:
    """Merge two id-keyed collections of a card: items field by field, entries by union."""
    if a == b:
        return a  # type: ignore[return-value]
    result: Record = {}
    for item_id in a.keys() | b.keys():
        if item_id not in b:
            result[item_id] = a[item_id]
        elif item_id not in a:
            result[item_id] = b[item_id]
        elif item_defaults is not None:
            result[item_id] = merge_stamped(
                a[item_id], b[item_id], item_defaults, None, ITEM_CREATION
            )
        else:
            result[item_id] = _pick(a[item_id], b[item_id])
    return result


CARD_NESTED: dict[str, Mapping[str, Any] | None] = {
    **ITEM_FIELDS,
    **dict.fromkeys(APPEND_COLLECTIONS),
}
"""A card's collections: items with the defaults of their fields, entries with None."""


def merge_card(a: Mapping[str, Any], b: Mapping[str, Any]) -> Record:
    return merge_stamped(a, b, CARD_FIELDS, CARD_NESTED, CARD_CREATION)


def board_id(state: Mapping[str, Any]) -> str | None:
    meta = state.get(META, {}).get("board", {})
    return meta.get("board_id") if isinstance(meta, Mapping) else None


def merge_boards(a: Mapping[str, Any], b: Mapping[str, Any]) -> Record:
    """Merge two whole board states (TinyDB tables). Raises MergeError for different boards."""
    return merge_onto(a, b)[0]


def merge_onto(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[Record, bool]:
    """`merge_boards(a, b)`, and whether the result holds something `b` lacks (so that `b`, the
    file on disk, must be written). Records equal on both sides are compared once, by the
    merge itself; only records that differ are compared with the result."""
    if board_id(a) != board_id(b):
        raise MergeError(f"different boards ({board_id(a)} and {board_id(b)}): not merged")
    result: Record = {}
    lacking = False
    for table in a.keys() | b.keys():
        docs_a: Mapping[str, Any] = a.get(table, {})
        docs_b: Mapping[str, Any] = b.get(table, {})
        if docs_a is docs_b or docs_a == docs_b:
            result[table] = docs_a
            continue
        merged: Record = {}
        for doc_id in docs_a.keys() | docs_b.keys():
            if doc_id not in docs_b:
                merged[doc_id] = docs_a[doc_id]
                lacking = True
            elif doc_id not in docs_a:
                merged[doc_id] = docs_b[doc_id]
            elif (doc_a := docs_a[doc_id]) == (doc_b := docs_b[doc_id]):
                merged[doc_id] = doc_a
            else:
                merge = merge_stamped if table == META else merge_card
                merged[doc_id] = merge(doc_a, doc_b)
                lacking = lacking or merged[doc_id] != doc_b
        result[table] = merged
    return result, lacking


def stamps_of(record: Mapping[str, Any]) -> dict[tuple[str, ...], Any]:
    """Every stamp in a card, keyed by where it sits (log and history entries count as stamps)."""
    found: dict[tuple[str, ...], Any] = {
        ("", name): stamp for name, stamp in record.get("_stamps", {}).items()
    }
    for collection in ITEM_COLLECTIONS:
        for item_id, item in record.get(collection, {}).items():
            for name, stamp in item.get("_stamps", {}).items():
                found[(collection, item_id, name)] = stamp
    for collection in APPEND_COLLECTIONS:
        for entry_id, entry in record.get(collection, {}).items():
            found[(collection, entry_id)] = [entry.get("at", ""), entry.get("by", ""), ""]
    return found


def changed_by(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> frozenset[str]:
    """The users whose stamps are in `after` but not in `before` (who changed this card)."""
    old = stamps_of(before or {})
    return frozenset(
        str(stamp[1])
        for where, stamp in stamps_of(after).items()
        if old.get(where) != stamp and isinstance(stamp, list) and len(stamp) == 3 and stamp[1]
    )


@dataclass(frozen=True)
class Changes:
    """What came in from outside: the changed cards and, for each, the users who changed it.

    Iterating, `len` and `in` work on the card ids, so it can be used like a set of ids.
    """

    by_card: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def between(cls, before: Mapping[str, Any], after: Mapping[str, Any]) -> Changes:
        """Compare two `cards` tables; records shared by identity are unchanged."""
        return cls(
            {
                card_id: changed_by(before.get(card_id), record)
                for card_id, record in after.items()
                if before.get(card_id) is not record and before.get(card_id) != record
            }
        )

    @property
    def users(self) -> list[str]:
        """Everyone who changed something, sorted."""
        return sorted(set().union(*self.by_card.values())) if self.by_card else []

    def __bool__(self) -> bool:
        return bool(self.by_card)

    def __len__(self) -> int:
        return len(self.by_card)

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_card)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.by_card

    def __or__(self, other: Changes) -> Changes:
        merged = dict(self.by_card)
        for card_id, users in other.by_card.items():
            merged[card_id] = merged.get(card_id, frozenset()) | users
        return Changes(merged)

    def summary(self, titles: Mapping[str, str] | None = None) -> str:
        """One line for a notification, e.g. 'bob changed "Invoicing"' (plain text, not markup)."""
        if not self.by_card:
            return "no outside changes"
        users = [line(user) for user in self.users]
        who = " and ".join(users) if len(users) <= 2 else ", ".join(users)
        if len(self.by_card) == 1:
            card_id = next(iter(self.by_card))
            title = (titles or {}).get(card_id)
            what = f'"{line(title)}"' if title else f"card {card_id[:8]}"
        else:
            what = f"{len(self.by_card)} cards"
        return f"{who or 'someone'} changed {what}"
