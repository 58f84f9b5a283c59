"""A board that is away (a sync tool swapping it) is waited for, then refused: never replaced.

Issue 12, item 2: `mv board.json away.json; delegate add x` used to write a brand-new board with a
new id at the path, and the real board then came back as "another board".
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from delegate_tui import config
from delegate_tui.board import opening
from delegate_tui.board.conflicts import find_copies
from delegate_tui.board.known_boards import KnownBoards
from tests.kit.basics import delegate_process, file_hash

SYNCTHING_COPY = "board.sync-conflict-20261201-120000-ABCDEFG.json"


@pytest.fixture(autouse=True)
def _short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opening, "MISSING_WAIT", 0.3)


def board_ids(folder: Path) -> set[str]:
    """The board ids of every board file in `folder`."""
    ids = set()
    for path in folder.glob("*.json"):
        ids.add(json.loads(path.read_text(encoding="utf-8"))["_meta"]["board"]["board_id"])
    return ids


def test_a_known_board_that_is_away_is_refused_and_no_board_is_made(run_cli, board_path):
    assert run_cli("add", "Invoicing").code == 0
    board_id = json.loads(board_path.read_text())["_meta"]["board"]["board_id"]
    away = board_path.with_name("away.json")
    board_path.rename(away)

    result = run_cli("add", "x")

    assert result.code == 1
    assert not board_path.exists()  # no new, empty board in its place
    line = result.err.strip()
    assert "\n" not in line
    assert board_id[:8] in line and str(board_path) in line and "delegate" in line
    assert "init" in line and "backup" not in line  # no backup yet: none is offered

    away.rename(board_path.with_name(SYNCTHING_COPY))  # the sync tool brings it back as a copy
    result = run_cli("check")
    assert result.code == 1 and SYNCTHING_COPY in result.err  # it says which file to restore
    assert board_ids(board_path.parent) == {board_id}


def test_the_message_names_the_newest_backup(run_cli, board_path):
    run_cli("add", "Invoicing")
    run_cli("add", "Quotes")  # this save keeps a backup of the first version
    board_path.unlink()
    result = run_cli("list")
    assert result.code == 1
    assert str(config.data_dir() / "backups") in result.err


def test_a_board_back_within_the_wait_is_used(run_cli, board_path, monkeypatch):
    monkeypatch.setattr(opening, "MISSING_WAIT", 5.0)
    run_cli("add", "Invoicing")
    away = board_path.with_name("~away")
    board_path.rename(away)
    threading.Timer(0.5, away.rename, [board_path]).start()

    result = run_cli("add", "Quotes")

    assert result.code == 0
    titles = {c["title"] for c in json.loads(run_cli("list", "--json").out)}
    assert titles == {"Invoicing", "Quotes"}


def test_a_copy_beside_a_path_never_known_is_not_shadowed(run_cli, board_path, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    assert run_cli("add", "Invoicing", board=other / "board.json").code == 0
    copy = board_path.with_name(SYNCTHING_COPY)
    (other / "board.json").rename(copy)

    result = run_cli("add", "x")

    assert result.code == 1 and SYNCTHING_COPY in result.err and "rename" in result.err
    assert not board_path.exists()


def test_init_starts_a_new_board_where_one_was_known_and_refuses_over_a_board(run_cli, board_path):
    run_cli("add", "Invoicing")
    before = file_hash(board_path)
    result = run_cli("init")
    assert result.code == 1 and "already holds the board" in result.err
    assert file_hash(board_path) == before

    board_path.unlink()
    result = run_cli("init")
    assert result.code == 0 and "created a new board" in result.out
    assert json.loads(run_cli("list", "--json").out) == []
    assert run_cli("add", "Quotes").code == 0  # the new board is the known one now


def test_a_path_never_known_gets_a_new_board_on_first_use(run_cli, board_path):
    assert run_cli("add", "Invoicing").code == 0
    known = KnownBoards(config.data_dir())
    assert known.board_at(board_path) == board_ids(board_path.parent).pop()


def test_a_damaged_memory_of_boards_is_no_reason_to_fail(run_cli, board_path):
    memory = config.data_dir() / "known-boards.json"
    memory.parent.mkdir(parents=True, exist_ok=True)
    memory.write_text("[" * 100_000)
    assert run_cli("add", "Invoicing").code == 0
    assert KnownBoards(config.data_dir()).board_at(board_path)


@pytest.mark.system
def test_adds_while_the_file_keeps_vanishing_never_make_a_second_board(board_path):
    """Real processes: `delegate add` runs again and again while another thread takes the file
    away for short moments, as a sync tool swapping it does. Every add that says it succeeded is
    in the board at the end, and the folder never holds more than the one board."""
    env = {"XDG_DATA_HOME": os.environ["XDG_DATA_HOME"]}
    first = delegate_process("--board", str(board_path), "add", "Seed", env=env)
    assert first.wait() == 0
    stop = threading.Event()
    vanishings = 0

    def swap() -> None:
        nonlocal vanishings
        away = board_path.with_name("~swap.tmp")
        while not stop.is_set():
            time.sleep(0.2)
            try:
                board_path.rename(away)
            except FileNotFoundError:
                continue
            vanishings += 1
            time.sleep(0.1)
            away.rename(board_path)

    swapper = threading.Thread(target=swap)
    swapper.start()
    added = []
    try:
        for n in range(20):
            process = delegate_process("--board", str(board_path), "add", f"Card {n}", env=env)
            _out, err = process.communicate(timeout=60)
            assert "Traceback" not in err
            if process.returncode == 0:
                added.append(f"Card {n}")
    finally:
        stop.set()
        swapper.join()
    data = json.loads(board_path.read_text(encoding="utf-8"))
    titles = {card["title"] for card in data["cards"].values()}
    print(f"{vanishings} vanishings, {len(added)} of 20 adds succeeded")
    assert vanishings >= 10 and len(added) >= 10
    assert set(added) <= titles and "Seed" in titles
    assert len(board_ids(board_path.parent)) == 1
    assert find_copies(board_path) == []
