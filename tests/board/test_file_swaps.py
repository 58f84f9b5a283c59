"""The store while a sync tool swaps the board file under it: replaced by rename, briefly
missing, changed by someone else. No edit from either side may be lost, and a missing file is
never replaced by an empty board."""

from __future__ import annotations

import copy
import json
import os
import threading
import time
from pathlib import Path

import pytest

from delegate_tui.board import boardfile
from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity, Stamper, append_entry
from tests.kit.basics import FrozenClock

BOB = Identity("bob", "dev-bob")


def log_texts(path: Path, card_id: str) -> set[str]:
    card = json.loads(path.read_text(encoding="utf-8"))["cards"][card_id]
    return {e["text"] for e in card["log"].values()}


class SyncTool(threading.Thread):
    """Plays another machine's sync: writes bob's copy of the board over ours by rename,
    sometimes deleting the file first for a moment."""

    def __init__(self, path: Path, card_id: str, rounds: int) -> None:
        super().__init__(daemon=True)
        self.path, self.card_id, self.rounds = path, card_id, rounds
        self.state, _ = boardfile.read_board(path)
        self.stamper = Stamper(BOB, FrozenClock())
        self.texts: list[str] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            for n in range(self.rounds):
                record = self.state["cards"][self.card_id]
                text = f"bob {n}"
                append_entry(record, "log", {"kind": "doubt", "text": text}, self.stamper)
                self.texts.append(text)
                temp = self.path.with_name(f".sync.{n}.tmp")
                temp.write_text(boardfile.serialize(copy.deepcopy(self.state)), encoding="utf-8")
                if n % 3 == 0:  # some tools delete, then put the new file in place
                    self.path.unlink(missing_ok=True)
                    time.sleep(0.01)
                os.replace(temp, self.path)
                time.sleep(0.002)
        except BaseException as exc:  # reported by the test
            self.error = exc


@pytest.mark.parametrize("background", [False, True], ids=["cli", "app"])
def test_saves_while_the_file_is_swapped_keep_both_sides(
    background, board_path, alice, clock
) -> None:
    first = BoardStore(board_path, alice, clock=clock)
    card_id = first.add("Invoicing").id
    store = BoardStore(board_path, alice, clock=clock, background=background)
    tool = SyncTool(board_path, card_id, rounds=60)
    mine = []
    tool.start()
    try:
        n = 0
        while tool.is_alive() or n < 40:
            text = f"alice {n}"
            store.log(card_id, "error", text)
            mine.append(text)
            n += 1
            time.sleep(0.003)
        tool.join()
        store.log(card_id, "error", "alice last")  # the next save after the swaps
        mine.append("alice last")
        store.flush()
    finally:
        tool.join()
        store.close()
    assert tool.error is None
    on_disk = log_texts(board_path, card_id)
    assert set(mine) <= on_disk
    assert set(tool.texts) <= on_disk
    assert {e.text for e in store.card(card_id).log} == on_disk


def test_a_file_missing_at_save_time_gets_the_whole_board_back(board_path, alice, clock):
    store = BoardStore(board_path, alice, clock=clock)
    ids = [store.add(f"Card {n}").id for n in range(3)]
    board_id = store.board_id
    board_path.unlink()  # gone, and not coming back within the retries
    store.edit(ids[0], owner="Marie")
    data = json.loads(board_path.read_text(encoding="utf-8"))
    assert data["_meta"]["board"]["board_id"] == board_id
    assert set(data["cards"]) == set(ids)
    assert data["cards"][ids[0]]["owner"] == "Marie"


def test_a_file_put_back_during_the_save_is_merged_not_overwritten(board_path, alice, clock):
    store = BoardStore(board_path, alice, clock=clock)
    card_id = store.add("Invoicing").id
    bob = BoardStore(board_path, BOB, clock=clock)
    clock.advance(seconds=1)
    bob.edit(card_id, owner="Paul")
    theirs = board_path.read_text(encoding="utf-8")
    board_path.unlink()
    timer = threading.Timer(0.1, lambda: board_path.write_text(theirs, encoding="utf-8"))
    timer.start()
    try:
        store.edit(card_id, title="Invoicing and reminders")
    finally:
        timer.join()
    card = json.loads(board_path.read_text(encoding="utf-8"))["cards"][card_id]
    assert (card["title"], card["owner"]) == ("Invoicing and reminders", "Paul")


def test_reload_reports_the_changes_and_who_made_them(board_path, alice, clock):
    store = BoardStore(board_path, alice, clock=clock, background=True)
    try:
        kept = store.add("Invoicing").id
        edited = store.add("Quotes").id
        store.flush()
        bob = BoardStore(board_path, BOB, clock=clock)
        clock.advance(seconds=1)
        bob.edit(edited, owner="Paul")
        new = bob.add("Payroll").id
        changes = store.reload()
        assert set(changes) == {edited, new} and kept not in changes
        assert changes.users == ["bob"]
        assert changes.summary() == "bob changed 2 cards"
        assert not store.reload()  # reported once
        # changes merged in while saving our own edit are reported by the next reload
        clock.advance(seconds=1)
        bob.log(kept, "doubt", "who signs?")
        store.edit(edited, title="Quotes and orders")
        store.flush()
        changes = store.reload()
        assert set(changes) == {kept}
        assert changes.summary({kept: "Invoicing"}) == 'bob changed "Invoicing"'
        assert store.card(kept).log[0].text == "who signs?"
    finally:
        store.close()


def test_reload_of_a_missing_file_keeps_the_board(board_path, alice, clock):
    store = BoardStore(board_path, alice, clock=clock)
    card_id = store.add("Invoicing").id
    board_path.unlink()
    assert not store.reload()
    assert [c.id for c in store.cards()] == [card_id]
    assert not board_path.exists()  # reading never writes
