"""Snapshot tests of the insight screen and the help screen in French.

Update with `pytest --snapshot-update` and read the changed SVG's text before committing it.
The machine's zone is pinned to UTC: the insight screen shows local time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from delegate_tui.core.records import Identity
from delegate_tui.ui.app import DelegateApp
from delegate_tui.ui.launch import make_demo_board
from tests.kit.basics import FrozenClock, local_zone


@pytest.fixture
def utc() -> Iterator[None]:
    """This machine's local time is UTC, whatever the machine running the test."""
    with local_zone("UTC"):
        yield


@pytest.fixture
def demo_app(french, tmp_path: Path) -> DelegateApp:
    """The app on the French demo board (a bakery-café), at a frozen moment."""
    clock = FrozenClock()
    sam = Identity("sam", "dev-sam")
    path = make_demo_board(tmp_path, sam, clock)
    return DelegateApp(path, identity=sam, clock=clock, backup_dir=tmp_path / "backups")


async def drawn(pilot: Pilot[None]) -> None:
    """Let the insight screen draw its figures (it computes them after its first refresh)."""
    await pilot.press("i")
    await pilot.pause()
    await pilot.pause()


def test_the_insight_screen_in_french(snap_compare, utc, demo_app: DelegateApp) -> None:
    # In the app itself: the screen's panels laid out with the app's styles (key bar docked).
    assert snap_compare(demo_app, terminal_size=(120, 62), run_before=drawn)


def test_help_in_french(snap_compare, demo_app: DelegateApp) -> None:
    assert snap_compare(demo_app, terminal_size=(120, 40), press=["question_mark"])
