"""Pilot tests of `d` on the board: it asks first, deletes (a stamped tombstone in the file) and
undo brings the card back."""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.board.boardfile import read_board
from delegate_tui.board.store import BoardStore
from delegate_tui.ui.screens.confirm import ConfirmScreen
from tests.kit.app import SIZE, make_app, messages, saved, screen_text


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    store.add("Invoicing", "only-me", owner="Marie")
    store.add("Quotes", "only-me")
    return board_path


def deleted_at(path: Path, title: str) -> str | None:
    """The card's tombstone in the file (None while it is live)."""
    data, _sig = read_board(path)
    record = next(r for r in data["cards"].values() if r["title"] == title)
    return record.get("deleted_at")


async def test_d_asks_then_deletes_and_undo_brings_the_card_back(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete “Invoicing”?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert "Invoicing" not in saved(app, board)
        assert deleted_at(board, "Invoicing")
        assert "Invoicing" not in screen_text(app).partition("Deleted")[0]
        assert messages(app)[-1] == "Deleted “Invoicing”: u brings it back"
        await pilot.press("u")
        await pilot.pause()
        assert "Invoicing" in saved(app, board)
        assert deleted_at(board, "Invoicing") is None
        assert "Invoicing" in screen_text(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Invoicing" not in saved(app, board)


async def test_d_then_n_or_escape_keeps_the_card(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("n", "escape"):
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmScreen)
        assert set(saved(app, board)) == {"Invoicing", "Quotes"}
        assert not app.history.can_undo
