"""Provides ChoiceScreen: pick one of a few options over the current screen."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from delegate_tui.core.language import N_
from delegate_tui.ui.words import translate_bindings


class ChoiceScreen(ModalScreen[str | None]):
    """Choose from (key, label) pairs; dismisses with the key, or None on escape. The arrows,
    `j`/`k` and `enter` pick as in every list; the digit shown beside an option picks it."""

    CSS_PATH = "choice.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="choice-cancel"),
        Binding("j", "step(1)", N_("Down"), show=False, id="choice-down"),
        Binding("k", "step(-1)", N_("Up"), show=False, id="choice-up"),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(
        self, question: str, choices: Sequence[tuple[str, str]], current: str | None = None
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.question = question
        self.choices = list(choices)
        self.current = current
        """The key highlighted first (the first option if None or unknown)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box"):
            yield Static(Content(self.question), id="choice-question")
            yield OptionList(
                *(
                    Option(Content(f"{n}  {label}" if n < 10 else label), id=key)
                    for n, (key, label) in enumerate(self.choices, 1)
                ),
                id="choice-list",
            )

    def on_mount(self) -> None:
        keys = [key for key, _label in self.choices]
        if self.current in keys:
            self.query_one("#choice-list", OptionList).highlighted = keys.index(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_step(self, step: int) -> None:
        options = self.query_one("#choice-list", OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.choices):
            self.dismiss(self.choices[number - 1][0])
