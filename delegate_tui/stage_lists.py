"""Provides StageLists: the board's cards per stage in board order, updated card by card.

The board screen redraws after every keystroke that changes a card. Re-reading and re-sorting
10,000 cards each time is what makes a big board slow, so after a change only the changed cards
are taken out and put back in place (binary search on the board order). No Textual.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable

from delegate_tui.boardfile import BoardError
from delegate_tui.model import STAGES, Card
from delegate_tui.records import board_order
from delegate_tui.store import BoardStore


class StageLists:
    """The live, unarchived cards of each stage, in board order."""

    def __init__(self, store: BoardStore) -> None:
        self.store = store
        self.by_stage: dict[str, list[Card]] = {s: [] for s in STAGES}
        self._stage_of: dict[str, str] = {}

    def load(self) -> None:
        """Read every card again."""
        self.by_stage = {s: [] for s in STAGES}
        for card in self.store.cards():
            self.by_stage.setdefault(card.stage, []).append(card)
        self._stage_of = {c.id: stage for stage, cards in self.by_stage.items() for c in cards}

    def stage_of(self, card_id: str) -> str | None:
        """The stage the card is shown in (None if it is not on the board)."""
        return self._stage_of.get(card_id)

    def update(self, card_ids: Iterable[str]) -> set[str]:
        """Take in the new state of these cards (changed, added, archived or deleted).

        Returns the stages whose lists changed.
        """
        touched: set[str] = set()
        for card_id in set(card_ids):
            stage = self._stage_of.pop(card_id, None)
            if stage is not None:
                touched.add(stage)
                cards = self.by_stage[stage]
                index = next(i for i, c in enumerate(cards) if c.id == card_id)
                del cards[index]
            try:
                card = self.store.card(card_id)
            except BoardError:
                continue  # deleted
            if card.archived_at:
                continue
            insort(self.by_stage.setdefault(card.stage, []), card, key=board_order)
            self._stage_of[card_id] = card.stage
            touched.add(card.stage)
        return touched
