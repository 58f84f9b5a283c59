"""Provides TitleBar and KeyBar: the board's top and bottom lines, each one widget.

Textual's Header and Footer compose several widgets (an icon, a title, a clock space; a widget
per key, recomposed whenever the keys change). Both lines are plain text: drawn by one widget
each, the board opens ~5 ms sooner and a change of keys redraws one line instead of mounting
widgets. Both look like Textual's and take their colours from the theme (bars.tcss).
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

Spot = tuple[int, int, str]
"""Where a key sits on the bar (first cell, cell past the last) and the key a click presses."""


class TitleBar(Widget):
    """The app's title and the screen's sub-title (the board's name), centred on one line."""

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._retitle, init=False)
        self.watch(self.screen, "title", self._retitle, init=False)
        self.watch(self.screen, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        return self.app.format_title(title, sub_title)  # Content: never markup


class KeyBar(Widget, can_focus=False):
    """The keys the screen offers (the bindings shown in the footer), on one line.

    One key per action (the first of its keys, as set by the keymap), the command palette's
    key on the right; clicking a key presses it, as Textual's Footer does.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--palette"}

    def __init__(self) -> None:
        super().__init__()
        self._spots: list[Spot] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def shown(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """The keys to show (each with whether it can act now), and the palette's key."""
        active = self.screen.active_bindings
        keys: dict[str, tuple[Binding, bool]] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in keys:
                keys[binding.action] = (binding, enabled)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is None or not self.app.ENABLE_COMMAND_PALETTE:
            return list(keys.values()), None
        return list(keys.values()), (palette.binding, palette.enabled)

    def render(self) -> Content:
        key_style = self.get_visual_style("key-bar--key", partial=True)
        text_style = self.get_visual_style("key-bar--description", partial=True)
        dim = Style(dim=True)
        keys, palette = self.shown()
        parts: list[tuple[str, Style]] = []
        spots: list[Spot] = []
        x = 0
        for binding, enabled in keys:
            key = f" {self.app.get_key_display(binding)} "
            label = f"{binding.description} "
            parts += [(key, key_style), (label, text_style)]
            if not enabled:
                parts[-2:] = [(text, style + dim) for text, style in parts[-2:]]
            width = Content(key + label).cell_length
            spots.append((x, x + width, binding.key))
            x += width
        line = Content.assemble(*parts)
        if palette is not None:
            binding, _enabled = palette
            edge = ("▏", self.get_visual_style("key-bar--palette", partial=True))
            key = f" {self.app.get_key_display(binding)} "
            right = Content.assemble(
                edge, (key, key_style), (f"{binding.description} ", text_style)
            )
            room = self.size.width - right.cell_length
            line = line.truncate(max(room, 0), pad=True) + right
            spots.append((room + 1, self.size.width, binding.key))
        self._spots = spots
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spots:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
