"""A card's lines in a column are built from segments directly; they must look exactly as the
rich Text route (assemble, truncate with an ellipsis, pad, render) drew them, cell for cell.

The reference below is that route, as the column used it before segments were built by hand.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from delegate_tui.core.display import line as shown
from delegate_tui.core.model import Card, LogEntry, StageChange, Standard
from delegate_tui.core.times import format_time
from delegate_tui.core.vocabulary import clean_text
from delegate_tui.ui.widgets.card_lines import (
    EDGE,
    OVERDUE_MARK,
    RECENT_MARK,
    CardStyles,
    age_label,
    checkin_overdue,
    fit,
    has_recent_log,
    render_card,
)

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
STYLES = CardStyles(
    card=Style(bgcolor="#202020"),
    selected=Style(bgcolor="#3050a0"),
    cursor=Style(bgcolor="#404040"),
    gap=Style(bgcolor="#101010"),
    title=Style(bold=True),
    meta=Style(color="#909090"),
    recent=Style(color="#e0a000", bold=True),
    overdue=Style(color="#e04040", bold=True),
    missing=Style(color="#808080", italic=True),
    edge=Style(color="#40c0ff"),
)


def reference(card: Card, width: int, state: str) -> list[Strip]:
    """The lines as rich's Text drew them (the implementation the segments replace)."""
    styles, now = STYLES, NOW
    base = {"selected": styles.selected, "cursor": styles.cursor}.get(state, styles.card)
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
    owner = shown(card.owner)  # board text as every screen shows it (display.line)
    left = Text(owner, styles.meta) if owner else Text("no owner", styles.missing)
    room = max(max(width - 3, 1) - right.cell_len - 1, 0)
    left.truncate(room, overflow="ellipsis", pad=True)
    edge = Text(EDGE if state == "selected" else " ", base + styles.edge)
    rows = [
        Text.assemble(" ", Text(shown(card.title), styles.title)),
        Text.assemble(" ", Text.assemble(left, " ", right)),
    ]
    strips = []
    for row in rows:
        line = Text.assemble(edge, row, style=base)
        line.truncate(width, overflow="ellipsis", pad=True)
        strips.append(Strip(line.render(Console()), width))
    strips.append(Strip.blank(width, styles.gap))
    return strips


def cells(strip: Strip) -> list[tuple[str, Style | None]]:
    """Each character with its style: what the terminal shows, whatever the segment cuts."""
    return [(char, segment.style) for segment in strip for char in segment.text]


texts = st.lists(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
    | st.sampled_from(["日本", "é", "👍", "[b]x[/b]", "\x1b[31m", "Marie"]),
    max_size=8,
).map("".join)
when = st.integers(0, 400).map(lambda days: format_time(NOW - timedelta(days=days)))


@st.composite
def cards(draw: st.DrawFn) -> Card:
    moved_at = draw(when)
    return Card(
        id="c1",
        title=draw(texts),
        stage="delegating",
        owner=draw(texts),
        hours_per_week=draw(st.sampled_from([0.0, 0.5, 2.0, 12.25])),
        standards=[
            Standard(f"s{n}", "x", done)
            for n, done in enumerate(draw(st.lists(st.booleans(), max_size=4)))
        ],
        log=[LogEntry("l1", draw(when), "doubt", "x", "me")] if draw(st.booleans()) else [],
        history=[StageChange("h1", moved_at, "only-me", "delegating", "me")],
        created_at=moved_at,
        checkin=draw(st.sampled_from(["", "weekly"])),
    )


@settings(max_examples=300, deadline=None)
@given(cards(), st.integers(1, 70), st.sampled_from(["plain", "selected", "cursor"]))
def test_card_lines_look_as_rich_drew_them(card: Card, width: int, state: str) -> None:
    made, wanted = render_card(card, width, NOW, state, STYLES), reference(card, width, state)
    assert [cells(s) for s in made] == [cells(s) for s in wanted]
    assert all(s.cell_length == width for s in made)


@given(texts, st.integers(0, 50))
def test_fit_is_rich_truncate_with_ellipsis_and_padding(text: str, width: int) -> None:
    text = clean_text(text)
    wanted = Text(text)
    wanted.truncate(width, overflow="ellipsis", pad=True)
    assert fit(text, width) == wanted.plain
