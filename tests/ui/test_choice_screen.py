"""The chooser (ui/screens/choice.py): arrows, j/k and the digits pick an option."""

from __future__ import annotations

import pytest
from textual.app import App

from delegate_tui.ui.screens.choice import ChoiceScreen

KINDS = [
    ("error", "Error"),
    ("adjustment", "Adjustment"),
    ("dip", "Efficiency dip"),
    ("doubt", "Doubt"),
]


class _Chooser(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[str | None] = []

    def on_mount(self) -> None:
        self.push_screen(ChoiceScreen("What happened?", KINDS), self.chosen.append)


@pytest.mark.parametrize(
    ("keys", "chosen"),
    [
        (["enter"], "error"),
        (["j", "enter"], "adjustment"),
        (["j", "j", "k", "enter"], "adjustment"),
        (["down", "down", "enter"], "dip"),
        (["4"], "doubt"),
        (["2"], "adjustment"),
        (["9"], None),  # no ninth option: nothing chosen, the chooser stays
        (["escape"], None),
    ],
)
async def test_keys_pick_the_option(keys: list[str], chosen: str | None) -> None:
    app = _Chooser()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        if keys == ["9"]:
            assert app.chosen == [] and isinstance(app.screen, ChoiceScreen)
        else:
            assert app.chosen == [chosen]


async def test_the_digits_are_shown_beside_the_options() -> None:
    app = _Chooser()
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = [str(o.prompt) for o in app.screen.query_one("#choice-list").options]
        assert shown == ["1  Error", "2  Adjustment", "3  Efficiency dip", "4  Doubt"]
