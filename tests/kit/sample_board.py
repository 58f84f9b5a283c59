"""Provides the fixed board of the golden snapshots (and of the tests that read exports): a
small business's cards with every kind of field, hostile text included, at frozen times."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from tests.kit.basics import FrozenClock

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
