"""Provides the one codec of the stored shape: compact records (as the file holds them) and
expanded ones (as the merge reasons about them), and the fast readers of the compact shape.

The compact rules (board format 3) live here and nowhere else:

- a field whose value is its default is left out (a missing field reads as its default), except
  the KEPT_FIELDS a person reading the file looks for;
- `_stamps[DEFAULT_STAMP]` (`*`) is the stamp of every field without a stamp of its own;
- a record's creation fields (`created_at`, and a card's `created_by`) are left out where they
  equal their part of the `*` stamp (what a left-out one reads as);
- ids are only keys: a record never repeats the key it is filed under (migrate.py drops them).

An expanded record holds every field of its kind (defaults written), its creation fields
explicit, and in `_stamps` the `*` stamp and each field's own stamp (a field with no stamp at
all, in a record without `_stamps` or without `*`, has none). `expand` and `compact` are each
other's inverse: `compact(expand(r)) == r` for every canonical record `r` (what records.py
writes), `expand(compact(e)) == e` for every expanded `e`. Log and history entries are
immutable and stored whole: both are the identity for them. Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Record = dict[str, Any]

STAMPS = "_stamps"
"""The key of a record's stamps, by field name."""

DEFAULT_STAMP = "*"
"""The key in `_stamps` for the stamp of every field without a stamp of its own."""

KEPT_FIELDS = frozenset({"title", "stage", "text"})
"""Fields written even when they hold their default, so a person reading the file sees them."""

CREATION: dict[str, int] = {"created_at": 0, "created_by": 1}
"""The creation fields, each with the part of the `*` stamp it reads as when left out."""

CARD_CREATION: tuple[str, ...] = tuple(CREATION)
"""A card's creation fields: when and by whom."""

ITEM_CREATION: tuple[str, ...] = ("created_at",)
"""An item's creation fields (an item records when, not by whom)."""


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of stored record: its stamped fields with their defaults, the creation fields
    its `*` stamp stands for, and its collections, each keyed by id, with the kind of what they
    hold. `append`: immutable entries (log, history), stored whole, never stamped."""

    defaults: Mapping[str, Any] = field(default_factory=dict)
    creation: tuple[str, ...] = ()
    collections: Mapping[str, Kind] = field(default_factory=dict)
    append: bool = False


ENTRY = Kind(append=True)
"""A log or history entry."""


def card_kind(
    fields: Mapping[str, Any], items: Mapping[str, Mapping[str, Any]], entries: tuple[str, ...]
) -> Kind:
    """The kind of a card with the scalar `fields` (name: default), the item collections
    `items` (name: the item fields' defaults) and the append-only collections `entries`."""
    collections = {name: Kind(defaults, ITEM_CREATION) for name, defaults in items.items()}
    return Kind(fields, CARD_CREATION, {**collections, **dict.fromkeys(entries, ENTRY)})


PLAIN = Kind()
"""A record with no defaults, creation or collections (the `_meta` header)."""


# ---------------------------------------------------------------- fast readers and writers


def is_default(name: str, value: Any, defaults: Mapping[str, Any]) -> bool:
    """Whether the stored shape leaves this field out (its value is its default)."""
    if name not in defaults or name in KEPT_FIELDS:
        return False
    default = defaults[name]
    return (
        value is default if default is None else type(value) is type(default) and value == default
    )


def put_value(target: Record, name: str, value: Any, defaults: Mapping[str, Any]) -> None:
    """Set a field in the stored shape: a default value is left out."""
    if is_default(name, value, defaults):
        target.pop(name, None)
    else:
        target[name] = value


def value_of(record: Mapping[str, Any], name: str, defaults: Mapping[str, Any]) -> Any:
    """A field's value; a field left out holds its default."""
    return record.get(name, defaults.get(name))


def stamp_of(record: Mapping[str, Any], name: str) -> Any:
    """A field's stamp: its own, else the record's shared `*` stamp (None if neither)."""
    stamps = record.get(STAMPS)
    if not isinstance(stamps, Mapping):
        return None
    return stamps.get(name) or stamps.get(DEFAULT_STAMP)


def fresh_stamps(stamp: Any) -> Record:
    """The `_stamps` of a new record: one stamp for all its fields and its creation."""
    return {DEFAULT_STAMP: stamp}


def under_star(stamps: Mapping[str, Any], star: Any) -> Record:
    """Stamps as stored under the `*` stamp `star`: `*` first, then only those that differ."""
    return {DEFAULT_STAMP: star, **{name: s for name, s in stamps.items() if s != star}}


def creation_in(star: Any, name: str) -> Any:
    """What a left-out creation field reads as under the `*` stamp `star` ('' if malformed)."""
    return star[CREATION[name]] if isinstance(star, list) and len(star) == 3 else ""


def creation_of(record: Mapping[str, Any], name: str) -> Any:
    """A creation field as stored, else its part of the `*` stamp, else '' (never raises)."""
    value = record.get(name)
    return creation_in(stamp_of(record, DEFAULT_STAMP), name) if value is None else value


def created_at_of(record: Mapping[str, Any]) -> str:
    """When a card or item was made: its `created_at`, else its `*` stamp's time."""
    return str(creation_of(record, "created_at"))


def created_by_of(record: Mapping[str, Any]) -> str:
    """Who made a card: its `created_by`, else its `*` stamp's user."""
    return str(creation_of(record, "created_by"))


def shorten(record: Mapping[str, Any], names: tuple[str, ...]) -> Record:
    """The record without the creation fields (of `names`) that hold what the record reads when
    they are left out: their part of its `*` stamp."""
    star = stamp_of(record, DEFAULT_STAMP)
    drop = {name for name in names if name in record and record[name] == creation_in(star, name)}
    return {name: value for name, value in record.items() if name not in drop}


# ---------------------------------------------------------------- compact <-> expanded


def expand_fields(record: Mapping[str, Any], kind: Kind) -> Record:
    """The record's own fields expanded (see the module), its collections left as they are.
    Fields keep their order (those left out come after), stamps theirs (`*` first)."""
    result: Record = dict(record)
    for name, default in kind.defaults.items():
        if name not in result:
            result[name] = default
    for name in kind.collections:
        if name not in result:
            result[name] = {}
    stamps = record.get(STAMPS)
    star = stamps.get(DEFAULT_STAMP) if isinstance(stamps, Mapping) else None
    for name in kind.creation:
        if result.get(name) is None:
            result[name] = creation_in(star, name)
    if STAMPS not in record:
        return result
    own: Record = {} if star is None else {DEFAULT_STAMP: star}
    if isinstance(stamps, Mapping):
        for name, stamp in stamps.items():
            own[name] = stamp or star  # (a falsy stamp of its own reads as `*`: stamp_of)
    if star is not None:
        for name in result:
            if name not in own and name != STAMPS and name not in kind.collections:
                own[name] = star
    result[STAMPS] = {name: stamp for name, stamp in own.items() if stamp is not None}
    return result


def compact_fields(expanded: Mapping[str, Any], kind: Kind) -> Record:
    """The canonical compact record of expanded fields (collections taken as they are, left out
    when empty), in their order; `*` first in `_stamps`."""
    stamps = expanded.get(STAMPS)
    star = stamps.get(DEFAULT_STAMP) if stamps is not None else None
    result: Record = {}
    for name, value in expanded.items():
        if name == STAMPS:
            result[STAMPS] = dict(value) if star is None else under_star(value, star)
        elif name in kind.collections:
            if value:
                result[name] = value
        elif name in kind.creation:
            if value != creation_in(star, name):
                result[name] = value
        elif not is_default(name, value, kind.defaults):
            result[name] = value
    return result


def expand(record: Mapping[str, Any], kind: Kind) -> Record:
    """The expanded record, its collections' items expanded too."""
    if kind.append:
        return dict(record)
    result = expand_fields(record, kind)
    for name, sub in kind.collections.items():
        items = result[name]
        if isinstance(items, Mapping):
            result[name] = {key: expand(item, sub) for key, item in items.items()}
    return result


def compact(expanded: Mapping[str, Any], kind: Kind) -> Record:
    """The canonical compact record of an expanded one (what records.py writes)."""
    if kind.append:
        return dict(expanded)
    shaped = dict(expanded)
    for name, sub in kind.collections.items():
        items = shaped.get(name)
        if isinstance(items, Mapping):
            shaped[name] = {key: compact(item, sub) for key, item in items.items()}
    return compact_fields(shaped, kind)
