"""Undo of a move retracts the history entry the move added, in the file and on every machine
that had synced it; redo brings it back. Real stores on real board files, the real TinyDB."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delegate_tui.board.boardfile import read_board
from delegate_tui.board.store import BoardStore
from delegate_tui.board.undo import UndoHistory
from delegate_tui.core.insight import spans
from delegate_tui.core.records import Identity, card_from_record
from delegate_tui.core.vocabulary import STAGES
from tests.kit.basics import FrozenClock

ALICE = Identity("alice", "dev-alice")
BOB = Identity("bob", "dev-bob")


def _entries(path: Path, card_id: str) -> dict[str, dict]:
    data, _sig = read_board(path)
    return data["cards"][card_id].get("history", {})


def _moved_then_undone(path: Path, clock: FrozenClock) -> tuple[BoardStore, UndoHistory, str]:
    alice = BoardStore(path, ALICE, clock=clock, create=True)
    card_id = alice.add("Invoicing", owner="Marie").id
    clock.advance(days=90)
    undo = UndoHistory(alice)
    undo.change("move", [card_id], lambda: alice.move(card_id, "delegating"))
    return alice, undo, card_id


def test_undo_leaves_the_history_and_the_age_as_before_the_move(tmp_path, clock):
    path = tmp_path / "board.json"
    alice = BoardStore(path, ALICE, clock=clock, create=True)
    card_id = alice.add("Invoicing", owner="Marie").id
    clock.advance(days=90)
    before = alice.card(card_id)
    undo = UndoHistory(alice)
    undo.change("move", [card_id], lambda: alice.move(card_id, "delegating"))
    clock.advance(minutes=1)
    undo.undo()
    after = alice.card(card_id)
    assert after.history == before.history
    assert after.stage_since == before.stage_since and after.stage == "only-me"
    assert all(e["from"] != e["to"] for e in _entries(path, card_id).values())
    on_file = card_from_record(card_id, read_board(path)[0]["cards"][card_id])
    assert on_file.history == before.history


def test_redo_brings_the_move_back(tmp_path, clock):
    alice, undo, card_id = _moved_then_undone(tmp_path / "board.json", clock)
    moved = alice.card(card_id)
    undo.undo()
    clock.advance(minutes=1)
    undo.redo()
    again = alice.card(card_id)
    assert again.history == moved.history
    assert again.stage == "delegating" and again.stage_since == moved.stage_since


def test_a_machine_that_synced_the_move_drops_it_when_the_files_meet(tmp_path, clock):
    path = tmp_path / "board.json"
    _alice, undo, card_id = _moved_then_undone(path, clock)
    bob = BoardStore(path, BOB, clock=clock)  # bob's store read the file with the move in it
    assert bob.card(card_id).stage == "delegating"
    clock.advance(minutes=1)
    undo.undo()  # alice's undo reaches the file first
    clock.advance(minutes=1)
    bob.edit(card_id, accountable="Bob")  # bob's save merges the file's undo into his state
    card = bob.card(card_id)
    assert card.stage == "only-me" and card.accountable == "Bob"
    assert [h.to_stage for h in card.history] == ["only-me"]
    on_file = card_from_record(card_id, read_board(path)[0]["cards"][card_id])
    assert [h.to_stage for h in on_file.history] == ["only-me"]


def test_an_undo_merged_after_the_other_side_wrote_still_drops_the_move(tmp_path, clock):
    path = tmp_path / "board.json"
    alice, undo, card_id = _moved_then_undone(path, clock)
    bob = BoardStore(path, BOB, clock=clock)
    clock.advance(minutes=1)
    bob.edit(card_id, accountable="Bob")  # bob writes first, with the move
    clock.advance(minutes=1)
    undo.undo()  # alice's undo merges bob's file, then writes
    bob.reload()
    for card in (alice.card(card_id), bob.card(card_id)):
        assert card.stage == "only-me" and card.accountable == "Bob"
        assert [h.to_stage for h in card.history] == ["only-me"]


operations = st.lists(
    st.tuples(st.sampled_from(["next", "back", "undo", "redo"]), st.integers(1, 600)),
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_moves_undos_and_redos_keep_the_history_true(ops):
    clock = FrozenClock()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board.json"
        store = BoardStore(path, ALICE, clock=clock, create=True)
        card_id = store.add("Invoicing").id
        undo = UndoHistory(store)
        for op, minutes in ops:
            clock.advance(minutes=minutes)
            stage = store.card(card_id).stage
            if op in ("next", "back"):
                index = STAGES.index(stage) + (1 if op == "next" else -1)
                if 0 <= index < len(STAGES):
                    target = STAGES[index]
                    undo.change("move", [card_id], lambda t=target: store.move(card_id, t))
            elif op == "undo":
                undo.undo()
            else:
                undo.redo()
            for entry in _entries(path, card_id).values():
                assert entry["from"] != entry["to"]
            card = card_from_record(card_id, read_board(path)[0]["cards"][card_id])
            assert card == store.card(card_id)
            visible = card.history
            for earlier, later in pairwise(visible):
                assert later.from_stage == earlier.to_stage
            assert visible[-1].to_stage == card.stage
            now = clock()
            stays = spans(card, now)
            total = sum((s.end - s.start for s in stays), timedelta())
            assert total == now - stays[0].start
            assert [s.stage for s in stays] == [h.to_stage for h in visible]
        store.close()
