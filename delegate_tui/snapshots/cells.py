"""Provides the card-table cells the Markdown and HTML snapshots share, each renderer giving its
own escape and markup: the owner with its provider tag, the absence answer (set off when only
the stage implies it) and the plain fields of the field table. Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable

from delegate_tui.core.card_fields import PLAIN_COLUMNS
from delegate_tui.snapshots.snapshot import CardLine

Escape = Callable[[str], str]

PLAIN_HEADINGS: tuple[str, ...] = tuple(s.heading for s in PLAIN_COLUMNS if s.heading)
"""The card tables' columns after the fixed ones: the plain fields with a heading."""

_SHOWN = tuple(i for i, s in enumerate(PLAIN_COLUMNS) if s.heading)


def owner(card: CardLine, escape: Escape, tag: str) -> str:
    """The owner, marked `tag` for an external provider ('' for neither)."""
    return " ".join(part for part in (escape(card.owner), tag if card.provider else "") if part)


def away(card: CardLine, escape: Escape, implied: Escape) -> str:
    """The absence answer; marked `implied` when the stage implies it."""
    answer = escape(card.absence)
    return answer if card.absence_set else implied(answer)


def plain(card: CardLine, escape: Escape, nothing: str) -> list[str]:
    """The card's cells under PLAIN_HEADINGS."""
    return [escape(card.plain[i]) or nothing for i in _SHOWN]
