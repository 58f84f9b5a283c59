"""The insight screen's new panels in the app itself (issue 16): the leader's week, the
teammates most fragile first and the weekly strip, a pilot test and a snapshot. The
machine's zone is pinned to UTC (the screen shows local time)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.ui.app import DelegateApp
from delegate_tui.ui.screens.insight import InsightScreen
from tests.kit.basics import FrozenClock, local_zone
from tests.ui.test_insight_screen import build_board

SIZE = (120, 62)


@pytest.fixture
def utc() -> Iterator[None]:
    with local_zone("UTC"):
        yield


def team_board(path: Path, clock: FrozenClock) -> BoardStore:
    """The insight screen's board with owners, backups and a leader mission."""
    store = build_board(path, clock)
    ids = {c.title: c.id for c in store.cards()}
    store.edit(ids["Invoicing"], owner="Marie", backup="Paul", area="finance")
    store.edit(ids["Bookkeeping"], owner="Paul", area="finance")
    store.edit(ids["Stock count"], owner="Marie", area="logistics")
    store.edit(ids["Client quotes"], leader_mission=True, area="direction")
    store.edit(ids["Payroll"], role="manager", area="hr-legal")
    return store


@pytest.fixture
def team_app(tmp_path: Path) -> DelegateApp:
    clock = FrozenClock()
    sam = Identity("sam", "dev-sam")
    team_board(tmp_path / "board.json", clock)
    return DelegateApp(
        tmp_path / "board.json", identity=sam, clock=clock, backup_dir=tmp_path / "backups"
    )


async def drawn(pilot: Pilot[None]) -> None:
    """Open the insight screen and let it draw its figures (after its first refresh)."""
    await pilot.press("i")
    await pilot.pause()
    await pilot.pause()


def panel(screen: InsightScreen, name: str) -> str:
    return str(screen.query_one(f"#insight-{name}", Static).render())


async def test_the_teammate_list_most_fragile_first(utc, team_app: DelegateApp) -> None:
    async with team_app.run_test(size=SIZE) as pilot:
        await drawn(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, InsightScreen)
        people = panel(screen, "people").splitlines()
        assert people[0] == "If a teammate is away two weeks (most fragile first)"
        # both land 2h back on the leader: Marie, who owns more, is the more fragile
        assert people[1].split()[:2] == ["Marie", "2h"]
        assert "Stock count" in people[2]
        assert people[3].split()[:2] == ["Paul", "2h"] and "Bookkeeping" in people[4]
        week = panel(screen, "leader-week")
        assert "The technician takes 43% of your week" in week
        assert "your missions: 6h" in week and "direction" in week
        strip = panel(screen, "strip").splitlines()
        assert strip[1] == "·" * 20 + "█" * 6
        store = team_app.store
        paul = next(c for c in store.cards() if c.title == "Bookkeeping")
        store.edit(paul.id, backup="Marie")
        await pilot.press("r")
        people = panel(pilot.app.screen, "people").splitlines()
        assert people[1].split()[0] == "Marie"
        assert people[3].split() == ["Paul", "all", "runs:", "2h", "a", "week", "covered"]


def test_snapshot_of_the_insight_screen_with_the_team(
    snap_compare, utc, team_app: DelegateApp
) -> None:
    assert snap_compare(team_app, terminal_size=SIZE, run_before=drawn)
