"""A corrected log entry says so in the snapshots (Markdown, HTML: "corrected by X on DATE";
JSON: `corrected_by`, `corrected_at`); a removed one is gone from all four formats."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
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


def _snapshot(board: BoardStore, fmt: str, out: Path) -> str:
    path = write_snapshot(board, fmt, out=out, since=SINCE, now=NOW + timedelta(hours=1))
    return path.read_text("utf-8-sig")


def _logged(board: BoardStore, clock: FrozenClock) -> str:
    entry = board.log(IDS["invoicing"], "error", "Quote sent late")
    clock.advance(minutes=10)
    return entry


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_corrected_entry_says_who_corrected_it_and_when(board, clock, tmp_path, fmt):
    entry = _logged(board, clock)
    board.correct_log(IDS["invoicing"], entry, kind="adjustment", text="Quote sent on Monday")
    text = _snapshot(board, fmt, tmp_path / f"s.{fmt}")
    assert "Quote sent late" not in text
    line = next(x for x in text.splitlines() if "Quote sent on Monday" in x)
    assert f"corrected by {board.identity.user} on {NOW:%Y-%m-%d}" in line


def test_the_json_snapshot_names_the_correction(board, clock, tmp_path):
    entry = _logged(board, clock)
    board.correct_log(IDS["invoicing"], entry, text="Quote sent on Monday")
    data = json.loads(_snapshot(board, "json", tmp_path / "s.json"))
    found = [e for entries in data["log"].values() for e in entries if e["id"] == entry]
    assert found[0]["corrected_by"] == board.identity.user
    assert found[0]["corrected_at"].startswith(f"{NOW:%Y-%m-%d}")
    others = [e for entries in data["log"].values() for e in entries if e["id"] != entry]
    assert others and all("corrected_by" not in e for e in others)


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
def test_a_removed_entry_is_gone_from_every_format(board, clock, tmp_path, fmt):
    entry = _logged(board, clock)
    assert "Quote sent late" in _snapshot(board, fmt, tmp_path / f"before.{fmt}") or fmt == "csv"
    board.remove_log(IDS["invoicing"], entry)
    assert "Quote sent late" not in _snapshot(board, fmt, tmp_path / f"after.{fmt}")
