"""What a damaged board does: every command refuses it in one line and leaves it byte for
byte, the terminal UI does not open it, `delegate check` lists every damaged value, a damaged
conflict copy is left with its reason; and no command writes a value a board may not hold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from delegate_tui.board.boardfile import read_board
from delegate_tui.board.conflicts import MERGED_FOLDER
from delegate_tui.board.store import BoardStore
from delegate_tui.config import Config, identity
from delegate_tui.core.errors import ValidationError
from tests.kit.basics import file_hash


@pytest.fixture
def card_id(store: BoardStore) -> str:
    card = store.add("Invoicing", owner="Marie")
    store.log(card.id, "doubt", "Ready?")
    store.add("Quotes")
    return card.id


def damage(path: Path, card_id: str, **values: object) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["cards"][card_id].update(values)
    path.write_text(json.dumps(data), encoding="utf-8")
    return file_hash(path) or ""


@pytest.mark.parametrize(
    "command",
    [
        (),  # the terminal UI
        ("list",),
        ("show", "{card}"),
        ("move", "{card}", "delegating"),
        ("edit", "{card}", "--owner", "Paul"),
        ("add", "Payroll"),
        ("log", "{card}", "error", "oops"),
        ("export", "--format", "html"),
        ("status",),
    ],
)
def test_every_command_refuses_a_damaged_board_in_one_line(
    run_cli, board_path: Path, card_id: str, command: tuple[str, ...]
) -> None:
    before = damage(board_path, card_id, hours_per_week="-Infinity")
    result = run_cli(*(part.format(card=card_id[:8]) for part in command))
    assert result.code == 1 and result.err.count("\n") == 1, result.err
    assert f"card {card_id[:8]}: its hours_per_week holds '-Infinity'" in result.err
    assert "fix it in the file or restore a backup" in result.err
    assert file_hash(board_path) == before
    assert not list(board_path.parent.glob("snapshots"))


def test_a_log_entry_by_a_number_refuses_the_board(run_cli, board_path, card_id) -> None:
    data = json.loads(board_path.read_text(encoding="utf-8"))
    entry = next(iter(data["cards"][card_id]["log"]))
    data["cards"][card_id]["log"][entry]["by"] = 42
    board_path.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("show", card_id[:8])
    assert result.code == 1
    assert f"the 'by' of its log entry {entry[:8]} holds 42" in result.err


def test_check_lists_every_damaged_value_then_how_to_fix_them(run_cli, board_path, card_id):
    before = damage(board_path, card_id, stage="later", level=9, owner=["Marie"])
    result = run_cli("check")
    assert result.code == 1 and result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 4, result.err
    assert f"card {card_id[:8]} has an unknown stage 'later'" in lines[0]
    assert "its owner holds" in lines[1] and "its level holds 9" in lines[2]
    assert lines[3].endswith("3 damaged values: fix them in the file or restore a backup")
    assert file_hash(board_path) == before


def test_check_names_the_backup_folder_when_there_is_one(run_cli, board_path, card_id):
    run_cli("edit", card_id[:8], "--owner", "Paul")  # a CLI save keeps a backup
    damage(board_path, card_id, stage="later")
    result = run_cli("check")
    assert result.code == 1 and result.err.count("\n") == 1
    assert "restore a backup from " in result.err and "backups" in result.err


def test_check_caps_a_long_list(run_cli, board_path: Path, store: BoardStore) -> None:
    ids = store.add_many([{"title": f"Task {n}"} for n in range(60)])
    data = json.loads(board_path.read_text(encoding="utf-8"))
    for card_id in ids:
        data["cards"][card_id]["title"] = 7
    board_path.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("check")
    lines = result.err.splitlines()
    assert result.code == 1 and len(lines) == 52
    assert lines[50].endswith("... and 10 more") and "60 damaged values" in lines[51]


def test_a_damaged_conflict_copy_is_left_in_place_with_its_reason(run_cli, board_path, card_id):
    copy = board_path.with_name("board (1).json")
    shutil.copy(board_path, copy)
    damage(copy, card_id, hours_per_week=1000)
    before = file_hash(board_path)
    result = run_cli("check")
    assert result.code == 0, result.err
    assert "left board (1).json" in result.out
    assert f"card {card_id[:8]}: its hours_per_week holds 1000" in result.out
    assert file_hash(board_path) == before and copy.exists()
    assert not (board_path.parent / MERGED_FOLDER).exists()


# ---------------------------------------------------------------- no command writes damage


def test_a_check_in_date_no_board_may_hold_is_refused(run_cli, board_path, card_id) -> None:
    before = file_hash(board_path)
    result = run_cli("edit", card_id[:8], "--checked-in", "9999-12-31")
    assert result.code == 1 and "between 1970 and 2999" in result.err
    assert file_hash(board_path) == before


def test_a_description_longer_than_a_board_may_hold_is_refused(run_cli, board_path, card_id):
    before = file_hash(board_path)
    result = run_cli("edit", card_id[:8], "--description", "a" * 100_001)
    assert result.code == 1 and "the description is 100001 characters" in result.err
    assert file_hash(board_path) == before


def test_a_decision_limit_is_checked_like_a_note(run_cli, board_path, card_id) -> None:
    before = file_hash(board_path)
    result = run_cli("decision", card_id[:8], "Refunds", "--limit", "a" * 6000)
    assert result.code == 1 and "characters long" in result.err
    assert file_hash(board_path) == before


def test_bytes_of_a_command_line_that_are_not_utf8_show_as_a_replacement(
    run_cli, board_path
) -> None:
    """`delegate add $'ab\\xffcd'`: Python hands the byte on as a lone surrogate, which the
    file cannot hold; U+FFFD keeps a sign that something was there."""
    result = run_cli("add", "ab\udcffcd")
    assert result.code == 0, result.err
    data, _sig = read_board(board_path)
    assert [c["title"] for c in data["cards"].values()] == ["ab\ufffdcd"]
    assert not [p for p in board_path.parent.iterdir() if p.name.endswith(".tmp")]


def test_the_store_refuses_a_log_kind_a_board_may_not_hold(store: BoardStore, board_path) -> None:
    card = store.add("Invoicing")
    before = file_hash(board_path)
    with pytest.raises(ValidationError, match="unknown log kind"):
        store.log(card.id, "handover", "Marie takes over")
    assert file_hash(board_path) == before


def test_a_user_name_is_stamped_as_one_clean_line(tmp_path: Path) -> None:
    me = identity(Config(user="Ann\x1b[2J\n" + "x" * 100_000), tmp_path)
    assert me.user.startswith("Ann") and "\x1b" not in me.user and len(me.user) <= 200
