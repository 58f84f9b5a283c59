"""Provides the leader's working hours a week as the board settings hold them, for the figures
of the leader's week (None while nobody set them: `delegate board --leader-hours H`).
"""

from __future__ import annotations

from delegate_tui.board.store import BoardStore


def leader_hours(store: BoardStore) -> float | None:
    """The leader's working hours a week from the board settings, None while unknown."""
    return store.settings().leader_hours
