"""Snapshot tests of the board, the card screen and the help screen on the demo board.

The demo board is built with a frozen clock and a fixed identity, so the screens are the same on
every run (card ids are random but never shown). Update with `pytest --snapshot-update` and look
at every changed SVG before committing it.
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
def demo_app(tmp_path: Path) -> DelegateApp:
    clock = FrozenClock()
    sam = Identity("sam", "dev-sam")
    path = make_demo_board(tmp_path, sam, clock)
    return DelegateApp(path, identity=sam, clock=clock, backup_dir=tmp_path / "backups")


def test_board(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE)


def test_board_moving_through_columns(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, press=["l", "j", "j"])


def test_card_screen(snap_compare, demo_app):
    # The second card of Delegating: "Order supplies from suppliers", with every section filled.
    assert snap_compare(demo_app, terminal_size=SIZE, press=["l", "j", "enter"])


def test_help_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, press=["question_mark"])


def test_readiness_gate(snap_compare, demo_app):
    # "Negotiate with the bank" is a leader mission (y hands it over anyway), with no owner and
    # no standard: the second move asks the readiness gate's question.
    assert snap_compare(demo_app, terminal_size=SIZE, press=["L", "y", "L"])


def test_leader_mission_question(snap_compare, demo_app):
    # "Negotiate with the bank" is one of the leader's missions: moving it asks first.
    assert snap_compare(demo_app, terminal_size=SIZE, press=["L"])
