"""`delegate board`: shows and sets the board's name, the leader's name and the leader's hours a
week, in the board file; bad input is one line, exit 1, the file untouched; JSON has English
keys; the settings merge with another machine's; French output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from delegate_tui.board.open_store import open_store
from delegate_tui.board.store import BoardStore
from delegate_tui.config import Config
from delegate_tui.core.board_settings import BoardSettings
from delegate_tui.core.records import Identity
from tests.kit.basics import FrozenClock, file_hash


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    store.add("Invoicing")
    store.flush()
    return board_path


def test_board_shows_the_file_name_until_a_name_is_set(run_cli, board: Path) -> None:
    result = run_cli("board")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "board: board",
        "leader: (not set)",
        "leader's hours: (not set)",
    ]


def test_board_sets_and_shows_the_settings(run_cli, board: Path) -> None:
    result = run_cli(
        "board", "--name", "Atelier Dupont", "--leader", "Marie", "--leader-hours", "52,5"
    )
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "board: Atelier Dupont",
        "leader: Marie",
        "leader's hours: 52.5h a week",
    ]
    meta = json.loads(board.read_text())["_meta"]["board"]
    assert (meta["name"], meta["leader"], meta["leader_hours"]) == ("Atelier Dupont", "Marie", 52.5)
    assert set(meta["_stamps"]) == {"name", "leader", "leader_hours"}
    shown = json.loads(run_cli("board", "--json").out)
    assert shown == {
        "name": "Atelier Dupont",
        "leader": "Marie",
        "leader_hours": 52.5,
        "language": "en",
    }


def test_setting_one_leaves_the_others(run_cli, board: Path) -> None:
    run_cli("board", "--leader", "Marie", "--leader-hours", "50")
    run_cli("board", "--leader-hours", "45")
    assert json.loads(run_cli("board", "--json").out)["leader"] == "Marie"
    run_cli("board", "--leader", "")
    data = json.loads(run_cli("board", "--json").out)
    assert (data["leader"], data["leader_hours"]) == ("", 45.0)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--leader-hours", "0"), "more than 0 and at most 168"),
        (("--leader-hours", "-4"), "more than 0 and at most 168"),
        (("--leader-hours", "169"), "'169'"),
        (("--leader-hours", "lots"), "'lots'"),
        (("--name", ""), "the board's name is empty"),
        (("--name", "  "), "the board's name is empty"),
        (("--leader", "Marie", "--leader-hours", "200"), "'200'"),  # nothing half-written
    ],
)
def test_bad_input_is_one_line_and_leaves_the_file(run_cli, board: Path, args, words) -> None:
    before = file_hash(board)
    result = run_cli("board", *args)
    assert result.code == 1
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("delegate: ") and words in lines[0], lines
    assert file_hash(board) == before


def test_board_on_a_missing_file_is_refused_and_writes_nothing(run_cli, board_path: Path) -> None:
    result = run_cli("board", "--name", "Atelier")
    assert result.code == 1 and "there is no board" in result.err
    assert not board_path.exists()


def test_an_unchanged_setting_does_not_write_the_file(run_cli, board: Path) -> None:
    run_cli("board", "--leader", "Marie")
    before = file_hash(board)
    assert run_cli("board", "--leader", "Marie").code == 0
    assert file_hash(board) == before


def test_two_machines_keep_each_their_setting(
    board: Path, store: BoardStore, bob: Identity, tmp_path: Path
) -> None:
    """Alice's store is open while Bob sets the leader's hours: her save of the board's name
    merges his change in (the file changed under her), and both stay."""
    clock = FrozenClock()
    clock.advance(minutes=5)
    other = open_store(board, Config(), identity=bob, clock=clock, backup_dir=tmp_path / "bob")
    other.set_settings(leader_hours="38")
    other.close()
    store.set_settings(name="Atelier")
    store.flush()
    assert store.settings() == BoardSettings("Atelier", "", 38.0)
    again = open_store(board, Config(), identity=bob, clock=clock, backup_dir=tmp_path / "bob")
    assert again.settings() == BoardSettings("Atelier", "", 38.0)
    assert again.name == "Atelier"
    again.close()


def test_board_speaks_french(run_cli, board: Path) -> None:
    run_cli("board", "--leader", "Marie")
    result = run_cli("--lang", "fr", "board")
    assert result.out.splitlines() == [
        "tableau\u202f: board",
        "dirigeant\u202f: Marie",
        "heures du dirigeant\u202f: (non renseigné)",
    ]
    bad = run_cli("--lang", "fr", "board", "--leader-hours", "0")
    assert bad.code == 1 and "les heures du dirigeant «\u202f0\u202f»" in bad.err
    assert json.loads(run_cli("--lang", "fr", "board", "--json").out)["leader"] == "Marie"
