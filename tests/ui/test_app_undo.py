"""What undo (u) and redo (ctrl+r) say in the real app: the step they replayed, or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from tests.kit.app import SIZE, make_app, messages, saved


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    store.add("Invoicing", "only-me", owner="Marie")
    return board_path


async def test_with_nothing_done_undo_and_redo_say_so(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert messages(app) == ["Nothing to undo", "Nothing to redo"]


async def test_undo_and_redo_name_the_step_and_redo_is_offered(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("shift+right")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert saved(app, board)["Invoicing"].stage == "only-me"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert saved(app, board)["Invoicing"].stage == "delegating"
        assert messages(app)[-2:] == ["Undone: move (ctrl+r redoes it)", "Redone: move"]
