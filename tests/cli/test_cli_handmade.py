"""A board file someone edited by hand: a value no board may hold refuses the whole file in one
line (naming the card, the field and what it holds, escaped), never a traceback."""

from __future__ import annotations

import json

from tests.kit.basics import file_hash


def test_a_card_with_an_unknown_stage_refuses_the_board(run_cli, store, board_path) -> None:
    card = store.add("Invoicing")
    data = json.loads(board_path.read_text(encoding="utf-8"))
    data["cards"][card.id]["stage"] = "later\x1b[31m"
    board_path.write_text(json.dumps(data), encoding="utf-8")
    before = file_hash(board_path)
    for command in (("show", card.id[:6]), ("list",), ("move", card.id[:6], "delegating")):
        result = run_cli(*command)
        assert result.code == 1 and result.out == "", result.out
        assert result.err.count("\n") == 1 and "\x1b" not in result.err
        assert f"card {card.id[:8]} has an unknown stage 'later\\x1b[31m'" in result.err
        assert "'delegate check' lists every damaged card" in result.err
        assert file_hash(board_path) == before
