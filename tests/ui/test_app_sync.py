"""Pilot tests of sharing a board while the app runs (issue 4): a sync tool replacing the file by
rename, a conflict copy dropped next to it, and a card screen open while someone else edits the
same card. Real files in tmp_path, the real store on both sides, waits with a deadline.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from delegate_tui.board.conflicts import MERGED_FOLDER
from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.ui.app import RELOAD_EVERY
from delegate_tui.ui.screens.card import CardScreen
from delegate_tui.ui.screens.prompt import PromptScreen
from tests.kit.app import (
    SIZE,
    make_app,
    messages,
    on_disk,
    open_card,
    saved,
    screen_text,
    type_text,
    wait_for,
)

BOB = Identity("bob", "dev-bob")


@pytest.fixture
def board(store: BoardStore, board_path: Path, clock) -> Path:
    store.add("Invoicing", "only-me", owner="Marie", hours_per_week=3)
    store.add("Quotes", "only-me", hours_per_week=5)
    store.add("Payroll", "delegating", owner="Sophie")
    clock.advance(minutes=5)
    return board_path


def bob_edits_a_copy(board: Path, name: str, clock, **changes_by_title: dict) -> Path:
    """Bob changes a copy of the board (as his machine would) and leaves it at `name`."""
    work = board.parent / "bob-incoming.json"
    shutil.copyfile(board, work)
    bob = BoardStore(work, BOB, clock=clock)
    for card in bob.cards():
        if card.title in changes_by_title:
            bob.edit(card.id, **changes_by_title[card.title])
    target = board.parent / name
    os.replace(work, target)
    return target


async def test_a_file_replaced_by_rename_shows_up_and_the_next_save_keeps_both(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j")  # Quotes
        await pilot.pause()
        assert app.screen.current.title == "Quotes"
        clock.advance(minutes=1)
        bob_edits_a_copy(
            board,
            board.name,
            clock,
            Quotes={"owner": "Bob", "hours_per_week": 6},
            Payroll={"title": "Payroll (by bob)"},
        )
        await wait_for(
            pilot, lambda: "Payroll (by bob)" in screen_text(app), "bob's title on the board"
        )
        await wait_for(pilot, lambda: "bob changed 2 cards" in messages(app), "who changed it")
        assert app.screen.current.title == "Quotes"  # the keys stayed on the same card
        assert "Bob" in screen_text(app)
        clock.advance(minutes=1)
        await pilot.press("e", "ctrl+e", "ctrl+u")  # rename Quotes here
        await type_text(pilot, "Quotes to clients")
        await pilot.press("enter")
        await pilot.pause()
    cards = saved(app, board)
    assert cards["Quotes to clients"].owner == "Bob"
    assert cards["Quotes to clients"].hours_per_week == 6
    assert "Payroll (by bob)" in cards
    assert cards["Invoicing"].owner == "Marie"


async def test_a_conflict_copy_is_merged_moved_aside_and_announced(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        copy = bob_edits_a_copy(
            board,
            "board.sync-conflict-20261123-134500-ABCDEFG.json",
            clock,
            Invoicing={"accountable": "Bob"},
        )
        await wait_for(pilot, lambda: not copy.exists(), "the copy moved aside")
        await wait_for(
            pilot,
            lambda: any("merged 1 conflict copy (Syncthing)" in m for m in messages(app)),
            "a notification of the merge",
        )
        [note] = [m for m in messages(app) if "conflict copy" in m]
        assert "changes by bob to 1 card" in note and MERGED_FOLDER in note
        await wait_for(pilot, lambda: "merged 1 conflict" in screen_text(app), "the toast")
    assert (board.parent / MERGED_FOLDER / copy.name).exists()
    assert on_disk(board)["Invoicing"].accountable == "Bob"


async def test_a_copy_of_another_board_is_left_alone_and_said_once(board, clock, alice, tmp_path):
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    BoardStore(other_folder / "board.json", BOB, clock=clock).add("Someone else's", "only-me")
    copy = board.parent / "board (1).json"
    shutil.copyfile(other_folder / "board.json", copy)
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(
            pilot, lambda: any("left board (1).json alone" in m for m in messages(app)), "refusal"
        )
        await pilot.pause(2 * RELOAD_EVERY)  # two more polls: no second notification
        assert len([m for m in messages(app) if "board (1).json" in m]) == 1
    assert copy.exists()
    assert "Someone else's" not in on_disk(board)


def overview_row(screen: CardScreen, name: str) -> str:
    option = screen.query_one("#overview", OptionList).get_option(name)
    return str(option.prompt)


async def test_an_open_card_keeps_the_typed_field_and_takes_the_others(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")  # Invoicing
        await pilot.pause()
        card_screen = app.screen
        assert isinstance(card_screen, CardScreen)
        await pilot.press("down", "down", "e")  # Owner: "Marie"
        await pilot.pause()
        await type_text(pilot, " Dupont")
        clock.advance(minutes=1)
        bob = BoardStore(board, BOB, clock=clock)  # bob edits the same card meanwhile
        card_id = next(c.id for c in bob.cards() if c.title == "Invoicing")
        bob.edit(card_id, owner="Bob", hours_per_week=7, area="finance")
        await wait_for(
            pilot,
            lambda: overview_row(card_screen, "hours_per_week").endswith(" 7"),
            "bob's hours on the open card",
        )
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one(Input).value == "Marie Dupont"  # the typing is untouched
        assert overview_row(card_screen, "area").endswith("finance")
        assert overview_row(card_screen, "owner").endswith("Bob")  # until the prompt is saved
        await pilot.press("enter")
        await pilot.pause()
        assert overview_row(card_screen, "owner").endswith("Marie Dupont")
    card = saved(app, board)["Invoicing"]
    assert (card.owner, card.hours_per_week, card.area) == ("Marie Dupont", 7, "finance")


async def test_a_card_deleted_elsewhere_while_typing_goes_back_to_the_board(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")  # Invoicing
        await pilot.pause()
        await pilot.press("down", "down", "e")  # Owner
        await pilot.pause()
        await type_text(pilot, " Dupont")
        bob = BoardStore(board, BOB, clock=clock)
        bob.delete(next(c.id for c in bob.cards() if c.title == "Invoicing"))
        await wait_for(pilot, lambda: "bob changed" in " ".join(messages(app)), "the reload")
        assert isinstance(app.screen, PromptScreen)  # the typing is not cut off
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, CardScreen), "back on the board")
        assert "deleted meanwhile" in " ".join(messages(app))
        assert app.is_running and "Invoicing" not in screen_text(app)
    assert "Invoicing" not in saved(app, board)


async def test_an_outside_change_made_while_a_card_is_open_shows_on_the_board_after(
    board, clock, alice
):
    """The board draws from card ids and builds models only for the cards it shows: a change
    taken in while another screen is on top must still be on the board when it comes back."""
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_card(pilot)  # Invoicing
        clock.advance(minutes=1)
        bob_edits_a_copy(board, board.name, clock, Quotes={"title": "Quotes for spring"})
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
