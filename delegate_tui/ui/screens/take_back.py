"""Provides ask_why: "What happened?" when a task is taken back a stage.

The same two questions the card screen asks to add a log entry: the log kind (ChoiceScreen: j/k,
the arrows, the digits 1-4, enter) and then a line of text (PromptScreen). Escape at either step
answers None: the move goes ahead with nothing logged.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from delegate_tui.core.vocabulary import LOG_KIND_LABELS, LOG_KINDS, parse_text
from delegate_tui.ui.screens.choice import ChoiceScreen
from delegate_tui.ui.screens.prompt import PromptScreen

Why = tuple[str, str]
"""A log kind and the text of the entry."""

KIND_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (kind, LOG_KIND_LABELS[kind].rstrip("s")) for kind in LOG_KINDS
)
"""The log kinds as the chooser lists them: Error, Adjustment, Efficiency dip, Doubt."""


def ask_why(app: App[object], question: str, done: Callable[[Why | None], None]) -> None:
    """Ask `question` with the log kinds, then what happened; `done` gets the kind and the
    checked text, or None when either question was escaped."""

    def kind_chosen(kind: str | None) -> None:
        if kind is None:
            done(None)
            return
        prompt = PromptScreen(
            f"{LOG_KIND_LABELS[kind]}: what happened?",
            placeholder="e.g. Sent to the wrong client: back to me until the list is fixed",
            check=parse_text,
        )
        app.push_screen(prompt, lambda text: done((kind, parse_text(text)) if text else None))

    app.push_screen(ChoiceScreen(question, KIND_CHOICES), kind_chosen)
