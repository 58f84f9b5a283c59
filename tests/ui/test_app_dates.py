"""Pilot tests: the card screen's *Checked in* reads a date that could be read two ways as the
config's `date_order` or the locale decides, and refuses it (still asking, the file untouched)
when neither does. The locale is set in the environment only."""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.config import Config
from delegate_tui.core.dates import DateOrder
from delegate_tui.core.fields import FIELDS
from delegate_tui.ui.screens.prompt import PromptScreen
from tests.kit.app import SIZE, answer, make_app, open_card, saved, screen_text
from tests.kit.basics import file_hash


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    store.add("Invoicing", "only-me", owner="Marie", hours_per_week=3)
    return board_path


def _locale(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)


async def _type_checked_in(pilot, text: str) -> None:
    await pilot.press("home", *["down"] * [f.name for f in FIELDS].index("checked_in_at"))
    await pilot.press("e")
    await pilot.pause()
    await answer(pilot, text, clear="all")


async def test_refused_under_c_the_prompt_stays_and_says_why(board, clock, alice, monkeypatch):
    _locale(monkeypatch, LC_ALL="C")
    before = file_hash(board)
    app = make_app(board, clock, alice, settings=Config())
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await _type_checked_in(pilot, "05/11/2026")
        assert isinstance(app.screen, PromptScreen)  # still asking
        assert "could be 5 November or 11 May" in " ".join(screen_text(app).split())
        await pilot.press("escape")
        await pilot.pause()
    app.store.flush()
    assert file_hash(board) == before


@pytest.mark.parametrize(
    ("env", "order", "day"),
    [
        ({"LANG": "en_GB.UTF-8"}, None, "2026-11-05"),
        ({"LANG": "fr_FR.UTF-8"}, None, "2026-11-05"),
        ({"LANG": "en_US.UTF-8"}, None, "2026-05-11"),
        ({"LC_ALL": "C"}, "day-first", "2026-11-05"),
        ({"LANG": "en_GB.UTF-8"}, "month-first", "2026-05-11"),
    ],
)
async def test_read_as_the_config_or_the_locale_decides(
    board, clock, alice, monkeypatch, env: dict[str, str], order: DateOrder | None, day: str
):
    _locale(monkeypatch, **env)
    app = make_app(board, clock, alice, settings=Config(date_order=order))
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await _type_checked_in(pilot, "05/11/2026")
        assert not isinstance(app.screen, PromptScreen)
        assert f"Checked in    {day}" in screen_text(app)
    checked = saved(app, board)["Invoicing"].checked_in_at
    assert checked is not None and checked.startswith(day)
