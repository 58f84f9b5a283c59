"""Pilot tests of taking a task back: every way of moving a card back a stage (shift+←, H, <, the
command palette) asks "What happened?" (a log kind, then a line of text) and the answer becomes a
transition-log entry, saved with the move; escape at either question moves the card with nothing
logged; forward moves ask nothing; undo takes the move back."""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.ui.screens.board import BoardScreen
from delegate_tui.ui.screens.choice import ChoiceScreen
from delegate_tui.ui.screens.prompt import PromptScreen
from tests.kit.app import (
    SIZE,
    answer,
    make_app,
    on_disk,
    open_card,
    run_command,
    saved,
    screen_text,
)


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    """'Payroll' alone in Delegating, 'Invoicing' alone in Only me."""
    store.add("Invoicing", "only-me", owner="Marie")
    store.add("Payroll", "delegating", owner="Sophie")
    store.flush()
    return board_path


def entries(board: Path, title: str = "Payroll") -> list[tuple[str, str]]:
    return [(e.kind, e.text) for e in on_disk(board)[title].log]


@pytest.mark.parametrize("key", ["shift+left", "H", "less_than_sign"])
async def test_a_back_key_asks_what_happened_and_logs_the_answer(board, clock, alice, key):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", key)  # Payroll, back to Only me
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "What happened?" in screen_text(app) and "Only me" in screen_text(app)
        assert on_disk(board)["Payroll"].stage == "delegating"  # nothing yet
        await pilot.press("1")  # Error
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert "Errors: what happened?" in screen_text(app)
        await answer(pilot, "Paid twice in March")
        assert isinstance(app.screen, BoardScreen)
        cards = saved(app, board)
        assert cards["Payroll"].stage == "only-me"
        assert cards["Payroll"].history[-1].from_stage == "delegating"
        assert entries(board) == [("error", "Paid twice in March")]
        assert app.screen.current.title == "Payroll"  # the keys follow the card
        await open_card(pilot)
        shown = screen_text(app)
        assert "Paid twice in March" in shown and "Error" in shown


async def test_j_k_and_enter_choose_the_kind(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "H", "j", "j", "j", "k", "enter")  # Efficiency dip
        await pilot.pause()
        await answer(pilot, "Slower while Sophie learns it")
    assert saved(app, board)["Payroll"].stage == "only-me"
    assert entries(board) == [("efficiency-loss", "Slower while Sophie learns it")]


@pytest.mark.parametrize("escapes", [("escape",), ("2", "escape")])
async def test_escape_at_either_question_moves_the_card_with_nothing_logged(
    board, clock, alice, escapes
):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "H")
        await pilot.pause()
        for key in escapes:
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
    cards = saved(app, board)
    assert cards["Payroll"].stage == "only-me"
    assert entries(board) == []


async def test_an_empty_answer_is_refused_and_the_question_stays(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "H", "4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert "empty" in screen_text(app)
        assert on_disk(board)["Payroll"].stage == "delegating"
        await answer(pilot, "Not sure the bank accepts the new form")
    assert entries(board) == [("doubt", "Not sure the bank accepts the new form")]


async def test_the_command_palette_back_move_asks_too(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await run_command(pilot, "Move the card back")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("2")
        await pilot.pause()
        await answer(pilot, "Sophie is on leave")
    assert saved(app, board)["Payroll"].stage == "only-me"
    assert entries(board) == [("adjustment", "Sophie is on leave")]


@pytest.mark.parametrize("key", ["shift+right", "L", "greater_than_sign"])
async def test_a_forward_move_asks_nothing(board, clock, alice, key):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)  # Invoicing, to Delegating
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
    assert saved(app, board)["Invoicing"].stage == "delegating"
    assert entries(board, "Invoicing") == []


async def test_back_at_the_first_stage_asks_nothing(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("H")  # Invoicing is in Only me already
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
    assert saved(app, board)["Invoicing"].stage == "only-me"


async def test_undo_takes_the_move_back_in_one_step(board, clock, alice):
    """The move and its entry are one undo step: one `u` retracts the move and removes the
    entry; redo brings both back."""
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "H", "1")
        await pilot.pause()
        await answer(pilot, "Paid twice in March")
        assert saved(app, board)["Payroll"].stage == "only-me"
        await pilot.press("u")
        await pilot.pause()
        card = saved(app, board)["Payroll"]
        assert card.stage == "delegating"
        assert [h.to_stage for h in card.history] == ["delegating"]  # the move is retracted
        assert card.log == []  # and its entry removed
        assert not app.history.can_undo  # one step held both
        await pilot.press("ctrl+r")
        await pilot.pause()
        card = saved(app, board)["Payroll"]
        assert card.stage == "only-me"
        assert [e.text for e in card.log] == ["Paid twice in March"]
