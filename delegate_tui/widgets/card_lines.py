"""Provides how one card looks in a column: a few lines of plain text, never markup.

Text from the board file goes into `rich.text.Text` as data, with control characters stripped,
so a title such as `[@click=app.quit]Pay[/]` shows literally and carries no action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from delegate_tui.insight import card_checkin
from delegate_tui.model import Card, clean_text
from delegate_tui.records import parse_time

CARD_HEIGHT = 3
"""Lines per card: the title, the details, a line of space."""

RECENT = timedelta(days=7)
"""A log entry this recent marks the card."""

EDGE = "▎"
RECENT_MARK = "●"
OVERDUE_MARK = "overdue"
"""Shown on a card whose check-in is overdue (in $marker-overdue)."""


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


def age_label(since: str, now: datetime) -> str:
    """How long ago `since` was, the way people glance at it: 'today', '3d', '5w', '4mo', '2y'."""
    try:
        days = (now - parse_time(since)).days
    except ValueError:
        return ""
    if days < 1:
        return "today"
    if days < 14:
        return f"{days}d"
    if days < 63:
        return f"{days // 7}w"
    if days < 730:
        return f"{days // 30}mo"
    return f"{days // 365}y"


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


def _meta(card: Card, now: datetime, width: int, styles: CardStyles) -> Text:
    right = Text()
    if checkin_overdue(card, now):
        right.append(OVERDUE_MARK + "  ", styles.overdue)
    if has_recent_log(card, now):
        right.append(RECENT_MARK + " ", styles.recent)
    if card.standards:
        right.append(f"✓ {card.standards_done}/{len(card.standards)}  ", styles.meta)
    if card.hours_per_week:
        right.append(f"{card.hours_per_week:g}h  ", styles.meta)
    right.append(age_label(card.stage_since, now), styles.meta)
    owner = clean_text(card.owner)
    left = Text(owner, styles.meta) if owner else Text("no owner", styles.missing)
    room = max(width - right.cell_len - 1, 0)
    left.truncate(room, overflow="ellipsis", pad=True)
    return Text.assemble(left, " ", right)


def render_card(
    card: Card,
    width: int,
    now: datetime,
    state: str,
    styles: CardStyles,
    console: Console,
) -> list[Strip]:
    """The card's CARD_HEIGHT lines at `width` cells; state is 'plain', 'selected' or 'cursor'."""
    base = {"selected": styles.selected, "cursor": styles.cursor}.get(state, styles.card)
    inner = max(width - 3, 1)
    edge = Text(EDGE if state == "selected" else " ", base + styles.edge)
    rows = [
        Text.assemble(" ", Text(clean_text(card.title), styles.title)),
        Text.assemble(" ", _meta(card, now, inner, styles)),
    ]
    strips = []
    for row in rows:
        line = Text.assemble(edge, row, style=base)
        line.truncate(width, overflow="ellipsis", pad=True)
        strips.append(Strip(line.render(console), width))
    strips.append(Strip.blank(width, styles.gap))
    return strips
