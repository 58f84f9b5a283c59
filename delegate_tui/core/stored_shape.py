"""Provides the stored shape's types: what each field may hold, and the one validating decode of a board.

One table per kind of record says what each stored field may hold, as a msgspec type: the
card's scalar fields (keyed exactly like `records.CARD_FIELDS`), the items' (`ITEM_FIELDS`),
log and history entries, stamps and the `_meta` header. The TypedDicts built from them are what
`BOARD_DECODER` decodes a board file into: plain dicts and lists, as TinyDB, the store and the
merge use them, checked in the same pass as the JSON is parsed. The rules:

- text is valid Unicode (no lone surrogates) of at most `MAX_STORED_TEXT` characters;
- numbers are finite and in range (hours 0-168, levels 1-7 or null; a position any finite
  number, whole ones within +-2**53: a position one past the last stays finite); flags are
  true or false; null stands for 0 in a position or hours, as the code reads it;
- choices are one of their words: stages, areas, absence answers, reasons and log kinds ('' for
  none where the model allows none);
- stored times are exactly `times.TIME_FORMAT` (UTC, a real date of a year 1970-2999), so
  `times.parse_time` cannot fail on them and their string order is their time order;
- a stamp is three texts `[at, user, device]`, `at` a stored time;
- card ids (the keys of `cards`) are letters, digits, '.', '_' or '-' (they are printed as
  they are); the board id is a UUID in canonical form (it names a backup folder).

Keys a table does not know are dropped by the decode: a field that a newer version adds must
come with a new format version (a newer format is refused, never rewritten), or it would be
lost at the next save. `locate` walks loosely parsed JSON along the same types to name each
damaged card and field (the slow path, when the decode fails). Pure: no I/O, no Textual.
"""

from __future__ import annotations

import json
import math
import re
import string
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from operator import itemgetter
from typing import Annotated, Any, Literal, Required, TypedDict, Union, get_args, get_origin

import msgspec
from msgspec import Meta

from delegate_tui.core.card_fields import CARD_SPECS
from delegate_tui.core.codec import Record
from delegate_tui.core.formats import NARROW, number
from delegate_tui.core.language import N_, _, is_french
from delegate_tui.core.records import CARD_FIELDS, ITEM_COLLECTIONS, ITEM_FIELDS
from delegate_tui.core.stored_types import (
    MAX_STORED_TEXT,
    UUID_PATTERN,
    CardId,
    Hours,
    Key,
    Level,
    LogKind,
    Position,
    Stage,
    Stamp,
    Text,
    Time,
    WhenSet,
)
from delegate_tui.core.times import FIRST_YEAR, LAST_YEAR, format_time
from delegate_tui.core.vocabulary import LEVELS, MAX_HOURS

APP = "delegate-tui"
"""What the `_meta` header of every board file names as its app."""

CARD_TYPES: dict[str, Any] = {spec.name: spec.stored for spec in CARD_SPECS}
"""What each editable scalar field of a card may hold (keyed like records.CARD_FIELDS: both come
from the field table, `card_fields.CARD_SPECS`)."""

ITEM_TYPES: dict[str, Any] = {"text": Text, "done": bool, "limit": Text, "deleted_at": WhenSet}
"""What each field of a standard, note or decision may hold (see records.ITEM_FIELDS)."""

RECORD_TYPES: dict[str, Any] = {"created_at": Time | None, "id": Text}
"""Stored beside the fields of every card and item (with `_stamps`, a Stamp by field name):
creation time, and the inner id format 1 and 2 wrote (kept where it is not the key: see
migrate.py)."""

LOG_TYPES: dict[str, Any] = {
    "at": Time,
    "by": Text,
    "kind": LogKind,
    "text": Text,
    "id": Text,
    "deleted_at": WhenSet,  # removed; stamped (like a correction of kind or text) in `_stamps`
}
HISTORY_TYPES: dict[str, Any] = {
    "at": Time,
    "by": Text,
    "from": Stage | None,  # None: the creation entry older files kept
    "to": Stage,
    "forced": bool,  # moved past the readiness gate (format 3 files without it stay valid)
    "id": Text,
    "deleted_at": WhenSet,  # retracted (an undone move); stamped in the entry's `_stamps`
}
HistoryStamped = Literal["deleted_at"]
"""The one field of a history entry that may carry a stamp (records.RETRACTION): no `*`, so its
`at`, `from` and `to` can never look like edits."""
LogStamped = Literal["kind", "text", "deleted_at"]
"""The fields of a log entry that may carry a stamp (records.LOG_EDITS): no `*`, so the `at` and
`by` of an entry as first written never change."""
META_TYPES: dict[str, Any] = {
    "app": Literal[APP],
    "format": Annotated[int, Meta(ge=1, le=1_000_000)],
    "board_id": Annotated[str, Meta(pattern=UUID_PATTERN)],
    "name": Text,
    "leader": Text,  # the board settings (board_settings.py), stamped in the header's `_stamps`
    "leader_hours": Hours | None,
}
MetaStamped = Literal["name", "leader", "leader_hours"]
"""The fields of the header that may carry a stamp (the board settings): no `*`."""

_FIELDS: dict[Any, dict[str, Any]] = {}
"""The fields of each TypedDict built here (for `locate`)."""


def typed_dict(name: str, fields: Mapping[str, Any], required: tuple[str, ...] = ()) -> Any:
    """A TypedDict of `fields` (all optional but `required`), as msgspec decodes it."""
    wrapped = {k: Required[v] if k in required else v for k, v in fields.items()}
    built = TypedDict(name, wrapped, total=False)  # type: ignore[misc]
    _FIELDS[built] = dict(fields)
    return built


def _check_tables() -> None:
    """Fail at import when a field of records.py has no type here: it must not pass unseen."""
    missing = set(CARD_FIELDS) ^ set(CARD_TYPES)
    items = {name for fields in ITEM_FIELDS.values() for name in fields} ^ set(ITEM_TYPES)
    if missing or items:
        raise TypeError(
            f"stored_shape: fields without a type or type without a field: {sorted(missing | items)}"
        )


_check_tables()


def board_shape(stamp: Any, card_id: Any, prefix: str = "") -> dict[str, Any]:
    """The TypedDicts of a board from the tables, its stamps `stamp` and card ids `card_id`."""
    record = {**RECORD_TYPES, "_stamps": dict[Key, stamp]}
    shapes: dict[str, Any] = {
        name: typed_dict(prefix + name.title(), {**{k: ITEM_TYPES[k] for k in fields}, **record})
        for name, fields in ITEM_FIELDS.items()
    }
    log = {**LOG_TYPES, "_stamps": dict[LogStamped, stamp]}
    shapes["log"] = typed_dict(prefix + "LogEntry", log, required=("at", "kind"))
    history = {**HISTORY_TYPES, "_stamps": dict[HistoryStamped, stamp]}
    shapes["history"] = typed_dict(prefix + "HistoryEntry", history, required=("at", "to"))
    collections = {name: dict[Key, shapes[name]] for name in (*ITEM_COLLECTIONS, "log", "history")}  # type: ignore[valid-type]
    card = typed_dict(prefix + "Card", {**CARD_TYPES, **collections, **record, "created_by": Text})
    meta_fields = {**META_TYPES, "_stamps": dict[MetaStamped, stamp]}
    meta = typed_dict(prefix + "BoardMeta", meta_fields, required=("app", "format", "board_id"))
    table = typed_dict(prefix + "MetaTable", {"board": meta}, required=("board",))
    cards = dict[card_id, card]  # type: ignore[valid-type]
    board = typed_dict(prefix + "Board", {"_meta": table, "cards": cards}, required=("_meta",))
    return {**shapes, "Card": card, "BoardMeta": meta, "Board": board}


SHAPES = board_shape(Stamp, CardId)
"""The rules as types: ITEM_SHAPES by collection, log and history entries, Card, Board."""
ITEM_SHAPES: dict[str, Any] = {name: SHAPES[name] for name in ITEM_COLLECTIONS}
LogEntry, HistoryEntry = SHAPES["log"], SHAPES["history"]
Card, BoardMeta, Board = SHAPES["Card"], SHAPES["BoardMeta"], SHAPES["Board"]

StampAsRead = Annotated[list[Text], Meta(min_length=3, max_length=3)]
"""A stamp as the decode reads it: a list (as the records' code compares and writes them) of
three texts; `stamp_times_ok` then checks the times of all stamps at once."""
BOARD_DECODER = msgspec.json.Decoder(board_shape(StampAsRead, Key, "Read")["Board"])
"""Decodes a board checking everything but stamps' times and card ids' letters, which
`decode_board` checks after in one pass each: a msgspec pattern costs 0.5 us a value, 25 ms for
the 50,000 stamps of a large board; the checks below take 5 ms."""

DecodeFailure = (msgspec.DecodeError, msgspec.ValidationError, RecursionError)
"""What a decode of a file that is not a valid board raises (deep nesting: RecursionError)."""

_DIGITS = str.maketrans("123456789", "000000000")
_LAYOUT = format_time(datetime(2000, 1, 1, tzinfo=UTC)).translate(_DIGITS)
_ID_LETTERS = str.maketrans("", "", string.ascii_letters + string.digits + "._-")
_first = itemgetter(0)
ENTRY_COLLECTIONS = ("log", "history")


def stamp_times(cards: Mapping[str, Any]) -> list[str]:
    """The time of every stamp of decoded cards (and of their items, log and history entries)."""
    times: list[str] = []
    add = times.extend
    for card in cards.values():
        stamps = card.get("_stamps")
        if stamps:
            add(map(_first, stamps.values()))
        for name in ITEM_COLLECTIONS:
            items = card.get(name)
            if items:
                for item in items.values():
                    stamps = item.get("_stamps")
                    if stamps:
                        add(map(_first, stamps.values()))
        for name in ENTRY_COLLECTIONS:
            entries = card.get(name)
            if entries:
                for entry in entries.values():
                    stamps = entry.get("_stamps")
                    if stamps:
                        add(map(_first, stamps.values()))
    return times


def times_ok(times: list[str]) -> bool:
    """Whether each of `times` is a stored time (what TIME_PATTERN says, for all at once)."""
    if not times:
        return True
    if set(map(len, times)) != {len(_LAYOUT)}:
        return False
    if "".join(times).translate(_DIGITS) != _LAYOUT * len(times):
        return False  # each one a run of digits and separators exactly as TIME_FORMAT writes
    if min(times) < f"{FIRST_YEAR}" or max(times) >= f"{LAST_YEAR + 1}":
        return False  # (in that layout string order is time order)
    try:
        deque(map(datetime.fromisoformat, times), maxlen=0)  # a real month, day, hour...
    except ValueError:
        return False
    return True


def card_ids_ok(cards: Mapping[str, Any]) -> bool:
    """Whether every card id is made of the letters CARD_ID_PATTERN allows."""
    return not "".join(cards).translate(_ID_LETTERS)


def decode_board(text: str | bytes) -> Record:
    """The board in `text`, every record checked against its type (raises DecodeFailure)."""
    data: Record = BOARD_DECODER.decode(text)
    cards = data.get("cards", {})
    header = data["_meta"]["board"].get("_stamps", {})
    times = stamp_times(cards) + [stamp[0] for stamp in header.values()]
    if not card_ids_ok(cards) or not times_ok(times):
        raise msgspec.ValidationError("a card id or the time of a stamp breaks its rule")
    return data


def check_board(data: Any) -> None:
    """Check parsed data (a migrated board) against the types (raises msgspec.ValidationError)."""
    msgspec.convert(data, Board)


# ---------------------------------------------------------------- naming what is damaged

_SURROGATE = re.compile("[\ud800-\udfff]")
MISSING = object()
"""The value `locate` reports for a required field that is not there."""


@dataclass(frozen=True)
class Damage:
    """One damaged value: where it is (keys from the top of the file), what it holds, why."""

    where: tuple[str, ...]
    value: Any
    expected: str
    key: bool = False
    """The value is the key `where` ends with, not what is filed under it."""


_TIME_WORDS = N_("a UTC time like 2026-11-02T09:00:00.000000Z in the years 1970-2999")
_DESCRIPTIONS: dict[Any, str] = {
    Text: N_("text of at most {count} characters"),
    Key: N_("an id (text of 1 to 200 characters)"),
    CardId: N_("a card id of letters, digits and dashes"),
    Time: _TIME_WORDS,
    WhenSet: N_("{time}, '' or null"),
    Hours: N_("a number from 0 to {most}"),
    Position: N_("a finite number"),
    Level: N_("a level from 1 to {most}"),
    Stamp: N_("a stamp ({time}, a user, a device)"),
    bool: N_("true or false"),
    META_TYPES["board_id"]: N_("a UUID like 0b6e7c2a-3d4f-4a1b-9c8d-7e6f5a4b3c2d"),
    META_TYPES["format"]: N_("a format number"),
}
"""What a value of each type looks like, in words marked for the catalog (see `describe`)."""


def _described(words: str) -> str:
    """A description of `_DESCRIPTIONS` in the language of this run, its figures put in."""
    count = f"{MAX_STORED_TEXT:,}".replace(",", NARROW if is_french() else ",")
    return _(words).format(count=count, time=_(_TIME_WORDS), most=number(MAX_HOURS))


def describe(tp: Any) -> str:
    """What a value of type `tp` looks like, in words."""
    if tp in _DESCRIPTIONS:
        if tp is Level:
            return _(_DESCRIPTIONS[tp]).format(most=len(LEVELS))
        return _described(_DESCRIPTIONS[tp])
    origin, args = get_origin(tp), get_args(tp)
    if origin is Literal:
        choices = ", ".join(repr(a) if a == "" else str(a) for a in args)
        return _("one of {choices}").format(choices=choices)
    if origin is Union and type(None) in args:
        rest = tuple(a for a in args if a is not type(None))
        inner = Union[rest] if len(rest) > 1 else rest[0]  # noqa: UP007
        return _("{what} or null").format(what=describe(inner))
    if origin is Union:
        return _(" or ").join(describe(a) for a in args)
    if origin is dict or tp in _FIELDS:
        return _("an object")
    return str(tp)


def is_choice(expected: str) -> bool:
    """Whether `expected` (from `describe`) lists the values a field may take."""
    return expected.startswith(_("one of {choices}").partition("{choices}")[0])


@cache
def _decoder(tp: Any) -> msgspec.json.Decoder[Any]:
    return msgspec.json.Decoder(tp)


def _leaf_problem(value: Any, tp: Any) -> str | None:
    """Why `value` is not a `tp` (None if it is one), judged as the board decode judges it."""
    if isinstance(value, str) and _SURROGATE.search(value):
        return _("valid Unicode text (it holds a lone surrogate)")
    if isinstance(value, float) and not math.isfinite(value):
        return describe(tp) if tp is not Any else _("a finite number")
    try:
        _decoder(tp).decode(json.dumps(value))
    except (*DecodeFailure, ValueError, TypeError):
        return describe(tp) if tp is not Any else _("a readable value")
    return None


def locate(value: Any, tp: Any = Board, where: tuple[str, ...] = ()) -> Iterator[Damage]:
    """Every damaged value in loosely parsed JSON `value` that should be a `tp`, in file order.

    A record that is not an object is one damage (its fields are not looked at); keys a type
    does not know are looked at only for what no board may hold (lone surrogates, NaN)."""
    fields = _FIELDS.get(tp)
    if fields is not None:
        if not isinstance(value, dict):
            yield Damage(where, value, _("an object"))
            return
        for name in tp.__required_keys__ - value.keys():
            yield Damage((*where, name), MISSING, describe(fields[name]))
        for name, item in value.items():
            yield from locate(item, fields.get(name, Any), (*where, name))
        return
    if get_origin(tp) is dict:
        if not isinstance(value, dict):
            yield Damage(where, value, _("an object keyed by id"))
            return
        key_type, item_type = get_args(tp)
        for key, item in value.items():
            problem = _leaf_problem(key, key_type)
            if problem:
                yield Damage((*where, key), key, problem, key=True)
            yield from locate(item, item_type, (*where, key))
        return
    problem = _leaf_problem(value, tp)
    if problem:
        yield Damage(where, value, problem)
