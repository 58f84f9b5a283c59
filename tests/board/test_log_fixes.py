"""The store corrects and removes log entries, and undo and redo set them back: real stores on
real board files, the real TinyDB."""

from __future__ import annotations

import pytest

from delegate_tui.board.boardfile import read_board
from delegate_tui.board.store import BoardStore
from delegate_tui.board.undo import UndoHistory
from delegate_tui.core.errors import ValidationError
from delegate_tui.core.records import Identity
from tests.kit.basics import file_hash

ALICE = Identity("alice", "dev-alice")


def _stored(path, card_id, entry_id):
    data, _sig = read_board(path)
    return data["cards"][card_id]["log"][entry_id]


def _logged(tmp_path, clock):
    path = tmp_path / "board.json"
    store = BoardStore(path, ALICE, clock=clock, create=True)
    card_id = store.add("Invoicing").id
    entry_id = store.log(card_id, "error", "late quote")
    clock.advance(days=1)
    return path, store, card_id, entry_id


def test_a_correction_is_saved_and_read_back(tmp_path, clock):
    path, store, card_id, entry_id = _logged(tmp_path, clock)
    store.correct_log(card_id, entry_id, kind="doubt", text="late quote (Monday)")
    store.flush()
    again = BoardStore(path, ALICE, clock=clock)
    (entry,) = again.card(card_id).log
    assert (entry.kind, entry.text, entry.corrected_by) == ("doubt", "late quote (Monday)", "alice")
    assert set(_stored(path, card_id, entry_id)["_stamps"]) == {"kind", "text"}


def test_a_correction_to_what_it_holds_changes_nothing(tmp_path, clock):
    path, store, card_id, entry_id = _logged(tmp_path, clock)
    store.flush()
    before = file_hash(path)
    store.correct_log(card_id, entry_id, kind="error", text="late quote")
    store.flush()
    assert file_hash(path) == before
    assert store.card(card_id).log[0].corrected_by == ""


def test_an_unknown_kind_is_refused_and_nothing_changes(tmp_path, clock):
    path, store, card_id, entry_id = _logged(tmp_path, clock)
    store.flush()
    before = file_hash(path)
    with pytest.raises(ValidationError):
        store.correct_log(card_id, entry_id, kind="typo")
    store.flush()
    assert file_hash(path) == before


def test_a_removed_entry_is_a_tombstone_gone_from_the_card(tmp_path, clock):
    path, store, card_id, entry_id = _logged(tmp_path, clock)
    store.remove_log(card_id, entry_id)
    store.flush()
    assert store.card(card_id).log == []
    assert _stored(path, card_id, entry_id)["deleted_at"]


@pytest.mark.parametrize("change", ["correct", "remove"])
def test_undo_sets_the_entry_back_and_redo_does_it_again(tmp_path, clock, change):
    _path, store, card_id, entry_id = _logged(tmp_path, clock)
    undo = UndoHistory(store)
    before = store.card(card_id).log
    if change == "correct":
        undo.change("fix", [card_id], lambda: store.correct_log(card_id, entry_id, text="fixed"))
    else:
        undo.change("remove", [card_id], lambda: store.remove_log(card_id, entry_id))
    done = store.card(card_id).log
    clock.advance(minutes=1)
    undo.undo()
    assert [(e.id, e.kind, e.text) for e in store.card(card_id).log] == [
        (e.id, e.kind, e.text) for e in before
    ]
    clock.advance(minutes=1)
    undo.redo()
    assert [(e.id, e.kind, e.text) for e in store.card(card_id).log] == [
        (e.id, e.kind, e.text) for e in done
    ]


def test_undo_of_adding_an_entry_removes_it_and_redo_brings_it_back(tmp_path, clock):
    path, store, card_id, _entry = _logged(tmp_path, clock)
    undo = UndoHistory(store)
    made = undo.change("log", [card_id], lambda: store.log(card_id, "doubt", "unsure"))
    clock.advance(minutes=1)
    undo.undo()
    store.flush()
    assert [e.text for e in store.card(card_id).log] == ["late quote"]
    assert _stored(path, card_id, made)["deleted_at"]  # a tombstone: copies drop it too
    clock.advance(minutes=1)
    undo.redo()
    assert [e.text for e in store.card(card_id).log] == ["late quote", "unsure"]
