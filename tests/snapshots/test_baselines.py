"""Snapshots made together agree: each format compares with the previous snapshot in that format,
an older single-state file is the baseline of every format, `--since` always wins, and a
hostile state file counts as no baseline."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from delegate_tui.board.store import BoardStore
from delegate_tui.snapshots.write import FORMATS, read_previous, state_path, write_snapshot
from tests.kit.basics import FrozenClock
from tests.kit.sample_board import IDS, NOW, build_board

DOUBT = "Is Paul ready for the big accounts?"
LATER = NOW + timedelta(days=7)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def board(tmp_path: Path, clock: FrozenClock) -> BoardStore:
    return build_board(tmp_path / "acme.json", clock)


def _log_a_doubt(board: BoardStore, clock: FrozenClock) -> None:
    clock.now = NOW + timedelta(days=2)
    board.log(IDS["support"], "doubt", DOUBT)
    clock.now = LATER


def _md_changes(text: str) -> list[str]:
    body = text.split("## Since the last snapshot", 1)[1].split("\n## ", 1)[0]
    return [line for line in body.splitlines()[1:] if line.strip()]


def _html_changes(text: str) -> list[str]:
    section = text.split("<h2>Since the last snapshot", 1)[1].split("</section>", 1)[0]
    return re.findall(r"<li>(.*?)</li>", section)


def test_html_then_markdown_at_once_list_the_same_new_log_entry(
    board: BoardStore, clock: FrozenClock
):
    write_snapshot(board, "md", now=NOW)
    write_snapshot(board, "html", now=NOW)
    _log_a_doubt(board, clock)
    page = write_snapshot(board, "html", now=LATER).read_text()
    text = write_snapshot(board, "md", now=LATER).read_text()
    assert _html_changes(page) == [
        f"New log entry on <strong>Customer support inbox</strong> (Doubts): {DOUBT}"
    ]
    assert _md_changes(text) == [f"- New log entry on **Customer support inbox** (Doubts): {DOUBT}"]
    assert f"**Customer support inbox**: {DOUBT}" in text  # and in the log of the period
    assert "Nothing logged in this period." not in text

    again = write_snapshot(board, "md", now=LATER + timedelta(hours=1)).read_text()
    assert _md_changes(again) == ["Nothing changed."]
    assert "Nothing logged in this period." in again


def test_first_snapshots_in_two_formats_show_the_same_period(board: BoardStore, clock: FrozenClock):
    _log_a_doubt(board, clock)
    page = write_snapshot(board, "html", now=LATER).read_text()
    text = write_snapshot(board, "md", now=LATER).read_text()
    assert "No earlier snapshot: this is the first one." in page
    assert "No earlier snapshot: this is the first one." in text
    assert f"**Customer support inbox**: {DOUBT}" in text
    assert DOUBT in page
    assert "Period: since 2026-11-23 14:05 UTC." in text  # the default week, not the page's


def test_an_older_single_state_file_is_the_baseline_of_every_format(
    board: BoardStore, clock: FrozenClock
):
    write_snapshot(board, "json", now=NOW)
    path = state_path(board.path)
    state = json.loads(path.read_text())
    old = {k: state[k] for k in ("format", "board_id", "as_of", "cards", "log")}
    path.write_text(json.dumps(old, indent=1) + "\n")  # as an older version writes it
    _log_a_doubt(board, clock)
    text = write_snapshot(board, "md", now=LATER).read_text()
    page = write_snapshot(board, "html", now=LATER).read_text()
    csv_text = write_snapshot(board, "csv", now=LATER).read_text("utf-8-sig")
    assert _md_changes(text) == [f"- New log entry on **Customer support inbox** (Doubts): {DOUBT}"]
    assert "Period: since 2026-11-23 14:05 UTC." in text
    assert _html_changes(page) == [
        f"New log entry on <strong>Customer support inbox</strong> (Doubts): {DOUBT}"
    ]
    assert "No earlier snapshot" not in csv_text
    json_data = json.loads(write_snapshot(board, "json", now=LATER).read_text())
    assert [e["text"] for e in json_data["since_last_snapshot"]["new_log"]] == [DOUBT]


def test_the_state_file_keeps_one_state_per_format(board: BoardStore, clock: FrozenClock):
    write_snapshot(board, "md", now=NOW)
    board.archive(IDS["payroll"])
    write_snapshot(board, "html", now=NOW + timedelta(hours=1))
    state = json.loads(state_path(board.path).read_text())
    assert state["shown_as"] == "html"
    assert state["as_of"] == "2026-11-23T15:05:00.000000Z"  # the latest, as older versions read
    assert IDS["payroll"] not in state["cards"]
    assert list(state["others"]) == ["md"]
    assert state["others"]["md"]["as_of"] == "2026-11-23T14:05:00.000000Z"
    assert IDS["payroll"] in state["others"]["md"]["cards"]
    text = write_snapshot(board, "md", now=NOW + timedelta(hours=2)).read_text()
    assert _md_changes(text) == ["- No longer on the board: **Payroll**"]


def test_since_always_wins(board: BoardStore, clock: FrozenClock):
    write_snapshot(board, "md", now=NOW)
    _log_a_doubt(board, clock)
    write_snapshot(board, "html", now=LATER)
    text = write_snapshot(board, "md", since=NOW - timedelta(days=30), now=LATER).read_text()
    assert "Period: since 2026-10-24 14:05 UTC." in text
    assert f"**Customer support inbox**: {DOUBT}" in text


@pytest.mark.parametrize(
    "extra",
    [
        {"shown_as": "md", "others": "not a dict"},
        {"shown_as": "md", "others": {"html": "[[["}},
        {"shown_as": "md", "others": {"html": {"format": "delegate-snapshot-state/1"}}},
        {"shown_as": ["md"], "others": {"html": {"board_id": "someone-else"}}},
        {"shown_as": "md", "others": {"html": json.loads("[" * 500 + "]" * 500)}},
    ],
    ids=["others-not-a-dict", "a-string", "no-cards", "another-board", "nested-deep"],
)
def test_a_damaged_baseline_means_a_first_snapshot_in_that_format(
    board: BoardStore, extra: dict[str, object]
):
    write_snapshot(board, "md", now=NOW)
    path = state_path(board.path)
    path.write_text(json.dumps({**json.loads(path.read_text()), **extra}))
    page = write_snapshot(board, "html", now=LATER).read_text()
    assert "No earlier snapshot: this is the first one." in page
    state = json.loads(path.read_text())
    assert state["shown_as"] == "html"
    assert set(state["others"]) <= {"md"}  # only what read cleanly is written back
    if extra["shown_as"] == "md":
        assert state["others"]["md"]["as_of"] == "2026-11-23T14:05:00.000000Z"


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(sorted(FORMATS)), min_size=1, max_size=8))
def test_each_format_compares_with_its_own_last_snapshot(formats: list[str]):
    with tempfile.TemporaryDirectory() as folder:
        board = build_board(Path(folder) / "acme.json", FrozenClock(NOW))
        last: dict[str, object] = {}
        for step, fmt in enumerate(formats):
            moment = NOW + timedelta(hours=step)
            write_snapshot(board, fmt, out=Path(folder), now=moment)
            last[fmt] = moment
        for fmt in FORMATS:
            previous = read_previous(board, fmt)
            assert (previous.as_of if previous else None) == last.get(fmt)
