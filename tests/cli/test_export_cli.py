"""`delegate export`: where it writes, what --since reads, and bad input (one line, exit 1,
board untouched, nothing written)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.cli import main as cli
from delegate_tui.cli.export import cmd_export
from tests.kit.basics import file_hash
from tests.kit.sample_board import NOW, build_board


@pytest.fixture
def board(board_path: Path) -> BoardStore:
    return build_board(board_path)


def _export(board: BoardStore, *args: str, capsys: pytest.CaptureFixture[str]) -> str:
    """`delegate export ARGS` through the real parser, at the frozen moment NOW."""
    parsed = cli.build_parser().parse_args(["--board", str(board.path), "export", *args])
    assert cmd_export(parsed, board, now=NOW) == 0
    return capsys.readouterr().out


def test_default_path_is_dated_in_snapshots_beside_the_board(board, capsys, board_path):
    before = file_hash(board_path)
    first = _export(board, capsys=capsys)
    second = _export(board, "--format", "HTML", capsys=capsys)
    third = _export(board, capsys=capsys)
    folder = board_path.parent / "snapshots"
    assert first == f"{folder / 'board-2026-11-23-1405.md'}\n"
    assert second == f"{folder / 'board-2026-11-23-1405.html'}\n"
    assert third == f"{folder / 'board-2026-11-23-1405-2.md'}\n"
    assert file_hash(board_path) == before


@pytest.mark.parametrize(
    ("since", "start"),
    [
        ("last monday", "2026-11-16T14:05:00+00:00"),
        ("2 weeks ago", "2026-11-09T14:05:00+00:00"),
        ("yesterday", "2026-11-22T14:05:00+00:00"),
        ("2026-11-01", "2026-11-01T00:00:00+00:00"),
    ],
)
def test_since_reads_what_people_type(board, capsys, tmp_path, since: str, start: str):
    out = tmp_path / "s.json"
    _export(board, "--since", since, "--out", str(out), capsys=capsys)
    data = json.loads(out.read_text())
    assert data["period"] == {"since": start, "until": "2026-11-23T14:05:00+00:00"}


def test_since_a_month_ago_takes_in_the_older_log(board, capsys, tmp_path):
    out = tmp_path / "s.md"
    _export(board, "--since", "2026-11-01", "--out", str(out), capsys=capsys)
    text = out.read_text()
    assert "### Efficiency dips (1)" in text  # logged on Nov 10
    assert "- 2026-11-10 · **Customer support inbox**: Only me → Delegating (alice)" in text


def test_out_picks_the_format_from_its_extension_and_folders_get_a_dated_name(
    board, capsys, tmp_path
):
    page = tmp_path / "status.html"
    assert _export(board, "--out", str(page), capsys=capsys) == f"{page}\n"
    assert page.read_text().startswith("<!DOCTYPE html>")
    folder = tmp_path / "outbox"
    folder.mkdir()
    printed = _export(board, "--out", str(folder), "--format", "csv", capsys=capsys)
    assert printed == f"{folder / 'board-2026-11-23-1405.csv'}\n"


def test_the_real_command_writes_and_prints_the_path(board, run_cli, board_path):
    before = file_hash(board_path)
    result = run_cli("export")
    assert result.code == 0, result.err
    path = Path(result.out.strip())
    assert path.parent == board_path.parent / "snapshots"
    assert re.fullmatch(r"board-\d{4}-\d{2}-\d{2}-\d{4}\.md", path.name)
    assert "| Invoicing | Marie | *struggles* | 3→6 | 1/2 |" in path.read_text()
    assert file_hash(board_path) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "delegate: unknown format 'pdf': use md, html, json or csv"),
        (["--since", "the other day"], "delegate: can't read the date 'the other day'"),
        (["--since", "in 2 weeks"], "delegate: the period would start after now"),
        (["--out", "missing/s.md"], "delegate: folder "),
        (["--out", "board.json"], "is the board file itself: choose another --out"),
        (["--out", "other.json"], "other.json is a delegate board: choose another --out"),
    ],
)
def test_bad_input_is_one_line_exit_1_and_nothing_written(
    board, run_cli, board_path, monkeypatch, args: list[str], message: str
):
    monkeypatch.chdir(board_path.parent)
    other = build_board(board_path.parent / "other.json").path
    before, other_before = file_hash(board_path), file_hash(other)
    listing = sorted(p.name for p in board_path.parent.iterdir())
    result = run_cli("export", *args)
    assert result.code == 1
    assert result.out == ""
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert message in result.err
    assert (file_hash(board_path), file_hash(other)) == (before, other_before)
    assert sorted(p.name for p in board_path.parent.iterdir()) == listing


def test_no_board_file_yet_is_an_error_not_an_empty_snapshot(run_cli, tmp_path):
    result = run_cli("export", board=tmp_path / "typo.json")
    assert result.code == 1
    assert result.err.startswith("delegate: there is no board at ")
    assert list(tmp_path.iterdir()) == []
