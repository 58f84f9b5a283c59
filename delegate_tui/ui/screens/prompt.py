"""Provides PromptScreen: one line of text typed over the current screen."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from delegate_tui.core.errors import ValidationError
from delegate_tui.core.language import N_, _
from delegate_tui.ui.words import translate_bindings

Check = Callable[[str], object]
"""Validates the typed text: raises ValidationError with a message saying what is wrong."""


class PromptScreen(ModalScreen[str | None]):
    """Ask for a line of text; dismisses with it (enter) or None (escape)."""

    CSS_PATH = "prompt.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="prompt-cancel")]

    def __init__(
        self, question: str, value: str = "", *, placeholder: str = "", check: Check | None = None
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.question = question
        self.value = value
        self.placeholder = placeholder
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(Content(self.question), id="prompt-question")
            yield Input(
                self.value, placeholder=self.placeholder, id="prompt-input", select_on_focus=False
            )
            yield Static(id="prompt-error")
            yield Static(Content(_("enter to save · escape to cancel")), id="prompt-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.check is not None:
            try:
                self.check(event.value)
            except ValidationError as exc:
                self.query_one("#prompt-error", Static).update(Content(str(exc)))
                return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
