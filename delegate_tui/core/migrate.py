"""Provides the migration of boards written in an older file format to the current one.

Format 1 stamped every field of every card on its own and wrote every field, defaults included:
a card of a few words took about 2 KB, most of it the same stamp nineteen times. Format 2 keeps
the same information in the compact shape of `codec.py`: fields holding their default are
left out, and one shared `*` stamp stands for every field without a stamp of its own.

A format-1 record migrates with its oldest stamp as `*` (in practice the moment the card was
made). A field that format 1 left out (one that did not exist yet when the card was last
written) then counts as set at that oldest moment, so any real edit from another copy still
wins over it.

Format 3 writes ids only as keys and leaves out the history entry of a card's creation (see
`records.py`): a format-2 card drops the `id` inside it and inside each of its items and
entries, where it equals the key. A hand-edited file whose inner id differs from its key keeps
it, unread: the key is the id, as it was for everything but the card's own model. The creation
entry (the one from no stage) goes when the model rebuilds it exactly: it is the only one, at
`created_at`, to the stage the card's first move left (or its stage if it never moved), by a
name, nothing else in it. Its author becomes `created_by`. Otherwise it stays stored and the
model reads it as before (it then rebuilds none).

Format 3 also leaves out a card's `created_at` and `created_by`, and an item's `created_at`,
where they are the time and user of the record's `*` stamp (what a left-out one reads as: see
codec.creation_of); a creation entry that goes leaves its author as `created_by` ('' for
none) unless that is the `*` user. Files 0.1 and 0.2 wrote always hold `created_at` (an item of
a format-1 file older than that field gets the time of its text's stamp, which placed it then),
so each model stays the same; a hand-made line without `created_at` now reads as made at its
`*` time (it read as '', or for an item as its text's time).

Format 4 reads the same as format 3 (its migration changes nothing): log entries may hold stamped
corrections and removals (`_stamps`, `deleted_at`), as history entries may hold a retraction and
`forced`. A version that reads only format 3 drops the keys of entries it does not know, so it
would show removed log entries and undone moves again and lose them at its next save: it
refuses a format-4 file instead (a newer format is never read).

Format 5 reads the same as format 4 (its migration changes nothing): a card may hold
`leader_mission`, `role` and `backup`, and its absence answer may be "waits". A version that
reads only format 4 drops card keys it does not know (see `stored_shape`) and refuses "waits" as
a damaged answer, so it would lose a leader mission at its next save: it refuses a format-5 file
instead. Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from delegate_tui.core.codec import (
    CARD_CREATION,
    ITEM_CREATION,
    STAMPS,
    Record,
    is_default,
    shorten,
    stamp_of,
    under_star,
)
from delegate_tui.core.records import (
    APPEND_COLLECTIONS,
    CARD_FIELDS,
    COLLECTIONS,
    ITEM_COLLECTIONS,
    ITEM_FIELDS,
    initial_stage,
    stamp_key,
)

CURRENT_FORMAT = 5
"""The board file format this version writes (and the newest it reads)."""


def compact(record: Mapping[str, Any], defaults: Mapping[str, Any]) -> Record:
    """A format-1 record (card or item) in the format-2 shape, meaning the same."""
    stamps = record.get(STAMPS)
    valid = (
        {k: v for k, v in stamps.items() if isinstance(v, list) and len(v) == 3}
        if isinstance(stamps, Mapping)
        else {}
    )
    result: Record = {}
    for name, value in record.items():
        if name == STAMPS:
            continue
        if name in ITEM_FIELDS and isinstance(value, Mapping):
            items = {
                i: compact(_dated(item), ITEM_FIELDS[name]) if isinstance(item, Mapping) else item
                for i, item in value.items()
            }
            if items:
                result[name] = items
        elif name in APPEND_COLLECTIONS and isinstance(value, Mapping):
            if value:
                result[name] = value
        elif not is_default(name, value, defaults):
            result[name] = value
    if isinstance(stamps, Mapping):
        if valid:
            result[STAMPS] = under_star(stamps, min(valid.values(), key=stamp_key))
        else:
            result[STAMPS] = dict(stamps)
    return result


def _dated(item: Mapping[str, Any]) -> Mapping[str, Any]:
    """A format-1 item with the creation time it was read with: its `created_at`, or in a file
    older than that field, the time of its text's stamp (format 3 no longer falls back on it)."""
    if item.get("created_at"):
        return item
    return {**item, "created_at": stamp_key(stamp_of(item, "text"))[0]}


def _without_id(key: str, record: Any) -> Any:
    """A record without the inner id that repeats its key (anything else left as it is)."""
    if isinstance(record, Mapping) and record.get("id") == key:
        return {name: value for name, value in record.items() if name != "id"}
    return record


CREATION_FIELDS = frozenset({"id", "at", "from", "to", "by"})
"""What a creation entry holds: the model rebuilds all of it (its id becomes the card's)."""


def _implied(record: Mapping[str, Any], history: Mapping[str, Any]) -> tuple[str, str] | None:
    """The key and author of the creation entry if the model rebuilds it exactly, else None."""
    creations = [(k, e) for k, e in history.items() if e.get("from") is None]
    if len(creations) != 1 or "created_by" in record:
        return None
    if not all(isinstance(e.get("at", ""), str) for e in history.values()):
        return None  # a hand-edited time: its order is unknown, so is the first stage
    key, entry = creations[0]
    by = entry.get("by", "")
    rest = [(k, e) for k, e in history.items() if k != key]
    if (
        set(entry) <= CREATION_FIELDS
        and isinstance(by, str)
        and isinstance(record.get("created_at"), str)
        and entry.get("at") == record["created_at"]
        and entry.get("to") == initial_stage(record, rest)
    ):
        return key, by
    return None


def lighten(card_id: str, record: Mapping[str, Any]) -> Record:
    """A format-2 card in the format-3 shape, meaning the same: no inner ids where they repeat
    the key, no stored creation entry where the model rebuilds it, and no creation fields of
    the card or its items where the `*` stamp stands for them."""
    result: Record = {}
    for name, value in _without_id(card_id, record).items():
        if name in COLLECTIONS and isinstance(value, Mapping):
            value = {key: _without_id(key, item) for key, item in value.items()}
            if name in ITEM_COLLECTIONS:
                value = {
                    key: shorten(item, ITEM_CREATION) if isinstance(item, Mapping) else item
                    for key, item in value.items()
                }
        result[name] = value
    history = result.get("history")
    if not isinstance(history, dict) or not all(isinstance(e, Mapping) for e in history.values()):
        return shorten(result, CARD_CREATION)
    implied = _implied(result, history)
    if implied is None:
        return shorten(result, CARD_CREATION)
    key, by = implied
    history = {k: e for k, e in history.items() if k != key}
    shaped: Record = {}
    for name, value in result.items():
        if name != "history" or history:
            shaped[name] = history if name == "history" else value
        if name == "created_at":
            shaped["created_by"] = by  # next to created_at (unless `*` stands for both)
    return shorten(shaped, CARD_CREATION)


def migrate(data: Record, version: int, cards_table: str) -> None:
    """Bring a parsed board of format `version` up to CURRENT_FORMAT, in place."""
    cards = data.get(cards_table, {})
    if version < 2:
        cards = {card_id: compact(record, CARD_FIELDS) for card_id, record in cards.items()}
    if version < 3:
        cards = {card_id: lighten(card_id, record) for card_id, record in cards.items()}
    data[cards_table] = cards
