"""`delegate edit --leader-mission/--role/--backup`, `show` of them, and the move of a leader
mission to Delegating (refused without --force: the command line cannot ask)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from tests.cli.test_bad_input import CARD_A, refused
from tests.kit.basics import file_hash


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    store.add_many([{"title": "Negotiate with the bank", "owner": "Me"}], ids=[CARD_A])
    return board_path


def test_the_three_fields_are_set_and_shown(run_cli, board: Path) -> None:
    edited = run_cli(
        "edit", CARD_A[:8], "--leader-mission", "--role", "manager", "--backup", "Marie"
    )
    assert edited.code == 0, edited.err
    shown = json.loads(run_cli("show", CARD_A[:8], "--json").out)
    assert (shown["leader_mission"], shown["role"], shown["backup"]) == (True, "manager", "Marie")
    text = run_cli("show", CARD_A[:8]).out
    assert "manager   your mission yes   backup Marie" in text
    assert run_cli("edit", CARD_A[:8], "--no-leader-mission", "--role", "none").code == 0
    shown = json.loads(run_cli("show", CARD_A[:8], "--json").out)
    assert (shown["leader_mission"], shown["role"]) == (False, None)


def test_an_unknown_role_is_refused(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("edit", CARD_A[:8], "--role", "boss"), board, before, "unknown role")


def test_a_leader_mission_on_an_archived_card_is_refused(run_cli, board: Path) -> None:
    assert run_cli("archive", CARD_A[:8]).code == 0
    before = file_hash(board)
    result = run_cli("edit", CARD_A[:8], "--leader-mission")
    refused(result, board, before, "archived")


def test_a_backup_who_is_the_owner_is_a_warning(run_cli, board: Path) -> None:
    result = run_cli("edit", CARD_A[:8], "--backup", "me")
    assert result.code == 0
    assert "its own backup" in result.err and len(result.err.splitlines()) == 1
    assert json.loads(run_cli("show", CARD_A[:8], "--json").out)["backup"] == "me"


def test_a_leader_mission_is_not_handed_over_without_force(run_cli, board: Path) -> None:
    assert run_cli("edit", CARD_A[:8], "--leader-mission").code == 0
    before = file_hash(board)
    result = run_cli("move", CARD_A[:8], "delegating")
    refused(result, board, before, "one of your missions", "--force")
    assert run_cli("move", CARD_A[:8], "delegating", "--force").code == 0
    assert json.loads(run_cli("show", CARD_A[:8], "--json").out)["stage"] == "delegating"


def test_an_ordinary_card_moves_as_before(run_cli, board: Path) -> None:
    assert run_cli("move", CARD_A[:8], "delegating").code == 0
