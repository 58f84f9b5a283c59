"""Provides the theme picker: a list of themes that previews each one as you move."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from delegate_tui.core.language import N_, _
from delegate_tui.ui.words import translate_bindings


class ThemePicker(ModalScreen[str | None]):
    """Choose a theme; the highlighted one is shown at once, escape puts the old one back."""

    CSS_PATH = "theme_picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="theme-picker.cancel"),
    ]
    """Enter chooses (OptionList's own binding); escape cancels."""

    def __init__(self, names: list[str], current: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.names = sorted(names)
        self.original = current

    def compose(self) -> ComposeResult:
        with Vertical(id="theme-box"):
            title = _("Theme — ↑/↓ to preview, enter to keep, escape to cancel")
            yield Label(title, id="theme-title")
            yield OptionList(*(Option(name, id=name) for name in self.names), id="theme-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.original in self.names:
            options.highlighted = self.names.index(self.original)
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.app.theme = event.option.id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.app.theme = self.original
        self.dismiss(None)
