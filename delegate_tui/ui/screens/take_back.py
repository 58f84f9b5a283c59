"""Provides ask_why: "What happened?" when a task is taken back a stage.

The same two questions the card screen asks to add a log entry: the log kind (ChoiceScreen: j/k,
the arrows, the digits 1-4, enter) and then a line of text (PromptScreen). Escape at either step
answers None: the move goes ahead with nothing logged.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from delegate_tui.core.language import _
from delegate_tui.core.vocabulary import LOG_KINDS, log_kind_label, log_kind_name, parse_text
from delegate_tui.ui.screens.choice import ChoiceScreen
from delegate_tui.ui.screens.prompt import PromptScreen

Why = tuple[str, str]
"""A log kind and the text of the entry."""


def kind_choices() -> tuple[tuple[str, str], ...]:
    """The log kinds as the chooser lists them: Error, Adjustment, Efficiency dip, Doubt."""
    return tuple((kind, log_kind_name(kind)) for kind in LOG_KINDS)


def ask_why(app: App[object], question: str, done: Callable[[Why | None], None]) -> None:
    """Ask `question` with the log kinds, then what happened; `done` gets the kind and the
    checked text, or None when either question was escaped."""

    def kind_chosen(kind: str | None) -> None:
        if kind is None:
            done(None)
            return
        prompt = PromptScreen(
            _("{kind}: what happened?").format(kind=log_kind_label(kind)),
            placeholder=_("e.g. Sent to the wrong client: back to me until the list is fixed"),
            check=parse_text,
        )
        app.push_screen(prompt, lambda text: done((kind, parse_text(text)) if text else None))

    app.push_screen(ChoiceScreen(question, kind_choices()), kind_chosen)
