"""The board's title line and key line (one widget each): what they show and what a click does."""

from __future__ import annotations

import json

from delegate_tui.board.store import BoardStore
from delegate_tui.config import Config
from delegate_tui.ui.screens.card import CardScreen
from delegate_tui.ui.screens.prompt import PromptScreen
from delegate_tui.ui.widgets.bars import KeyBar, TitleBar
from tests.kit.app import SIZE, make_app, screen_text


def bottom_line(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_the_key_bar_shows_the_keys_of_the_screen(store, board_path, clock, alice):
    store.add("Invoicing")
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = bottom_line(app)
        for shown in ("shift+→ Move →", "n New", "/ Filter", "q Quit", "? Help", "^p Commands"):
            assert shown in line, (shown, line)
        assert "Card up" not in line  # not shown in the footer: in the help screen
        assert line.rstrip().endswith("^p Commands")  # the palette's key on the right
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        line = bottom_line(app)
        assert "esc Board" in line and "shift+→" not in line  # the card screen's own keys


async def test_a_remapped_key_shows_remapped_on_the_key_bar(store, board_path, clock, alice):
    store.add("Invoicing")
    app = make_app(board_path, clock, alice, settings=Config(keymap={"move-next": "m"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = bottom_line(app)
    assert " m Move →" in line and "shift+→" not in line


async def test_clicking_a_key_on_the_bar_presses_it(store, board_path, clock, alice):
    store.add("Invoicing")
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        x = bottom_line(app).index(" n New") + 2
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)  # n: a new card's title is asked
        await pilot.press("escape")
        await pilot.pause()
        x = bottom_line(app).index("^p Commands") + 1
        await pilot.click(bar, offset=(x, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"


async def test_the_title_shows_the_board_name_literally(tmp_path, clock, alice):
    path = tmp_path / "board.json"
    store = BoardStore(path, alice)
    store.add("Invoicing")
    store.close()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["_meta"]["board"]["name"] = "[@click=app.quit]Shop[/] \x1b[31m"
    path.write_text(json.dumps(data), encoding="utf-8")
    app = make_app(path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert "delegate — [@click=app.quit]Shop[/]" in top, top
        await pilot.click(TitleBar, offset=(top.index("Shop") + 1, 0))
        await pilot.pause()
        assert app.is_running  # the name's "click" is text, not an action
