"""A malformed conflict copy of the board is refused with its reason, never merged, and never
stops the open board's watcher (issue 12, item 4)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.ui.app import RELOAD_EVERY
from tests.kit.app import SIZE, make_app, messages, on_disk, wait_for

BOB = Identity("bob", "dev-bob")
DEEP = "board.sync-conflict-20261201-120000-DEEPAAA.json"
HUGE = "board.sync-conflict-20261201-120001-HUGEAAA.json"
GOOD = "board.sync-conflict-20261201-120002-GOODAAA.json"


@pytest.fixture
def board(store: BoardStore, board_path: Path, clock) -> Path:
    store.add("Invoicing", "only-me", owner="Marie")
    clock.advance(minutes=5)
    return board_path


def hostile_copy(board: Path, name: str, value: str) -> Path:
    """A copy of the board (same id) whose first card's owner is the raw JSON `value`."""
    data = json.loads(board.read_text(encoding="utf-8"))
    card_id = next(iter(data["cards"]))
    data["cards"][card_id]["owner"] = "@@VALUE@@"
    copy = board.with_name(name)
    copy.write_text(json.dumps(data).replace('"@@VALUE@@"', value), encoding="utf-8")
    return copy


def good_copy(board: Path, clock) -> Path:
    work = board.with_name("bob-work.json")
    shutil.copyfile(board, work)
    bob = BoardStore(work, BOB, clock=clock)
    bob.edit(bob.cards()[0].id, accountable="Bob")
    return work.rename(board.with_name(GOOD))


def test_check_refuses_deep_and_huge_copies_with_one_line_each(board, run_cli):
    deep = hostile_copy(board, DEEP, "[" * 100_000 + "]" * 100_000)
    huge = hostile_copy(board, HUGE, "9" * 5000)
    before = board.read_bytes()

    result = run_cli("check")

    assert result.code == 0, result.err
    assert "Traceback" not in result.err + result.out
    lines = [line for line in result.out.splitlines() if "where it is" in line]
    assert len(lines) == 2 and DEEP in lines[0] + lines[1] and HUGE in lines[0] + lines[1]
    assert deep.exists() and huge.exists()  # left in place, unread parts untouched
    assert board.read_bytes() == before
    assert on_disk(board)["Invoicing"].owner == "Marie"


async def test_a_bad_copy_is_said_once_and_the_watcher_goes_on(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        hostile_copy(board, DEEP, "[" * 100_000 + "]" * 100_000)
        await wait_for(
            pilot, lambda: any(DEEP in m for m in messages(app)), "the refusal of the copy"
        )
        await pilot.pause(2 * RELOAD_EVERY)
        assert len([m for m in messages(app) if DEEP in m]) == 1
        good = good_copy(board, clock)  # the watcher still folds the next copy
        await wait_for(pilot, lambda: not good.exists(), "the good copy merged and moved")
        await wait_for(
            pilot, lambda: on_disk(board)["Invoicing"].accountable == "Bob", "bob's edit"
        )
    assert board.with_name(DEEP).exists()
    assert on_disk(board)["Invoicing"].owner == "Marie"
