"""Pilot tests of the card screen: every edit made by keyboard lands in the board file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from delegate_tui.board.store import BoardStore
from delegate_tui.ui.screens.card import CardScreen
from delegate_tui.ui.screens.choice import ChoiceScreen
from delegate_tui.ui.screens.prompt import PromptScreen
from tests.kit.app import SIZE, answer, make_app, open_card, saved, screen_text, type_text


@pytest.fixture
def board(store: BoardStore, board_path: Path, clock) -> Path:
    card = store.add("Invoicing", "only-me", owner="Marie", hours_per_week=3)
    clock.advance(days=10)
    store.move(card.id, "delegating")
    clock.advance(days=3, hours=1)
    store.log(card.id, "error", "Sent with last year's rates")
    return board_path


async def goto(pilot, section: str) -> None:
    """Tab until the section's list has the focus."""
    for _ in range(8):
        if getattr(pilot.app.focused, "id", None) == section:
            return
        await pilot.press("tab")
    raise AssertionError(f"could not reach {section}")


async def test_card_screen_shows_every_part(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        text = screen_text(app)
        for part in ("Overview", "Work standards", "Responsibility notes", "Decisions handed over",
                     "Transition log", "Stage history", "Marie", "Sent with last year's rates",
                     "2026-11-02  created in Only me", "2026-11-12  Only me → Delegating",
                     "Delegating since 2026-11-12 (3d)"):  # fmt: skip
            assert part in text, part


async def test_overview_fields_are_edited_in_the_file(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("down", "down", "e")  # Owner
        await answer(pilot, "Sophie", clear=5)
        await pilot.press("down", "enter")  # Accountable, enter edits too
        await answer(pilot, "Owner")
        await pilot.press("down", "e")  # Hours
        await answer(pilot, "4.5", clear=1)
        await pilot.press("down", "e")  # Area
        await answer(pilot, "finance")
        await pilot.press("up", "up", "up", "up", "e")  # Description
        await answer(pilot, "By the 3rd working day")
        assert "By the 3rd working day" in screen_text(app)
    card = saved(app, board)["Invoicing"]
    assert (card.owner, card.accountable, card.hours_per_week, card.area) == (
        "Sophie",
        "Owner",
        4.5,
        "finance",
    )
    assert card.description == "By the 3rd working day"


async def test_a_bad_value_is_refused_with_a_reason_and_nothing_changes(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("down", "down", "down", "down", "e")  # Hours
        await pilot.press("backspace")
        await type_text(pilot, "lots")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert "is not a number" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert saved(app, board)["Invoicing"].hours_per_week == 3


async def test_standards_add_toggle_edit_delete_and_undo(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await goto(pilot, "standards")
        await pilot.press("a")
        await answer(pilot, "Check rates")
        await pilot.press("a")
        await answer(pilot, "Send as PDF")
        assert [s.text for s in saved(app, board)["Invoicing"].standards] == [
            "Check rates",
            "Send as PDF",
        ]
        await pilot.press("space")  # the new one is highlighted
        await pilot.pause()
        assert [s.done for s in saved(app, board)["Invoicing"].standards] == [False, True]
        assert "[x] Send as PDF" in screen_text(app)
        await pilot.press("up", "e")
        await answer(pilot, " against the contract")
        await pilot.press("d")
        await pilot.pause()
        assert [s.text for s in saved(app, board)["Invoicing"].standards] == ["Send as PDF"]
        await pilot.press("u")
        await pilot.pause()
        assert sorted(s.text for s in saved(app, board)["Invoicing"].standards) == [
            "Check rates against the contract",
            "Send as PDF",
        ]


async def test_notes_and_decisions_with_limits(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await goto(pilot, "notes")
        await pilot.press("a")
        await answer(pilot, "Marie sends, the owner signs")
        await pilot.press("e")
        await answer(pilot, " off", clear=0)
        await goto(pilot, "decisions")
        await pilot.press("a")
        await answer(pilot, "Grant a payment delay")
        await answer(pilot, "up to 30 days")
        assert "limit: up to 30 days" in screen_text(app)
        await pilot.press("e")
        await answer(pilot, "")  # the text stays as it was
        await answer(pilot, "45 days", clear=7)
    card = saved(app, board)["Invoicing"]
    assert [n.text for n in card.notes] == ["Marie sends, the owner signs off"]
    assert [(d.text, d.limit) for d in card.decisions] == [
        ("Grant a payment delay", "up to 45 days")
    ]


async def test_delete_a_note(board, clock, alice, store):
    store.add_item(store.cards()[0].id, "notes", text="Old note")
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await goto(pilot, "notes")
        await pilot.press("d")
        await pilot.pause()
    assert saved(app, board)["Invoicing"].notes == []


async def test_log_entries_of_a_kind_are_added_and_shown_newest_first(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_card(pilot)
        await goto(pilot, "log")
        clock.advance(days=1)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "down", "down", "enter")  # the fourth kind: doubt
        await pilot.pause()
        await answer(pilot, "Should Marie call late payers")
        text = screen_text(app)
        assert text.index("Should Marie call") < text.index("Sent with last year's rates")
        assert "Logged" in text and "u takes it back" in text
        log = app.screen.query_one("#log", OptionList)
        assert log.highlighted == 0
    entries = saved(app, board)["Invoicing"].log
    assert [(e.kind, e.text, e.by) for e in entries][-1] == (
        "doubt",
        "Should Marie call late payers",
        "alice",
    )


async def test_escape_goes_back_and_the_board_shows_the_edit(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("e")  # Title
        await answer(pilot, "Send invoices", clear=9)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CardScreen)
        assert "Send invoices" in screen_text(app)
    assert "Send invoices" in saved(app, board)
