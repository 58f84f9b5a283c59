"""Provides Column: one stage of the board, drawn line by line so 10,000 cards stay quick.

A Column mounts no widget per card. It is a `ScrollView` that renders only the lines on screen
(`render_line`), caching each card's lines until the card, the width or the selection changes.
"""

from __future__ import annotations

from datetime import datetime

from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from delegate_tui.model import Card
from delegate_tui.records import utc_now
from delegate_tui.widgets.card_lines import CARD_HEIGHT, CardStyles, render_card

Cached = tuple[Card, int, str, list[Strip]]


class Column(ScrollView, can_focus=True, inherit_bindings=False):
    """The cards of one stage, with a selection the board's keys move."""

    COMPONENT_CLASSES = {
        "column--card",
        "column--selected",
        "column--cursor",
        "column--gap",
        "column--title",
        "column--meta",
        "column--recent",
        "column--missing",
        "column--edge",
        "column--empty",
    }

    def __init__(self, stage: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stage = stage
        self.cards: list[Card] = []
        self.index = 0
        self.now = utc_now()
        self._cache: dict[str, Cached] = {}
        self._styles: CardStyles | None = None

    # ------------------------------------------------------------ the cards

    @property
    def current(self) -> Card | None:
        """The selected card, if the column has any."""
        return self.cards[self.index] if self.cards else None

    def show(self, cards: list[Card], now: datetime, keep: str | None = None) -> None:
        """Show `cards`, keeping the selection on card `keep` (else on the selected card)."""
        wanted = [i for i in (keep, self.current.id if self.current else None) if i]
        if now != self.now:
            self._cache.clear()
        self.now = now
        self.cards = cards
        ids = {c.id: i for i, c in enumerate(cards)} if wanted else {}
        found = next((ids[i] for i in wanted if i in ids), None)
        if found is not None:
            self.index = found
        self.index = max(0, min(self.index, len(cards) - 1))
        self._cache = {c.id: self._cache[c.id] for c in cards if c.id in self._cache}
        self._set_height()
        self.refresh()
        self.scroll_to_selection()

    def index_of(self, card_id: str) -> int | None:
        return next((i for i, c in enumerate(self.cards) if c.id == card_id), None)

    def select(self, index: int) -> None:
        if not self.cards:
            return
        index = max(0, min(index, len(self.cards) - 1))
        if index != self.index:
            self.index = index
            self.refresh()
        self.scroll_to_selection()

    def scroll_to_selection(self) -> None:
        if self.cards and self.size.height:
            region = Region(0, self.index * CARD_HEIGHT, self.size.width, CARD_HEIGHT)
            self.scroll_to_region(region, animate=False, immediate=True)

    @property
    def page(self) -> int:
        """Cards per screenful."""
        return max(1, self.size.height // CARD_HEIGHT)

    # ------------------------------------------------------------ drawing

    def _set_height(self) -> None:
        size = Size(self.size.width, len(self.cards) * CARD_HEIGHT)
        if size != self.virtual_size:
            self.virtual_size = size

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self._set_height()
        self.scroll_to_selection()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._cache.clear()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def _card_styles(self) -> CardStyles:
        if self._styles is None:
            full = self.get_component_rich_style
            part = lambda name: self.get_component_rich_style(name, partial=True)  # noqa: E731
            self._styles = CardStyles(
                card=full("column--card"),
                selected=full("column--selected"),
                cursor=full("column--cursor"),
                gap=full("column--gap"),
                title=part("column--title"),
                meta=part("column--meta"),
                recent=part("column--recent"),
                missing=part("column--missing"),
                edge=part("column--edge"),
            )
        return self._styles

    def _strips(self, index: int, width: int) -> list[Strip]:
        card = self.cards[index]
        state = "plain"
        if index == self.index:
            state = "selected" if self.has_focus else "cursor"
        cached = self._cache.get(card.id)
        if cached and cached[0] is card and cached[1] == width and cached[2] == state:
            return cached[3]
        strips = render_card(card, width, self.now, state, self._card_styles(), self.app.console)
        self._cache[card.id] = (card, width, state, strips)
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = int(self.scroll_offset.y) + y
        index, row = divmod(line, CARD_HEIGHT)
        if index >= len(self.cards) or width <= 0:
            return Strip.blank(width, self.get_component_rich_style("column--empty"))
        return self._strips(index, width)[row]

    async def on_click(self, event: events.Click) -> None:
        """A click selects the card under the pointer; it never runs anything."""
        index = (int(self.scroll_offset.y) + event.y) // CARD_HEIGHT
        self.focus()
        if index < len(self.cards):
            self.select(index)
