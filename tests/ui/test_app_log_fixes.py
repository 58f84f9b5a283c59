"""Pilot tests: on the card screen, `e` on a log entry corrects it (the kind chooser opens on its
kind, then its text, prefilled; escape cancels), `d` removes it, `u` undoes and redo redoes;
asserted on the file and on the screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.ui.screens.choice import ChoiceScreen
from delegate_tui.ui.screens.prompt import PromptScreen
from tests.kit.app import SIZE, answer, make_app, open_card, saved, screen_text
from tests.kit.basics import file_hash

TEXT = "Sent with last year's rates"


@pytest.fixture
def board(store: BoardStore, board_path: Path, clock) -> Path:
    card = store.add("Invoicing", "only-me", owner="Marie", hours_per_week=3)
    clock.advance(days=3)
    store.log(card.id, "error", TEXT)
    store.flush()
    return board_path


async def goto_log(pilot) -> None:
    for _ in range(8):
        if getattr(pilot.app.focused, "id", None) == "log":
            return
        await pilot.press("tab")
    raise AssertionError("could not reach the log")


async def test_e_corrects_kind_and_text_and_the_entry_says_so(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await goto_log(pilot)
        clock.advance(days=1)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("j", "enter")  # the chooser opens on "error": one down, adjustment
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await answer(pilot, " (2025)")  # the text is prefilled: this appends to it
        text = screen_text(app)
        assert "(2025)" in text and "corrected by alice on" in text  # (the row wraps)
    (entry,) = saved(app, board)["Invoicing"].log
    assert (entry.kind, entry.text, entry.by) == ("adjustment", f"{TEXT} (2025)", "alice")
    assert entry.corrected_by == "alice" and entry.corrected_at > entry.at


@pytest.mark.parametrize("step", ["kind", "text"])
async def test_escape_at_either_step_leaves_the_entry(board, clock, alice, step):
    before = file_hash(board)
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await goto_log(pilot)
        await pilot.press("e")
        await pilot.pause()
        if step == "text":
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert "corrected by" not in screen_text(app)
        app.store.flush()
    assert file_hash(board) == before


async def test_d_removes_the_entry_u_brings_it_back_redo_removes_it_again(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_card(pilot)
        await goto_log(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert TEXT not in screen_text(app)
        assert saved(app, board)["Invoicing"].log == []
        clock.advance(minutes=1)
        await pilot.press("u")
        await pilot.pause()
        assert TEXT in screen_text(app)
        assert [e.text for e in saved(app, board)["Invoicing"].log] == [TEXT]
        clock.advance(minutes=1)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert TEXT not in screen_text(app)
        assert saved(app, board)["Invoicing"].log == []


async def test_u_undoes_a_correction_and_an_added_entry(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await goto_log(pilot)
        await pilot.press("e", "4")  # the digit picks at once: doubt
        await pilot.pause()
        await answer(pilot, "Wrong rates?", clear="all")
        assert saved(app, board)["Invoicing"].log[0].kind == "doubt"
        clock.advance(minutes=1)
        await pilot.press("u")
        await pilot.pause()
        (entry,) = saved(app, board)["Invoicing"].log
        assert (entry.kind, entry.text) == ("error", TEXT)
        assert TEXT in screen_text(app) and "Wrong rates?" not in screen_text(app)
        clock.advance(minutes=1)
        await pilot.press("a", "1")
        await pilot.pause()
        await answer(pilot, "Second invoice late")
        assert len(saved(app, board)["Invoicing"].log) == 2
        clock.advance(minutes=1)
        await pilot.press("u")
        await pilot.pause()
        assert [e.text for e in saved(app, board)["Invoicing"].log] == [TEXT]
        assert "Second invoice late" not in screen_text(app)
