"""Provides ExportScreen: ask which format a status snapshot should be written in."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from delegate_tui.core.language import N_, _
from delegate_tui.snapshots.write import FORMAT_LABELS
from delegate_tui.ui.words import translate_bindings

CHOICES: dict[str, str] = {
    "md": N_("Markdown — for chat and email"),
    "html": N_("HTML — one page that prints on A4"),
    "json": N_("JSON — for other programs"),
    "csv": N_("CSV — one row per card, for a spreadsheet"),
}
"""What each format is for, as the list shows it (a format the writer adds later shows its
writer's own label)."""


class ExportScreen(ModalScreen[str | None]):
    """Choose md, html, json or csv; dismisses with the format, or None on escape.

    The caller writes the file (`delegate_tui.snapshots.write.write_snapshot`) and shows the path.
    """

    CSS_PATH = "export.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="export.cancel"),
        Binding("j", "cursor(1)", N_("Down"), show=False, id="export.down"),
        Binding("k", "cursor(-1)", N_("Up"), show=False, id="export.up"),
        Binding("1", "choose('md')", "Markdown", show=False, id="export.md"),
        Binding("2", "choose('html')", "HTML", show=False, id="export.html"),
        Binding("3", "choose('json')", "JSON", show=False, id="export.json"),
        Binding("4", "choose('csv')", "CSV", show=False, id="export.csv"),
    ]
    """↑/↓ (or j/k, as on the board) and enter choose; 1-4 pick a format at once; escape
    cancels."""

    def __init__(self, default: str = "md") -> None:
        super().__init__()
        translate_bindings(self)
        self.default = default if default in FORMAT_LABELS else "md"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label(_("Write a status snapshot"), id="export-title")
            yield OptionList(
                *(
                    Option(f"{number}  {_(CHOICES.get(fmt, label))}", id=fmt)
                    for number, (fmt, label) in enumerate(FORMAT_LABELS.items(), 1)
                ),
                id="export-formats",
            )
            yield Label(
                _("enter writes it to snapshots/ beside the board · escape cancels"),
                id="export-hint",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(FORMAT_LABELS).index(self.default)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_choose(self, fmt: str) -> None:
        self.dismiss(fmt)

    def action_cancel(self) -> None:
        self.dismiss(None)
