"""An idle board keeps its ages and overdue markers true as the clock moves."""

from __future__ import annotations

from delegate_tui.ui.screens import board as board_module
from tests.kit.app import SIZE, make_app, screen_text, wait_for


async def test_an_idle_board_redraws_ages_as_time_passes(
    store, board_path, clock, alice, monkeypatch
) -> None:
    monkeypatch.setattr(board_module, "AGE_REFRESH", 0.1)
    store.add("Invoicing", "delegating", owner="Marie", checkin="weekly")
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = screen_text(app)
        assert "overdue" not in first
        clock.advance(days=9)
        await wait_for(pilot, lambda: "overdue" in screen_text(app), "the redraw")
        text = screen_text(app)
        assert "overdue" in text and "9d" in text
