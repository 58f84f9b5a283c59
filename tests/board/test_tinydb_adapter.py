"""The TinyDB adapter: the one importer of tinydb, through TinyDB's documented doors only."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.table import Table

import delegate_tui
from delegate_tui.board import tinydb_adapter
from delegate_tui.board.store import BoardStore
from delegate_tui.board.tinydb_adapter import BoardTables
from delegate_tui.core.records import Identity

PACKAGE = Path(delegate_tui.__file__).parent
ADAPTER = Path(tinydb_adapter.__file__)


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def state(*card_ids: str) -> dict:
    return {
        "_meta": {"board": {"board_id": "b"}},
        "cards": {card_id: {"title": card_id} for card_id in card_ids},
    }


def test_only_the_adapter_imports_tinydb() -> None:
    importers = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if any(name.split(".")[0] == "tinydb" for name in imported_modules(path))
    }
    assert importers == {"board/tinydb_adapter.py"}


def test_the_adapter_touches_no_private_tinydb_hook() -> None:
    private = {
        name
        for cls in (Table, TinyDB)
        for name in vars(cls)
        if name.startswith("_") and not name.startswith("__")
    }
    assert "_update_table" in private  # the hook the store used to override
    tree = ast.parse(ADAPTER.read_text(encoding="utf-8"))
    used = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    overridden = {
        t.id
        for n in ast.walk(tree)
        if isinstance(n, ast.ClassDef)
        for stmt in n.body
        if isinstance(stmt, ast.Assign)
        for t in stmt.targets
        if isinstance(t, ast.Name)
    }
    assert not (used | defined) & private
    assert "document_id_class" not in overridden | used
    assert "type: ignore" not in ADAPTER.read_text(encoding="utf-8")


def test_an_update_changes_the_one_record_in_place_and_keeps_the_order() -> None:
    tables = BoardTables(state("a", "b", "c"))
    before = dict(tables.records())
    tables.update("b", lambda r: r.update(title="B", owner="Ana"))
    records = tables.records()
    assert list(records) == ["a", "b", "c"]
    assert records["b"] == {"title": "B", "owner": "Ana"}
    assert all(records[i] is before[i] for i in "abc")  # no copies: line caches stay valid
    assert records["a"] == {"title": "a"} and records["c"] == {"title": "c"}


def test_an_update_sees_the_stored_record() -> None:
    tables = BoardTables(state("a", "b"))
    seen: list[dict] = []
    tables.update("a", seen.append)
    assert seen == [{"title": "a"}] and seen[0] is tables.records()["a"]


def test_inserts_go_after_the_cards_there_in_their_order() -> None:
    tables = BoardTables(state("a"))
    tables.insert([("z", {"title": "Z"}), ("m", {"title": "M"})])
    assert list(tables.records()) == ["a", "z", "m"]
    assert tables.records()["m"] == {"title": "M"}
    assert tables.state["_meta"] == {"board": {"board_id": "b"}}


def test_an_insert_with_a_taken_id_adds_nothing() -> None:
    tables = BoardTables(state("a", "b"))
    with pytest.raises(ValueError, match="b already exists"):
        tables.insert([("n", {"title": "N"}), ("b", {"title": "again"})])
    assert tables.records() == {"a": {"title": "a"}, "b": {"title": "b"}}


def test_a_board_without_a_cards_table_gets_one() -> None:
    tables = BoardTables({"_meta": {"board": {}}})
    tables.insert([("a", {"title": "A"})])
    assert tables.state == {"_meta": {"board": {}}, "cards": {"a": {"title": "A"}}}


def test_replace_takes_the_whole_state() -> None:
    tables = BoardTables(state("a"))
    merged = state("a", "b")
    tables.replace(merged)
    assert tables.state is merged
    tables.update("b", lambda r: r.update(title="B"))
    assert merged["cards"]["b"] == {"title": "B"}


def test_an_edit_is_in_the_file_when_it_returns(tmp_path: Path) -> None:
    path = tmp_path / "board.json"
    store = BoardStore(path, Identity("ana", "dev-a"))
    card = store.add("First")
    store.edit(card.id, title="Second")
    assert json.loads(path.read_text(encoding="utf-8"))["cards"][card.id]["title"] == "Second"
    assert not store.unsaved
