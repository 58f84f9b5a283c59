"""Pilot tests of the card screen's issue-16 fields: a leader mission marked and unmarked from
the card screen (and undone), the role and the backup typed, each read back from the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.ui.screens.prompt import PromptScreen
from tests.kit.app import SIZE, make_app, open_card, saved, screen_text, type_text
from tests.ui.test_app_card_insight import to_field, type_into


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    store.add("Negotiate with the bank", "only-me", owner="Sam", hours_per_week=1)
    return board_path


async def test_a_leader_mission_is_marked_from_the_card_screen(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await type_into(pilot, "leader_mission", "yes")
        assert saved(app, board)["Negotiate with the bank"].leader_mission is True
        await type_into(pilot, "role", "manager")
        await type_into(pilot, "backup", "Lina")
        card = saved(app, board)["Negotiate with the bank"]
        assert (card.role, card.backup) == ("manager", "Lina")
        assert "Lina" in screen_text(app)
        await pilot.press("u", "u", "u")  # backup, role, then the mission itself
        await pilot.pause()
        card = saved(app, board)["Negotiate with the bank"]
        assert (card.leader_mission, card.role, card.backup) == (False, "", "")


async def test_an_unknown_role_is_refused_on_the_card_screen(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await to_field(pilot, "role")
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "boss")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)  # the prompt stays, saying why
        assert "unknown role" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert saved(app, board)["Negotiate with the bank"].role == ""
