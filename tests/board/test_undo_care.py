"""Every undoable change the TUI offers, undone, leaves everything a reader sees as it was
before the change, and redone, as it was after it: the models, the board's card lines, `show`,
`list`, `status`, the insight summary and the four snapshots with their "since the last
snapshot" part (tests/kit/views.py). Real stores on real board files, a frozen clock."""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delegate_tui.board.store import BoardStore
from delegate_tui.board.undo import UndoHistory
from delegate_tui.core.errors import CardNotFound
from delegate_tui.core.fields import FIELDS, parse_field
from delegate_tui.core.records import Identity
from delegate_tui.core.times import format_time
from tests.kit.basics import START, FrozenClock
from tests.kit.views import baseline, views

ALICE = Identity("alice", "dev-alice")
READ_AT = START + timedelta(days=120)
"""When the views are read: after every change, so that ages and periods are the same."""


@dataclass
class Board:
    store: BoardStore
    undo: UndoHistory
    ids: dict[str, str]
    items: dict[str, str]
    clock: FrozenClock

    def change(self, label: str, name: str, apply: Callable[[BoardStore, str], object]) -> None:
        card_id = self.ids[name]
        self.undo.change(label, [card_id], lambda: apply(self.store, card_id))


def _board(path: Path, clock: FrozenClock) -> Board:
    """Four cards in three stages (one with every kind of item), one archived."""
    store = BoardStore(path, ALICE, clock=clock, create=True)
    ids = {
        "a": store.add("Invoicing", owner="Marie", hours_per_week=3, checkin="weekly").id,
        "b": store.add("Quotes", owner="Paul", hours_per_week=2).id,
        "c": store.add("Payroll", hours_per_week=1).id,
        "old": store.add("Old task").id,
        "d": store.add("Filing").id,
    }
    items = {
        "standard": store.add_item(ids["a"], "standards", text="Sent by the 5th"),
        "ticked": store.add_item(ids["a"], "standards", text="Filed", done=True),
        "note": store.add_item(ids["a"], "notes", text="Marie decides the wording"),
        "decision": store.add_item(ids["a"], "decisions", text="Refunds", limit="200 €"),
    }
    store.log(ids["a"], "error", "Sent late")
    clock.advance(days=30)
    store.move(ids["b"], "delegating")
    clock.advance(days=10)
    store.move(ids["c"], "delegating")
    store.move(ids["c"], "team-owned", forced=True)
    store.archive(ids["old"])
    clock.advance(days=20)
    return Board(store, UndoHistory(store), ids, items, clock)


FIELD_TEXT = {
    "title": "Invoices of the month",
    "description": "All of them",
    "owner": "Lea",
    "accountable": "Me",
    "hours_per_week": "5",
    "area": "finance",
    "absence": "stops",
    "level": "3",
    "target_level": "7",
    "reason": "repetitive",
    "provider": "yes",
    "confidentiality": "no salaries",
    "reporting": "monthly mail",
    "checkin": "monthly",
    "checked_in_at": "3 days ago",
    "leader_mission": "yes",
    "role": "manager",
    "backup": "Karim",
}


def _edit(name: str) -> Callable[[Board], None]:
    def apply(board: Board) -> None:
        value = parse_field(name, FIELD_TEXT[name], board.clock(), True)
        board.change(f"edit {name}", "a", lambda s, i: s.edit(i, **{name: value}))

    return apply


def _item(change: Callable[[BoardStore, str, dict[str, str]], object]) -> Callable[[Board], None]:
    def apply(board: Board) -> None:
        board.change("item", "a", lambda s, i: change(s, i, board.items))

    return apply


def _add(stage: str, forced: bool = False) -> Callable[[Board], None]:
    def apply(board: Board) -> None:
        fields = {"forced": True} if forced else {}
        card = board.store.add("A new one", stage, **fields)
        board.undo.added("new card", card.id)

    return apply


def _reorder(board: Board) -> None:
    """The first card of the only-me column with the next one (as the board screen does; in
    the starting board: a with d)."""
    store = board.store
    column = [c.id for c in store.cards() if c.stage == "only-me"]
    if len(column) > 1:
        board.undo.change("reorder", column[:2], lambda: store.reorder(column[0], 1))


def _check_in(board: Board) -> None:
    at = format_time(board.clock())
    board.change("check in", "a", lambda s, i: s.edit(i, checked_in_at=at))


CHANGES: dict[str, Callable[[Board], None]] = {
    "move": lambda b: b.change("move", "a", lambda s, i: s.move(i, "delegating")),
    "move forced": lambda b: b.change("move", "b", lambda s, i: s.move(i, "team-owned", True)),
    "move back": lambda b: b.change("move", "c", lambda s, i: s.move(i, "delegating")),
    "reorder": _reorder,
    "add": _add("only-me"),
    "add forced to team-owned": _add("team-owned", forced=True),
    "archive": lambda b: b.change("archive", "a", lambda s, i: s.archive(i)),
    "unarchive": lambda b: b.change("unarchive", "old", lambda s, i: s.archive(i, False)),
    "delete": lambda b: b.change("delete", "b", lambda s, i: s.delete(i)),
    "check in": _check_in,
    **{f"edit {f.name}": _edit(f.name) for f in FIELDS},
    "add standard": _item(lambda s, i, _: s.add_item(i, "standards", text="Checked")),
    "add note": _item(lambda s, i, _: s.add_item(i, "notes", text="Ask Paul")),
    "add decision": _item(lambda s, i, _: s.add_item(i, "decisions", text="Discounts")),
    "edit standard": _item(lambda s, i, it: s.edit_item(i, "standards", it["standard"], text="X")),
    "edit note": _item(lambda s, i, it: s.edit_item(i, "notes", it["note"], text="Ask Lea")),
    "edit decision": _item(
        lambda s, i, it: s.edit_item(i, "decisions", it["decision"], text="All", limit="")
    ),
    "tick": _item(lambda s, i, it: s.edit_item(i, "standards", it["standard"], done=True)),
    "untick": _item(lambda s, i, it: s.edit_item(i, "standards", it["ticked"], done=False)),
    "remove standard": _item(lambda s, i, it: s.delete_item(i, "standards", it["standard"])),
    "remove note": _item(lambda s, i, it: s.delete_item(i, "notes", it["note"])),
    "remove decision": _item(lambda s, i, it: s.delete_item(i, "decisions", it["decision"])),
}


def _differences(seen: dict[str, Any], wanted: dict[str, Any]) -> list[str]:
    return [name for name in wanted if seen[name] != wanted[name]]


@pytest.mark.parametrize("kind", list(CHANGES))
def test_undo_leaves_every_view_as_before_and_redo_as_after(tmp_path, clock, kind):
    board = _board(tmp_path / "board.json", clock)
    previous = baseline(board.store, clock())
    before = views(board.store, READ_AT, previous)
    clock.advance(minutes=1)
    CHANGES[kind](board)
    after = views(board.store, READ_AT, previous)
    assert after != before  # (the change shows: else the row tests nothing)
    clock.advance(minutes=1)
    board.undo.undo()
    undone = views(board.store, READ_AT, previous)
    assert _differences(undone, before) == []
    assert undone == before
    clock.advance(minutes=1)
    board.undo.redo()
    redone = views(board.store, READ_AT, previous)
    assert _differences(redone, after) == []
    assert redone == after


steps = st.lists(
    st.tuples(st.sampled_from([*CHANGES, "undo", "undo", "redo"]), st.integers(1, 600)),
    max_size=12,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_any_changes_undone_read_as_the_start_and_redone_as_the_end(ops):
    clock = FrozenClock()
    with tempfile.TemporaryDirectory() as folder:
        board = _board(Path(folder) / "board.json", clock)
        previous = baseline(board.store, clock())
        start = views(board.store, READ_AT, previous)
        for op, minutes in ops:
            clock.advance(minutes=minutes)
            if op == "undo":
                board.undo.undo()
            elif op == "redo":
                board.undo.redo()
            else:
                with contextlib.suppress(CardNotFound):  # (a card an earlier step deleted)
                    CHANGES[op](board)
        while board.undo.redo():
            clock.advance(minutes=1)
        end = views(board.store, READ_AT, previous)
        while board.undo.undo():
            clock.advance(minutes=1)
        assert _differences(views(board.store, READ_AT, previous), start) == []
        while board.undo.redo():
            clock.advance(minutes=1)
        assert _differences(views(board.store, READ_AT, previous), end) == []
        board.store.close()


@pytest.mark.parametrize("kind", ["archive", "delete"])
def test_a_card_undone_back_after_a_snapshot_reads_as_back_not_new(tmp_path, clock, kind):
    board = _board(tmp_path / "board.json", clock)
    clock.advance(minutes=1)
    CHANGES[kind](board)  # archive a / delete b
    clock.advance(minutes=1)
    previous = baseline(board.store, clock())  # the snapshot sent meanwhile: the card is gone
    clock.advance(minutes=1)
    board.undo.undo()
    seen = views(board.store, READ_AT, previous)
    title = "Invoicing" if kind == "archive" else "Quotes"
    assert "New card" not in seen["md"] + seen["html"]
    assert f"- Back on the board: **{title}**" in seen["md"]
    assert f"Back on the board: <strong>{title}</strong>" in seen["html"]
    changes = json.loads(seen["json"])["since_last_snapshot"]
    card_id = board.ids["a" if kind == "archive" else "b"]
    assert changes["new_cards"] == [] and changes["back"] == [card_id]
    assert ",new," not in seen["csv"] and ",back," in seen["csv"]


def test_a_card_made_after_the_snapshot_is_still_new(tmp_path, clock):
    board = _board(tmp_path / "board.json", clock)
    previous = baseline(board.store, clock())
    clock.advance(minutes=1)
    CHANGES["add"](board)
    seen = views(board.store, READ_AT, previous)
    assert "- New card: **A new one**" in seen["md"] and "Back on the board" not in seen["md"]
