"""Provides the board order: by stage, then within a stage by position, then creation, then id.

`board_order` reads it from a card's model, `record_order` straight from its stored record
(the board opens before any model is built; both must agree). Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from delegate_tui.core.codec import created_at_of
from delegate_tui.core.model import Card
from delegate_tui.core.vocabulary import STAGES

_STAGE_ORDER: dict[str, int] = {s: i for i, s in enumerate(STAGES)}


def board_order(card: Card) -> tuple[float, str, str]:
    """A card's place within its stage: by position, then creation."""
    return (card.position, card.created_at, card.id)


def record_order(card_id: str, record: Mapping[str, Any]) -> tuple[float, str, str]:
    """`board_order` read straight from a stored card, without building its model."""
    position = record.get("position", 0.0)
    return (float(position or 0.0), created_at_of(record), card_id)


def sorted_cards(cards: Iterable[Card]) -> list[Card]:
    """Cards in board order: by stage, then by their place within it."""
    return sorted(cards, key=lambda c: (_STAGE_ORDER.get(c.stage, 99), *board_order(c)))
