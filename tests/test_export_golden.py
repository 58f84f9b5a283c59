"""Golden-file tests of the four snapshot formats on a fixed board with a frozen clock.

Regenerate the golden files after an intended change with
`DELEGATE_REGEN_GOLDEN=1 python3 -m pytest tests/test_export_golden.py`, then read the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.snapshots.write import FORMATS, write_snapshot
from tests.conftest import FrozenClock

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("DELEGATE_REGEN_GOLDEN") == "1"

T0 = datetime(2026, 9, 21, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
"""The moment of the golden snapshots: a Monday afternoon; the period starts a week before."""

HOSTILE = '<script>alert(1)</script> | # =HYPERLINK("x")'
HOSTILE_CADENCE = '=cmd|"/C calc"!A0 <b>every</b> & week'
"""A cadence no version can read (a hand edit): kept as text, never scheduled."""
SECRET_NOTES = ("Sees salaries; NDA signed in January", "Payslip summary on the 28th")
"""The provider's confidentiality and reporting notes: they must never reach a snapshot."""

IDS = {
    "invoicing": "c0000001-0000-4000-8000-000000000001",
    "support": "c0000002-0000-4000-8000-000000000002",
    "orders": "c0000003-0000-4000-8000-000000000003",
    "payroll": "c0000004-0000-4000-8000-000000000004",
    "hostile": "c0000005-0000-4000-8000-000000000005",
}


def build_board(path: Path, clock: FrozenClock | None = None) -> BoardStore:
    """The fixed board: five cards with standards, moves and log entries over nine weeks."""
    clock = clock or FrozenClock(T0)
    clock.now = T0
    store = BoardStore(path, Identity("alice", "dev-alice"), clock=clock)
    rows = [
        {"title": "Invoicing", "stage": "delegating", "owner": "Marie", "hours_per_week": 3.0},
        {"title": "Customer support inbox", "owner": "Paul", "hours_per_week": 6.0},
        {"title": "Supplier orders", "hours_per_week": 2.0, "area": "logistics"},
        {
            "title": "Payroll",
            "stage": "team-owned",
            "owner": "PayFlow Ltd",
            "hours_per_week": 1.5,
        },
        {"title": HOSTILE, "owner": "@SUM(1+1)", "hours_per_week": 1.0},
    ]
    store.add_many(rows, ids=list(IDS.values()))
    first = store.add_item(IDS["invoicing"], "standards", text="Invoices out by the 5th")
    store.add_item(IDS["invoicing"], "standards", text="Check the *sent* folder before sending")
    store.edit_item(IDS["invoicing"], "standards", first, done=True)
    # The insight fields: Invoicing's fortnightly check-in is overdue since Nov 16; Support's
    # monthly one counts from its move on Nov 10, so it is next due Dec 10.
    store.edit(
        IDS["invoicing"],
        level=3,
        target_level=6,
        reason="repetitive",
        checkin="every 2 weeks",
        checked_in_at="2026-11-02T09:00:00.000000Z",
    )
    store.edit(IDS["support"], absence="stops", level=2, target_level=5, checkin="monthly")
    store.edit(IDS["orders"], absence="runs", reason="low-value")
    store.edit(
        IDS["payroll"],
        absence="runs",
        level=7,
        provider=True,
        confidentiality=SECRET_NOTES[0],
        reporting=SECRET_NOTES[1],
    )
    store.edit(IDS["hostile"], reason="emergency", checkin=HOSTILE_CADENCE)
    clock.now = datetime(2026, 11, 10, 10, 0, tzinfo=UTC)
    store.move(IDS["support"], "delegating")
    store.log(IDS["support"], "efficiency-loss", "Replies take two days instead of one")
    clock.now = datetime(2026, 11, 18, 16, 30, tzinfo=UTC)
    store.log(
        IDS["invoicing"],
        "error",
        "Sent the October invoices twice; Marie now checks the sent folder first",
    )
    clock.now = datetime(2026, 11, 19, 8, 15, tzinfo=UTC)
    store.log(IDS["hostile"], "doubt", "**Am I** the only one who knows _this_? <b>|</b>")
    clock.now = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)
    store.move(IDS["orders"], "delegating")
    store.log(IDS["support"], "adjustment", "Paul answers refunds up to 200 EUR himself")
    clock.now = NOW
    return store


@pytest.fixture
def golden_store(tmp_path: Path) -> BoardStore:
    return build_board(tmp_path / "acme.json")


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def normalise_ids(text: str) -> str:
    """Random ids (board id, log entry ids) become <id-1>, <id-2>… in order of appearance;
    the fixed card ids stay as they are."""
    seen: dict[str, str] = {}

    def name(match: re.Match[str]) -> str:
        found = match[0]
        if found in IDS.values():
            return found
        return seen.setdefault(found, f"<id-{len(seen) + 1}>")

    return _UUID.sub(name, text)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    text = normalise_ids(text)
    if REGENERATE:
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"missing {path}: run with DELEGATE_REGEN_GOLDEN=1 once"
    assert text == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_each_format_matches_its_golden_file(golden_store: BoardStore, tmp_path: Path, fmt: str):
    out = tmp_path / f"snapshot{FORMATS[fmt][0]}"
    written = write_snapshot(golden_store, fmt, out=out, now=NOW)
    assert written == out
    check_golden(f"snapshot{FORMATS[fmt][0]}", out.read_bytes().decode("utf-8"))


def test_golden_markdown_says_what_a_snapshot_must_say(golden_store: BoardStore, tmp_path: Path):
    """The parts the issue lists, checked by name so a bad regeneration cannot hide them."""
    text = write_snapshot(golden_store, "md", out=tmp_path / "s.md", now=NOW).read_text()
    assert text.startswith("# Status snapshot: acme\n")
    assert "As of 2026-11-23 14:05 UTC. Period: since 2026-11-16 14:05 UTC." in text
    assert "| Only me | 1 | 1 |" in text
    assert "| Delegating | 3 | 11 |" in text  # 3 h + 6 h + 2 h
    assert "| Team-owned | 1 | 1.5 |" in text
    assert "| Invoicing | Marie | *struggles* | 3→6 | 1/2 | 63 days | 3 |" in text  # implied
    assert "| Customer support inbox | Paul | stops | 2→5 | 0/0 | 13 days | 6 |" in text
    assert "| Supplier orders | — | runs | — | 0/0 | 3 days | 2 |" in text
    assert "| Payroll | PayFlow Ltd (provider) | runs | 7 | 0/0 | 63 days | 1.5 |" in text
    assert (
        "## Check-ins overdue\n\n"
        "- **Invoicing**, Marie: every 2 weeks, due 2026-11-16 (7 days overdue)\n\n## "
    ) in text  # Support's monthly check-in (Dec 10) is not due; the hostile cadence is unreadable
    assert "## Delegating for more than 4 weeks\n\n- **Invoicing**, Marie: 63 days\n" in text
    assert "### Errors (1)\n\n- 2026-11-18 · **Invoicing**: Sent the October" in text
    assert "Efficiency dips" not in text  # logged on Nov 10, before the period
    assert "- 2026-11-20 · **Supplier orders**: Only me → Delegating (alice)" in text
    assert "Customer support inbox**: Only me" not in text  # moved before the period


def test_golden_json_and_csv_carry_the_insight_fields(golden_store: BoardStore, tmp_path: Path):
    data = json.loads(
        write_snapshot(golden_store, "json", out=tmp_path / "s.json", now=NOW).read_text()
    )
    assert data["format"] == "delegate-snapshot/2"
    assert "absence_test" not in data
    assert data["absence"]["scenario"] == 1
    assert [c["id"] for c in data["absence"]["cards"]] == [IDS["support"], IDS["hostile"]]
    keys = ["absence", "absence_set", "level", "target_level", "reason", "provider"]
    keys += ["checkin", "next_checkin", "checkin_overdue"]
    cards = {c["id"]: [c[k] for k in keys] for c in data["cards"]}
    assert cards == {
        IDS["hostile"]: ["stops", False, None, None, "emergency", False, HOSTILE_CADENCE, None, False],
        IDS["invoicing"]: [
            "struggles", False, 3, 6, "repetitive", False,
            "every 2 weeks", "2026-11-16T09:00:00+00:00", True,
        ],
        IDS["support"]: [
            "stops", True, 2, 5, None, False, "monthly", "2026-12-10T10:00:00+00:00", False
        ],
        IDS["orders"]: ["runs", True, None, None, "low-value", False, None, None, False],
        IDS["payroll"]: ["runs", True, 7, None, None, True, None, None, False],
    }  # fmt: skip
    assert data["overdue_checkins"] == [IDS["invoicing"]]
    text = write_snapshot(golden_store, "csv", out=tmp_path / "s.csv", now=NOW).read_text(
        "utf-8-sig"
    )
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert [rows[IDS["invoicing"]][k] for k in keys] == [
        "struggles", "no", "3", "6", "repetitive", "no", "every 2 weeks", "2026-11-16 09:00", "yes"
    ]  # fmt: skip
    assert [rows[IDS["payroll"]][k] for k in keys] == [
        "runs", "yes", "7", "", "", "yes", "", "", "no"
    ]  # fmt: skip
    assert rows[IDS["hostile"]]["checkin"] == "'" + HOSTILE_CADENCE  # a formula in a spreadsheet


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_provider_notes_never_reach_a_snapshot(golden_store: BoardStore, tmp_path: Path, fmt: str):
    """Snapshots go to outsiders; the confidentiality and reporting notes stay on the board."""
    assert golden_store.card(IDS["payroll"]).confidentiality == SECRET_NOTES[0]
    text = write_snapshot(golden_store, fmt, out=tmp_path / f"s.{fmt}", now=NOW).read_text()
    for note in SECRET_NOTES:  # no character in them that any format escapes
        assert note not in text
    assert "NDA" not in text and "Payslip" not in text
    assert "confidential" not in text.lower() and "reporting" not in text.lower()


def test_no_overdue_section_once_checked_in(golden_store: BoardStore, tmp_path: Path):
    golden_store.edit(IDS["invoicing"], checked_in_at="2026-11-20T09:00:00.000000Z")
    text = write_snapshot(golden_store, "md", out=tmp_path / "s.md", now=NOW).read_text()
    assert "Check-ins overdue" not in text
    assert "## Delegating for more than 4 weeks\n\n- **Invoicing**, Marie: 63 days\n\n## Tr" in text
    page = write_snapshot(golden_store, "html", out=tmp_path / "s.html", now=NOW).read_text()
    assert "Check-ins overdue" not in page
    data = json.loads(
        write_snapshot(golden_store, "json", out=tmp_path / "s.json", now=NOW).read_text()
    )
    invoicing = next(c for c in data["cards"] if c["id"] == IDS["invoicing"])
    assert (invoicing["next_checkin"], invoicing["checkin_overdue"]) == (
        "2026-12-04T09:00:00+00:00",
        False,
    )
    assert data["overdue_checkins"] == []
