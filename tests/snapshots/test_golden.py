"""Golden-file tests of the four snapshot formats on a fixed board with a frozen clock.

Regenerate the golden files after an intended change with
`DELEGATE_REGEN_GOLDEN=1 python3 -m pytest tests/snapshots/test_golden.py`, then read the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.snapshots.write import FORMATS, write_snapshot
from tests.kit.sample_board import HOSTILE_CADENCE, IDS, NOW, SECRET_NOTES, build_board

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("DELEGATE_REGEN_GOLDEN") == "1"


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
