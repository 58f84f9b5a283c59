"""Provides ConfirmScreen: a yes/no question over the current screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from delegate_tui.core.readiness import Readiness, gaps_text


class ConfirmScreen(ModalScreen[bool]):
    """Ask a question; dismisses with True (yes) or False (no)."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.labels = (yes, no)

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


def gate_screen(question: str, found: Readiness, action: str, verb: str = "Move") -> ConfirmScreen:
    """The readiness gate's question: what the card lacks and what to know, then `action`
    ('Move it to Team-owned') anyway or not, the keys on the buttons."""
    lines = [f"It has {gaps_text(found.missing)} yet."] if found.missing else ["It is ready."]
    if found.warnings:
        lines.append("Logged in the last 7 days:")
        lines.extend(f"  • {warning}" for warning in found.warnings)
    lines.append(f"{action} anyway?" if found.missing else f"{action}?")
    yes = f"y  {verb} anyway" if found.missing else f"y  {verb}"
    return ConfirmScreen(question, "\n".join(lines), yes=yes, no="n  Not yet")
