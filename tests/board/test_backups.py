"""Backups: rotating copies in the data folder, never outside it, never a half copy counted."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

from delegate_tui import config
from delegate_tui.board import backups
from delegate_tui.board.backups import Backups
from delegate_tui.board.store import BoardStore
from delegate_tui.core.errors import BoardError
from delegate_tui.core.records import Identity
from tests.kit.basics import FrozenClock, file_hash

ID = "0b6c2f7e-3d1a-4c8e-9f00-5a6b7c8d9e0f"


def test_backups_rotate_five(tmp_path: Path) -> None:
    board = tmp_path / "board.json"
    kept_copies = Backups(tmp_path / "backups", ID, "board")
    for n in range(8):
        board.write_text(f"version {n}")
        kept_copies.keep(board, now=1_800_000_000.0 + n * (backups.BACKUP_EVERY + 1))
    kept = kept_copies.list()
    assert len(kept) == 5
    assert [p.read_text() for p in kept] == [f"version {n}" for n in range(3, 8)]
    assert all(p.parent == tmp_path / "backups" / ID for p in kept)


def test_backups_wait_between_copies(tmp_path: Path) -> None:
    board = tmp_path / "board.json"
    kept_copies = Backups(tmp_path / "backups", ID, "board")
    board.write_text("one")
    kept_copies.keep(board, now=1_800_000_000.0)
    board.write_text("two")
    kept_copies.keep(board, now=1_800_000_000.0 + backups.BACKUP_EVERY / 2)
    assert [p.read_text() for p in kept_copies.list()] == ["one"]


def test_store_keeps_backups_of_the_previous_file(
    board_path: Path, alice: Identity, clock: FrozenClock, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(backups, "BACKUP_EVERY", 0.0)  # a backup at every save
    folder = tmp_path / "backups"
    store = BoardStore(board_path, alice, clock=clock, backup_dir=folder)
    versions = []
    for n in range(8):
        if board_path.exists():
            versions.append(board_path.read_bytes())
        store.add(f"Card {n}")  # saves made within one second must still rotate oldest first
    kept = store.backups.list()
    assert len(kept) == 5
    assert [p.read_bytes() for p in kept] == versions[-5:]
    assert all(p.parent == folder / store.board_id for p in kept)


def test_store_backs_up_once_per_session(
    board_path: Path, alice: Identity, clock: FrozenClock, tmp_path: Path
) -> None:
    store = BoardStore(board_path, alice, clock=clock, backup_dir=tmp_path / "backups")
    store.add("Invoicing")  # nothing to back up yet: the file is new
    first = board_path.read_bytes()
    again = BoardStore(board_path, alice, clock=clock, backup_dir=tmp_path / "backups")
    for n in range(3):
        again.add(f"Card {n}")
    assert [p.read_bytes() for p in again.backups.list()] == [first]


# ---------------------------------------------------------------- a board id from a hostile file


def _board_with_id(path: Path, store: BoardStore, board_id: str) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["_meta"]["board"]["board_id"] = board_id
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("absolute", [False, True])
def test_a_board_id_that_walks_out_of_the_backups_folder_is_refused(
    tmp_path: Path, alice: Identity, clock: FrozenClock, run_cli, board_path: Path, absolute: bool
) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    for n in range(8):  # files the backup rotation would delete if it ran there
        (victim / f"board-2026010{n}.json").write_text(f"precious {n}")
    store = BoardStore(board_path, alice, clock=clock)
    store.add("Invoicing")
    data_backups = config.data_dir() / "backups"
    hostile = str(victim) if absolute else os.path.relpath(victim, data_backups)
    _board_with_id(board_path, store, hostile)
    before = file_hash(board_path)

    result = run_cli("add", "y")

    assert result.code == 1
    assert "board id" in result.err and "not a UUID" in result.err
    assert "\n" not in result.err.strip()
    assert file_hash(board_path) == before
    assert sorted(p.read_text() for p in victim.iterdir()) == [f"precious {n}" for n in range(8)]


def test_backups_refuse_a_folder_outside_their_own(tmp_path: Path) -> None:
    with pytest.raises(BoardError, match="not a UUID"):
        Backups(tmp_path / "backups", "../../elsewhere", "board")
    with pytest.raises(BoardError, match="not a UUID"):
        Backups(tmp_path / "backups", str(tmp_path / "elsewhere"), "board")
    (tmp_path / "backups").mkdir()
    os.symlink(tmp_path, tmp_path / "backups" / ID)  # a link planted where the copies go
    with pytest.raises(BoardError, match="would leave"):
        Backups(tmp_path / "backups", ID, "board")


def test_a_copy_cut_short_is_never_counted_and_never_kept(tmp_path: Path, monkeypatch) -> None:
    board = tmp_path / "board.json"
    board.write_text("x" * 5000)
    kept_copies = Backups(tmp_path / "backups", ID, "board")
    real_fsync = os.fsync

    def killed(fd: int) -> None:  # the process dies after writing, before the rename
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(KeyboardInterrupt):
        kept_copies.keep(board, now=1_800_000_000.0)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert kept_copies.list() == []
    assert list((tmp_path / "backups" / ID).iterdir()) == []  # nothing half written left

    leftover = tmp_path / "backups" / ID / "board-20260101-000000.000000-abcd.json.part"
    leftover.write_text("{")  # not of the backup form: never listed, never rotated away
    kept_copies.keep(board, now=1_800_000_000.0)
    assert [p.read_text() for p in kept_copies.list()] == ["x" * 5000]
    assert leftover.exists()


def test_a_store_adopting_a_board_with_a_bad_id_writes_no_backup_outside(
    tmp_path: Path, alice: Identity, bob: Identity, clock: FrozenClock, board_path: Path
) -> None:
    folder = tmp_path / "backups"
    mine = BoardStore(board_path, bob, clock=clock, backup_dir=folder)  # before the file exists
    theirs = BoardStore(board_path, alice, clock=clock)
    theirs.add("Theirs")
    _board_with_id(board_path, theirs, "../../outside")
    with pytest.raises(BoardError, match="not a UUID"):
        mine.add("Mine")
    assert not (tmp_path / "outside").exists()
    assert uuid.UUID(mine.board_id)
