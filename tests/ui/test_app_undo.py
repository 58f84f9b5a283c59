"""What undo (u) and redo (ctrl+r) say in the real app: the step they replayed, or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.board.boardfile import read_board
from delegate_tui.board.store import BoardStore
from tests.kit.app import SIZE, make_app, messages, on_disk, saved, screen_text


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


def _card_line(app) -> str:
    """The card's two lines on the board: its title, then its owner and its age."""
    lines = screen_text(app).splitlines()
    index = next(n for n, line in enumerate(lines) if "Invoicing" in line)
    return "\n".join(lines[index : index + 2])


async def test_undo_of_a_move_leaves_history_age_and_file_as_before(board, clock, alice):
    clock.advance(days=90)
    before = on_disk(board)["Invoicing"]
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = _card_line(app)
        assert "3mo" in shown
        await pilot.press("L")
        await pilot.pause()
        moved = saved(app, board)["Invoicing"]
        assert moved.stage == "delegating" and moved.stage_since != before.stage_since
        clock.advance(minutes=1)
        await pilot.press("u")
        await pilot.pause()
        undone = saved(app, board)["Invoicing"]
        assert undone.history == before.history
        assert undone.stage == "only-me" and undone.stage_since == before.stage_since
        assert _card_line(app) == shown
        clock.advance(minutes=1)
        await pilot.press("ctrl+r")
        await pilot.pause()
        redone = saved(app, board)["Invoicing"]
        assert redone.history == moved.history and redone.stage_since == moved.stage_since
    data, _sig = read_board(board)
    entries = next(iter(data["cards"].values()))["history"].values()
    assert all(entry["from"] != entry["to"] for entry in entries)
