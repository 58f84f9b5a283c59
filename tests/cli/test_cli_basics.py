"""The card commands on a real board file."""

from __future__ import annotations

import json
from pathlib import Path

from tests.kit.basics import file_hash


def test_add_list_show_move_round_trip(run_cli, board_path: Path) -> None:
    added = run_cli("add", "Invoicing", "--owner", "Marie", "--hours", "3", "--json")
    assert added.code == 0, added.err
    card = json.loads(added.out)
    assert card["stage"] == "only-me" and card["owner"] == "Marie" and card["hours_per_week"] == 3
    moved = run_cli("move", card["id"][:6], "delegating")
    assert moved.code == 0, moved.err
    shown = json.loads(run_cli("show", card["id"][:4], "--json").out)
    assert shown["stage"] == "delegating"
    assert [(h["from"], h["to"]) for h in shown["history"]] == [
        (None, "only-me"),
        ("only-me", "delegating"),
    ]
    on_disk = json.loads(board_path.read_text())
    assert on_disk["cards"][card["id"]]["stage"] == "delegating"
    for key in (
        "id",
        "title",
        "stage",
        "owner",
        "hours_per_week",
        "standards",
        "notes",
        "log",
        "history",
        "created_at",
        "updated_at",
    ):
        assert key in shown


def test_unknown_stage_leaves_the_file_alone(run_cli, board_path: Path) -> None:
    run_cli("add", "Quotes")
    before = file_hash(board_path)
    result = run_cli("add", "Payroll", "--stage", "later")
    assert result.code == 1
    assert result.err.count("\n") == 1 and "unknown stage 'later'" in result.err
    assert file_hash(board_path) == before
