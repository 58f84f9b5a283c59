"""Taking a task back on the command line: `move CARD STAGE --why TEXT [--kind KIND]` moves the
card and logs what happened in one save; a back move without `--why` still moves, with a one-line
hint on stderr; a bad `--why`/`--kind` is refused with the file unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from delegate_tui.board.store import BoardStore
from tests.cli.test_bad_input import refused
from tests.kit.basics import file_hash

CARD = "abcd0000-0000-4000-8000-000000000001"


def on_file(board: Path) -> dict[str, Any]:
    card: dict[str, Any] = json.loads(board.read_text(encoding="utf-8"))["cards"][CARD]
    return card


def log_of(board: Path) -> list[tuple[str, str]]:
    return [(e["kind"], e["text"]) for e in on_file(board).get("log", {}).values()]


def moves_of(board: Path) -> list[tuple[str | None, str]]:
    return [(e.get("from"), e["to"]) for e in on_file(board).get("history", {}).values()]


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    """'Invoicing' in Delegating: an owner, no work standard (not ready for the team)."""
    store.add_many([{"title": "Invoicing", "stage": "delegating", "owner": "Marie"}], ids=[CARD])
    store.flush()
    return board_path


def test_why_on_a_back_move_logs_an_adjustment_with_the_move(run_cli, board):
    result = run_cli("move", "abcd", "only-me", "--why", "Marie is off for two months")
    assert result.code == 0 and result.err == "", result.err
    assert result.out == "moved abcd0000 to only-me, logged adjustment\n"
    assert on_file(board)["stage"] == "only-me"
    assert moves_of(board)[-1] == ("delegating", "only-me")
    assert log_of(board) == [("adjustment", "Marie is off for two months")]


@pytest.mark.parametrize(
    ("given", "kind"),
    [("error", "error"), ("Doubt", "doubt"), ("dip", "efficiency-loss"), ("errors", "error")],
)
def test_kind_is_read_as_log_reads_it(run_cli, board, given, kind):
    result = run_cli(
        "move", "abcd", "only-me", "--why", "Sent to the wrong client", "--kind", given
    )
    assert result.code == 0, result.err
    assert log_of(board) == [(kind, "Sent to the wrong client")]


def test_why_on_a_forward_move_is_logged_too(run_cli, board):
    result = run_cli("move", "abcd", "team-owned", "--force", "--why", "Marie asked for it")
    assert result.code == 0 and result.err == "", result.err
    assert moves_of(board)[-1] == ("delegating", "team-owned")
    assert list(on_file(board)["history"].values())[-1]["forced"] is True
    assert log_of(board) == [("adjustment", "Marie asked for it")]


def test_the_gate_refuses_before_anything_is_logged(run_cli, board):
    before = file_hash(board)
    result = run_cli("move", "abcd", "team-owned", "--why", "Ready, I think")
    refused(result, board, before, "not ready for team-owned", "--force")


def test_force_on_a_back_move_is_fine(run_cli, board):
    result = run_cli("move", "abcd", "only-me", "--force", "--why", "Too early")
    assert result.code == 0, result.err
    assert "forced" not in list(on_file(board)["history"].values())[-1]
    assert log_of(board) == [("adjustment", "Too early")]


def test_a_back_move_without_why_moves_and_hints_on_stderr(run_cli, board):
    result = run_cli("move", "abcd", "only-me")
    assert result.code == 0
    assert result.out == "moved abcd0000 to only-me\n"
    assert len(result.err.splitlines()) == 1
    assert "--why" in result.err and "delegate log abcd0000" in result.err
    assert on_file(board)["stage"] == "only-me" and log_of(board) == []


def test_a_forward_move_without_why_says_nothing_on_stderr(run_cli, store, board_path):
    store.add_many([{"title": "Invoicing"}], ids=[CARD])
    store.flush()
    result = run_cli("move", "abcd", "delegating")
    assert result.code == 0 and result.err == ""


def test_why_on_a_card_already_there_logs_nothing(run_cli, board):
    before = file_hash(board)
    result = run_cli("move", "abcd", "delegating", "--why", "No change")
    assert result.code == 0
    assert result.out == "abcd0000 is already in delegating: nothing logged\n"
    assert file_hash(board) == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--why", "Sent twice", "--kind", "mistake"), ["unknown log kind 'mistake'", "doubt"]),
        (("--why", ""), ["empty"]),
        (("--why", "  \n "), ["empty"]),
        (("--kind", "error"), ["--kind goes with --why"]),
        (("--why", "x" * 5001), ["5001 characters"]),
    ],
)
def test_bad_why_or_kind_is_refused_and_the_file_unchanged(run_cli, board, args, words):
    before = file_hash(board)
    refused(run_cli("move", "abcd", "only-me", *args), board, before, *words)
    assert file_hash(board) == before


def test_bad_kind_is_refused_even_where_the_gate_would_refuse(run_cli, board):
    before = file_hash(board)
    result = run_cli("move", "abcd", "team-owned", "--why", "x", "--kind", "oops")
    refused(result, board, before, "unknown log kind 'oops'")


def test_show_lists_the_entry_the_move_logged(run_cli, board):
    run_cli("move", "abcd", "only-me", "--why", "Marie is off", "--kind", "doubt")
    shown = run_cli("show", "abcd").out
    assert "doubt" in shown and "Marie is off" in shown
    assert "delegating -> only-me" in shown
