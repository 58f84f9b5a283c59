"""A board file someone edited by hand: odd values are shown as text, never a traceback."""

from __future__ import annotations

import json


def test_show_and_list_a_card_with_an_unknown_stage(run_cli, store, board_path) -> None:
    card = store.add("Invoicing")
    data = json.loads(board_path.read_text(encoding="utf-8"))
    data["cards"][card.id]["stage"] = "later\x1b[31m"
    board_path.write_text(json.dumps(data), encoding="utf-8")
    shown = run_cli("show", card.id[:6])
    assert shown.code == 0, shown.err
    assert "later[31m" in shown.out and "\x1b" not in shown.out
    listed = run_cli("list")
    assert listed.code == 0 and "Invoicing" in listed.out and "\x1b" not in listed.out
