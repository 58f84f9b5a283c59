"""Provides SettingsMixin: the board settings (name, leader, leader's hours) of a BoardStore.

The settings live in the board file's header (see `core/board_settings.py`); a change replaces
the header with a new one, stamped, through the TinyDB adapter's one way in for a whole state
(as a merge's result does: TinyDB's own ids are integers, the header is keyed 'board'), then
saves like any change. No Textual.
"""

from __future__ import annotations

import threading
from typing import Any

from delegate_tui.board.tinydb_adapter import BoardTables
from delegate_tui.core.board_settings import (
    BoardSettings,
    parse_settings,
    settings_of,
    with_settings,
)
from delegate_tui.core.merge import META
from delegate_tui.core.records import Stamper


class SettingsMixin:
    """`settings()` and `set_settings(**changes)` for the store (which gives the attributes)."""

    _lock: threading.RLock
    _tables: BoardTables
    stamper: Stamper

    def _request_save(self) -> None:
        raise NotImplementedError  # (SavingMixin gives it: the store lists it first)

    def settings(self) -> BoardSettings:
        """The board's name, the leader's name and hours a week ('' or None where not set)."""
        with self._lock:
            return settings_of(self._tables.state[META]["board"])

    def set_settings(self, **changes: Any) -> BoardSettings:
        """Set some of `name`, `leader`, `leader_hours` (None: leave it), checked first: on bad
        input (ValidationError) nothing changes. Saves only if a setting changed."""
        parsed = parse_settings(changes)
        with self._lock:
            state = self._tables.state
            meta = state[META]["board"]
            header = with_settings(meta, parsed, self.stamper)
            if header != meta:
                self._tables.replace({**state, META: {**state[META], "board": header}})
                self._request_save()
            return settings_of(header)
