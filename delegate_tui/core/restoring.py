"""Provides the restore of a card record to an earlier copy of itself (undo and redo), as new
stamped edits.

A move is not answered by a move back: the history entries the change added are retracted
(undo) or brought back (redo), so the history reads as it did. Items are set back field by
field; an item the earlier copy did not have is deleted. Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from delegate_tui.core.codec import Record
from delegate_tui.core.records import (
    CARD_FIELDS,
    ITEM_COLLECTIONS,
    ITEM_FIELDS,
    LOG_EDITS,
    Stamper,
    is_live,
    retract_entry,
    set_fields,
    set_item_fields,
    set_log_fields,
    value_of,
)


def changed_fields(current: Mapping[str, Any], old: Mapping[str, Any]) -> dict[str, Any]:
    """The card fields whose value in `old` differs from `current`, with their old value."""
    return {k: value_of(old, k) for k in CARD_FIELDS if value_of(current, k) != value_of(old, k)}


def restore_into(target: Record, old: Record, since: Record | None, stamper: Stamper) -> None:
    """Bring `target` back to `old` in place. `since`, the copy being left (the other side of
    the undo step), limits the history to the entries whose state differs between the two
    copies: a move someone else made meanwhile stays."""
    scalars = changed_fields(target, old)
    if scalars:
        set_fields(target, scalars, stamper)
    _restore_history(target, old, since, stamper)
    _restore_log(target, old.get("log", {}), stamper)
    for name in ITEM_COLLECTIONS:
        _restore_items(target, name, old.get(name, {}), stamper)


def _restore_history(target: Record, old: Record, since: Record | None, stamper: Stamper) -> None:
    """Retract or bring back the history entries whose state differs in `old`."""
    before, left = old.get("history", {}), (since or {}).get("history")
    for entry_id, entry in target.get("history", {}).items():
        wanted = entry_id in before and is_live(before[entry_id])
        if left is not None and wanted == (entry_id in left and is_live(left[entry_id])):
            continue  # the step did not change this entry
        if is_live(entry) != wanted:
            retract_entry(target, "history", entry_id, stamper, retracted=not wanted)


def _restore_items(
    target: Record, name: str, old_items: Mapping[str, Any], stamper: Stamper
) -> None:
    for item_id, item in target.get(name, {}).items():
        before = old_items.get(item_id)
        if before is None:
            if is_live(item):
                set_item_fields(target, name, item_id, {"deleted_at": stamper.at()}, stamper)
            continue
        defaults = ITEM_FIELDS[name]
        changes = {
            k: value_of(before, k, defaults)
            for k in defaults
            if value_of(item, k, defaults) != value_of(before, k, defaults)
        }
        if changes:
            set_item_fields(target, name, item_id, changes, stamper)


def _restore_log(target: Record, old_log: Mapping[str, Any], stamper: Stamper) -> None:
    """Set each log entry back to its kind, text and removal in `old_log`; an entry it did not
    have (undo of adding it) is removed: a tombstone that redo lifts."""
    for entry_id, entry in target.get("log", {}).items():
        before = old_log.get(entry_id)
        if before is None:
            if is_live(entry):
                set_log_fields(target, entry_id, {"deleted_at": stamper.at()}, stamper)
            continue
        changes = {
            k: value_of(before, k, LOG_EDITS)
            for k in LOG_EDITS
            if value_of(entry, k, LOG_EDITS) != value_of(before, k, LOG_EDITS)
        }
        if changes:
            set_log_fields(target, entry_id, changes, stamper)
