"""Provides ConfirmScreen: a yes/no question over the current screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from delegate_tui.core.language import N_, _
from delegate_tui.core.readiness import Readiness, gaps_text
from delegate_tui.ui.words import translate_bindings


class ConfirmScreen(ModalScreen[bool]):
    """Ask a question; dismisses with True (yes) or False (no)."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm-yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm-no"),
    ]

    def __init__(
        self, question: str, detail: str = "", yes: str | None = None, no: str | None = None
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.question = question
        self.detail = detail
        self.labels = (_("Yes") if yes is None else yes, _("No") if no is None else no)

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Content(self.question), id="confirm-question")
            if self.detail:
                yield Static(Content(self.detail), id="confirm-detail")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(self.labels[0]), id="yes", variant="warning")
                yield Button(Content(self.labels[1]), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def gate_screen(question: str, found: Readiness, adding: bool = False) -> ConfirmScreen:
    """The readiness gate's question: what the card lacks and what to know, then moving it
    (adding it, when `adding`) to Team-owned anyway or not, the keys on the buttons."""
    if found.missing:
        lines = [_("It has {gaps} yet.").format(gaps=gaps_text(found.missing))]
    else:
        lines = [_("It is ready.")]
    if found.warnings:
        lines.append(_("Logged in the last 7 days:"))
        lines.extend(f"  • {warning}" for warning in found.warnings)
    if adding:
        ask = _("Add it to Team-owned anyway?") if found.missing else _("Add it to Team-owned?")
        yes = _("y  Add anyway") if found.missing else _("y  Add")
    else:
        ask = _("Move it to Team-owned anyway?") if found.missing else _("Move it to Team-owned?")
        yes = _("y  Move anyway") if found.missing else _("y  Move")
    lines.append(ask)
    return ConfirmScreen(question, "\n".join(lines), yes=yes, no=_("n  Not yet"))
