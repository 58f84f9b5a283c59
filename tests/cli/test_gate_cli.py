"""The readiness gate on the command line: `move … team-owned` and `add --stage team-owned` refuse
a card that is not ready (one line naming each gap, exit 1, the file unchanged), `--force` moves
it anyway and the history entry says so, in the file and in `show`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.core.readiness import ABSENCE_STOPS, NO_OWNER, NO_STANDARD
from tests.cli.test_bad_input import refused
from tests.kit.basics import file_hash

CARD = "abcd0000-0000-4000-8000-000000000001"


def history_entries(board: Path) -> list[dict[str, object]]:
    cards = json.loads(board.read_text(encoding="utf-8"))["cards"]
    return list(cards[CARD].get("history", {}).values())


def make(store: BoardStore, owner: str = "Marie", steps: tuple[bool, ...] = (True,),
         absence: str = "") -> None:  # fmt: skip
    store.add_many([{"title": "Invoicing", "owner": owner, "absence": absence}], ids=[CARD])
    for n, done in enumerate(steps):
        item = store.add_item(CARD, "standards", text=f"Step {n}")
        if done:
            store.edit_item(CARD, "standards", item, done=True)
    store.flush()


@pytest.mark.parametrize(
    ("owner", "steps", "absence", "words"),
    [
        ("", (True,), "", [NO_OWNER]),
        ("Marie", (), "", [NO_STANDARD]),
        ("Marie", (True, False, False), "", ["2 work standards not ticked"]),
        ("Marie", (True,), "stops", [ABSENCE_STOPS]),
        ("", (), "stops", [f"{NO_OWNER}, {NO_STANDARD} and {ABSENCE_STOPS}"]),
    ],
)
def test_move_refuses_a_card_that_is_not_ready_naming_each_gap(
    run_cli, store, board_path, owner, steps, absence, words
):
    make(store, owner, steps, absence)
    before = file_hash(board_path)
    result = run_cli("move", "abcd", "team-owned")
    refused(
        result, board_path, before, "'Invoicing' is not ready for team-owned", "--force", *words
    )


def test_move_of_a_ready_card_passes_and_is_not_marked_forced(run_cli, store, board_path):
    make(store, absence="runs")
    result = run_cli("move", "abcd", "team-owned")
    assert result.code == 0 and result.err == "", result.err
    assert [e.get("forced") for e in history_entries(board_path)] == [None]


def test_force_on_a_ready_card_is_fine_and_not_marked(run_cli, store, board_path):
    make(store)
    result = run_cli("move", "abcd", "team-owned", "--force")
    assert result.code == 0, result.err
    assert "forced" not in history_entries(board_path)[0]


def test_force_moves_a_card_that_is_not_ready_and_the_history_says_so(run_cli, store, board_path):
    make(store, owner="", steps=())
    result = run_cli("move", "abcd", "team-owned", "--force")
    assert result.code == 0 and result.out == "moved abcd0000 to team-owned\n", result.err
    (entry,) = history_entries(board_path)
    assert entry["forced"] is True and entry["to"] == "team-owned"
    shown = run_cli("show", "abcd").out
    assert "only-me -> team-owned  — " in shown and "(forced: it was not ready)\n" in shown
    as_json = json.loads(run_cli("show", "abcd", "--json").out)
    assert [h.get("forced") for h in as_json["history"]] == [None, True]
    assert run_cli("check").code == 0


def test_moves_to_other_stages_are_not_gated(run_cli, store, board_path):
    make(store, owner="", steps=())
    assert run_cli("move", "abcd", "delegating").code == 0
    assert run_cli("move", "abcd", "only-me").code == 0


def test_add_to_team_owned_refuses_then_force_adds_a_forced_creation(run_cli, board_path):
    run_cli("add", "Payroll")
    before = file_hash(board_path)
    result = run_cli("add", "Orders", "--stage", "team-owned", "--owner", "Karim")
    refused(result, board_path, before, "'Orders' is not ready", NO_STANDARD)
    result = run_cli("add", "Orders", "--stage", "team-owned", "--owner", "Karim", "--force")
    assert result.code == 0, result.err
    cards = json.loads(board_path.read_text(encoding="utf-8"))["cards"]
    (orders,) = [c for c in cards.values() if c["title"] == "Orders"]
    (entry,) = orders["history"].values()
    assert entry["forced"] is True and entry["from"] is None and entry["to"] == "team-owned"
    listed = json.loads(run_cli("list", "--stage", "team-owned", "--json").out)
    assert [h["from"] for h in listed[0]["history"]] == [None]
    assert run_cli("check").code == 0


def test_a_forced_entry_survives_a_merge(store, board_path, tmp_path, run_cli):
    make(store, owner="")
    copy = tmp_path / "board.sync-conflict-20261102-100000-ABCDEFG.json"
    copy.write_bytes(board_path.read_bytes())
    assert run_cli("move", "abcd", "team-owned", "--force").code == 0
    ours = history_entries(board_path)
    assert run_cli("move", "abcd", "delegating", board=copy).code == 0
    assert run_cli("check").code == 0
    merged = history_entries(board_path)
    assert ours[0] in merged and len(merged) == 2


def test_status_check_and_import_name_team_owned_cards_that_are_not_ready(
    run_cli, store, board_path, tmp_path
):
    make(store)  # ready
    assert run_cli("move", "abcd", "team-owned").code == 0
    csv = tmp_path / "list.csv"
    csv.write_text(
        "title,stage,owner,hours_per_week,area\n"
        "Stock count,team-owned,Ana,1,\nPayroll,team-owned,,2,\nQuotes,only-me,,1,\n",
        encoding="utf-8",
    )
    result = run_cli("import", str(csv))
    assert result.code == 0, result.err
    assert result.out == (
        "imported 3 cards from " + str(csv) + "\n"
        "2 of them team-owned but not ready: see 'delegate status'\n"
    )
    cards = {c["title"]: c["stage"] for c in json.loads(run_cli("list", "--json").out)}
    assert cards["Stock count"] == cards["Payroll"] == "team-owned"  # kept: an existing list
    before = file_hash(board_path)
    data = json.loads(run_cli("status", "--json").out)
    assert [(c["title"], c["missing"]) for c in data["not_ready"]] == [
        ("Stock count", [NO_STANDARD]),
        ("Payroll", [NO_OWNER, NO_STANDARD]),
    ]
    text = run_cli("status").out
    assert "Team-owned but not ready:\n  Stock count (no work standard)\n" in text
    assert "  Payroll (no owner and no work standard)" in text and "Invoicing (" not in text
    assert file_hash(board_path) == before
    checked = run_cli("check")
    assert checked.code == 0
    assert "Team-owned but not ready:\n  Stock count (no work standard)\n" in checked.out


def test_status_json_has_an_empty_not_ready_list_when_all_are_ready(run_cli, store):
    make(store)
    assert run_cli("move", "abcd", "team-owned").code == 0
    assert json.loads(run_cli("status", "--json").out)["not_ready"] == []
    assert "not ready" not in run_cli("status").out + run_cli("check").out
