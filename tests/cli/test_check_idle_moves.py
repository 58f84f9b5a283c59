"""`delegate check` finds history entries from a stage to itself (the fake moves older undo
wrote) and retracts them: the card's history and age read as before, other cards untouched."""

from __future__ import annotations

import json
from pathlib import Path

from delegate_tui.board.store import BoardStore
from tests.kit.basics import file_hash

FAKE = {"at": "2026-11-20T09:00:00.000000Z", "by": "alice", "from": "only-me", "to": "only-me"}


def _with_a_fake_move(path: Path, card_id: str) -> None:
    """What an undo of a move wrote before issue 14: a move from only-me to only-me."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["cards"][card_id].setdefault("history", {})["e0e0e0e0-fake"] = FAKE
    path.write_text(json.dumps(data), encoding="utf-8")


def _card_lines(path: Path, card_id: str) -> list[str]:
    """The lines of the file that do not hold `card_id` (one card a line)."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if card_id not in line]


def test_check_retracts_a_move_from_a_stage_to_itself(run_cli, board_path, store: BoardStore):
    card_id = store.add("Invoicing", owner="Marie").id
    other = store.add("Payroll").id
    store.flush()
    run_cli("edit", other[:8], "--owner", "Paul")  # the file as the CLI writes it
    before = json.loads(run_cli("show", card_id[:8], "--json").out)
    others = _card_lines(board_path, card_id)  # the header and the other card, as written
    _with_a_fake_move(board_path, card_id)
    assert len(json.loads(run_cli("show", card_id[:8], "--json").out)["history"]) == 2
    result = run_cli("check")
    assert result.code == 0, result.err
    assert "stage history: 1 move from a stage to itself taken out" in result.out
    after = json.loads(run_cli("show", card_id[:8], "--json").out)
    assert after["history"] == before["history"]
    entry = json.loads(board_path.read_text(encoding="utf-8"))["cards"][card_id]["history"]
    assert entry["e0e0e0e0-fake"]["deleted_at"]  # retracted, so another copy drops it too
    assert _card_lines(board_path, card_id) == others
    again = file_hash(board_path)
    result = run_cli("check")
    assert "stage history" not in result.out and file_hash(board_path) == again


def test_check_of_a_board_without_them_says_nothing_of_them(run_cli, board_path, store):
    store.add("Invoicing")
    store.flush()
    result = run_cli("check")
    assert result.code == 0 and "stage history" not in result.out
