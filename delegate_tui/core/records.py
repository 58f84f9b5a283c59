"""Provides the stored shape of a card and the stamped edits that build it.

A card record is a JSON object. Every scalar field carries a stamp `[at, user, device]` in the
record's `_stamps`, so that two machines editing different fields of one card both keep their
edit when the files meet (see `merge.py`). Standards, notes and decisions are objects keyed by
id with stamps of their own; the transition log and the stage history are append-only objects
keyed by id (but for a log entry's corrected kind and text, a removal or a retraction: stamped
fields of the entry). Deletions are `deleted_at` tombstones, never removals. Pure: no I/O, no
Textual.

The stored shape is compact (board format 3): defaults left out, one shared `*` stamp, the
creation implied by it, ids only as keys. `codec.py` holds those rules and their readers
(`stamp_of`, `value_of`, `created_at_of`, `created_by_of`); every function here writes through
them, in the one canonical form, which the merge keeps. A card's creation is not a history
entry: `card_from_record` puts it back in the history.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from delegate_tui.core.card_fields import CARD_DEFAULTS, PLAIN_FIELDS
from delegate_tui.core.codec import (
    STAMPS,
    Kind,
    Record,
    card_kind,
    compact_fields,
    created_at_of,
    created_by_of,
    fresh_stamps,
    put_value,
    stamp_of,
)
from delegate_tui.core.codec import value_of as _value_of
from delegate_tui.core.model import Card, Decision, LogEntry, Note, StageChange, Standard
from delegate_tui.core.times import (
    LATEST,
    format_time,
    parse_time,
)
from delegate_tui.core.vocabulary import ABSENCE_ANSWERS, LEVELS, REASONS, ROLES, STAGES

Stamp = list[str]
Clock = Callable[[], datetime]

ITEM_COLLECTIONS: tuple[str, ...] = ("standards", "notes", "decisions")
"""Per-item editable collections: each item merges field by field."""

APPEND_COLLECTIONS: tuple[str, ...] = ("log", "history")
"""Append-only collections: they merge by union of ids."""

COLLECTIONS = ITEM_COLLECTIONS + APPEND_COLLECTIONS

CARD_FIELDS: dict[str, Any] = dict(CARD_DEFAULTS)
"""Editable scalar fields of a card and their defaults, in stored order (from the field table,
`card_fields.CARD_SPECS`)."""

ITEM_FIELDS: dict[str, dict[str, Any]] = {
    "standards": {"text": "", "done": False, "deleted_at": None},
    "notes": {"text": "", "deleted_at": None},
    "decisions": {"text": "", "limit": "", "deleted_at": None},
}

RETRACTION: dict[str, Any] = {"deleted_at": None}
"""The one field of a history entry that changes: when it was retracted (undo), stamped in
the entry's `_stamps` so that it merges like a deletion and a newer un-retraction (redo) wins.
An entry never retracted holds neither: it is stored as it always was."""

HISTORY = Kind(RETRACTION)
"""A history entry: immutable but for its retraction (its other fields have no stamp)."""

LOG_EDITS: dict[str, Any] = {"kind": "", "text": "", "deleted_at": None}
"""The fields of a log entry that can change: its kind and text (a correction) and its removal,
each stamped in the entry's `_stamps`. The entry as first written has no stamp: any stamped
correction wins over it when copies merge; two corrections, the newest per field."""

LOG = Kind(RETRACTION)
"""A log entry: registers for its fields (kind and text are always written, so only the removal
needs a default), merged field by field like a history entry's retraction."""

_CARD = card_kind(CARD_FIELDS, ITEM_FIELDS, APPEND_COLLECTIONS)
CARD = replace(_CARD, collections={**_CARD.collections, "history": HISTORY, "log": LOG})
"""What the codec needs to know of a card (codec.py: the compact rules)."""
ITEM_KINDS: dict[str, Kind] = {name: CARD.collections[name] for name in ITEM_COLLECTIONS}


@dataclass(frozen=True, slots=True)
class Identity:
    """Who makes a change: a user name and the id of the device they use."""

    user: str
    device: str


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class Stamper:
    """Hands out stamps for one identity, strictly increasing even if the clock stalls."""

    def __init__(self, identity: Identity, clock: Clock = utc_now) -> None:
        self.identity = identity
        self.clock = clock
        self._last = ""

    def at(self, after: str = "") -> str:
        """A timestamp later than any this stamper gave and later than `after`."""
        at = format_time(self.clock())
        floor = max(self._last, after)
        if at <= floor:  # (a stamp at LATEST is followed by LATEST: a tie, not an unreadable time)
            at = format_time(min(parse_time(floor) + timedelta(microseconds=1), LATEST))
        self._last = at
        return at

    def stamp(self, after: str = "") -> Stamp:
        return [self.at(after), self.identity.user, self.identity.device]


def value_of(
    record: Mapping[str, Any], name: str, defaults: Mapping[str, Any] = CARD_FIELDS
) -> Any:
    """A field's value; a field left out holds its default (a card's, unless told)."""
    return _value_of(record, name, defaults)


def stamp_key(stamp: Any) -> tuple[str, str, str]:
    """The order of stamps: time, then device, then user (a malformed stamp comes first)."""
    if isinstance(stamp, list) and len(stamp) == 3:
        return (str(stamp[0]), str(stamp[2]), str(stamp[1]))
    return ("", "", "")


def _stamp_fields(
    target: Record, changes: Mapping[str, Any], stamper: Stamper, defaults: Mapping[str, Any]
) -> None:
    """Set fields and stamp them all with one stamp later than each one's previous stamp."""
    previous = [stamp_of(target, name) for name in changes]
    after = max((str(stamp[0]) for stamp in previous if stamp), default="")
    stamps: dict[str, Stamp] = target.pop(STAMPS, {})
    stamp = stamper.stamp(after)
    for name, value in changes.items():
        put_value(target, name, value, defaults)
        stamps[name] = stamp
    target[STAMPS] = stamps  # kept last in the record, after the values people read


def _fresh(values: Mapping[str, Any], kind: Kind, stamp: Stamp) -> Record:
    """The stored fields of a new record: every value under the one shared stamp (which stands
    for its creation too: see created_at_of)."""
    return compact_fields({**values, STAMPS: fresh_stamps(stamp)}, kind)


def new_card(fields: Mapping[str, Any], stamper: Stamper) -> Record:
    """A fresh card record with every field stamped (file it under a new id: `new_id`). Its
    creation is its `*` stamp, not a history entry: the model's history starts with it all the
    same (see `_stage_changes`)."""
    unknown = set(fields) - set(CARD_FIELDS)
    if unknown:
        raise KeyError(f"not card fields: {sorted(unknown)}")
    return _fresh({**CARD_FIELDS, **fields}, CARD, stamper.stamp())


def set_fields(record: Record, changes: Mapping[str, Any], stamper: Stamper) -> None:
    unknown = set(changes) - set(CARD_FIELDS)
    if unknown:
        raise KeyError(f"not card fields: {sorted(unknown)}")
    _stamp_fields(record, changes, stamper, CARD_FIELDS)


def add_item(record: Record, collection: str, fields: Mapping[str, Any], stamper: Stamper) -> str:
    """Add a standard, note or decision; returns its id."""
    item_id = new_id()
    defaults = ITEM_FIELDS[collection]
    item = _fresh({**defaults, **fields}, ITEM_KINDS[collection], stamper.stamp())
    record.setdefault(collection, {})[item_id] = item
    return item_id


def set_item_fields(
    record: Record, collection: str, item_id: str, changes: Mapping[str, Any], stamper: Stamper
) -> None:
    unknown = set(changes) - set(ITEM_FIELDS[collection])
    if unknown:
        raise KeyError(f"not {collection} fields: {sorted(unknown)}")
    _stamp_fields(record[collection][item_id], changes, stamper, ITEM_FIELDS[collection])


def idle_move(entry: Mapping[str, Any]) -> bool:
    """Whether a history entry goes from a stage to itself (a move that never happened)."""
    return entry.get("from") == entry.get("to")


def append_entry(
    record: Record, collection: str, entry: Mapping[str, Any], stamper: Stamper
) -> str:
    """Append an immutable log or history entry; returns its id. A history entry from a stage
    to itself is refused (ValueError): it would be a move that never happened."""
    if collection == "history" and idle_move(entry):
        raise ValueError(f"a history entry from {entry.get('from')!r} to itself")
    entry_id = new_id()
    full = {"at": stamper.at(), "by": stamper.identity.user, **entry}
    record.setdefault(collection, {})[entry_id] = full
    return entry_id


def forced_creation(record: Record, stage: str, stamper: Stamper) -> dict[str, Any]:
    """The history entry of a card made in `stage` past the readiness gate: its creation, kept
    in the file (unlike a plain one) to say it was forced."""
    by = created_by_of(record) or stamper.identity.user
    return {"at": created_at_of(record), "by": by, "from": None, "to": stage, "forced": True}


def retract_entry(
    record: Record, collection: str, entry_id: str, stamper: Stamper, retracted: bool = True
) -> None:
    """Retract a history entry (undo of the move that added it), or bring it back
    (`retracted=False`, redo): a stamp later than the entry's previous one."""
    if collection != "history":
        raise KeyError(f"{collection} entries cannot be retracted")
    at = stamper.at() if retracted else None
    _stamp_fields(record[collection][entry_id], {"deleted_at": at}, stamper, RETRACTION)


def set_log_fields(
    record: Record, entry_id: str, changes: Mapping[str, Any], stamper: Stamper
) -> None:
    """Correct a log entry's kind or text, or remove it (`deleted_at`), or bring it back."""
    unknown = set(changes) - set(LOG_EDITS)
    if unknown:
        raise KeyError(f"not log entry fields: {sorted(unknown)}")
    _stamp_fields(record["log"][entry_id], changes, stamper, LOG_EDITS)


def correction_of(entry: Mapping[str, Any]) -> tuple[str, str]:
    """Who corrected a log entry's kind or text last and when (the newest of their stamps);
    ('', '') for an entry as first written."""
    stamps = entry.get(STAMPS)
    if not isinstance(stamps, Mapping):
        return "", ""
    found = [s for name in ("kind", "text") if isinstance(s := stamps.get(name), list)]
    newest = max(found, key=stamp_key, default=None)
    return (str(newest[1]), str(newest[0])) if newest and len(newest) == 3 else ("", "")


def _log_entry(entry_id: str, entry: Mapping[str, Any]) -> LogEntry:
    by, at = correction_of(entry)
    get = entry.get
    return LogEntry(
        entry_id, get("at", ""), get("kind", ""), get("text", ""), get("by", ""), by, at
    )


def is_live(record: Mapping[str, Any]) -> bool:
    """Not deleted (a tombstone stays in the file so older copies cannot bring it back)."""
    return not record.get("deleted_at")


def updated_at(record: Mapping[str, Any]) -> str:
    """The newest moment anything in the card changed."""
    moments = [s[0] for s in record.get("_stamps", {}).values()]
    for name in ITEM_COLLECTIONS:
        for item in record.get(name, {}).values():
            moments.extend(s[0] for s in item.get("_stamps", {}).values())
    for name in APPEND_COLLECTIONS:
        for entry in record.get(name, {}).values():
            moments.append(entry.get("at", ""))
            moments.extend(s[0] for s in entry.get("_stamps", {}).values())
    return max(moments, default=created_at_of(record))


Keyed = tuple[str, Mapping[str, Any]]
"""An item or entry with its id (the key it is filed under)."""


def _item_order(keyed: Keyed) -> tuple[str, str]:
    """Items in the order they were made (an edit of the text keeps the item's place)."""
    return (created_at_of(keyed[1]), keyed[0])


def _live_items(record: Mapping[str, Any], collection: str) -> list[Keyed]:
    items = [(i, item) for i, item in record.get(collection, {}).items() if is_live(item)]
    items.sort(key=_item_order)
    return items


def _time_order(keyed: Keyed) -> tuple[Any, str]:
    """Log and history entries in time order, then by id."""
    return (keyed[1].get("at", ""), keyed[0])


def _by_time(record: Mapping[str, Any], collection: str) -> list[Keyed]:
    return sorted(record.get(collection, {}).items(), key=_time_order)


def initial_stage(record: Mapping[str, Any], entries: Iterable[Keyed]) -> str:
    """The stage a card was made in: the `from` of the earliest of its history `entries` (by
    time, then id) when that is a stage, else its current stage (it never moved)."""
    earliest = min(entries, key=_time_order, default=None)
    start = earliest[1].get("from") if earliest else None
    return start if start in STAGES else str(record.get("stage", "only-me"))


def _stage_changes(card_id: str, record: Mapping[str, Any]) -> list[StageChange]:
    """The stage history in time order. The file leaves out the card's creation (an entry from
    no stage) unless an older file kept it: it comes back, filed under the card's id, from
    `created_at_of` and `created_by_of`. A creation comes first among changes at the same
    moment."""
    history: Mapping[str, Any] = record.get("history", {})
    changes = [
        StageChange(
            i,
            e.get("at", ""),
            e.get("from"),
            e.get("to", ""),
            e.get("by", ""),
            e.get("forced") is True,
        )
        for i, e in history.items()
        if is_live(e)  # a retracted entry (an undone move) is left out of every view
    ]
    if all(change.from_stage is not None for change in changes):
        stage = initial_stage(record, history.items())  # (an undone move still starts there)
        at, by = created_at_of(record), created_by_of(record)
        changes.append(StageChange(card_id, at, None, stage, by))
    changes.sort(key=lambda c: (c.at, c.from_stage is not None, c.id))
    return changes


def card_from_record(card_id: str, record: Mapping[str, Any]) -> Card:
    """The model's view of the stored card filed under `card_id` (tombstoned items left out,
    entries in time order, the creation in the history)."""
    get = record.get
    return Card(
        id=card_id,
        title=str(get("title", "")),
        stage=str(get("stage", "only-me")),
        position=float(get("position", 0.0) or 0.0),
        description=str(get("description", "") or ""),
        owner=str(get("owner", "") or ""),
        accountable=str(get("accountable", "") or ""),
        hours_per_week=float(get("hours_per_week", 0.0) or 0.0),
        area=str(get("area", "") or ""),
        standards=[
            Standard(i, str(item.get("text", "")), bool(item.get("done")))
            for i, item in _live_items(record, "standards")
        ],
        notes=[Note(i, str(item.get("text", ""))) for i, item in _live_items(record, "notes")],
        decisions=[
            Decision(i, str(item.get("text", "")), str(item.get("limit", "") or ""))
            for i, item in _live_items(record, "decisions")
        ],
        log=[_log_entry(i, e) for i, e in _by_time(record, "log") if is_live(e)],
        history=_stage_changes(card_id, record),
        created_at=created_at_of(record),
        updated_at=updated_at(record),
        archived_at=get("archived_at"),
        absence=_choice(get("absence"), ABSENCE_ANSWERS),
        level=_level(get("level")),
        target_level=_level(get("target_level")),
        reason=_choice(get("reason"), REASONS),
        provider=get("provider") is True,
        confidentiality=str(get("confidentiality", "") or ""),
        reporting=str(get("reporting", "") or ""),
        checkin=str(get("checkin", "") or ""),
        checked_in_at=get("checked_in_at") if isinstance(get("checked_in_at"), str) else None,
        leader_mission=get("leader_mission") is True,
        role=_choice(get("role"), ROLES),
        backup=str(get("backup", "") or ""),
        absence_at=_stamp_time(stamp_of(record, "absence")),
        plain={name: str(get(name, "") or "") for name in PLAIN_FIELDS},
    )


def _stamp_time(stamp: Any) -> str:
    """The time of a stamp ('' for a malformed one)."""
    return stamp[0] if isinstance(stamp, list) and stamp and isinstance(stamp[0], str) else ""


def _choice(value: Any, allowed: tuple[str, ...]) -> str:
    """A value from `allowed`, or '' for anything else a hand-edited file may hold."""
    return value if isinstance(value, str) and value in allowed else ""


def _level(value: Any) -> int | None:
    """A delegation level 1-7, or None for anything else."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= len(LEVELS):
        return value
    return None
