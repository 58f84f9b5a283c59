"""The CLI does what the card screen does: tick, untick, edit and remove a card's items by id
prefix, and delete a card (asking first on a terminal). Bad input: one line, exit 1, file
untouched."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from delegate_tui.board.boardfile import read_board
from delegate_tui.board.store import BoardStore
from delegate_tui.core.model import Card
from delegate_tui.core.records import card_from_record
from tests.cli.test_bad_input import refused
from tests.kit.basics import file_hash

CARD = "abcd0000-0000-4000-8000-000000000001"


def card_on_disk(path: Path, card_id: str = CARD) -> Card:
    data, _sig = read_board(path)
    return card_from_record(card_id, data["cards"][card_id])


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    """A card with two standards, two notes and a decision; the standards' ids share 'ee11'."""
    store.add_many([{"title": "Invoicing", "owner": "Marie"}], ids=[CARD])
    store.add_item(CARD, "standards", text="Sent by the 5th")
    store.add_item(CARD, "standards", text="Checked by Paul")
    store.add_item(CARD, "notes", text="Marie sends them")
    store.add_item(CARD, "decisions", text="Refunds", limit="up to 200 EUR")
    store.flush()
    return board_path


def item_ids(path: Path, collection: str) -> list[str]:
    return [i.id for i in getattr(card_on_disk(path), collection)]


def test_show_prints_each_items_id_as_the_commands_take_it(run_cli, board: Path) -> None:
    shown = run_cli("show", "abcd")
    assert shown.code == 0, shown.err
    card = card_on_disk(board)
    assert f"  [ ] {card.standards[0].id[:8]}  Sent by the 5th" in shown.out.splitlines()
    assert f"  - {card.notes[0].id[:8]}  Marie sends them" in shown.out.splitlines()
    assert f"  - {card.decisions[0].id[:8]}  Refunds (limit: up to 200 EUR)" in shown.out
    as_json = json.loads(run_cli("show", "abcd", "--json").out)
    assert [s["id"] for s in as_json["standards"]] == [s.id for s in card.standards]


def test_tick_and_untick_a_standard_by_its_id_prefix(run_cli, board: Path) -> None:
    first = item_ids(board, "standards")[0]
    done = run_cli("standard", "abcd", "--tick", first[:4])
    assert done.code == 0, done.err
    assert f"ticked the work standard {first[:8]}" in done.out
    assert [s.done for s in card_on_disk(board).standards] == [True, False]
    assert run_cli("standard", "abcd", "--untick", first).code == 0
    assert [s.done for s in card_on_disk(board).standards] == [False, False]


def test_edit_and_remove_a_standard(run_cli, board: Path) -> None:
    first, second = item_ids(board, "standards")
    edited = run_cli("standard", "abcd", "--edit", second[:6], "  Checked by Karim ")
    assert edited.code == 0, edited.err
    assert [s.text for s in card_on_disk(board).standards] == [
        "Sent by the 5th",
        "Checked by Karim",
    ]
    assert run_cli("standard", "abcd", "--remove", first[:5]).code == 0
    assert [s.text for s in card_on_disk(board).standards] == ["Checked by Karim"]
    data, _sig = read_board(board)
    assert data["cards"][CARD]["standards"][first]["deleted_at"]  # a stamped tombstone


def test_edit_and_remove_notes_and_decisions(run_cli, board: Path) -> None:
    note, decision = item_ids(board, "notes")[0], item_ids(board, "decisions")[0]
    assert run_cli("note", "abcd", "--edit", note[:4], "Karim sends them").code == 0
    assert card_on_disk(board).notes[0].text == "Karim sends them"
    result = run_cli("decision", "abcd", "--edit", decision[:4], "Refunds", "--limit", "500 EUR")
    assert result.code == 0, result.err
    assert (card_on_disk(board).decisions[0].limit) == "500 EUR"
    assert run_cli("decision", "abcd", "--edit", decision[:4], "Credit notes").code == 0
    kept = card_on_disk(board).decisions[0]
    assert (kept.text, kept.limit) == ("Credit notes", "500 EUR")  # no --limit: the limit stays
    assert run_cli("note", "abcd", "--remove", note[:4]).code == 0
    assert run_cli("decision", "abcd", "--remove", decision[:4]).code == 0
    card = card_on_disk(board)
    assert card.notes == [] and card.decisions == []


def test_adding_still_works_with_text(run_cli, board: Path) -> None:
    assert run_cli("standard", "abcd", "Filed in the folder").code == 0
    assert run_cli("note", "abcd", "Paul backs up").code == 0
    assert run_cli("decision", "abcd", "Discounts", "--limit", "5%").code == 0
    card = card_on_disk(board)
    assert card.standards[-1].text == "Filed in the folder"
    assert card.notes[-1].text == "Paul backs up"
    assert (card.decisions[-1].text, card.decisions[-1].limit) == ("Discounts", "5%")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("standard", "abcd", "--tick", "zzzz"), ("no work standard", "'zzzz'")),
        (("standard", "abcd", "--tick", "abc"), ("too short", "4 characters")),
        (("standard", "abcd", "--remove", "0000"), ("no work standard",)),
        (("note", "abcd", "--edit", "zzzz", "New text"), ("no responsibility note",)),
        (("decision", "abcd", "--remove", "zzzz"), ("no decision",)),
        (("standard", "abcd", "--edit", "{standard}", "  "), ("standard is empty",)),
        (("note", "abcd", "--edit", "{note}", ""), ("note is empty",)),
        (("standard", "abcd"), ("TEXT", "--tick")),
        (("note", "abcd"), ("TEXT", "--edit")),
        (("standard", "abcd", "Text", "--tick", "{standard}"), ("not both",)),
        (("standard", "abcd", "--tick", "{standard}", "--remove", "{standard}"), ("not allowed",)),
        (("note", "abcd", "--tick", "{note}"), ("unrecognized", "--tick")),
        (("decision", "abcd", "--remove", "{decision}", "--limit", "5"), ("--limit",)),
        (("standard", "ffff", "--tick", "{standard}"), ("no card",)),
    ],
)
def test_bad_item_input_is_refused(run_cli, board: Path, args, words) -> None:
    ids = {c: item_ids(board, c + "s")[0][:6] for c in ("standard", "note", "decision")}
    args = tuple(a.format(**ids) for a in args)
    before = file_hash(board)
    refused(run_cli(*args), board, before, *words)


def test_an_ambiguous_item_prefix_is_refused(run_cli, store: BoardStore, board: Path) -> None:
    prefix = ""
    while not prefix:  # add standards until two ids share four characters
        store.add_item(CARD, "standards", text="Another step")
        store.flush()
        ids = item_ids(board, "standards")
        prefixes = [i[:4] for i in ids]
        prefix = next((p for p in prefixes if prefixes.count(p) > 1), "")
    before = file_hash(board)
    refused(run_cli("standard", "abcd", "--tick", prefix), board, before, "ambiguous")


def test_a_removed_item_cannot_be_ticked(run_cli, board: Path) -> None:
    first = item_ids(board, "standards")[0]
    assert run_cli("standard", "abcd", "--remove", first).code == 0
    before = file_hash(board)
    refused(run_cli("standard", "abcd", "--tick", first), board, before, "no work standard")


# ---------------------------------------------------------------- delete


def test_delete_with_yes_leaves_a_stamped_tombstone(run_cli, board: Path) -> None:
    result = run_cli("delete", "abcd", "--yes")
    assert result.code == 0, result.err
    assert "deleted abcd0000  Invoicing" in result.out
    data, _sig = read_board(board)
    assert data["cards"][CARD]["deleted_at"]
    assert json.loads(run_cli("list", "--json").out) == []
    before = file_hash(board)
    refused(run_cli("delete", "abcd", "--yes"), board, before, "no card")


def test_delete_without_yes_off_a_terminal_refuses(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("delete", "abcd"), board, before, "add --yes to delete without asking")


def _on_a_terminal(board: Path, answer: str) -> tuple[int, str]:
    """Run `delegate delete abcd` on a pseudo-terminal, answer its question, return code and
    what the terminal showed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "delegate_tui", "--board", str(board), "delete", "abcd"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(follower)
    shown, deadline = b"", time.monotonic() + 20
    while b"[y/N]" not in shown and time.monotonic() < deadline:
        if select.select([leader], [], [], 0.1)[0]:
            shown += os.read(leader, 1024)
    os.write(leader, answer.encode() + b"\n")
    code = process.wait(timeout=20)
    while select.select([leader], [], [], 0.1)[0]:
        try:
            chunk = os.read(leader, 1024)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return code, shown.decode(errors="replace")


def test_delete_on_a_terminal_asks_and_y_deletes(board: Path) -> None:
    code, shown = _on_a_terminal(board, "y")
    assert "Delete 'Invoicing'? [y/N]" in shown
    assert code == 0, shown
    data, _sig = read_board(board)
    assert data["cards"][CARD]["deleted_at"]


def test_delete_on_a_terminal_keeps_the_card_unless_told_yes(board: Path) -> None:
    before = file_hash(board)
    code, shown = _on_a_terminal(board, "")
    assert "Delete 'Invoicing'? [y/N]" in shown
    assert code == 1
    assert "not deleted" in shown
    assert file_hash(board) == before
