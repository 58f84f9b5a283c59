"""Golden-file tests of the four snapshot formats on a fixed board with a frozen clock.

Regenerate the golden files after an intended change with
`DELEGATE_REGEN_GOLDEN=1 python3 -m pytest tests/test_export_golden.py`, then read the diff.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from delegate_tui.export.write import FORMATS, write_snapshot
from delegate_tui.records import Identity
from delegate_tui.store import BoardStore
from tests.conftest import FrozenClock

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("DELEGATE_REGEN_GOLDEN") == "1"

T0 = datetime(2026, 9, 21, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
"""The moment of the golden snapshots: a Monday afternoon; the period starts a week before."""

HOSTILE = '<script>alert(1)</script> | # =HYPERLINK("x")'

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
            "owner": "Office manager (provider)",
            "hours_per_week": 1.5,
        },
        {"title": HOSTILE, "owner": "@SUM(1+1)", "hours_per_week": 1.0},
    ]
    store.add_many(rows, ids=list(IDS.values()))
    first = store.add_item(IDS["invoicing"], "standards", text="Invoices out by the 5th")
    store.add_item(IDS["invoicing"], "standards", text="Check the *sent* folder before sending")
    store.edit_item(IDS["invoicing"], "standards", first, done=True)
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
    assert "| Invoicing | Marie | 1/2 | 63 days | 3 |" in text
    assert "## Delegating for more than 4 weeks\n\n- **Invoicing**, Marie: 63 days\n" in text
    assert "### Errors (1)\n\n- 2026-11-18 · **Invoicing**: Sent the October" in text
    assert "Efficiency dips" not in text  # logged on Nov 10, before the period
    assert "- 2026-11-20 · **Supplier orders**: Only me → Delegating (alice)" in text
    assert "Customer support inbox**: Only me" not in text  # moved before the period
