"""The board settings in the app: from the command palette (three prompts, then one save; the
title bar shows the new name), from the insight screen (`b`, in its footer), a bad number of
hours refused in the prompt, escape changing nothing."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Static

from delegate_tui.board.store import BoardStore
from delegate_tui.core.board_settings import BoardSettings
from delegate_tui.core.records import Identity
from delegate_tui.ui.screens.board import BoardScreen
from delegate_tui.ui.screens.insight import InsightScreen
from delegate_tui.ui.screens.prompt import PromptScreen
from tests.kit.app import SIZE, answer, make_app, messages, run_command, screen_text
from tests.kit.basics import FrozenClock, file_hash


def board_file(path: Path, clock: FrozenClock, alice: Identity) -> Path:
    store = BoardStore(path, alice, clock=clock)
    store.add("Invoicing", hours_per_week=3)
    store.close()
    return path


async def test_the_palette_sets_the_board_settings(
    tmp_path: Path, clock: FrozenClock, alice: Identity
) -> None:
    path = board_file(tmp_path / "atelier.json", clock, alice)
    app = make_app(path, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert "atelier" in screen_text(app)
        await run_command(pilot, "Board settings")
        await answer(pilot, "Atelier Dupont", clear="all")
        await answer(pilot, "Marie")
        await answer(pilot, "abc")  # refused in the prompt, which stays open
        assert isinstance(app.screen, PromptScreen)
        error = str(app.screen.query_one("#prompt-error", Static).render())
        assert "more than 0 and at most 168" in error
        await answer(pilot, "50", clear="all")
        assert isinstance(app.screen, BoardScreen)
        assert app.store.settings() == BoardSettings("Atelier Dupont", "Marie", 50.0)
        assert "Board settings saved" in messages(app)
        await pilot.pause()
        assert "Atelier Dupont" in screen_text(app)  # the title bar
        app.store.flush()
    meta = json.loads(path.read_text())["_meta"]["board"]
    assert (meta["name"], meta["leader"], meta["leader_hours"]) == ("Atelier Dupont", "Marie", 50.0)


async def test_escape_in_any_prompt_changes_nothing(
    tmp_path: Path, clock: FrozenClock, alice: Identity
) -> None:
    path = board_file(tmp_path / "board.json", clock, alice)
    before = file_hash(path)
    app = make_app(path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Board settings")
        await answer(pilot, "Another name", clear="all")
        await answer(pilot, "Marie")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert app.store.settings().leader == ""
    assert file_hash(path) == before


async def test_the_insight_screen_opens_the_settings_with_b(
    tmp_path: Path, clock: FrozenClock, alice: Identity
) -> None:
    path = board_file(tmp_path / "board.json", clock, alice)
    app = make_app(path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InsightScreen)
        assert "Board settings" in screen_text(app)  # the footer names the key
        await pilot.press("b")
        await pilot.pause()
        await answer(pilot, "Garage Martin", clear="all")
        await answer(pilot, "")
        await answer(pilot, "")  # empty hours: left unset
        assert isinstance(app.screen, InsightScreen)
        assert "Garage Martin" in screen_text(app)  # its heading shows the new name at once
        assert app.store.settings() == BoardSettings("Garage Martin", "", None)
