"""`delegate status` and `status --json` with the figures of issue 16 (the leader's week, the
teammates, the absence test week by week), and `list --area`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from tests.cli.test_bad_input import refused
from tests.kit.basics import file_hash


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    store.add("Negotiate with the bank", hours_per_week=2, leader_mission=True, area="finance")
    store.add("Write quotes", hours_per_week=4, area="sales-marketing")
    store.add("Payroll", "team-owned", hours_per_week=3, owner="Marie", area="finance")
    store.add("Deliveries", "team-owned", hours_per_week=5, owner="Paul", backup="Marie")
    return board_path


def test_status_json_gains_the_leaders_week_and_the_people(run_cli, board: Path) -> None:
    before = file_hash(board)
    result = run_cli("status", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    week = data["leader_week"]
    assert week["only_me"] == {"cards": 2, "hours_per_week": 6.0}
    assert week["leader_missions"]["hours_per_week"] == 2.0
    assert week["roles"]["technician"] == {"cards": 1, "hours_per_week": 4.0}
    assert (week["technician_share"], week["technician_share_of"]) == (0.667, "only_me_hours")
    assert week["unaccounted_hours_per_week"] is None  # the leader's hours are not set
    assert [h["area"] for h in week["hats"]] == ["finance", "sales-marketing", None]
    people = data["people"]
    assert [p["name"] for p in people] == ["Marie", "Paul"]
    assert {k: people[0][k] for k in ("cards_owned", "hours_owned", "hours_back_on_leader")} == {
        "cards_owned": 1,
        "hours_owned": 3.0,
        "hours_back_on_leader": 3.0,
    }
    assert [c["title"] for c in people[0]["cards"]] == ["Payroll"]
    weeks = data["absence_by_week"]  # (the command line's clock is the real one)
    assert {w["scenario"] for w in weeks} == {1} and weeks[-1]["stops"]["hours_per_week"] == 4.0
    assert data["absence_projection"]["weeks"] is None  # as many stop as ever: not at this pace
    assert file_hash(board) == before


def test_status_prints_the_leaders_week_and_the_top_people(run_cli, board: Path) -> None:
    out = run_cli("status").out
    assert "The leader's week: 6h only you do, 2h of them in your own missions" in out
    assert "The technician takes 67% of your week" in out
    assert "  Marie away: 3h a week land back on you (1 card of 1)" in out
    assert "  Paul away: all runs, 5h a week covered" in out


def test_status_in_french(run_cli, board: Path) -> None:
    out = run_cli("--lang", "fr", "status").out
    assert "La semaine du dirigeant" in out and "Le technicien prend 67\u202f%" in out
    assert "en cas d'absence de Marie\u202f: 3\u202fh par semaine vous reviennent" in out


def test_list_by_area(run_cli, board: Path) -> None:
    listed = run_cli("list", "--area", "finance").out
    assert "Negotiate with the bank" in listed and "Payroll" in listed
    assert "Write quotes" not in listed
    french = run_cli("list", "--area", "commercial et marketing").out
    assert "Write quotes" in french and "Payroll" not in french
    assert "Deliveries" in run_cli("list", "--area", "none").out
    before = file_hash(board)
    refused(run_cli("list", "--area", "space"), board, before, "unknown area")
