"""Pilot tests of leader missions on the board: `m` marks and unmarks the selected card (in the
file and on the screen, with a ★ before its title and a notification), `u` undoes it, and moving
a leader mission from Only me to Delegating asks first (y moves it, n does not), while an
ordinary card moves without a question; in English and in French."""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.core.formats import NARROW
from delegate_tui.ui.screens.confirm import ConfirmScreen
from delegate_tui.ui.widgets.card_lines import MISSION_MARK
from tests.kit.app import SIZE, make_app, messages, run_command, saved, screen_text


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    """In Only me: 'Negotiate with the bank' (a leader mission), then 'Send the invoices'."""
    store.add("Negotiate with the bank", "only-me", leader_mission=True)
    store.add("Send the invoices", "only-me", owner="Karim")
    store.flush()
    return board_path


def marked(text: str, title: str) -> bool:
    """Whether the screen shows `title` with the leader mission's marker before it."""
    return f"{MISSION_MARK} {title}" in text


async def test_m_marks_and_unmarks_the_selected_card(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert not marked(screen_text(app), "Send the invoices")
        await pilot.press("j", "m")
        await pilot.pause()
        assert saved(app, board)["Send the invoices"].leader_mission
        assert marked(screen_text(app), "Send the invoices")
        assert "“Send the invoices” is one of your missions" in messages(app)[-1]
        await pilot.press("m")
        await pilot.pause()
        assert not saved(app, board)["Send the invoices"].leader_mission
        assert not marked(screen_text(app), "Send the invoices")
        assert "no longer one of your missions" in messages(app)[-1]


async def test_u_undoes_marking_a_mission(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "m")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert not marked(screen_text(app), "Send the invoices")
        assert "Undone: leader mission" in messages(app)[-1]
    assert not saved(app, board)["Send the invoices"].leader_mission


async def test_the_marker_keeps_the_card_line_width_and_the_footer(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        mission = next(line for line in lines if marked(line, "Negotiate with the bank"))
        assert len(mission) == len(lines[0])
        assert "u Undo" in lines[-1]  # `m` (listed by ?) pushes no key off a full footer


@pytest.mark.parametrize(("key", "moved"), [("y", True), ("n", False)])
async def test_moving_a_mission_to_delegating_asks_first(board, clock, alice, key, moved):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert "This is one of your missions: hand it over anyway?" in text
        assert "y  Hand it over" in text and "n  Keep it" in text
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    stage = saved(app, board)["Negotiate with the bank"].stage
    assert stage == ("delegating" if moved else "only-me")


async def test_the_command_palette_move_asks_too(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Move the card to the next stage")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
    assert saved(app, board)["Negotiate with the bank"].stage == "only-me"


async def test_an_ordinary_card_moves_without_asking(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "L")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    assert saved(app, board)["Send the invoices"].stage == "delegating"


@pytest.mark.usefixtures("french")
async def test_in_french(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "m")
        await pilot.pause()
        said = f"«{NARROW}Send the invoices{NARROW}» est une de vos missions{NARROW}: elle reste"
        assert said in messages(app)[-1]
        assert marked(screen_text(app), "Send the invoices")
        await pilot.press("k", "L")
        await pilot.pause()
        text = screen_text(app)
        assert f"C'est une de vos missions{NARROW}: la confier quand même{NARROW}?" in text
        assert "y  La confier" in text and "n  La garder" in text
        await pilot.press("y")
        await pilot.pause()
    assert saved(app, board)["Negotiate with the bank"].stage == "delegating"
