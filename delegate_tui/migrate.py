"""Provides the migration of boards written in an older file format to the current one.

Format 1 stamped every field of every card on its own and wrote every field, defaults included:
a card of a few words took about 2 KB, most of it the same stamp nineteen times. Format 2 keeps
the same information in the compact shape of `records.py`: fields holding their default are
left out, and one shared `*` stamp stands for every field without a stamp of its own.

A format-1 record migrates with its oldest stamp as `*` (in practice the moment the card was
made). A field that format 1 left out (one that did not exist yet when the card was last
written) then counts as set at that oldest moment, so any real edit from another copy still
wins over it. Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from delegate_tui.records import (
    APPEND_COLLECTIONS,
    CARD_FIELDS,
    DEFAULT_STAMP,
    ITEM_FIELDS,
    Record,
    is_default,
    stamp_key,
)

CURRENT_FORMAT = 2
"""The board file format this version writes (and the newest it reads)."""


def compact(record: Mapping[str, Any], defaults: Mapping[str, Any]) -> Record:
    """A format-1 record (card or item) in the format-2 shape, meaning the same."""
    stamps = record.get("_stamps")
    valid = (
        {k: v for k, v in stamps.items() if isinstance(v, list) and len(v) == 3}
        if isinstance(stamps, Mapping)
        else {}
    )
    result: Record = {}
    for name, value in record.items():
        if name == "_stamps":
            continue
        if name in ITEM_FIELDS and isinstance(value, Mapping):
            items = {
                i: compact(item, ITEM_FIELDS[name]) if isinstance(item, Mapping) else item
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
            star = min(valid.values(), key=stamp_key)
            result["_stamps"] = {
                DEFAULT_STAMP: star,
                **{k: v for k, v in stamps.items() if v != star},
            }
        else:
            result["_stamps"] = dict(stamps)
    return result


def migrate(data: Record, version: int, cards_table: str) -> None:
    """Bring a parsed board of format `version` up to CURRENT_FORMAT, in place."""
    if version < 2:
        cards = data.get(cards_table, {})
        data[cards_table] = {
            card_id: compact(record, CARD_FIELDS) for card_id, record in cards.items()
        }
