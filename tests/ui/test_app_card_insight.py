"""Pilot tests of the card screen's insight fields (issue 7): absence answer, delegation levels,
candidate reason, provider and its notes, check-in cadence and check-ins; the overdue marker.

Each test presses real keys in the real app and reads the board file back.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input

from delegate_tui.board.store import BoardStore
from delegate_tui.core.fields import FIELDS
from delegate_tui.core.times import format_time
from delegate_tui.ui.screens.card import CardScreen
from delegate_tui.ui.screens.prompt import PromptScreen
from tests.kit.app import SIZE, answer, make_app, open_card, saved, screen_text, type_text
from tests.kit.basics import file_hash


@pytest.fixture
def board(store: BoardStore, board_path: Path, clock) -> Path:
    card = store.add("Invoicing", "only-me", owner="Marie", hours_per_week=3)
    clock.advance(days=10)
    store.move(card.id, "delegating")
    clock.advance(days=3, hours=1)
    return board_path


async def to_field(pilot, name: str) -> None:
    """Highlight the overview row of field `name`."""
    await pilot.press("home", *["down"] * [f.name for f in FIELDS].index(name))


async def type_into(pilot, name: str, text: str) -> None:
    """Edit field `name`: clear the prompt, type `text`, press enter."""
    await to_field(pilot, name)
    await pilot.press("e")
    await pilot.pause()
    await answer(pilot, text, clear="all")


async def test_each_insight_field_is_edited_in_the_file(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        assert "(its stage says: struggles)" in screen_text(app)
        await type_into(pilot, "absence", "stops")
        await type_into(pilot, "level", "consult")
        await type_into(pilot, "target_level", "6")
        await type_into(pilot, "reason", "repetitive")
        await to_field(pilot, "provider")
        await pilot.press("space")
        await pilot.pause()
        await type_into(pilot, "confidentiality", "No payroll data")
        await type_into(pilot, "reporting", "A summary each month")
        await type_into(pilot, "checkin", "every 2 weeks")
        await type_into(pilot, "checked_in_at", "3 days ago")
        text = screen_text(app)
        for shown in ("It stops", "3 consult", "6 inquire", "repetitive", "Provider      yes",
                      "No payroll data", "every 2 weeks  next 2026-11-26",
                      "Checked in    2026-11-12"):  # fmt: skip
            assert shown in text, shown
        assert "overdue" not in text
    card = saved(app, board)["Invoicing"]
    assert (card.absence, card.level, card.target_level, card.reason) == (
        "stops",
        3,
        6,
        "repetitive",
    )
    assert (card.provider, card.confidentiality, card.reporting) == (
        True,
        "No payroll data",
        "A summary each month",
    )
    assert card.checkin == "every 2 weeks"
    assert card.checked_in_at == format_time(clock() - timedelta(days=3))


async def test_the_prompt_starts_with_a_value_it_accepts_again(board, clock, alice, store):
    store.edit(store.cards()[0].id, level=4, absence="runs", checked_in_at=format_time(clock()))
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        for name, typed in (
            ("level", "agree"),
            ("absence", "runs"),
            ("checked_in_at", "2026-11-15"),
        ):
            await to_field(pilot, name)
            await pilot.press("e")
            await pilot.pause()
            assert app.screen.query_one(Input).value == typed
            await pilot.press("enter")  # taken as it is
            await pilot.pause()
            assert isinstance(app.screen, CardScreen), name
    card = saved(app, board)["Invoicing"]
    assert (card.level, card.absence) == (4, "runs")
    assert card.checked_in_at == "2026-11-15T00:00:00.000000Z"


@pytest.mark.parametrize(
    ("name", "bad", "reason"),
    [
        ("absence", "maybe", "unknown absence answer 'maybe'"),
        ("level", "9", "unknown delegation level '9'"),
        ("target_level", "boss", "unknown delegation level 'boss'"),
        ("reason", "boring", "unknown delegation reason 'boring'"),
        ("checkin", "now and then", "now and then"),
        ("checked_in_at", "someday", "can't read the date 'someday'"),
    ],
)
async def test_a_bad_value_is_refused_with_the_reason(board, clock, alice, name, bad, reason):
    before = file_hash(board)
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await to_field(pilot, name)
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, bad)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)  # still asking
        assert reason in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    app.store.flush()
    assert file_hash(board) == before


async def test_undo_puts_an_insight_field_back(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await to_field(pilot, "provider")
        await pilot.press("enter")  # enter flips the flag too
        await pilot.pause()
        assert saved(app, board)["Invoicing"].provider is True
        await pilot.press("u")
        await pilot.pause()
        assert "Provider      no" in screen_text(app)
    assert saved(app, board)["Invoicing"].provider is False


async def test_overdue_check_in_is_marked_on_the_board_until_checked_in(board, clock, alice, store):
    # Delegating since 2026-11-12, weekly: the first check-in was due 2026-11-19.
    store.edit(store.cards()[0].id, checkin="weekly")
    clock.advance(days=5)
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "overdue" in screen_text(app)
        await open_card(pilot)
        assert "weekly  next 2026-11-19  overdue" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert "next 2026-11-27" in screen_text(app)
        assert "overdue" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Invoicing" in screen_text(app)
        assert "overdue" not in screen_text(app)
    assert saved(app, board)["Invoicing"].checked_in_at == format_time(clock())


async def test_no_marker_without_a_cadence_or_before_the_check_in_is_due(
    board, clock, alice, store
):
    store.add("Quotes", "delegating", checkin="monthly")
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Quotes" in text and "Invoicing" in text
        assert "overdue" not in text
