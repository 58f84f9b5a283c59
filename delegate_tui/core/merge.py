"""Provides the pure merge of two board states, built from small parts over expanded records.

- A **register** per field: last writer wins, the newest stamp `[at, user, device]` (ties
  broken by device, user, then the value itself, so the result never depends on argument
  order).
- A **keyed map**: records filed by id, each merged with the parts of its kind; a record on one
  side only is kept as it is.
- An **append-only set**: log and history entries, the union by id (an entry is immutable,
  but for a history entry's stamped retraction, `deleted_at`, and a log entry's stamped
  corrections of `kind` and `text` and its removal: registers like any other, so an undone
  move is dropped on every copy and a newer redo brings it back, and an entry as first written,
  unstamped, loses to any correction).
- A **record** (a card, an item, the header): registers for its fields, a keyed map for each
  collection of items, a set for each collection of entries. A board is a keyed map of cards.

Records are merged expanded (`codec.expand_fields`: every field present with its own stamp,
the creation explicit), so a left-out default or a creation the `*` stamp stands for merges
like any written value, and the result is compacted back to the one canonical shape. Only
records that differ are expanded: equal ones are shared, so the result shares unchanged records
with its inputs (callers can tell by identity what changed: do not mutate the inputs
afterwards), and a merge of two large boards costs little more than comparing them. Deletions
are stamped tombstones, so an older copy cannot bring a card back. The merge is commutative,
associative and idempotent. No I/O, no Textual.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, cast

from delegate_tui.core.codec import (
    DEFAULT_STAMP,
    ENTRY,
    ITEM_CREATION,
    PLAIN,
    STAMPS,
    Kind,
    Record,
    compact_fields,
    expand_fields,
)
from delegate_tui.core.display import line
from delegate_tui.core.errors import MergeError
from delegate_tui.core.formats import quoted
from delegate_tui.core.language import _, is_french, ngettext
from delegate_tui.core.records import (
    APPEND_COLLECTIONS,
    CARD,
    ITEM_COLLECTIONS,
    ITEM_FIELDS,
    stamp_key,
)

META = "_meta"
"""The table holding the board header (app, format, board id)."""

_MISSING: Any = object()

_PLAIN_TYPES = frozenset({str, int, bool, type(None)})
"""Types whose equal values are equal in JSON too (not floats: -0.0 == 0.0)."""


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


def first_wins(value_a: Any, stamp_a: Any, value_b: Any, stamp_b: Any) -> bool:
    """The register: whether the first write is the one kept (the newer stamp; on a tie the
    larger value in a fixed order; the first on a full tie)."""
    if stamp_a != stamp_b:
        key_a, key_b = stamp_key(stamp_a), stamp_key(stamp_b)
        if key_a != key_b:
            return key_a > key_b
    if type(value_a) is type(value_b) and type(value_a) in _PLAIN_TYPES and value_a == value_b:
        return True
    return _order(value_a) >= _order(value_b)


def merge_registers(a: Mapping[str, Any], b: Mapping[str, Any], skip: Mapping[str, Any]) -> Record:
    """The fields of two expanded records (but those in `skip`), each merged by its register;
    a field on one side only is that side's. `_stamps`: the winners' and the newer `*`."""
    stamps_a: Mapping[str, Any] = a.get(STAMPS, {})
    stamps_b: Mapping[str, Any] = b.get(STAMPS, {})
    result: Record = {}
    stamps: Record = {}
    for name in chain(a, (name for name in b if name not in a)):
        if name == STAMPS or name in skip:
            continue
        stamp_a, stamp_b = stamps_a.get(name), stamps_b.get(name)
        if name not in b or (name in a and first_wins(a[name], stamp_a, b[name], stamp_b)):
            value, stamp = a[name], stamp_a
        else:
            value, stamp = b[name], stamp_b
        result[name] = value
        if stamp is not None:
            stamps[name] = stamp
    if STAMPS in a or STAMPS in b:
        star = _newer(stamps_a.get(DEFAULT_STAMP), stamps_b.get(DEFAULT_STAMP))
        result[STAMPS] = stamps if star is None else {DEFAULT_STAMP: star, **stamps}
    return result


def merge_keyed(
    a: Mapping[str, Any], b: Mapping[str, Any], kind: Kind
) -> tuple[Mapping[str, Any], bool]:
    """The keyed map (append-only set for entries): records on one side kept, equal ones
    shared, differing ones merged; and whether the result holds something `b` lacks."""
    if a is b or a == b:
        return a, False
    result: Record = {}
    lacking = False
    for key, record_a in a.items():
        record_b = b.get(key, _MISSING)
        if record_b is _MISSING:
            result[key] = record_a
            lacking = True
        elif record_a is record_b or record_a == record_b:
            result[key] = record_a
        else:
            merged = _merge_differing(record_a, record_b, kind)
            result[key] = merged
            lacking = lacking or merged != record_b
    for key, record_b in b.items():
        if key not in a:
            result[key] = record_b
    return result, lacking


def merge_record(a: Mapping[str, Any], b: Mapping[str, Any], kind: Kind) -> Record:
    """Two copies of one record of `kind` merged, in the canonical compact shape."""
    if a == b:
        return cast(Record, a)  # shared with the input (see the module's docstring)
    return _merge_differing(a, b, kind)


def _merge_differing(a: Mapping[str, Any], b: Mapping[str, Any], kind: Kind) -> Record:
    if kind.append:
        return cast(Record, _pick(a, b))  # an entry is whole: one side's, shared
    expanded_a, expanded_b = expand_fields(a, kind), expand_fields(b, kind)
    merged = merge_registers(expanded_a, expanded_b, kind.collections)
    for name, sub in kind.collections.items():
        merged[name] = merge_keyed(expanded_a[name], expanded_b[name], sub)[0]
    return compact_fields(merged, kind)


Nested = Mapping[str, Mapping[str, Any] | Kind | None]
"""A record's collections by name: the defaults of their items' fields, None for immutable
entries, or the kind of what they hold."""


def nested_kind(
    defaults: Mapping[str, Any] | None = None,
    nested: Nested | None = None,
    creation: tuple[str, ...] = (),
) -> Kind:
    """The kind of a record given as the defaults of its fields, its collections (`Nested`)
    and its creation fields."""
    collections = {
        name: item
        if isinstance(item, Kind)
        else ENTRY
        if item is None
        else Kind(item, ITEM_CREATION)
        for name, item in (nested or {}).items()
    }
    return Kind(defaults or {}, creation, collections)


def merge_stamped(
    a: Mapping[str, Any],
    b: Mapping[str, Any],
    defaults: Mapping[str, Any] | None = None,
    nested: Nested | None = None,
    creation: tuple[str, ...] = (),
) -> Record:
    """`merge_record` of a kind given by parts (see `nested_kind`).

    A creation field (`creation`) has no stamp of its own: `*` stamps it, so it merges like any
    field under it and the copy with the newer `*` gives it. Each copy's value is read first
    (stored, else its own `*` part: the expanded record); only the result is shortened, against
    its `*`. Copies of one card share their `*` unless format-1 migrations gave them different
    ones (see migrate.py); a copy whose `*` is not its creation then keeps `created_at`
    written, and the newer `*` brings that written value, not its own time. Read first, the
    result is one of the copies' values whatever the order: the merge of the written-out
    records, spelled short.
    """
    return merge_record(a, b, nested_kind(defaults, nested, creation))


CARD_NESTED: dict[str, Mapping[str, Any] | Kind | None] = {
    **ITEM_FIELDS,
    **{name: CARD.collections[name] for name in APPEND_COLLECTIONS},
}
"""A card's collections: items with the defaults of their fields, entries with their kind (a log
entry's corrections and removal, a history entry's retraction)."""


def merge_card(a: Mapping[str, Any], b: Mapping[str, Any]) -> Record:
    return merge_record(a, b, CARD)


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
        raise MergeError(
            _("different boards ({one} and {other}): not merged").format(
                one=board_id(a), other=board_id(b)
            )
        )
    result: Record = {}
    lacking = False
    for table in chain(a, (table for table in b if table not in a)):
        kind = PLAIN if table == META else CARD
        merged, behind = merge_keyed(a.get(table, {}), b.get(table, {}), kind)
        result[table] = merged
        lacking = lacking or behind
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
            for name, stamp in entry.get("_stamps", {}).items():  # a retraction (history)
                found[(collection, entry_id, name)] = stamp
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
            return _("no outside changes")
        users = [line(user) for user in self.users]
        who = _(" and ").join(users) if len(users) <= 2 else ", ".join(users)
        count = len(self.by_card)
        if count == 1:
            card_id = next(iter(self.by_card))
            title = (titles or {}).get(card_id)
            if title:
                what = quoted(line(title)) if is_french() else f'"{line(title)}"'
            else:
                what = _("card {id}").format(id=card_id[:8])
        else:
            what = ngettext("{count} card", "{count} cards", count).format(count=count)
        return _("{who} changed {what}").format(who=who or _("someone"), what=what)
