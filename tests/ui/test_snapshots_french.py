"""Snapshot tests of the board and the card screen in French, on the French demo board.

As test_snapshots.py: a frozen clock and a fixed identity make the screens the same on every
run. Update with `pytest --snapshot-update` and look at every changed SVG before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.core.records import Identity
from delegate_tui.ui.app import DelegateApp
from delegate_tui.ui.launch import make_demo_board
from tests.kit.basics import FrozenClock

SIZE = (120, 40)


@pytest.fixture
def french_demo_app(french: None, tmp_path: Path) -> DelegateApp:
    clock = FrozenClock()
    sam = Identity("sam", "dev-sam")
    path = make_demo_board(tmp_path, sam, clock)
    return DelegateApp(path, identity=sam, clock=clock, backup_dir=tmp_path / "backups")


def test_board_in_french(snap_compare, french_demo_app):
    assert snap_compare(french_demo_app, terminal_size=SIZE)


def test_card_screen_in_french(snap_compare, french_demo_app):
    # The second card of En délégation: « Commander la farine … », every section filled.
    assert snap_compare(french_demo_app, terminal_size=SIZE, press=["l", "j", "enter"])
