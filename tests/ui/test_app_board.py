"""Pilot tests of the board's keys: each presses real keys in the real app and reads the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.config import Config
from delegate_tui.ui.screens.confirm import ConfirmScreen
from delegate_tui.ui.screens.help import HelpScreen
from delegate_tui.ui.screens.prompt import PromptScreen
from delegate_tui.ui.widgets.column import Column
from tests.kit.app import (
    SIZE,
    make_app,
    on_disk,
    run_command,
    saved,
    screen_text,
    type_text,
    wait_for,
)


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    """Three cards to do, one being handed over; every card ready for the team but 'Quotes'."""
    store.add("Invoicing", "only-me", owner="Marie", hours_per_week=3)
    store.add("Quotes", "only-me", hours_per_week=5)
    store.add("Payroll", "only-me", owner="Sophie")
    supplies = store.add("Supplier orders", "delegating", owner="Karim")
    step = store.add_item(supplies.id, "standards", text="Order before Tuesday noon")
    store.edit_item(supplies.id, "standards", step, done=True)  # ticked: ready for the team
    store.add_item(store.cards()[0].id, "notes", text="Marie sends the reminders")
    return board_path


def column_of(app, stage: str) -> Column:
    return app.screen.query_one(f"#column-{stage}", Column)


async def test_the_keys_start_on_the_first_card_of_the_first_non_empty_column(
    store, board_path, clock, alice
):
    store.add("Only in delegating", "delegating")
    store.add("Second", "delegating")
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.column is column_of(app, "delegating")
        assert app.screen.current.title == "Only in delegating"


@pytest.mark.parametrize("key", ["shift+right", "L", "greater_than_sign"])
async def test_move_keys_move_the_focused_card_to_the_next_stage(board, clock, alice, key):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert app.screen.column is column_of(app, "delegating")  # the keys follow the card
        assert app.screen.current.title == "Invoicing"
    assert saved(app, board)["Invoicing"].stage == "delegating"
    assert on_disk(board)["Invoicing"].history[-1].to_stage == "delegating"


@pytest.mark.parametrize("key", ["shift+left", "H", "less_than_sign"])
async def test_back_keys_move_the_card_to_the_previous_stage(board, clock, alice, key):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", key, "escape")  # "What happened?" (escape: nothing logged)
        await pilot.pause()
    assert saved(app, board)["Supplier orders"].stage == "only-me"


async def test_arrows_and_vim_keys_choose_the_card_and_column(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        steps = [
            ("down", "only-me", "Quotes"),
            ("j", "only-me", "Payroll"),
            ("k", "only-me", "Quotes"),
            ("up", "only-me", "Invoicing"),
            ("right", "delegating", "Supplier orders"),
            ("left", "only-me", "Invoicing"),
            ("l", "delegating", "Supplier orders"),
            ("h", "only-me", "Invoicing"),
            ("end", "only-me", "Payroll"),
            ("home", "only-me", "Invoicing"),
        ]
        for key, stage, title in steps:
            await pilot.press(key)
            assert app.screen.column is column_of(app, stage), key
            assert app.screen.current.title == title, key
        await pilot.press("j", "L")  # the keys act on the chosen card
        await pilot.pause()
    cards = saved(app, board)
    assert cards["Quotes"].stage == "delegating"
    assert cards["Invoicing"].stage == cards["Payroll"].stage == "only-me"


async def test_right_then_move_moves_a_card_of_the_second_column(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "shift+right")  # Supplier orders is ready: no question
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    assert saved(app, board)["Supplier orders"].stage == "team-owned"


async def test_undo_puts_the_move_back_in_the_file_and_redo_does_it_again(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+right")
        await pilot.pause()
        assert saved(app, board)["Invoicing"].stage == "delegating"
        await pilot.press("u")
        await pilot.pause()
        assert saved(app, board)["Invoicing"].stage == "only-me"
        assert column_of(app, "only-me").current.title == "Invoicing"
        await pilot.press("ctrl+r")
        await pilot.pause()
    assert saved(app, board)["Invoicing"].stage == "delegating"


async def test_readiness_gate_asks_and_no_keeps_the_card(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L", "L")  # Invoicing: owner Marie, but no work standard
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        text = str(app.screen.query_one("#confirm-detail").render())
        assert "no work standard" in text and "no owner" not in text
        assert "It has no work standard" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    assert saved(app, board)["Invoicing"].stage == "delegating"


async def test_readiness_gate_yes_moves_the_card_and_names_both_gaps(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "L", "L")  # Quotes: no owner, no standard
        await pilot.pause()
        assert "It has no owner and no work standard" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
    assert saved(app, board)["Quotes"].stage == "team-owned"


@pytest.mark.parametrize(("down", "up"), [("shift+down", "shift+up"), ("J", "K")])
async def test_reorder_keys_swap_cards_in_the_file(board, clock, alice, down, up):
    def order() -> list[str]:
        cards = [c for c in saved(app, board).values() if c.stage == "only-me"]
        return [c.title for c in sorted(cards, key=lambda c: c.position)]

    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(down)
        await pilot.pause()
        assert order() == ["Quotes", "Invoicing", "Payroll"]
        assert column_of(app, "only-me").current.title == "Invoicing"
        await pilot.press(down, up, up)
        await pilot.pause()
        assert order() == ["Invoicing", "Quotes", "Payroll"]
        await pilot.press("u")
        await pilot.pause()
    assert order() == ["Quotes", "Invoicing", "Payroll"]


async def test_n_adds_a_card_to_the_focused_column(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "n")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await type_text(pilot, "Answer the phone")
        await pilot.press("enter")
        await pilot.pause()
        assert column_of(app, "delegating").current.title == "Answer the phone"
    assert saved(app, board)["Answer the phone"].stage == "delegating"


async def test_n_with_an_empty_title_says_why_and_adds_nothing(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert "the title is empty" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert len(saved(app, board)) == 4


async def test_undo_of_a_new_card_removes_it_from_the_file(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Temp")
        await pilot.press("enter", "u")
        await pilot.pause()
        assert "Temp" not in saved(app, board)
        await pilot.press("ctrl+r")
        await pilot.pause()
    assert "Temp" in saved(app, board)


async def test_e_renames_the_card(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", *["backspace"] * 9)
        await type_text(pilot, "Send invoices")
        await pilot.press("enter")
        await pilot.pause()
    cards = saved(app, board)
    assert "Send invoices" in cards and "Invoicing" not in cards


async def test_a_archives_the_card_and_undo_brings_it_back(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert saved(app, board)["Invoicing"].archived_at
        head, _, toast = screen_text(app).partition("Archived")
        assert "Invoicing" not in head
        assert "delegate list" in toast
        assert column_of(app, "only-me").current.title == "Quotes"
        await pilot.press("u")
        await pilot.pause()
    assert saved(app, board)["Invoicing"].archived_at is None


async def test_enter_opens_the_card_and_escape_comes_back(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CardScreen"
        assert "Marie sends the reminders" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.column is column_of(app, "only-me")


async def test_filter_hides_cards_and_escape_shows_them_again(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "sophie")  # an owner
        await pilot.pause()
        text = screen_text(app)
        assert "Payroll" in text and "Invoicing" not in text and "Supplier orders" not in text
        assert "1 of 3 cards" in text
        await pilot.press("enter", "L")  # the filtered card is the one the keys act on
        await pilot.pause()
        assert saved(app, board)["Payroll"].stage == "delegating"
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(app)
        assert "Invoicing" in text and "Supplier orders" in text


async def test_filter_matches_notes(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "reminders")
        await pilot.pause()
        text = screen_text(app)
        assert "Invoicing" in text and "Quotes" not in text


async def test_question_mark_lists_every_key_from_the_bindings(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        ids = [
            row[1].rsplit("[", 1)[1].rstrip("]") for _, rows in app.key_sections() for row in rows
        ]
        for binding_id in ("move-next", "move-back", "reorder-up", "new-card", "undo", "redo",
                           "filter", "command-palette", "quit", "card-toggle"):  # fmt: skip
            assert binding_id in ids
        text = "\n".join(
            str(s.render())
            for s in app.screen.query(".help-keys")  # every row, even scrolled
        )
        assert "shift+→ L >" in text and "delegate list --archived" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_runs_board_actions(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Move the card to the next stage")
    assert saved(app, board)["Invoicing"].stage == "delegating"


async def test_q_quits_and_everything_is_saved(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L", "q")
        await pilot.pause()
        assert not app.is_running
    assert on_disk(board)["Invoicing"].stage == "delegating"


async def test_keymap_from_the_config_remaps_a_key(board, clock, alice):
    settings = Config(keymap={"move-next": "m"})
    app = make_app(board, clock, alice, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")  # no longer bound
        await pilot.press("m")
        await pilot.pause()
        assert saved(app, board)["Invoicing"].stage == "delegating"
        await pilot.press("u")
        await pilot.pause()
        rows = dict(app.key_sections()[0][1])
        assert "m" in rows
    assert saved(app, board)["Invoicing"].stage == "only-me"


async def test_outside_changes_show_up_and_say_who_made_them(board, clock, alice):
    from delegate_tui.core.records import Identity

    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j")  # Quotes
        await pilot.pause()
        clock.advance(minutes=5)
        bob = BoardStore(board, Identity("bob", "dev-bob"), clock=clock)
        bob.edit(bob.cards()[0].id, title="Invoicing (by bob)")
        bob.move(next(c.id for c in bob.cards() if c.title == "Quotes"), "delegating")
        await wait_for(pilot, lambda: "bob changed" in screen_text(app), "the reload")
        text = screen_text(app)
        assert "bob changed 2 cards" in text
        assert "Invoicing (by bob)" in text
        assert app.screen.column is column_of(app, "delegating")  # the keys stayed on Quotes
        assert app.screen.current.title == "Quotes"
