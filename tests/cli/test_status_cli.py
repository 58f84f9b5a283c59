"""`delegate status [--json]` and the insight options of `delegate edit`, on a real board."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.cli import status as status_cli
from delegate_tui.core.times import format_time
from tests.kit.basics import START, FrozenClock, file_hash


@pytest.fixture
def board(store: BoardStore, clock: FrozenClock) -> BoardStore:
    payroll = store.add("Payroll", hours_per_week=4, reason="emergency")
    store.add("Orders", hours_per_week=5, reason="repetitive")
    calls = store.add("Supplier [b]calls[/b]", hours_per_week=2)
    clock.advance(days=7)
    store.move(calls.id, "team-owned")
    store.move(payroll.id, "delegating")
    store.edit(payroll.id, checkin="weekly")
    clock.advance(days=10)
    return store


def test_summary_names_the_verdict_and_the_figures(board: BoardStore) -> None:
    text = status_cli.summary(status_cli.status(board), "shop")
    lines = text.splitlines()
    assert lines[0] == "shop: 3 cards, 11h a week in all"
    assert lines[1].split() == ["Only", "me", "1", "card", "5h"]
    assert lines[3].split() == ["Team-owned", "1", "card", "2h"]
    assert "Two weeks away: scenario 1 — everything stops" in lines
    assert "  - Orders (stops, only-me, 5h)" in lines
    assert "Bought back: 2h a week (18% of all hours); 4h being handed over" in lines
    assert "  week by week: 0h → 2h → 2h" in lines
    assert "  1. Orders (repetitive, 5h)" in lines
    assert "Delegating for:" in lines and "       10 days  Payroll" in lines
    assert "  Payroll (weekly, due 2026-11-16, 3 days late)" in lines


def test_summary_of_an_empty_board(store: BoardStore) -> None:
    text = status_cli.summary(status_cli.status(store))
    assert text.splitlines()[0] == "0 cards, 0h a week in all"
    assert "Two weeks away: not known yet: the board has no cards" in text
    assert "Delegate next" not in text and "overdue" not in text


def test_status_uses_the_stores_clock(board: BoardStore, clock: FrozenClock) -> None:
    assert status_cli.status(board).now == clock() == START + timedelta(days=17)


def test_status_json_from_the_command_line(run_cli, board_path: Path) -> None:
    run_cli("add", "Payroll", "--hours", "4")
    run_cli("add", "Orders", "--stage", "team-owned", "--hours", "1.5", "--force")
    before = file_hash(board_path)
    result = run_cli("status", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    for stage, hours in [("only-me", 4.0), ("delegating", 0.0), ("team-owned", 1.5)]:
        assert data[stage]["hours_per_week"] == hours
    assert data["absence"]["scenario"] == 1
    assert data["absence"]["label"] == "everything stops"
    assert [c["title"] for c in data["absence"]["cards"]] == ["Payroll"]
    assert data["bought_back"]["hours_per_week"] == 1.5
    assert [c["title"] for c in data["priority"]] == ["Payroll"]
    assert data["overdue_checkins"] == [] and len(data["flow"]) == 1
    assert file_hash(board_path) == before  # status only reads


def test_plain_status_and_a_missing_board(run_cli, board_path: Path, tmp_path: Path) -> None:
    run_cli("add", "Payroll", "--hours", "4")
    result = run_cli("status")
    assert result.code == 0 and result.err == ""
    assert "scenario 1 — everything stops" in result.out
    missing = tmp_path / "none.json"
    empty = run_cli("status", board=missing)
    assert empty.code == 0 and "not known yet" in empty.out
    assert not missing.exists()


def test_edit_sets_every_insight_field(run_cli, board_path: Path) -> None:
    card = json.loads(run_cli("add", "Bookkeeping", "--json").out)
    result = run_cli(
        "edit",
        card["id"][:6],
        "--absence",
        "struggles",
        "--level",
        "consult",
        "--target-level",
        "6",
        "--reason",
        "standardized",
        "--provider",
        "--confidentiality",
        "sees invoices, not salaries",
        "--reporting",
        "a monthly summary by mail",
        "--checkin",
        "every 2 weeks",
        "--checked-in",
        "2026-10-30",
    )
    assert result.code == 0, result.err
    stored = json.loads(board_path.read_text())["cards"][card["id"]]
    assert {k: stored[k] for k in ("absence", "level", "target_level", "reason", "provider")} == {
        "absence": "struggles",
        "level": 3,
        "target_level": 6,
        "reason": "standardised",
        "provider": True,
    }
    assert stored["checkin"] == "every 2 weeks"
    assert stored["checked_in_at"] == "2026-10-30T00:00:00.000000Z"
    assert stored["confidentiality"] == "sees invoices, not salaries"
    assert set(stored["_stamps"]) >= {"absence", "level", "checkin", "checked_in_at", "provider"}
    shown = json.loads(run_cli("show", card["id"][:6], "--json").out)
    assert (shown["level"], shown["reporting"]) == (3, "a monthly summary by mail")
    cleared = run_cli("edit", card["id"][:6], "--no-provider", "--level", "none", "--checkin", "")
    assert cleared.code == 0, cleared.err
    shown = json.loads(run_cli("show", card["id"][:6], "--json").out)
    assert (shown["provider"], shown["level"], shown["checkin"]) == (False, None, None)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--absence", "maybe", "unknown absence answer 'maybe'"),
        ("--level", "8", "unknown delegation level '8'"),
        ("--target-level", "boss", "unknown delegation level 'boss'"),
        ("--reason", "fun", "unknown delegation reason 'fun'"),
        ("--checkin", "now and then", "can't read the cadence 'now and then'"),
        ("--checked-in", "someday", "can't read the date 'someday'"),
    ],
)
def test_edit_refuses_bad_values_and_leaves_the_file_alone(
    run_cli, board_path: Path, option: str, value: str, message: str
) -> None:
    card = json.loads(run_cli("add", "Bookkeeping", "--json").out)
    before = file_hash(board_path)
    result = run_cli("edit", card["id"][:6], "--absence", "runs", option, value)
    assert result.code == 1
    assert result.err.count("\n") == 1 and message in result.err
    assert "Traceback" not in result.err
    assert file_hash(board_path) == before


def test_checked_in_relative_to_now(board_path: Path, alice, clock: FrozenClock) -> None:
    """`--checked-in '3 days ago'` is read against the store's clock."""
    from delegate_tui.cli import cards as cards_cli
    from delegate_tui.cli import main as cli

    store = BoardStore(board_path, alice, clock=clock)
    card = store.add("Bookkeeping")
    args = cli.build_parser().parse_args(["edit", card.id, "--checked-in", "3 days ago"])
    assert cards_cli.cmd_edit(args, store) == 0
    assert store.card(card.id).checked_in_at == format_time(START - timedelta(days=3))


def test_show_gives_the_next_checkin(run_cli) -> None:
    card = json.loads(run_cli("add", "Bookkeeping", "--json").out)
    run_cli("edit", card["id"][:6], "--checkin", "weekly", "--checked-in", "2020-01-06")
    shown = run_cli("show", card["id"][:6]).out
    assert "check-ins    weekly, last 2020-01-06, next 2020-01-13 (overdue)" in shown
