"""StageLists (the board's per-stage lists, updated card by card) and the undo history."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delegate_tui.model import STAGES
from delegate_tui.records import Identity
from delegate_tui.stage_lists import StageLists
from delegate_tui.store import BoardStore
from delegate_tui.undo import UndoHistory
from tests.conftest import FrozenClock

ops = st.lists(
    st.tuples(
        st.sampled_from(["add", "move", "reorder", "archive", "rename", "delete"]),
        st.integers(min_value=0, max_value=50),
        st.sampled_from(STAGES),
        st.sampled_from([-1, 1]),
    ),
    max_size=25,
)


def fresh(store: BoardStore) -> dict[str, list[str]]:
    lists = StageLists(store)
    lists.load()
    return {s: [c.id for c in cards] for s, cards in lists.by_stage.items()}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=ops)
def test_card_by_card_updates_match_a_full_read(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("lists") / "board.json"
    store = BoardStore(path, Identity("a", "d"), clock=FrozenClock())
    for n in range(4):
        store.add(f"Card {n}", STAGES[n % 3])
    lists = StageLists(store)
    lists.load()
    for op, pick, stage, step in steps:
        cards = store.cards()
        card = cards[pick % len(cards)] if cards else None
        changed: list[str] = []
        if op == "add" or card is None:
            changed = [store.add(f"New {pick}", stage).id]
        elif op == "move":
            store.move(card.id, stage)
            changed = [card.id]
        elif op == "reorder":
            column = [c for c in cards if c.stage == card.stage]
            index = column.index(card)
            if 0 <= index + step < len(column):
                store.reorder(card.id, step)
                changed = [card.id, column[index + step].id]
        elif op == "archive":
            store.archive(card.id)
            changed = [card.id]
        elif op == "rename":
            store.edit(card.id, title=f"Renamed {pick}")
            changed = [card.id]
        else:
            store.delete(card.id)
            changed = [card.id]
        touched = lists.update(changed)
        live = {c.id: c for c in store.cards()}
        assert {live[i].stage for i in changed if i in live} <= touched
        assert {s: [c.id for c in cards] for s, cards in lists.by_stage.items()} == fresh(store)


def test_undo_and_redo_of_a_move_and_of_a_new_card(store: BoardStore):
    card = store.add("Invoicing")
    history = UndoHistory(store)
    history.change("move", [card.id], lambda: store.move(card.id, "delegating"))
    assert store.card(card.id).stage == "delegating"
    assert history.undo() is not None
    assert store.card(card.id).stage == "only-me"
    assert history.redo() is not None
    assert store.card(card.id).stage == "delegating"
    new = store.add("Quotes")
    history.added("new card", new.id)
    assert not history.can_redo
    history.undo()
    assert [c.title for c in store.cards()] == ["Invoicing"]
    history.redo()
    assert sorted(c.title for c in store.cards()) == ["Invoicing", "Quotes"]
    assert history.undo() is not None  # the new card again
    assert history.undo() is not None  # the move
    assert history.undo() is None
    assert store.card(card.id).stage == "only-me"


def test_undo_history_is_bounded(store: BoardStore):
    card = store.add("Invoicing")
    history = UndoHistory(store, limit=3)
    for n in range(5):
        history.change("rename", [card.id], lambda n=n: store.edit(card.id, title=f"T{n}"))
    assert [history.undo() is not None for _ in range(4)] == [True, True, True, False]
    assert store.card(card.id).title == "T1"
