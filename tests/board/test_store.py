"""BoardStore on a real file: every change, what the file looks like, backups, outside changes."""

from __future__ import annotations

import json
import os
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delegate_tui.board import boardfile, store_saving
from delegate_tui.board.boardfile import APP, FORMAT_VERSION
from delegate_tui.board.store import BoardStore
from delegate_tui.core.errors import BoardError, CardNotFound
from delegate_tui.core.model import StageChange
from delegate_tui.core.records import Identity, Stamper, set_fields, stamp_of, value_of
from delegate_tui.core.times import format_time, parse_time
from tests.kit.basics import START, FrozenClock

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def on_disk(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def disk_card(path: Path, card_id: str) -> dict:
    return on_disk(path)["cards"][card_id]


@pytest.fixture
def bob() -> Identity:
    return Identity(user="bob", device="dev-bob")


# ---------------------------------------------------------------- changes reach the file


def test_add_writes_a_stamped_card(store: BoardStore, board_path: Path) -> None:
    card = store.add("Invoicing", "delegating", owner="Marie", hours_per_week=3.0, area="finance")
    record = disk_card(board_path, card.id)
    assert UUID.match(card.id)
    assert (record["title"], record["stage"], record["owner"]) == (
        "Invoicing",
        "delegating",
        "Marie",
    )
    assert record["hours_per_week"] == 3.0 and record["area"] == "finance"
    # One shared stamp for every field of a new card (frozen clock, identity, device) ...
    assert record["_stamps"] == {"*": [format_time(START), "alice", "dev-alice"]}
    assert stamp_of(record, "title") == stamp_of(record, "owner") == record["_stamps"]["*"]
    # ... and fields holding their default are left out (they read as the default).
    assert "description" not in record and "archived_at" not in record
    assert value_of(record, "description") == "" and value_of(record, "archived_at") is None
    # Format 3: the id only as the key, and the creation is the `*` stamp: no history entry,
    # and no created_at/created_by, which would only repeat its time and user.
    at = format_time(START)
    line = next(x for x in board_path.read_text().splitlines() if x.startswith(f'"{card.id}":'))
    assert line.rstrip(",") == (
        f'"{card.id}":{{"title":"Invoicing","stage":"delegating","position":1.0,"owner":"Marie",'
        f'"hours_per_week":3.0,"area":"finance","_stamps":{{"*":["{at}","alice","dev-alice"]}}}}'
    )
    # The model still has its creation: in created_at, and first in the history (under its id).
    assert store.card(card.id).created_at == at
    [entry] = store.card(card.id).history
    assert entry == StageChange(card.id, at, None, "delegating", "alice")


def test_cards_go_to_the_end_of_their_column(store: BoardStore) -> None:
    ids = [store.add(t).id for t in ("A", "B", "C")]
    other = store.add("D", "team-owned")
    assert [c.id for c in store.cards()] == [*ids, other.id]
    assert [c.position for c in store.cards()] == [1.0, 2.0, 3.0, 1.0]


def test_edit_stamps_only_the_changed_fields(
    store: BoardStore, board_path: Path, clock: FrozenClock
) -> None:
    card = store.add("Invoicing", owner="Marie")
    clock.advance(days=1)
    store.edit(card.id, owner="Paul", title="Invoicing")  # the title is unchanged
    record = disk_card(board_path, card.id)
    assert record["owner"] == "Paul"
    assert record["_stamps"]["owner"][0].startswith("2026-11-03T09:00:00")
    assert "title" not in record["_stamps"]  # still under the card's first stamp
    assert stamp_of(record, "title")[0] == format_time(START)
    assert store.card(card.id).updated_at.startswith("2026-11-03")


def test_each_change_of_a_card_reaches_the_file(store: BoardStore, board_path: Path) -> None:
    """One store, several changes of one card in a row: the file follows every one."""
    card = store.add("Invoicing")
    store.move(card.id, "delegating")
    assert disk_card(board_path, card.id)["stage"] == "delegating"
    store.edit(card.id, owner="Marie")
    assert disk_card(board_path, card.id)["owner"] == "Marie"
    store.move(card.id, "team-owned")
    assert disk_card(board_path, card.id)["stage"] == "team-owned"
    store.log(card.id, "doubt", "Is Marie ready?")
    assert len(disk_card(board_path, card.id)["log"]) == 1


def test_move_appends_history(store: BoardStore, board_path: Path, clock: FrozenClock) -> None:
    card = store.add("Invoicing")
    store.add("Quotes", "delegating")
    clock.advance(days=2)
    assert store.move(card.id, "delegating") is True
    assert store.move(card.id, "delegating") is False  # already there: no save, no history
    moved = store.card(card.id)
    assert moved.stage == "delegating" and moved.position == 2.0
    assert [(h.from_stage, h.to_stage) for h in moved.history] == [
        (None, "only-me"),
        ("only-me", "delegating"),
    ]
    assert moved.stage_since.startswith("2026-11-04")
    # The file holds the move alone (the creation is implied), filed under its id only.
    [(key, stored)] = disk_card(board_path, card.id)["history"].items()
    assert key == moved.history[1].id
    assert (stored["from"], stored["to"], "id" in stored) == ("only-me", "delegating", False)


def test_reorder_swaps_neighbours(store: BoardStore, board_path: Path) -> None:
    a, b, c = (store.add(t).id for t in "ABC")
    assert store.reorder(c, -1) is True
    assert [x.id for x in store.cards()] == [a, c, b]
    assert store.reorder(a, -1) is False  # already first
    assert store.reorder(b, 1) is False  # already last
    positions = {i: disk_card(board_path, i)["position"] for i in (a, b, c)}
    assert positions[a] < positions[c] < positions[b]


def test_archive_and_restore_from_archive(store: BoardStore, board_path: Path) -> None:
    card = store.add("Invoicing")
    store.archive(card.id)
    assert store.cards() == [] and [c.id for c in store.cards(archived=True)] == [card.id]
    assert disk_card(board_path, card.id)["archived_at"] == store.card(card.id).archived_at
    store.archive(card.id, archived=False)
    assert [c.id for c in store.cards()] == [card.id]
    assert "archived_at" not in disk_card(board_path, card.id)


def test_delete_leaves_a_tombstone(store: BoardStore, board_path: Path) -> None:
    card = store.add("Invoicing")
    keep = store.add("Quotes")
    store.delete(card.id)
    assert [c.id for c in store.all_cards()] == [keep.id]
    record = disk_card(board_path, card.id)  # still in the file ...
    assert record["deleted_at"] and record["_stamps"]["deleted_at"][1] == "alice"
    with pytest.raises(CardNotFound):
        store.card(card.id)  # ... but gone for readers
    with pytest.raises(CardNotFound):
        store.resolve(card.id[:8])


def test_items_standards_notes_decisions(store: BoardStore, board_path: Path) -> None:
    card = store.add("Invoicing")
    first = store.add_item(card.id, "standards", text="Send by the 5th")
    store.add_item(card.id, "standards", text="Check VAT numbers")
    store.add_item(card.id, "notes", text="Marie does it, I sign")
    store.add_item(card.id, "decisions", text="Payment delays", limit="up to 30 days")
    store.edit_item(card.id, "standards", first, done=True)
    shown = store.card(card.id)
    assert [(s.text, s.done) for s in shown.standards] == [
        ("Send by the 5th", True),
        ("Check VAT numbers", False),
    ]
    assert shown.standards_done == 1
    assert [n.text for n in shown.notes] == ["Marie does it, I sign"]
    assert [(d.text, d.limit) for d in shown.decisions] == [("Payment delays", "up to 30 days")]
    store.delete_item(card.id, "standards", first)
    assert [s.text for s in store.card(card.id).standards] == ["Check VAT numbers"]
    stored = disk_card(board_path, card.id)["standards"][first]
    assert stored["deleted_at"] and stored["done"] is True  # a tombstone, not a removal
    assert "created_at" not in stored  # an item's creation is its `*` stamp too


def test_log_entries_in_time_order(store: BoardStore, board_path: Path, clock: FrozenClock) -> None:
    card = store.add("Invoicing")
    store.log(card.id, "error", "Wrong VAT rate")
    clock.advance(days=1)
    second = store.log(card.id, "adjustment", "Added a check")
    log = store.card(card.id).log
    assert [(e.kind, e.text, e.by) for e in log] == [
        ("error", "Wrong VAT rate", "alice"),
        ("adjustment", "Added a check", "alice"),
    ]
    assert disk_card(board_path, card.id)["log"][second]["at"].startswith("2026-11-03")


def test_restore_undoes_and_redoes(store: BoardStore, board_path: Path) -> None:
    card = store.add("Invoicing", owner="Marie")
    before = store.record(card.id)
    store.move(card.id, "delegating")
    store.edit(card.id, owner="Paul")
    item = store.add_item(card.id, "notes", text="Paul reports on Fridays")
    after = store.record(card.id)

    store.restore(card.id, before)  # undo
    undone = store.card(card.id)
    assert (undone.stage, undone.owner, undone.notes) == ("only-me", "Marie", [])
    record = disk_card(board_path, card.id)
    assert (record["stage"], record["owner"]) == ("only-me", "Marie")
    assert record["notes"][item]["deleted_at"]
    assert undone.history[-1].to_stage == "only-me"  # the undo is itself a stage change

    store.restore(card.id, after)  # redo
    redone = store.card(card.id)
    assert (redone.stage, redone.owner) == ("delegating", "Paul")
    assert [n.text for n in redone.notes] == ["Paul reports on Fridays"]
    assert disk_card(board_path, card.id)["owner"] == "Paul"


def test_restore_none_deletes_and_a_copy_brings_back(store: BoardStore, board_path: Path) -> None:
    card = store.add("Invoicing")
    copy = store.record(card.id)
    store.restore(card.id, None)  # undo of an add
    assert store.all_cards() == []
    assert disk_card(board_path, card.id)["deleted_at"]
    store.restore(card.id, copy)  # redo of the add / undo of the delete
    assert [c.title for c in store.cards()] == ["Invoicing"]
    assert value_of(disk_card(board_path, card.id), "deleted_at") is None


def test_add_many_is_all_or_nothing(store: BoardStore, board_path: Path) -> None:
    store.add("Invoicing")
    before = board_path.read_bytes()
    with pytest.raises(ValueError, match="unknown stage"):
        store.add_many([{"title": "A"}, {"title": "B", "stage": "later"}])
    assert board_path.read_bytes() == before
    assert [c.title for c in store.cards()] == ["Invoicing"]


# ---------------------------------------------------------------- the file


def test_reopening_reads_the_same_state(
    store: BoardStore, board_path: Path, alice: Identity, clock: FrozenClock
) -> None:
    card = store.add("Invoicing", owner="Marie", hours_per_week=2.5)
    store.add_item(card.id, "standards", text="Send by the 5th")
    store.log(card.id, "doubt", "Ready?")
    store.move(card.id, "delegating")
    gone = store.add("Old")
    store.delete(gone.id)
    store.archive(store.add("Done").id)
    again = BoardStore(board_path, alice, clock=clock)
    assert again.all_cards() == store.all_cards()
    assert again.board_id == store.board_id
    assert again.record(card.id) == store.record(card.id)


def test_the_file_has_a_meta_header_and_one_card_per_line(
    store: BoardStore, board_path: Path
) -> None:
    ids = [store.add(f"Card {n}").id for n in range(5)]
    store.add_item(ids[0], "notes", text="line\nbreaks stay inside the line")
    data = on_disk(board_path)
    meta = data["_meta"]["board"]
    assert (meta["app"], meta["format"]) == (APP, FORMAT_VERSION)
    assert meta["board_id"] == store.board_id and UUID.match(meta["board_id"])
    assert meta["name"] == "board"
    lines = board_path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('{"_meta":')
    card_lines = [line for line in lines if any(line.startswith(f'"{i}":') for i in ids)]
    assert len(card_lines) == 5
    for card_id, line in zip(ids, card_lines, strict=True):
        assert json.loads("{" + line.rstrip(",") + "}")[card_id]["title"].startswith("Card")


def test_no_tinydb_integer_ids(store: BoardStore, board_path: Path) -> None:
    for n in range(3):
        store.add(f"Card {n}")
    data = on_disk(board_path)
    assert set(data) == {"_meta", "cards"}  # no '_default' table
    assert all(UUID.match(key) and "id" not in card for key, card in data["cards"].items())
    assert not re.search(r'"\d+":', board_path.read_text())


def test_no_temp_files_are_left(store: BoardStore, board_path: Path) -> None:
    for n in range(5):
        store.add(f"Card {n}")
    assert [p.name for p in board_path.parent.iterdir()] == ["board.json"]


def test_a_failed_write_removes_its_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "board.json"
    target.mkdir()  # os.replace over a folder fails, after the temp file was written
    (target / "keep").write_text("x")
    with pytest.raises(BoardError, match="cannot write"):
        boardfile.write_atomic(target, "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.json"]


def test_the_file_is_written_only_through_rename(store: BoardStore, board_path: Path) -> None:
    store.add("Invoicing")
    inode = board_path.stat().st_ino
    store.add("Quotes")
    assert board_path.stat().st_ino != inode  # a new file, never rewritten in place


def test_a_missing_file_is_created_on_the_first_save_only(
    board_path: Path, alice: Identity, clock: FrozenClock
) -> None:
    store = BoardStore(board_path, alice, clock=clock)
    assert store.cards() == [] and not board_path.exists()
    store.add("Invoicing")
    assert board_path.exists()


# ---------------------------------------------------------------- outside changes


def test_two_stores_edit_different_fields_of_one_card(
    board_path: Path, alice: Identity, bob: Identity, clock: FrozenClock
) -> None:
    mine = BoardStore(board_path, alice, clock=clock)
    card = mine.add("Invoicing")
    theirs = BoardStore(board_path, bob, clock=clock)
    clock.advance(minutes=1)
    mine.edit(card.id, title="Invoicing and reminders")
    clock.advance(minutes=1)
    theirs.edit(card.id, owner="Marie")  # saved over a file that changed since bob read it
    record = disk_card(board_path, card.id)
    assert (record["title"], record["owner"]) == ("Invoicing and reminders", "Marie")
    assert stamp_of(record, "title")[1:] == ["alice", "dev-alice"]
    assert stamp_of(record, "owner")[1:] == ["bob", "dev-bob"]
    assert card.id in set(mine.reload())
    assert mine.card(card.id).owner == "Marie"
    assert mine.who_changed(card.id) == "bob"
    assert set(mine.reload()) == set()  # nothing new since


def test_two_stores_add_cards_and_both_survive(
    board_path: Path, alice: Identity, bob: Identity, clock: FrozenClock
) -> None:
    mine = BoardStore(board_path, alice, clock=clock)
    theirs = BoardStore(board_path, bob, clock=clock)  # both start before the file exists
    a = mine.add("Mine").id
    b = theirs.add("Theirs").id  # adopts the board id the first save wrote
    assert theirs.board_id == mine.board_id
    assert set(on_disk(board_path)["cards"]) == {a, b}
    c = mine.add("Mine again").id
    assert set(on_disk(board_path)["cards"]) == {a, b, c}


def test_a_delete_is_not_undone_by_an_older_copy(
    board_path: Path, alice: Identity, bob: Identity, clock: FrozenClock
) -> None:
    mine = BoardStore(board_path, alice, clock=clock)
    card = mine.add("Invoicing")
    theirs = BoardStore(board_path, bob, clock=clock)
    clock.advance(minutes=1)
    mine.delete(card.id)
    clock.advance(minutes=1)
    theirs.add("Quotes")  # bob's copy still has the card alive
    assert disk_card(board_path, card.id)["deleted_at"]
    assert [c.title for c in BoardStore(board_path, alice).all_cards()] == ["Quotes"]


def test_a_file_replaced_by_rename_under_the_store(
    store: BoardStore, board_path: Path, bob: Identity, clock: FrozenClock
) -> None:
    """What a sync tool does: write a new file elsewhere and rename it over the board."""
    card = store.add("Invoicing")
    data = on_disk(board_path)
    clock.advance(minutes=1)
    set_fields(data["cards"][card.id], {"owner": "Marie"}, Stamper(bob, clock))
    incoming = board_path.with_name(".syncthing.board.json.tmp")
    incoming.write_text(boardfile.serialize(data), encoding="utf-8")
    os.replace(incoming, board_path)
    clock.advance(minutes=1)
    store.edit(card.id, title="Invoicing and reminders")
    record = disk_card(board_path, card.id)
    assert (record["title"], record["owner"]) == ("Invoicing and reminders", "Marie")
    assert store.card(card.id).owner == "Marie"


def test_reload_takes_in_outside_changes(
    store: BoardStore, board_path: Path, bob: Identity, clock: FrozenClock
) -> None:
    card = store.add("Invoicing")
    assert set(store.reload()) == set()
    other = BoardStore(board_path, bob, clock=clock)
    clock.advance(minutes=1)
    new = other.add("Quotes")
    other.move(card.id, "delegating")
    assert set(store.reload()) == {card.id, new.id}
    assert store.card(card.id).stage == "delegating"
    assert {c.title for c in store.cards()} == {"Invoicing", "Quotes"}


def test_a_board_removed_under_the_store_is_written_back_whole(
    store: BoardStore, board_path: Path
) -> None:
    store.add("Invoicing")
    board_path.unlink()
    store.add("Quotes")
    assert {c["title"] for c in on_disk(board_path)["cards"].values()} == {"Invoicing", "Quotes"}


def test_another_board_is_not_merged(
    store: BoardStore, board_path: Path, bob: Identity, tmp_path: Path
) -> None:
    store.add("Invoicing")
    elsewhere = BoardStore(tmp_path / "other.json", bob)
    elsewhere.add("Quotes")
    os.replace(tmp_path / "other.json", board_path)
    before = board_path.read_bytes()
    with pytest.raises(ValueError, match="different boards"):
        store.add("Payroll")
    assert board_path.read_bytes() == before


def test_background_saves_arrive_after_flush(
    board_path: Path, alice: Identity, clock: FrozenClock
) -> None:
    store = BoardStore(board_path, alice, clock=clock, background=True)
    ids = [store.add(f"Card {n}").id for n in range(20)]
    store.move(ids[0], "team-owned")
    store.flush()
    data = on_disk(board_path)
    assert set(data["cards"]) == set(ids)
    assert data["cards"][ids[0]]["stage"] == "team-owned"
    store.close()


def test_the_first_save_removes_old_temp_files_of_killed_writers(
    board_path: Path, alice: Identity, clock: FrozenClock
) -> None:
    BoardStore(board_path, alice, clock=clock).add("Invoicing")
    old = board_path.with_name("~board.json.0badf00d.tmp")
    young = board_path.with_name("~board.json.5afe5afe.tmp")  # maybe a save in progress
    other = board_path.with_name("~other.json.0badf00d.tmp")  # not ours
    for path in (old, young, other):
        path.write_text("{half a bo")
    long_ago = old.stat().st_mtime - boardfile.STALE_TEMP - 1
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    store = BoardStore(board_path, alice, clock=clock)
    store.add("Quotes")
    assert not old.exists() and young.exists() and other.exists()


def test_a_store_that_adopts_the_board_backs_up_under_its_id(
    board_path: Path, alice: Identity, bob: Identity, clock: FrozenClock, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    mine = BoardStore(board_path, alice, clock=clock, backup_dir=folder)
    theirs = BoardStore(board_path, bob, clock=clock, backup_dir=folder)  # both before the file
    mine.add("Mine")
    theirs.add("Theirs")  # its first save backs up the file mine wrote
    assert [p.parent.name for p in theirs.backups.list()] == [mine.board_id]
    assert [p.name for p in folder.iterdir()] == [mine.board_id]


def test_a_board_reached_through_a_symlink_stays_where_the_link_points(
    tmp_path: Path, alice: Identity, clock: FrozenClock
) -> None:
    synced = tmp_path / "Sync"
    synced.mkdir()
    target = synced / "board.json"
    BoardStore(target, alice, clock=clock).add("Invoicing")
    link = tmp_path / "board.json"
    link.symlink_to(target)
    BoardStore(link, alice, clock=clock).add("Quotes")
    assert link.is_symlink()
    assert {c["title"] for c in on_disk(target)["cards"].values()} == {"Invoicing", "Quotes"}


def test_editing_a_standard_keeps_its_place_in_the_checklist(store, clock) -> None:
    card = store.add("Invoicing")
    first = store.add_item(card.id, "standards", text="Export timesheets")
    clock.advance(minutes=1)
    store.add_item(card.id, "standards", text="Check rates")
    clock.advance(minutes=1)
    store.edit_item(card.id, "standards", first, text="Export timesheets on the 1st")
    reopened = BoardStore(store.path, store.identity, clock=clock)
    assert [s.text for s in reopened.card(card.id).standards] == [
        "Export timesheets on the 1st",
        "Check rates",
    ]


@given(st.datetimes(min_value=datetime(1970, 1, 1), timezones=st.just(UTC)))
def test_stored_times_read_back_exactly(moment: datetime) -> None:
    text = format_time(moment)
    assert parse_time(text) == moment and parse_time(text).utcoffset() == timedelta(0)
    with pytest.raises(ValueError):
        parse_time(text[:10])  # a date alone is not a stored time


def test_the_writer_serialises_the_cards_ahead_of_the_first_save(
    board_path: Path, alice: Identity, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first save of a session no longer serialises every card under the lock; the cards
    it serialised ahead must still be written as they are when the save happens."""
    ids = BoardStore(board_path, alice, clock=clock).add_many(
        [{"title": f"Card {n}"} for n in range(450)]  # more than one WARM_CHUNK
    )
    monkeypatch.setattr(store_saving, "WARM_AFTER", 0.0)
    store = BoardStore(board_path, alice, clock=clock, background=True)
    try:
        for _ in range(1000):  # the writer thread gets to it within moments
            if len(store._lines) == len(ids):
                break
            time.sleep(0.01)
        assert len(store._lines) == len(ids)
        store.edit(ids[3], title="Renamed")
        store.move(ids[400], "team-owned")
        store.flush()
        assert board_path.read_text(encoding="utf-8") == boardfile.serialize(store._data)
        on_disk = json.loads(board_path.read_text(encoding="utf-8"))["cards"]
        assert (on_disk[ids[3]]["title"], on_disk[ids[400]]["stage"]) == ("Renamed", "team-owned")
    finally:
        store.close()
