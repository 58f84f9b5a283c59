"""Pilot tests of the card screen's keys being consistent: j/k move inside a section as the
arrows do, tab stops on the sections only, and the footer and the key table name tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from delegate_tui.board.store import BoardStore
from delegate_tui.ui.screens.card import SECTIONS
from delegate_tui.ui.screens.help import HelpScreen
from tests.kit.app import SIZE, make_app, open_card, saved, screen_text


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    card = store.add("Invoicing", "only-me", owner="Marie")
    for text in ("Sent by the 5th", "Checked by Paul", "Filed"):
        store.add_item(card.id, "standards", text=text)
    return board_path


def highlighted(app) -> int | None:
    focused = app.focused
    assert isinstance(focused, OptionList)
    return focused.highlighted


async def test_tab_stops_on_each_shown_section_and_nothing_else(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        forward = []
        for _ in range(len(SECTIONS) + 1):
            forward.append(app.focused.id)
            await pilot.press("tab")
        assert forward == [*SECTIONS, SECTIONS[0]]
        await pilot.press("shift+tab")  # back on the overview
        backward = []
        for _ in range(len(SECTIONS)):
            await pilot.press("shift+tab")
            backward.append(app.focused.id)
        assert backward == [*reversed(SECTIONS[1:]), SECTIONS[0]]


async def test_j_and_k_move_inside_a_section_as_down_and_up(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("j", "j")
        assert (app.focused.id, highlighted(app)) == ("overview", 2)
        await pilot.press("k")
        assert highlighted(app) == 1
        await pilot.press("tab")
        assert (app.focused.id, highlighted(app)) == ("standards", 0)
        await pilot.press("j", "j")
        assert highlighted(app) == 2
        await pilot.press("k", "space")  # space ticks the line j/k chose
        await pilot.pause()
        done = [s.done for s in saved(app, board)["Invoicing"].standards]
        assert done == [False, True, False]
        by_arrows = []
        await pilot.press("home")
        for key in ("down", "down", "up", "up", "up"):  # past either end as the arrows go
            await pilot.press(key)
            by_arrows.append(highlighted(app))
        by_letters = []
        await pilot.press("home")
        for key in ("j", "j", "k", "k", "k"):
            await pilot.press(key)
            by_letters.append(highlighted(app))
        assert by_letters == by_arrows


async def test_the_footer_and_the_key_table_name_tab(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "tab Section" in footer
        await pilot.press("question_mark")
        await pilot.pause(0.3)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for row in (
            "tab    Next section (shift+tab:",
            "[card-next-section]",
            "j      Next line (as ↓)",
        ):
            assert row in text, row
