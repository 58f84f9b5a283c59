"""Provides the leader's working hours a week as the board settings hold them, for the figures
of the leader's week (None while they are unknown).

TODO(issue 16): the board settings (`store.settings().leader_hours`) come with branch
i16settings; until they are merged this reads them if the store has them, else None.
"""

from __future__ import annotations

from delegate_tui.board.store import BoardStore


def leader_hours(store: BoardStore) -> float | None:
    """The leader's working hours a week from the board settings, None while unknown."""
    settings = getattr(store, "settings", None)
    found = getattr(settings(), "leader_hours", None) if callable(settings) else None
    if isinstance(found, bool) or not isinstance(found, int | float) or found <= 0:
        return None
    return float(found)
