"""A move that was undone is not a move of the period: the snapshots read as before it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.board.undo import UndoHistory
from delegate_tui.snapshots.write import write_snapshot
from tests.kit.basics import FrozenClock
from tests.kit.sample_board import IDS, NOW, build_board

SINCE = NOW - timedelta(days=30)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def board(tmp_path: Path, clock: FrozenClock) -> BoardStore:
    return build_board(tmp_path / "acme.json", clock)


def _moves(board: BoardStore, fmt: str, heading: str, out: Path) -> str:
    text = write_snapshot(board, fmt, out=out, since=SINCE, now=NOW + timedelta(hours=1))
    return text.read_text("utf-8-sig").split(heading, 1)[1][:2000]


@pytest.mark.parametrize(
    ("fmt", "heading"), [("md", "## Moves of the period"), ("html", "Moves of the period</h2>")]
)
def test_move_then_undo_leaves_the_moves_of_the_period_as_before(
    board, clock, tmp_path, fmt, heading
):
    before = _moves(board, fmt, heading, tmp_path / f"before.{fmt}")
    undo = UndoHistory(board)
    clock.advance(minutes=1)
    undo.change("move", [IDS["invoicing"]], lambda: board.move(IDS["invoicing"], "team-owned"))
    moved = _moves(board, fmt, heading, tmp_path / f"moved.{fmt}")
    assert moved != before
    clock.advance(minutes=1)
    undo.undo()
    assert _moves(board, fmt, heading, tmp_path / f"undone.{fmt}") == before
    undo.redo()
    assert _moves(board, fmt, heading, tmp_path / f"redone.{fmt}") == moved
