"""Provides the card-table cells and the sentences the Markdown and HTML snapshots share, each
renderer giving its own escape and markup: the title (★ for a leader mission), the owner with
its provider tag and its backup, the absence answer
(set off when only the stage implies it), the plain fields of the field table, the absence
question and its verdict, the cadence, and the colon (French puts a narrow no-break space
before it). Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable

from delegate_tui.core import wording as w
from delegate_tui.core.card_fields import PLAIN_COLUMNS
from delegate_tui.core.dates import show_cadence
from delegate_tui.core.formats import NARROW
from delegate_tui.core.language import _, is_french
from delegate_tui.snapshots.snapshot import CardLine, Snapshot

Escape = Callable[[str], str]

PLAIN_HEADINGS: tuple[str, ...] = tuple(s.heading for s in PLAIN_COLUMNS if s.heading)
"""The card tables' columns after the fixed ones: the plain fields with a heading."""

MISSION_MARK = "★"
"""Before the title of a leader mission (as on the board)."""

_SHOWN = tuple(i for i, s in enumerate(PLAIN_COLUMNS) if s.heading)


def owner(card: CardLine, escape: Escape, tag: str) -> str:
    """The owner, marked `tag` for an external provider ('' for neither)."""
    return " ".join(part for part in (escape(card.owner), tag if card.provider else "") if part)


def title(card: CardLine, escape: Escape) -> str:
    """The title, after MISSION_MARK for a leader mission."""
    return f"{MISSION_MARK} {escape(card.title)}" if card.leader_mission else escape(card.title)


def owner_cell(card: CardLine, escape: Escape, tag: str, nothing: str) -> str:
    """The owner cell of a card table: `owner`, else `nothing`, then the backup if any."""
    shown = owner(card, escape, tag) or nothing
    if not card.backup:
        return shown
    return f"{shown} " + _("(backup: {name})").format(name=escape(card.backup))


def away(card: CardLine, escape: Escape, implied: Escape) -> str:
    """The absence answer; marked `implied` when the stage implies it."""
    answer = escape(w.answer(card.absence))
    return answer if card.absence_set else implied(answer)


def plain(card: CardLine, escape: Escape, nothing: str) -> list[str]:
    """The card's cells under PLAIN_HEADINGS."""
    return [escape(card.plain[i]) or nothing for i in _SHOWN]


def colon() -> str:
    """':' after a title, with the narrow no-break space French puts before it."""
    return f"{NARROW}:" if is_french() else ":"


def cadence(card: CardLine) -> str:
    """The card's check-in cadence as typed, written anew in French where it can be read."""
    return show_cadence(card.checkin)


def absence_question() -> str:
    """The absence test's question, as the snapshot asks it (before its verdict)."""
    return _("If the leader is away two weeks:")


def absence_verdict(snap: Snapshot) -> str:
    """'everything stops (scenario 1 of 3)' / 'scénario 1 : tout s'arrête' (unescaped)."""
    verdict = w.scenario(snap.absence.scenario, snap.absence.label)
    if not snap.absence.scenario:
        return verdict
    return _("{verdict} (scenario {number} of 3)").format(
        verdict=verdict, number=snap.absence.scenario
    )
