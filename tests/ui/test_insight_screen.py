"""The insight screen in a tiny test app: what it shows, escape, refresh, and a snapshot."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Static

from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.core.times import format_time
from delegate_tui.ui.screens.insight import InsightScreen, flow_rows, sparkline
from delegate_tui.ui.themes import APP_VARIABLES
from tests.kit.basics import START, FrozenClock


class InsightApp(App[None]):
    """Just enough app to push the screen, with the app's theme variables."""

    def __init__(self, store: BoardStore, clock: FrozenClock) -> None:
        super().__init__()
        self.store = store
        self.clock = clock

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(APP_VARIABLES)

    def on_mount(self) -> None:
        self.push_screen(InsightScreen(self.store, self.clock))


def build_board(path: Path, clock: FrozenClock) -> BoardStore:
    """Eight tasks over five weeks: a deterministic board for the screen and its snapshot."""
    store = BoardStore(path, Identity("alice", "dev-alice"), clock=clock)
    rows = [
        ("Invoicing", 3, "repetitive"),
        ("Payroll", 4, "emergency"),
        ("Supplier orders", 5, "repetitive"),
        ("Weekly reports", 1.5, "standardised"),
        ("Filing [b]receipts[/b]", 1, "low-value"),
        ("Client quotes", 6, ""),
        ("Bookkeeping", 2, ""),
        ("Stock count", 2, "repetitive"),
    ]
    ids = {title: store.add(title, hours_per_week=h, reason=r).id for title, h, r in rows}
    moves = [
        ("Bookkeeping", "delegating"),
        ("Invoicing", "delegating"),
        ("Bookkeeping", "team-owned"),
        ("Stock count", "delegating"),
        ("Invoicing", "team-owned"),
    ]
    for title, stage in moves:
        clock.advance(days=7)
        store.move(ids[title], stage)
    store.edit(ids["Bookkeeping"], absence="runs", provider=True, checkin="monthly")
    store.edit(
        ids["Stock count"],
        checkin="every monday",
        checked_in_at=format_time(START + timedelta(days=21)),
    )
    store.edit(ids["Client quotes"], absence="struggles")
    clock.advance(days=3)
    return store


@pytest.fixture
def shown_board(tmp_path: Path) -> tuple[BoardStore, FrozenClock]:
    clock = FrozenClock()
    return build_board(tmp_path / "board.json", clock), clock


def panel(screen: InsightScreen, name: str) -> str:
    return str(screen.query_one(f"#insight-{name}", Static).render())


async def test_the_screen_shows_every_figure(shown_board) -> None:
    store, clock = shown_board
    app = InsightApp(store, clock)
    async with app.run_test(size=(110, 60)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InsightScreen)
        assert "Scenario 1: everything stops" in panel(screen, "verdict")
        assert "Payroll" in panel(screen, "verdict") and "Invoicing" not in panel(screen, "verdict")
        assert "Filing [b]receipts[/b]" in panel(screen, "priority")  # shown as typed, not markup
        stages = panel(screen, "stages")
        assert "Only me" in stages and "5 cards   17.5h" in stages
        assert "5h a week run without you" in panel(screen, "bought-back")
        assert "Stock count" in panel(screen, "delegating") and "10 days" in panel(
            screen, "delegating"
        )
        checkins = panel(screen, "checkins")
        assert "overdue 10 days" in checkins and "Stock count" in checkins
        assert "Team-owned" in panel(screen, "flow")


async def test_refresh_and_escape(shown_board) -> None:
    store, clock = shown_board
    app = InsightApp(store, clock)
    async with app.run_test(size=(110, 60)) as pilot:
        await pilot.pause()
        assert "Payroll" in panel(app.screen, "priority")
        payroll = next(c for c in store.cards() if c.title == "Payroll")
        store.move(payroll.id, "delegating")
        await pilot.press("r")
        priority = panel(app.screen, "priority")
        assert "Payroll" not in priority
        assert "Filing [b]receipts[/b]" in priority  # refreshed, not emptied
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, InsightScreen)


async def test_an_empty_board_on_screen(store: BoardStore, clock: FrozenClock) -> None:
    app = InsightApp(store, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert "Not known yet" in panel(app.screen, "verdict")
        assert "Nothing left that only you do" in panel(app.screen, "priority")


def test_sparkline_and_flow_rows() -> None:
    assert sparkline([0, 4, 8]) == "▁▄█"
    assert sparkline([0, 0]) == "▁▁"
    from delegate_tui.core.insight import FlowPoint

    point = FlowPoint(START, {"only-me": 2, "delegating": 1, "team-owned": 1}, {})
    rows = flow_rows([point], height=4)
    assert rows == [["only-me"], ["only-me"], ["delegating"], ["team-owned"]]


def test_snapshot_of_the_insight_screen(snap_compare, tmp_path: Path) -> None:
    clock = FrozenClock()
    app = InsightApp(build_board(tmp_path / "board.json", clock), clock)
    assert snap_compare(app, terminal_size=(110, 62))


async def test_the_screen_lists_team_owned_cards_that_are_not_ready(shown_board) -> None:
    store, clock = shown_board
    bookkeeping = next(c for c in store.cards() if c.title == "Bookkeeping")
    store.edit(bookkeeping.id, owner="Karim")
    step = store.add_item(bookkeeping.id, "standards", text="Reconcile on Fridays")
    store.edit_item(bookkeeping.id, "standards", step, done=True)
    app = InsightApp(store, clock)
    async with app.run_test(size=(110, 60)) as pilot:
        await pilot.pause()
        text = panel(app.screen, "bought-back")
        assert "Team-owned but not ready (1):" in text
        assert "Invoicing  no owner and no work standard" in text
        assert "Bookkeeping" not in text
