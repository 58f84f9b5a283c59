"""What changed since the last snapshot: each export records what it showed, and the next one
in the same format lists exactly the new cards, the moves and the new log entries."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.snapshots.write import FORMATS, state_path, write_snapshot
from tests.kit.basics import FrozenClock
from tests.kit.sample_board import IDS, NOW, build_board

LATER = NOW + timedelta(days=7)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def board(tmp_path: Path, clock: FrozenClock) -> BoardStore:
    return build_board(tmp_path / "acme.json", clock)


def _change_the_board(board: BoardStore, clock: FrozenClock) -> tuple[str, str]:
    """One new card, one move, one new log entry; returns the new card's and entry's ids."""
    clock.now = NOW + timedelta(days=2)
    new_id = board.add("Quarterly VAT return", owner="Marie", hours_per_week=1).id
    board.move(IDS["invoicing"], "team-owned")
    entry = board.log(IDS["support"], "doubt", "Is Paul ready for the big accounts?")
    clock.now = LATER
    return new_id, entry


def _section(markdown: str, heading: str) -> list[str]:
    body = markdown.split(heading, 1)[1].split("\n## ", 1)[0]
    return [line for line in body.splitlines() if line.strip()]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_second_snapshot_lists_exactly_what_changed(
    board: BoardStore, clock: FrozenClock, tmp_path: Path, fmt: str
):
    first = write_snapshot(board, "md", now=NOW)
    assert "No earlier snapshot: this is the first one." in first.read_text()
    if fmt != "md":
        write_snapshot(board, fmt, now=NOW)  # each format compares with its own previous one
    new_id, entry_id = _change_the_board(board, clock)
    second = write_snapshot(board, fmt, now=LATER)
    text = second.read_text("utf-8-sig")
    assert second.parent == first.parent == tmp_path / "snapshots"

    if fmt == "md":
        assert _section(text, "## Since the last snapshot (2026-11-23 14:05 UTC)") == [
            "- New card: **Quarterly VAT return** (Only me)",
            "- Moved: **Invoicing**, Delegating → Team-owned",
            "- New log entry on **Customer support inbox** (Doubts): "
            "Is Paul ready for the big accounts?",
        ]
        assert "Period: since 2026-11-23 14:05 UTC." in text  # from the previous snapshot
    elif fmt == "html":
        section = text.split("<h2>Since the last snapshot (2026-11-23 14:05 UTC)</h2>")[1]
        items = re.findall(r"<li>(.*?)</li>", section.split("</section>")[0])
        assert items == [
            "New card: <strong>Quarterly VAT return</strong> (Only me)",
            "Moved: <strong>Invoicing</strong>, Delegating → Team-owned",
            "New log entry on <strong>Customer support inbox</strong> (Doubts): "
            "Is Paul ready for the big accounts?",
        ]
    elif fmt == "json":
        data = json.loads(text)
        changes = data["since_last_snapshot"]
        assert changes["previous_as_of"] == "2026-11-23T14:05:00+00:00"
        assert changes["new_cards"] == [new_id]
        assert changes["moved"] == [
            {
                "card_id": IDS["invoicing"],
                "card_title": "Invoicing",
                "from": "delegating",
                "to": "team-owned",
            }
        ]
        assert [(e["id"], e["kind"]) for e in changes["new_log"]] == [(entry_id, "doubt")]
        assert changes["gone"] == []
        assert data["period"]["since"] == "2026-11-23T14:05:00+00:00"
    else:
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
        marked = {i: r["since_last_snapshot"] for i, r in rows.items() if r["since_last_snapshot"]}
        assert marked == {new_id: "new", IDS["invoicing"]: "moved from delegating"}
        assert rows[IDS["support"]]["log_entries_in_period"] == "1"


def test_nothing_changed_and_a_card_archived(board: BoardStore, clock: FrozenClock):
    write_snapshot(board, "md", now=NOW)
    again = write_snapshot(board, "md", now=NOW + timedelta(hours=1)).read_text()
    assert _section(again, "## Since the last snapshot (2026-11-23 14:05 UTC)") == [
        "Nothing changed."
    ]
    board.archive(IDS["payroll"])
    third = write_snapshot(board, "md", now=NOW + timedelta(hours=2)).read_text()
    assert _section(third, "## Since the last snapshot (2026-11-23 15:05 UTC)") == [
        "- No longer on the board: **Payroll**"
    ]


def test_an_older_entry_merged_in_later_still_counts_as_new(
    board: BoardStore, clock: FrozenClock, tmp_path: Path
):
    """Bob's machine logged before the snapshot but synced after: it is new to the reader."""
    bob_clock = FrozenClock(NOW - timedelta(days=1))
    bob = BoardStore(board.path, Identity("bob", "dev-bob"), clock=bob_clock)
    write_snapshot(board, "json", now=NOW)
    bob.log(IDS["payroll"], "adjustment", "The provider now sends payslips on the 28th")
    assert set(board.reload()) == {IDS["payroll"]}
    data = json.loads(write_snapshot(board, "json", now=LATER).read_text())
    new_log = data["since_last_snapshot"]["new_log"]
    assert [(e["card_title"], e["by"], e["at"]) for e in new_log] == [
        ("Payroll", "bob", "2026-11-22T14:05:00+00:00")
    ]


def test_state_records_what_the_snapshot_showed(board: BoardStore, tmp_path: Path):
    write_snapshot(board, "csv", out=tmp_path / "elsewhere.csv", now=NOW)
    state = json.loads(state_path(board.path).read_text())
    assert state_path(board.path) == tmp_path / "snapshots" / ".acme.last-snapshot.json"
    assert state["format"] == "delegate-snapshot-state/1"
    assert state["board_id"] == board.board_id
    assert state["as_of"] == "2026-11-23T14:05:00.000000Z"
    assert {k: v["stage"] for k, v in state["cards"].items()} == {
        IDS["invoicing"]: "delegating",
        IDS["support"]: "delegating",
        IDS["orders"]: "delegating",
        IDS["payroll"]: "team-owned",
        IDS["hostile"]: "only-me",
    }
    assert len(state["log"]) == 4
    assert sorted(p.name for p in (tmp_path / "snapshots").iterdir()) == [
        ".acme.last-snapshot.json"
    ]


@pytest.mark.parametrize(
    "content",
    ["not json", '{"format": "delegate-snapshot-state/1"}', "[1, 2]", "[" * 100_000],
    ids=["not-json", "no-cards", "a-list", "nested-deep"],
)
def test_unreadable_state_means_a_first_snapshot(board: BoardStore, content: str):
    path = state_path(board.path)
    path.parent.mkdir()
    path.write_text(content)
    text = write_snapshot(board, "md", now=NOW).read_text()
    assert "No earlier snapshot: this is the first one." in text
    assert json.loads(path.read_text())["board_id"] == board.board_id


def test_a_state_entry_in_an_unknown_stage_is_not_reported_as_a_move(board: BoardStore):
    write_snapshot(board, "md", now=NOW)
    path = state_path(board.path)  # in the shared folder: anyone may have written it
    state = json.loads(path.read_text())
    state["cards"][IDS["orders"]]["stage"] = "done"
    path.write_text(json.dumps(state))
    text = write_snapshot(board, "md", now=LATER).read_text()
    assert "done" not in text


def test_state_of_another_board_is_ignored(board: BoardStore, tmp_path: Path):
    write_snapshot(board, "md", now=NOW)
    path = state_path(board.path)
    state = json.loads(path.read_text())
    path.write_text(json.dumps({**state, "board_id": "someone-else"}))
    text = write_snapshot(board, "md", now=LATER).read_text()
    assert "No earlier snapshot: this is the first one." in text
    assert "Period: since 2026-11-23 14:05 UTC." in text  # the default week before LATER


def test_readme_excerpt_is_real_output(board: BoardStore, clock: FrozenClock):
    """The excerpt in docs/snapshots.md is this scenario's second snapshot, lines left out only."""
    write_snapshot(board, "md", now=NOW)
    clock.now = NOW + timedelta(days=2)
    board.add("Quarterly VAT return", owner="Marie", hours_per_week=1)
    board.move(IDS["orders"], "team-owned")
    board.log(IDS["support"], "doubt", "Is Paul ready for the big accounts?")
    board.archive(IDS["payroll"])
    text = write_snapshot(board, "md", now=NOW + timedelta(days=3, hours=2)).read_text()
    readme = (Path(__file__).parents[2] / "docs" / "snapshots.md").read_text()
    after = readme.split("An excerpt of a Markdown snapshot", 1)[1]
    excerpt = after.split("```markdown\n", 1)[1].split("```", 1)[0]
    assert excerpt.startswith("# Status snapshot: acme\n")
    lines = text.splitlines()
    position = 0
    for line in excerpt.splitlines():
        position = lines.index(line, position) + (1 if line else 0)


def test_a_restored_card_comes_back_without_its_old_log_counted_as_new(
    board: BoardStore, clock: FrozenClock
):
    write_snapshot(board, "json", now=NOW)
    board.archive(IDS["invoicing"])
    write_snapshot(board, "json", now=NOW + timedelta(hours=1))
    board.archive(IDS["invoicing"], archived=False)
    data = json.loads(write_snapshot(board, "json", now=NOW + timedelta(hours=2)).read_text())
    changes = data["since_last_snapshot"]
    assert changes["new_cards"] == [] and changes["back"] == [IDS["invoicing"]]  # (issue 14)
    assert changes["new_log"] == []
