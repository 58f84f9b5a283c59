"""Provides Column: one stage of the board, drawn line by line so 10,000 cards stay quick.

A Column mounts no widget per card. It is a `ScrollView` that renders only the lines on screen
(`render_line`), caching each card's lines until the card, the width or the selection changes.
It holds the ids of its cards and asks for a card's model only when it draws or hands out that
card, so a column of 10,000 cards costs 10,000 ids, not 10,000 models. The models it drew are
kept with their lines until the board says the card changed: redrawing never waits for the
store (whose lock the background save holds while it writes the file).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime

from rich.style import Style
from textual import events
from textual.color import Color
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from delegate_tui.core.model import Card
from delegate_tui.core.records import utc_now
from delegate_tui.ui.widgets.card_lines import CARD_HEIGHT, CardStyles, render_card

Cached = tuple[Card, int, str, list[Strip]]

Row = tuple[str | None, str]
"""What a card row on screen shows: the card's id (None past the last card) and its state."""

Models = Callable[[str], Card | None]
"""The model of a card by its id; None for a card that is gone (deleted since the last show)."""

MAX_CACHED = 500
"""Cards whose lines a column keeps; past that the cache starts again."""

STALE_AFTER = 60.0
"""Seconds after which cached card lines are redrawn (for 'time in stage' and the markers).

The cache holds lines drawn at `self.now` and is emptied whenever `self.now` moves, so the
recent-log and overdue check-in markers always match the moment they were drawn for."""


class Column(ScrollView, can_focus=False, inherit_bindings=False):
    """The cards of one stage, with a selection the board's keys move.

    Columns never take the focus: the board screen has the keys and tells one column it is
    active. Moving between columns then restyles nothing, which keeps keystrokes quick.
    """

    class Picked(Message):
        """A card (or the empty part of a column) was clicked."""

        def __init__(self, column: Column, index: int) -> None:
            super().__init__()
            self.column = column
            self.index = index

    COMPONENT_CLASSES = {
        "column--card",
        "column--selected",
        "column--cursor",
        "column--gap",
        "column--title",
        "column--meta",
        "column--recent",
        "column--overdue",
        "column--missing",
        "column--edge",
        "column--mission",
        "column--empty",
    }

    def __init__(self, stage: str, models: Models, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stage = stage
        self.models = models
        self.ids: list[str] = []
        """The cards shown, in order."""
        self.index = 0
        self.now = utc_now()
        self.active = False
        self._cache: dict[str, Cached] = {}
        self._styles: CardStyles | None = None

    # ------------------------------------------------------------ the cards

    @property
    def current_id(self) -> str | None:
        """The id of the selected card, if the column has any."""
        return self.ids[self.index] if 0 <= self.index < len(self.ids) else None

    @property
    def current(self) -> Card | None:
        """The selected card, if the column has any."""
        card_id = self.current_id
        return self._model(card_id) if card_id is not None else None

    def _model(self, card_id: str) -> Card | None:
        cached = self._cache.get(card_id)
        return cached[0] if cached is not None else self.models(card_id)

    def show(
        self,
        ids: Sequence[str],
        now: datetime,
        keep: str | None = None,
        changed: Collection[str] | None = (),
    ) -> None:
        """Show the cards `ids`, keeping the selection on card `keep` (else on the selected card).

        `changed` names the cards whose content changed (None: any card may have). Only the
        card rows that look different are redrawn.
        """
        before = self._view()
        wanted = [i for i in (keep, self.current_id) if i]
        if changed is None or abs((now - self.now).total_seconds()) >= STALE_AFTER:
            self._cache.clear()  # ages and the recent-log marker may read differently now
            self.now = now
            before = []
        stale = set(changed or ())
        for card_id in stale:
            self._cache.pop(card_id, None)
        self.ids = list(ids)
        index = self.index
        if wanted and self.current_id != wanted[0]:
            index = next((i for i in map(self._find, wanted) if i is not None), index)
        self.index = max(0, min(index, len(self.ids) - 1))
        if len(self._cache) > MAX_CACHED:
            self._cache.clear()
        self._set_height()
        self._redraw(before, stale)

    def _view(self) -> list[Row]:
        """What each card row on screen shows."""
        first = int(self.scroll_offset.y) // CARD_HEIGHT
        rows = self.size.height // CARD_HEIGHT + 2
        return [(self._id_at(i), self._state(i)) for i in range(first, first + rows)]

    def _id_at(self, index: int) -> str | None:
        return self.ids[index] if 0 <= index < len(self.ids) else None

    def _state(self, index: int) -> str:
        if index != self.index:
            return "plain"
        return "selected" if self.active else "cursor"

    def _redraw(self, before: list[Row], stale: Collection[str] = ()) -> None:
        """Scroll to the selection; redraw the rows that changed (all of them after a scroll)."""
        scrolled = int(self.scroll_offset.y)
        self.scroll_to_selection()
        if int(self.scroll_offset.y) != scrolled or not before:
            self.refresh()
            return
        first = scrolled // CARD_HEIGHT
        for n, (was, now) in enumerate(zip(before, self._view(), strict=True)):
            if was != now or now[0] in stale:
                self.refresh_lines((first + n) * CARD_HEIGHT, CARD_HEIGHT)

    def _find(self, card_id: str) -> int | None:
        """Where the card is, looking near the selection and at the end first (moves land there)."""
        ids, here = self.ids, self.index
        for i in (here, here - 1, here + 1, len(ids) - 1):
            if 0 <= i < len(ids) and ids[i] == card_id:
                return i
        try:
            return ids.index(card_id)
        except ValueError:
            return None

    def select(self, index: int) -> None:
        if not self.ids:
            return
        before = self._view()
        self.index = max(0, min(index, len(self.ids) - 1))
        self._redraw(before)

    def scroll_to_selection(self) -> None:
        if self.ids and self.size.height:
            region = Region(0, self.index * CARD_HEIGHT, self.size.width, CARD_HEIGHT)
            self.scroll_to_region(region, animate=False, immediate=True)

    @property
    def page(self) -> int:
        """Cards per screenful."""
        return max(1, self.size.height // CARD_HEIGHT)

    # ------------------------------------------------------------ drawing

    def _set_height(self) -> None:
        size = Size(self.size.width, len(self.ids) * CARD_HEIGHT)
        old = self.virtual_size
        if size == old:
            return
        height = self.container_size.height
        if size.width == old.width and (size.height > height) == (old.height > height):
            # The scrollbar stays as it is: no need for a layout pass of the whole screen.
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)
            self.refresh()
        else:
            self.virtual_size = size

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self._set_height()
        self.scroll_to_selection()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._cache.clear()

    def set_active(self, active: bool) -> None:
        """Make this the column the keys act on (its selection is drawn strongly)."""
        if active != self.active:
            before = self._view()
            self.active = active
            self._redraw(before)

    def _part_style(self, name: str, over: Color) -> Style:
        """A component's own style, its colour made solid over the card's background.

        Rich styles have no alpha: `$text-muted` ("auto 60%") would come out white even on a
        light theme. Blending here keeps muted text readable in every theme.
        """
        styles = self.get_component_styles(name)
        style = styles.partial_rich_style
        if styles.has_rule("color"):
            colour = styles.color
            if styles.auto_color:
                colour = over.get_contrast_text(colour.a)
            style += Style(color=(over + colour).rich_color)
        return style

    def _card_styles(self) -> CardStyles:
        if self._styles is None:
            full = self.get_component_rich_style
            over = self.get_component_styles("column--card").background

            def part(name: str) -> Style:
                return self._part_style(name, over)

            self._styles = CardStyles(
                card=full("column--card"),
                selected=full("column--selected"),
                cursor=full("column--cursor"),
                gap=full("column--gap"),
                title=part("column--title"),
                meta=part("column--meta"),
                recent=part("column--recent"),
                overdue=part("column--overdue"),
                missing=part("column--missing"),
                edge=part("column--edge"),
                mission=part("column--mission"),
            )
        return self._styles

    def _strips(self, index: int, width: int) -> list[Strip]:
        card = self._model(self.ids[index])
        if card is None:  # gone from the store; the board redraws the column in a moment
            blank = Strip.blank(width, self.get_component_rich_style("column--empty"))
            return [blank] * CARD_HEIGHT
        state = self._state(index)
        cached = self._cache.get(card.id)
        if cached and cached[1] == width and cached[2] == state:
            return cached[3]
        strips = render_card(card, width, self.now, state, self._card_styles())
        self._cache[card.id] = (card, width, state, strips)
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = int(self.scroll_offset.y) + y
        index, row = divmod(line, CARD_HEIGHT)
        if index >= len(self.ids) or width <= 0:
            return Strip.blank(width, self.get_component_rich_style("column--empty"))
        return self._strips(index, width)[row]

    def on_click(self, event: events.Click) -> None:
        """A click selects the card under the pointer; it never runs anything."""
        index = (int(self.scroll_offset.y) + event.y) // CARD_HEIGHT
        if index < len(self.ids):
            self.select(index)
        self.post_message(self.Picked(self, index))


class StageHead(Widget):
    """A column's one-line heading; updating it redraws one line, never the layout."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.content = Content("")

    def show(self, content: Content) -> None:
        if content != self.content:
            self.content = content
            self.refresh()

    def render(self) -> Content:
        return self.content
