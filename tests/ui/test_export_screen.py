"""ExportScreen: the format picker the board's `x` key opens, driven by the keyboard."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Label, OptionList

from delegate_tui.ui.screens.export import ExportScreen


class Host(App[None]):
    """A bare app that opens the picker and keeps what it answered."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield Label("board")

    def on_mount(self) -> None:
        self.push_screen(ExportScreen(), self.answers.append)


@pytest.mark.parametrize(
    ("keys", "answer"),
    [
        (["enter"], "md"),
        (["down", "enter"], "html"),
        (["down", "down", "down", "enter"], "csv"),
        (["j", "j", "k", "enter"], "html"),
        (["3"], "json"),
        (["4"], "csv"),
        (["escape"], None),
    ],
)
async def test_keys_choose_a_format_or_cancel(keys: list[str], answer: str | None):
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        options = app.screen.query_one(OptionList)
        assert [str(options.get_option_at_index(i).prompt) for i in range(4)] == [
            "1  Markdown — for chat and email",
            "2  HTML — one page that prints on A4",
            "3  JSON — for other programs",
            "4  CSV — one row per card, for a spreadsheet",
        ]
        await pilot.press(*keys)
        await pilot.pause()
        assert app.answers == [answer]
        assert not isinstance(app.screen, ExportScreen)
