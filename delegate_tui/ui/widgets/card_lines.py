"""Provides how one card looks in a column: a few lines of plain text, never markup.

Text from the board file goes into plain segments as data, cleaned by `display.line` (one line,
no control characters, bidi controls as markers), so a title such as `[@click=app.quit]Pay[/]`
shows literally and carries no action.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from delegate_tui.core import display
from delegate_tui.core.formats import hours
from delegate_tui.core.insight import card_checkin
from delegate_tui.core.language import _, ngettext, pgettext
from delegate_tui.core.model import Card
from delegate_tui.core.times import parse_time

CARD_HEIGHT = 3
"""Lines per card: the title, the details, a line of space."""

RECENT = timedelta(days=7)
"""A log entry this recent marks the card."""

EDGE = "▎"
RECENT_MARK = "●"
OVERDUE_MARK = "overdue"  # its words: pgettext("card line", "overdue") where it is drawn
"""Shown on a card whose check-in is overdue (in $marker-overdue)."""
MISSION_MARK = "★"
"""Before the title of a leader mission, one of the missions only the leader must do."""


@dataclass(frozen=True, slots=True)
class CardStyles:
    """The rich styles a column hands to the card renderer (from its .tcss component classes)."""

    card: Style
    selected: Style
    cursor: Style
    gap: Style
    title: Style
    meta: Style
    recent: Style
    overdue: Style
    missing: Style
    edge: Style
    mission: Style = field(default_factory=Style)
    """The leader mission's marker (its own colour; none where a caller gives no style)."""


def age_label(since: str, now: datetime) -> str:
    """How long ago `since` was, the way people glance at it: 'today', '3d', '5w', '4mo', '2y'
    (in French 'auj.', '3 j', '5 sem.', '4 mois', '2 ans')."""
    try:
        days = (now - parse_time(since)).days
    except ValueError:
        return ""
    if days < 1:
        # TRANSLATORS: a card's time in its stage, as short as can be: since today
        return _("today")
    if days < 14:
        # TRANSLATORS: a card's time in its stage, in days, as short as can be
        return ngettext("{n}d", "{n}d", days).format(n=days)
    if days < 63:
        return ngettext("{n}w", "{n}w", days // 7).format(n=days // 7)
    if days < 730:
        return ngettext("{n}mo", "{n}mo", days // 30).format(n=days // 30)
    return ngettext("{n}y", "{n}y", days // 365).format(n=days // 365)


def has_recent_log(card: Card, now: datetime) -> bool:
    """Whether the card's transition log has an entry from the last 7 days."""
    if not card.log:
        return False
    try:
        return now - parse_time(card.log[-1].at) <= RECENT
    except ValueError:
        return False


def checkin_overdue(card: Card, now: datetime) -> bool:
    """Whether the card's check-in is overdue (cheap for cards without a cadence)."""
    if not card.checkin:
        return False
    check = card_checkin(card, now)
    return check is not None and check.overdue


Piece = tuple[str, Style]
"""A run of text in one style (the card's background included)."""


@dataclass(frozen=True, slots=True)
class LineStyles:
    """The styles of one card state, each over that state's background."""

    base: Style
    edge: Style
    title: Style
    meta: Style
    missing: Style
    recent: Style
    overdue: Style
    mission: Style


@lru_cache(maxsize=32)
def line_styles(styles: CardStyles, state: str) -> LineStyles:
    """The card's styles for 'plain', 'selected' or 'cursor', combined once, not per card."""
    base = {"selected": styles.selected, "cursor": styles.cursor}.get(state, styles.card)
    return LineStyles(
        base=base,
        edge=base + styles.edge,
        title=base + styles.title,
        meta=base + styles.meta,
        missing=base + styles.missing,
        recent=base + styles.recent,
        overdue=base + styles.overdue,
        mission=base + styles.mission,
    )


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: cut with an ellipsis or padded with spaces (as rich's
    `Text.truncate(width, overflow="ellipsis", pad=True)` does)."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - length) if length < width else text


def _strip(pieces: list[Piece], width: int, base: Style) -> Strip:
    """One line of `width` cells from pieces, cut with an ellipsis (which takes the style of
    the piece it replaces) or padded in the base style.

    Segments are built directly: through rich's Text (assemble, truncate, render) drawing the
    first screenful of a board took about 0.1 ms per card, the larger part of a first frame.
    """
    plain = "".join(text for text, _ in pieces)
    length = cell_len(plain)
    if length <= width:
        segments = [Segment(text, style) for text, style in pieces if text]
        if length < width:
            segments.append(Segment(" " * (width - length), base))
        return Strip(segments, width)
    fitted = set_cell_size(plain, width - 1) + "…"
    segments, start = [], 0
    for text, style in pieces:
        end = min(start + len(text), len(fitted))
        if end > start:
            segments.append(Segment(fitted[start:end], style))
        start += len(text)
    return Strip(segments, width)


def _meta(card: Card, now: datetime, width: int, line: LineStyles) -> list[Piece]:
    """The details row after the edge: owner on the left, markers and age on the right."""
    right: list[Piece] = []
    if checkin_overdue(card, now):
        right.append((pgettext("card line", "overdue") + "  ", line.overdue))
    if has_recent_log(card, now):
        right.append((RECENT_MARK + " ", line.recent))
    if card.standards:
        right.append((f"✓ {card.standards_done}/{len(card.standards)}  ", line.meta))
    if card.hours_per_week:
        right.append((hours(card.hours_per_week) + "  ", line.meta))
    right.append((age_label(card.stage_since, now), line.meta))
    owner = display.line(card.owner)
    room = max(width - sum(cell_len(text) for text, _ in right) - 1, 0)
    left = (
        (fit(owner, room), line.meta)
        if owner
        else (fit(pgettext("card line", "no owner"), room), line.missing)
    )
    return [left, (" ", line.base), *right]


def render_card(
    card: Card,
    width: int,
    now: datetime,
    state: str,
    styles: CardStyles,
) -> list[Strip]:
    """The card's CARD_HEIGHT lines at `width` cells; state is 'plain', 'selected' or 'cursor'."""
    line = line_styles(styles, state)
    edge = (EDGE if state == "selected" else " ", line.edge)
    inner = max(width - 3, 1)
    mark = [(MISSION_MARK + " ", line.mission)] if card.leader_mission else []
    title = [edge, (" ", line.base), *mark, (display.line(card.title), line.title)]
    meta = [edge, (" ", line.base), *_meta(card, now, inner, line)]
    return [
        _strip(title, width, line.base),
        _strip(meta, width, line.base),
        Strip.blank(width, styles.gap),
    ]
