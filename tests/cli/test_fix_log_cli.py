"""`delegate fix-log` corrects a log entry's kind and text or removes it, by the entry's id or a
unique prefix as `show` prints it; `show --json` gives each entry's id and its correction. Bad
input: one line on stderr, exit 1, the file byte-for-byte unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from delegate_tui.board.boardfile import read_board
from delegate_tui.board.store import BoardStore
from tests.kit.basics import file_hash

CARD = "abcd0000-0000-4000-8000-000000000001"
FIRST = "feed0001-0000-4000-8000-000000000001"
SECOND = "feed0002-0000-4000-8000-000000000002"


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    """A card with two log entries whose ids share the prefix 'feed'."""
    store.add_many([{"title": "Invoicing", "owner": "Marie"}], ids=[CARD])
    made = [store.log(CARD, "error", "late quote"), store.log(CARD, "doubt", "unsure")]
    store.flush()
    text = board_path.read_text()
    for old, new in zip(made, (FIRST, SECOND), strict=True):
        text = text.replace(old, new)
    board_path.write_text(text)
    return board_path


def _entry(path: Path, entry_id: str) -> dict:
    data, _sig = read_board(path)
    return data["cards"][CARD]["log"][entry_id]


def test_show_prints_each_entrys_id_and_json_gives_it(run_cli, board: Path) -> None:
    shown = run_cli("show", "abcd").out
    assert "  feed0001  " in shown and "  feed0002  " in shown
    log = json.loads(run_cli("show", "abcd", "--json").out)["log"]
    assert [e["id"] for e in log] == [FIRST, SECOND]
    assert "corrected_by" not in log[0]  # never corrected


def test_fix_log_corrects_kind_and_text(run_cli, board: Path) -> None:
    result = run_cli("fix-log", "abcd", "feed0001", "--kind", "adjustment", "--text", "late")
    assert result.code == 0, result.err
    assert "corrected the log entry feed0001" in result.out
    stored = _entry(board, FIRST)
    assert (stored["kind"], stored["text"]) == ("adjustment", "late")
    assert set(stored["_stamps"]) == {"kind", "text"}
    log = json.loads(run_cli("show", "abcd", "--json").out)["log"]
    at, who, _device = stored["_stamps"]["kind"]  # (the CLI's user, not the store's alice)
    assert log[0]["kind"] == "adjustment" and log[0]["corrected_by"] == who
    assert log[0]["corrected_at"] == at
    assert f"late  — alice, corrected by {who} on {at[:10]}" in run_cli("show", "abcd").out


def test_fix_log_to_what_the_entry_says_writes_nothing(run_cli, board: Path) -> None:
    before = file_hash(board)
    result = run_cli("fix-log", "abcd", "feed0001", "--kind", "error", "--text", "late quote")
    assert result.code == 0, result.err
    assert "already says that: nothing to correct" in result.out
    assert file_hash(board) == before
    assert "corrected_by" not in json.loads(run_cli("show", "abcd", "--json").out)["log"][0]


def test_fix_log_corrects_the_kind_only(run_cli, board: Path) -> None:
    assert run_cli("fix-log", "abcd", "feed0002", "--kind", "error").code == 0
    stored = _entry(board, SECOND)
    assert (stored["kind"], stored["text"]) == ("error", "unsure")
    assert set(stored["_stamps"]) == {"kind"}


def test_fix_log_remove_leaves_a_tombstone_gone_from_show(run_cli, board: Path) -> None:
    result = run_cli("fix-log", "abcd", "feed0001", "--remove")
    assert result.code == 0, result.err
    assert _entry(board, FIRST)["deleted_at"]
    assert "late quote" not in run_cli("show", "abcd").out
    assert [e["id"] for e in json.loads(run_cli("show", "abcd", "--json").out)["log"]] == [SECOND]
    for fmt in ("md", "html", "json", "csv"):
        out = board.parent / f"snapshot.{fmt}"
        assert (
            run_cli("export", "--format", fmt, "--out", str(out), "--since", "2020-01-01").code == 0
        )
        assert "late quote" not in out.read_text("utf-8-sig")
    assert "unsure" in (board.parent / "snapshot.md").read_text("utf-8-sig")


def refused(result, board: Path, before: str | None, *words: str) -> None:
    assert result.code == 1, (result.out, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err + result.out
    for word in words:
        assert word in lines[0], lines[0]
    assert file_hash(board) == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("feed", "--remove"), ("ambiguous", "2 entries match", "more characters")),
        (("beef0001", "--remove"), ("no log entry with an id starting 'beef0001'", "show")),
        (("fee", "--remove"), ("too short", "at least 4")),
        (("feed0001", "--kind", "typo"), ("unknown log kind 'typo'", "doubt")),
        (("feed0001", "--text", "  "), ("log entry is empty",)),
        (("feed0001",), ("nothing to do", "--kind", "--text", "--remove")),
        (("feed0001", "--remove", "--kind", "doubt"), ("--remove goes alone",)),
        (("feed0001", "--remove", "--text", "x"), ("--remove goes alone",)),
    ],
)
def test_fix_log_bad_input(run_cli, board: Path, args: tuple[str, ...], words) -> None:
    before = file_hash(board)
    refused(run_cli("fix-log", "abcd", *args), board, before, *words)


def test_fix_log_of_an_unknown_card(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("fix-log", "zzzz", "feed0001", "--remove"), board, before, "no card")


def test_a_removed_entry_cannot_be_fixed(run_cli, board: Path) -> None:
    assert run_cli("fix-log", "abcd", "feed0001", "--remove").code == 0
    before = file_hash(board)
    refused(run_cli("fix-log", "abcd", "feed0001", "--text", "x"), board, before, "no log entry")
