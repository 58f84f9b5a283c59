"""BoardStore.move with `why`: the move and its transition-log entry are one change and one save,
so no file ever holds the move without the word of why (or the word without the move)."""

from __future__ import annotations

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.core.errors import ValidationError
from tests.kit.basics import file_hash


def test_move_with_why_is_one_save_holding_both(store: BoardStore, board_path) -> None:
    card = store.add("Invoicing", "delegating")
    saves = store._changed  # the save requests so far (the CLI's store saves each at once)
    assert store.move(card.id, "only-me", why=("error", "Sent to the wrong client"))
    assert store._changed == saves + 1
    moved = store.card(card.id)
    assert moved.stage == "only-me" and moved.history[-1].from_stage == "delegating"
    assert [(e.kind, e.text) for e in moved.log] == [("error", "Sent to the wrong client")]


def test_move_with_an_unknown_kind_changes_nothing(store: BoardStore, board_path) -> None:
    card = store.add("Invoicing", "delegating")
    before = file_hash(board_path)
    with pytest.raises(ValidationError, match="unknown log kind"):
        store.move(card.id, "only-me", why=("mistake", "Oops"))
    assert store.card(card.id).stage == "delegating" and file_hash(board_path) == before


def test_move_to_the_same_stage_logs_nothing(store: BoardStore) -> None:
    card = store.add("Invoicing", "delegating")
    assert not store.move(card.id, "delegating", why=("doubt", "Still here"))
    assert store.card(card.id).log == []
