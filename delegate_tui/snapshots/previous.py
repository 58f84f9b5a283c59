"""Provides what the previous snapshot showed (read from the state it recorded), and how a card
changed since: new, back or moved. Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from delegate_tui.core.model import Card
from delegate_tui.core.times import parse_time, stored_moment
from delegate_tui.core.vocabulary import STAGES

STATE_FORMAT = "delegate-snapshot-state/1"
"""The version of the state a snapshot records for the next one."""


@dataclass(frozen=True, slots=True)
class Previous:
    """What the previous snapshot showed: when, each card's title and stage, the log ids."""

    as_of: datetime
    stages: Mapping[str, str]
    titles: Mapping[str, str]
    log_ids: frozenset[str]

    @classmethod
    def from_state(cls, data: Any, board_id: str) -> Previous | None:
        """Read a recorded state; None if it is unreadable or belongs to another board."""
        try:
            if data.get("format") != STATE_FORMAT or data.get("board_id") != board_id:
                return None
            cards = {k: v for k, v in data["cards"].items() if v.get("stage") in STAGES}
            return cls(
                as_of=parse_time(data["as_of"]),
                stages={str(k): str(v["stage"]) for k, v in cards.items()},
                titles={str(k): str(v.get("title", "")) for k, v in cards.items()},
                log_ids=frozenset(str(i) for i in data["log"]),
            )
        except (AttributeError, KeyError, TypeError, ValueError):
            return None


def change_since(card: Card, previous: Previous | None) -> tuple[str, str]:
    """'new', 'back' or 'moved' (and from where) since the previous snapshot, else ''. A card
    the previous snapshot did not show is new only if it was made after that snapshot: else it
    is back (its archive or deletion was undone or reversed)."""
    before = previous.stages.get(card.id) if previous is not None else card.stage
    if before is None:
        made = stored_moment(card.created_at)
        if previous is not None and made is not None and made <= previous.as_of:
            return "back", ""
        return "new", ""
    return ("moved", before) if before != card.stage else ("", "")
