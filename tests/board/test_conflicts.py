"""Conflict copies left by sync tools: found by name, merged by `delegate check`, moved aside."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from delegate_tui.board.conflicts import (
    MERGED_FOLDER,
    ConflictWatcher,
    conflict_tool,
    find_copies,
    fold_conflict_copies,
)
from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from tests.kit.basics import FrozenClock, file_hash

COPY_NAMES = {
    "Syncthing": "board.sync-conflict-20261102-091500-BOBDEV1.json",
    "Dropbox": "board (Bob's conflicted copy 2026-11-02).json",
    "Dropbox (numbered)": "board (Bob's MacBook's conflicted copy 2026-11-02 (1)).json",
    "Dropbox (no name)": "board (conflicted copy 2026-11-02).json",
    "Nextcloud": "board (conflicted copy 2026-11-02 091500).json",
    "iCloud": "board 2.json",
    "Google Drive": "board (1).json",
}

BOB = Identity("bob", "dev-bob")


def on_disk(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["cards"]


def make_conflict(board_path: Path, copy_name: str, clock: FrozenClock, alice: Identity) -> str:
    """One card edited by alice in the board and by bob in a conflict copy of it."""
    start = BoardStore(board_path, alice, clock=clock)
    card_id = start.add("Invoicing", owner="Marie").id
    copy = board_path.with_name(copy_name)
    shutil.copy(board_path, copy)
    clock.advance(minutes=1)
    mine = BoardStore(board_path, alice, clock=clock)
    mine.edit(card_id, title="Invoicing and reminders")
    mine.log(card_id, "error", "alice: sent twice")
    mine.add_item(card_id, "standards", text="alice's standard")
    clock.advance(seconds=5)
    theirs = BoardStore(copy, BOB, clock=clock)
    theirs.edit(card_id, owner="Paul", hours_per_week=4.0)
    theirs.move(card_id, "delegating")
    theirs.log(card_id, "doubt", "bob: who signs?")
    theirs.add_item(card_id, "notes", text="bob's note")
    theirs.add("Supplier orders")
    return card_id


@pytest.mark.parametrize("tool", sorted(COPY_NAMES))
def test_check_merges_each_kind_of_copy_and_moves_it_aside(
    tool, run_cli, board_path, clock, alice
) -> None:
    name = COPY_NAMES[tool]
    card_id = make_conflict(board_path, name, clock, alice)
    assert conflict_tool(name, board_path) == tool.split(" (")[0]

    result = run_cli("check")

    assert result.code == 0, result.err
    assert f"merged {name}" in result.out
    cards = on_disk(board_path)
    card = cards[card_id]
    assert card["title"] == "Invoicing and reminders"  # alice's edit
    assert (card["owner"], card["hours_per_week"], card["stage"]) == ("Paul", 4.0, "delegating")
    assert {e["text"] for e in card["log"].values()} == {"alice: sent twice", "bob: who signs?"}
    assert [s["text"] for s in card["standards"].values()] == ["alice's standard"]
    assert [n["text"] for n in card["notes"].values()] == ["bob's note"]
    assert [(h["from"], h["to"]) for h in sorted(card["history"].values(), key=lambda h: h["at"])][
        -1
    ] == ("only-me", "delegating")
    assert "Supplier orders" in {c["title"] for c in cards.values()}
    assert not (board_path.parent / name).exists()
    assert (board_path.parent / MERGED_FOLDER / name).is_file()


def test_a_second_check_finds_nothing_and_changes_nothing(run_cli, board_path, clock, alice):
    make_conflict(board_path, COPY_NAMES["Syncthing"], clock, alice)
    assert run_cli("check").code == 0
    before = file_hash(board_path)
    again = run_cli("check")
    assert again.code == 0 and "conflict copies: none" in again.out
    assert file_hash(board_path) == before


def test_a_name_already_in_the_merged_folder_is_not_replaced(run_cli, board_path, clock, alice):
    name = COPY_NAMES["Google Drive"]
    make_conflict(board_path, name, clock, alice)
    merged = board_path.parent / MERGED_FOLDER
    merged.mkdir()
    (merged / name).write_text("an earlier copy", encoding="utf-8")
    result = run_cli("check")
    assert result.code == 0, result.err
    assert (merged / name).read_text(encoding="utf-8") == "an earlier copy"
    assert json.loads((merged / "board (1).2.json").read_text())["_meta"]
    assert not (board_path.parent / name).exists()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("board (1).json", "not json at all {", "is not valid JSON"),
        ("board 2.json", '{"tasks": [1, 2]}', "not a delegate board"),
        ("board (conflicted copy 2026-11-02 091500).json", "", "is empty"),
    ],
)
def test_garbage_and_foreign_json_are_refused_and_left_in_place(
    name, content, reason, run_cli, board_path, store
) -> None:
    store.add("Invoicing")
    copy = board_path.with_name(name)
    copy.write_text(content, encoding="utf-8")
    before = file_hash(board_path)
    result = run_cli("check")
    assert result.code == 0, result.err
    assert f"left {name}" in result.out and reason in result.out
    assert copy.read_text(encoding="utf-8") == content
    assert file_hash(board_path) == before
    assert not (board_path.parent / MERGED_FOLDER).exists()


def test_a_copy_of_another_board_is_refused(run_cli, board_path, store, clock, tmp_path):
    store.add("Invoicing")
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    other = BoardStore(other_folder / "board.json", BOB, clock=clock)
    other.add("Someone else's card")
    copy = board_path.with_name(COPY_NAMES["Syncthing"])
    shutil.copy(other.path, copy)
    before = file_hash(board_path)
    result = run_cli("check")
    assert result.code == 0
    assert "belongs to another board" in result.out
    assert copy.exists() and file_hash(board_path) == before
    assert "Someone else's card" not in board_path.read_text(encoding="utf-8")


def test_files_that_only_look_alike_are_not_copies(board_path, store):
    store.add("Invoicing")
    for name in ("boards (1).json", "board.json.bak", "board (1).txt", "my board 2.json"):
        board_path.with_name(name).write_text("{}", encoding="utf-8")
    assert find_copies(board_path) == []


def test_stale_temp_files_are_removed_and_fresh_ones_kept(run_cli, board_path, store):
    store.add("Invoicing")
    stale = board_path.with_name("~board.json.0a1b2c3d.tmp")
    fresh = board_path.with_name("~board.json.9f8e7d6c.tmp")
    foreign = board_path.with_name("~other.json.0a1b2c3d.tmp")
    for temp in (stale, fresh, foreign):
        temp.write_text("half a board", encoding="utf-8")
    old = stale.stat().st_mtime - 120
    os.utime(stale, (old, old))
    os.utime(foreign, (old, old))
    result = run_cli("check")
    assert result.code == 0, result.err
    assert "removed 1" in result.out
    assert not stale.exists() and fresh.exists() and foreign.exists()


def test_check_of_a_file_that_is_not_a_board_is_one_line_and_exit_1(run_cli, board_path):
    board_path.write_text('{"hello": "world"}', encoding="utf-8")
    before = file_hash(board_path)
    result = run_cli("check")
    assert result.code == 1
    assert result.err.count("\n") == 1 and "not a delegate board" in result.err
    assert "Traceback" not in result.err and file_hash(board_path) == before


def test_check_of_a_missing_file_says_so(run_cli, board_path):
    result = run_cli("check")
    assert result.code == 1
    assert result.err.count("\n") == 1 and "does not exist" in result.err
    assert not board_path.exists()


def test_check_of_a_board_with_a_damaged_card_names_it(run_cli, board_path, store):
    card_id = store.add("Invoicing").id
    data = json.loads(board_path.read_text(encoding="utf-8"))
    data["cards"][card_id]["stage"] = "someday"
    board_path.write_text(json.dumps(data), encoding="utf-8")
    before = file_hash(board_path)
    result = run_cli("check")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert f"card {card_id[:8]} has an unknown stage 'someday'" in result.err
    assert file_hash(board_path) == before


def test_fold_for_the_ui_reports_who_changed_what(board_path, clock, alice):
    card_id = make_conflict(board_path, COPY_NAMES["Dropbox"], clock, alice)
    app_store = BoardStore(board_path, alice, clock=clock, background=True)
    try:
        report = fold_conflict_copies(app_store)
        assert card_id in report.changes and report.changes.users == ["bob"]
        assert report.summary() == (
            "merged 1 conflict copy (Dropbox): changes by bob to 2 cards, moved to .delegate-merged/"
        )
        assert app_store.card(card_id).owner == "Paul"
        assert on_disk(board_path)[card_id]["owner"] == "Paul"
        assert not app_store.reload()  # the fold is not reported a second time
    finally:
        app_store.close()


def test_the_watcher_tells_about_a_refused_copy_once(board_path, store, clock, alice):
    store.add("Invoicing")
    watcher = ConflictWatcher(store)
    assert watcher.poll() is None
    junk = board_path.with_name("board 2.json")
    junk.write_text("nope", encoding="utf-8")
    first = watcher.poll()
    assert first is not None and "left board 2.json alone" in first.summary()
    assert watcher.poll() is None
    junk.write_text("still nope, but changed", encoding="utf-8")
    assert watcher.poll() is not None
