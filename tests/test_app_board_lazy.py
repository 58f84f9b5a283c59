"""The board draws from card ids and builds card models only for the cards it shows (issue 3):
what it shows must still follow every change, from this app or from outside."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from delegate_tui.app import RELOAD_EVERY
from delegate_tui.records import Identity
from delegate_tui.screens.card import CardScreen
from delegate_tui.store import BoardStore
from tests.app_kit import SIZE, make_app, open_card, screen_text, wait_for

BOB = Identity("bob", "dev-bob")


@pytest.fixture
def board(store: BoardStore, board_path: Path, clock) -> Path:
    store.add("Invoicing", "only-me", owner="Marie", hours_per_week=3)
    store.add("Quotes", "only-me", hours_per_week=5)
    store.add("Payroll", "delegating", owner="Sophie")
    clock.advance(minutes=5)
    return board_path


def bob_renames(board: Path, clock, old: str, new: str) -> None:
    """Bob renames a card on his copy, which then replaces the file (as a sync tool does)."""
    work = board.parent / "bob-incoming.json"
    shutil.copyfile(board, work)
    bob = BoardStore(work, BOB, clock=clock)
    bob.edit(next(c.id for c in bob.cards() if c.title == old), title=new)
    os.replace(work, board)


async def test_an_outside_change_made_while_a_card_is_open_shows_on_the_board_after(
    board, clock, alice
):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_card(pilot)  # Invoicing
        clock.advance(minutes=1)
        bob_renames(board, clock, "Quotes", "Quotes for spring")
        await wait_for(
            pilot,
            lambda: "Quotes for spring" in [c.title for c in app.store.cards()],
            "Bob's rename taken in",
            within=RELOAD_EVERY * 5,
        )
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(app)
        assert "Quotes for spring" in text and "Invoicing" in text
