"""The `x` (status snapshot) and `i` (insight) keys of the board, in the real app."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.ui.screens.board import BoardScreen
from delegate_tui.ui.screens.export import ExportScreen
from delegate_tui.ui.screens.insight import InsightScreen
from tests.kit.app import SIZE, make_app, messages, screen_text, wait_for


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    store.add("Invoicing", "only-me", owner="Marie", hours_per_week=3)
    store.add("Supplier orders", "delegating", owner="Karim", hours_per_week=2)
    store.add("Payroll", "team-owned", owner="Sophie", hours_per_week=4)
    return board_path


async def test_x_writes_the_chosen_snapshot_beside_the_board(board, clock, alice) -> None:
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("2")  # the second format in the picker: HTML
        folder = board.parent / "snapshots"
        await wait_for(
            pilot, lambda: folder.is_dir() and any(folder.glob("*.html")), "the page", within=10
        )
        page = next(folder.glob("*.html")).read_text(encoding="utf-8")
        assert "Invoicing" in page and "Supplier orders" in page and "<script" not in page
        await wait_for(
            pilot,
            lambda: any("Snapshot written" in m for m in messages(app)),
            "the toast",
            within=10,
        )
        assert isinstance(app.screen, BoardScreen)


async def test_x_then_escape_writes_nothing(board, clock, alice) -> None:
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "escape")
        await asyncio.sleep(0.2)
        assert isinstance(app.screen, BoardScreen)
    assert not (board.parent / "snapshots").exists()


async def test_i_shows_the_absence_verdict_and_escape_returns(board, clock, alice) -> None:
    app = make_app(board, clock, alice)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InsightScreen)
        text = screen_text(app)
        assert "everything stops" in text.lower() and "Invoicing" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
