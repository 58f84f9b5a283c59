"""Pilot tests of the readiness gate on the board: every way into Team-owned (shift+→, L, >, the
command palette) and `n` in that column ask first, naming what is missing and the recent errors
and doubts, with the y/n keys on the buttons; a card moved anyway is marked forced in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.ui.screens.confirm import ConfirmScreen
from delegate_tui.ui.screens.prompt import PromptScreen
from tests.kit.app import (
    SIZE,
    answer,
    make_app,
    on_disk,
    run_command,
    saved,
    screen_text,
)


@pytest.fixture
def board(store: BoardStore, board_path: Path, clock) -> Path:
    """In Delegating: 'Orders' ready, 'Payroll' with an open standard and 'stops', 'Quotes'
    ready but with a doubt logged yesterday."""
    for title, done, absence in [("Orders", True, "runs"), ("Payroll", False, "stops"),
                                 ("Quotes", True, "")]:  # fmt: skip
        card = store.add(title, "delegating", owner="Karim", absence=absence)
        step = store.add_item(card.id, "standards", text="Order before Tuesday noon")
        store.edit_item(card.id, "standards", step, done=done)
    quotes = store.cards()[-1]
    store.log(quotes.id, "doubt", "Not sure which discount applies")
    clock.advance(days=1)
    store.flush()
    return board_path


def detail(app) -> str:
    assert isinstance(app.screen, ConfirmScreen)
    return str(app.screen.query_one("#confirm-detail").render())


@pytest.mark.parametrize("key", ["shift+right", "L", "greater_than_sign"])
async def test_every_move_key_asks_and_names_each_gap(board, clock, alice, key):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", key)  # Payroll
        await pilot.pause()
        text = detail(app)
        assert "1 work standard not ticked" in text and "'stops' as its absence answer" in text
        shown = screen_text(app)
        assert "y  Move anyway" in shown and "n  Not yet" in shown
        await pilot.press("n")
        await pilot.pause()
    assert saved(app, board)["Payroll"].stage == "delegating"


async def test_the_command_palette_goes_through_the_gate(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        await run_command(pilot, "Move the card to the next stage")
        assert "1 work standard not ticked" in detail(app)
        await pilot.press("n")
        await pilot.pause()
    assert saved(app, board)["Payroll"].stage == "delegating"


async def test_yes_moves_it_anyway_marked_forced_and_undo_takes_it_back(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "L", "y")
        await pilot.pause()
        payroll = saved(app, board)["Payroll"]
        assert payroll.stage == "team-owned"
        assert [h.forced for h in payroll.history] == [False, True]
        await pilot.press("u")
        await pilot.pause()
    assert saved(app, board)["Payroll"].stage == "delegating"


async def test_a_ready_card_moves_without_a_question_and_unforced(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")  # Orders
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    orders = saved(app, board)["Orders"]
    assert orders.stage == "team-owned" and not any(h.forced for h in orders.history)


async def test_a_recent_doubt_is_a_warning_with_its_text(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "L")  # Quotes: ready, a doubt yesterday
        await pilot.pause()
        text = detail(app)
        assert "It is ready." in text and "Logged in the last 7 days" in text
        assert "doubt logged 2026-11-02: Not sure which discount applies" in text
        assert "y  Move" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
    quotes = saved(app, board)["Quotes"]
    assert quotes.stage == "team-owned" and not quotes.history[-1].forced


async def test_a_doubt_older_than_a_week_no_longer_asks(board, clock, alice):
    clock.advance(days=7)
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "L")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    assert saved(app, board)["Quotes"].stage == "team-owned"


@pytest.mark.parametrize(("key", "added"), [("n", False), ("y", True)])
async def test_n_in_the_team_owned_column_goes_through_the_gate(board, clock, alice, key, added):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "right", "n")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await answer(pilot, "Stock count")
        assert "no owner and no work standard" in detail(app)
        assert "y  Add anyway" in screen_text(app)
        await pilot.press(key)
        await pilot.pause()
    cards = saved(app, board)
    assert ("Stock count" in cards) is added
    if added:
        card = cards["Stock count"]
        assert card.stage == "team-owned" and [h.forced for h in card.history] == [True]


async def test_n_elsewhere_asks_nothing(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await answer(pilot, "Stock count")
        assert not isinstance(app.screen, ConfirmScreen)
    assert on_disk(board) and saved(app, board)["Stock count"].stage == "delegating"
