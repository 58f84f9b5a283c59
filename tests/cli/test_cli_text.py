"""Text a hand edit (or another tool) put in the board file never controls the terminal: one line
stays one line, multi-line text keeps only its line breaks, bidi controls show as markers, and
every JSON output escapes controls while it reads back exactly."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from delegate_tui.board.store import BoardStore

FORGED = "Pay\nfake0001  only-me     Mallory  9h  Forged\tcard"
"""A title that would print a second, forged row of `delegate list`."""
REVERSED = "Invoice \u202egnp.exe"
"""Reads 'Invoice exe.png' where the terminal honours the right-to-left override."""
RAW_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
"""What must never reach the terminal raw (a newline and a tab are judged by each test)."""


def hand_edit(path: Path, card_id: str, **fields: Any) -> None:
    """Set fields of a card straight in the file, as a hand edit or another tool would."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["cards"][card_id].update(fields)
    path.write_text(json.dumps(data), encoding="utf-8")


def hand_edit_items(path: Path, card_id: str, section: str, text: str) -> None:
    """Set the text of every item of `section` (notes, standards, log…) of a card in the file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for item in data["cards"][card_id][section].values():
        item["text"] = text
    path.write_text(json.dumps(data), encoding="utf-8")


def test_list_keeps_a_card_on_one_line(run_cli, store: BoardStore, board_path: Path):
    card = store.add("Invoicing", owner="Marie")
    hand_edit(board_path, card.id, title=FORGED, owner="Bob\u2028Evil\x85")
    listed = run_cli("list")
    assert listed.code == 0, listed.err
    assert listed.out.count("\n") == 1  # one card, one line
    assert "Pay fake0001 only-me Mallory 9h Forged card" in listed.out
    assert "Bob Evil" in listed.out
    assert not RAW_UNSAFE.search(listed.out) and "\t" not in listed.out


def test_status_keeps_each_title_on_its_line(run_cli, store: BoardStore, board_path: Path):
    card = store.add("Invoicing", hours_per_week=3)  # listed under "Delegate next"
    hand_edit(board_path, card.id, title="Pay\nTwo weeks away: all runs")
    shown = run_cli("status")
    assert shown.code == 0, shown.err
    assert "  1. Pay Two weeks away: all runs (" in shown.out
    assert not any(row.startswith("Two weeks away: all runs") for row in shown.out.splitlines())


def test_show_indents_every_line_of_multi_line_text(run_cli, store: BoardStore, board_path: Path):
    card = store.add("Invoicing")
    store.add_item(card.id, "notes", text="placeholder")
    hand_edit(board_path, card.id, description="First line\n\x1b[2JSecond\tline\r\nThird")
    hand_edit_items(board_path, card.id, "notes", "Marie sends\nPaul checks\x9b31m")
    shown = run_cli("show", card.id[:8])
    assert shown.code == 0, shown.err
    rows = shown.out.splitlines()
    at = rows.index("  First line")
    assert rows[at + 1 : at + 3] == ["  [2JSecond line", "  Third"]
    note = store.card(card.id).notes[0].id[:8]  # `show` prints each item's id (issue 14)
    at = rows.index(f"  - {note}  Marie sends")
    assert rows[at + 1] == " " * 14 + "Paul checks31m"
    assert not RAW_UNSAFE.search(shown.out) and "\t" not in shown.out


def test_bidi_controls_show_as_markers_in_the_terminal(
    run_cli, store: BoardStore, board_path: Path
):
    card = store.add("Invoicing")
    hand_edit(board_path, card.id, title=REVERSED, owner="\u2067Bob\u2069")
    for args in (("list",), ("show", card.id[:8])):
        shown = run_cli(*args)
        assert shown.code == 0, shown.err
        assert "Invoice <U+202E>gnp.exe" in shown.out
        assert "<U+2067>Bob" in shown.out  # `list` cuts the owner at 16 characters
        assert not RAW_UNSAFE.search(shown.out)


@pytest.mark.parametrize("command", ["show", "list", "status"])
def test_json_outputs_escape_controls_and_read_back(
    command: str, run_cli, store: BoardStore, board_path: Path
):
    card = store.add("Invoicing", hours_per_week=2)
    title = "Facture réglée \x9b31m\x7f \u2028 \u202egnp.exe \u200f"
    hand_edit(board_path, card.id, title=title)
    args = {"show": ("show", card.id[:8]), "list": ("list",), "status": ("status",)}[command]
    shown = run_cli(*args, "--json")
    assert shown.code == 0, shown.err
    assert not RAW_UNSAFE.search(shown.out.replace("\n", ""))
    assert "\\u009b" in shown.out and "\\u202e" in shown.out and "\\u2028" in shown.out
    assert "réglée" in shown.out  # still readable French: no \u00e9
    data = json.loads(shown.out)
    found = json.dumps(data, ensure_ascii=False)
    assert json.dumps(title, ensure_ascii=False) in found  # the exact title, read back


def test_a_lone_surrogate_in_the_file_is_one_line_not_a_traceback(
    run_cli, store: BoardStore, board_path: Path
):
    card = store.add("Invoicing")
    text = board_path.read_text(encoding="utf-8").replace('"Invoicing"', '"Pay \\ud800"')
    board_path.write_text(text, encoding="utf-8")
    for args in (("list",), ("show", card.id[:8], "--json")):
        result = run_cli(*args)  # the board is refused: it does not hold valid Unicode
        assert result.code == 1 and result.out == ""
        assert "lone surrogate" in result.err and result.err.count("\n") == 1
        assert "\ud800" not in result.err  # the message shows it escaped, not raw


def test_check_prints_file_names_without_their_controls(run_cli, store: BoardStore, tmp_path):
    store.add("Invoicing")
    name = "board (\x1b]0;owned\x07Ann\u202e's conflicted copy 2026-11-23).json"
    (tmp_path / name).write_text("not a board", encoding="utf-8")
    checked = run_cli("check")
    assert checked.code == 0, checked.err
    assert "left board (]0;ownedAnn<U+202E>'s conflicted copy 2026-11-23).json" in checked.out
    assert not RAW_UNSAFE.search(checked.out)
