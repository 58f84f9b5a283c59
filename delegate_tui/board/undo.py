"""Provides the undo/redo history of the board: before and after copies of the cards a change touched.

Undo restores the 'before' copies through the store, redo the 'after' copies; both are new stamped
edits, so they merge with other people's changes like any edit. A move is undone by retracting
the history entry it added (redo brings the same entry back), never by a move back, so the
history, the time in stage and the snapshots read as before. A log entry is set back the same
way: its kind, text and removal (undo of adding one removes it, redo brings it back). No
Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from delegate_tui.board.store import BoardStore
from delegate_tui.core.codec import Record

T = TypeVar("T")

LIMIT = 200
"""How many changes undo remembers."""


@dataclass(frozen=True, slots=True)
class Step:
    """One change: what it was called and each touched card before and after it."""

    label: str
    cards: tuple[tuple[str, Record | None, Record], ...]


class UndoHistory:
    """A bounded undo stack and its redo stack over one store."""

    def __init__(self, store: BoardStore, limit: int = LIMIT) -> None:
        self.store = store
        self.limit = limit
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def change(self, label: str, card_ids: Sequence[str], apply: Callable[[], T]) -> T:
        """Run `apply` (a change of the cards `card_ids`) and remember it for undo."""
        before = {i: self.store.record(i) for i in card_ids}
        result = apply()
        self._push(label, before)
        return result

    def added(self, label: str, card_id: str) -> None:
        """Remember a card that was just added (undo deletes it)."""
        self._push(label, {card_id: None})

    def _push(self, label: str, before: Mapping[str, Record | None]) -> None:
        # `deleted`: a change may have deleted the card, and undo brings it back
        cards = tuple((i, old, self.store.record(i, deleted=True)) for i, old in before.items())
        self._undo.append(Step(label, cards))
        del self._undo[: -self.limit]
        self._redo.clear()

    def undo(self) -> Step | None:
        """Undo the newest change; returns it, or None when there is nothing to undo."""
        return self._replay(self._undo, self._redo, to_before=True)

    def redo(self) -> Step | None:
        """Redo the newest undone change; returns it, or None."""
        return self._replay(self._redo, self._undo, to_before=False)

    def _replay(self, source: list[Step], target: list[Step], to_before: bool) -> Step | None:
        """Restore the cards of the newest step of `source` and move that step to `target`."""
        if not source:
            return None
        step = source.pop()
        for card_id, before, after in step.cards:
            if to_before:
                self.store.restore(card_id, before, since=after)
            else:
                self.store.restore(card_id, after, since=before)
        target.append(step)
        return step
