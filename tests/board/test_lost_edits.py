"""Edits the open board holds reach the board file: when the other side won a conflict, and
when a save fails (issue 12, items 3 and 5). The real app through run_test, real files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from delegate_tui import config
from delegate_tui.board.conflicts import MERGED_FOLDER
from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.ui import launch
from tests.kit.app import SIZE, make_app, on_disk, type_text, wait_for

BOB = Identity("bob", "dev-bob")
COPY = "board.sync-conflict-20261201-120000-ABCDEFG.json"


@pytest.fixture
def board(store: BoardStore, board_path: Path, clock) -> Path:
    store.add("Invoicing", "only-me", owner="Marie")
    store.add("Quotes", "only-me")
    clock.advance(minutes=5)
    return board_path


async def add_card(pilot, title: str) -> None:
    await pilot.press("n")
    await type_text(pilot, title)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_open_board_writes_its_own_edits_back_when_the_other_side_won(
    board, clock, alice, tmp_path
):
    remote = tmp_path / "remote.json"
    shutil.copyfile(board, remote)  # the other machine's copy, before our edit reaches it
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await add_card(pilot, "Payroll")
        app.store.flush()
        assert "Payroll" in on_disk(board)
        bob = BoardStore(remote, BOB, clock=clock)  # bob edits his copy meanwhile
        bob.edit(bob.cards()[0].id, accountable="Bob")
        # What Syncthing does when the other side wins: ours becomes the conflict copy, and
        # bob's version is renamed over the board file.
        os.replace(board, board.with_name(COPY))
        os.replace(remote, board)
        await wait_for(
            pilot,
            lambda: "Payroll" in on_disk(board) and on_disk(board)["Invoicing"].accountable,
            "the board file holding both sides' edits",
        )
        await wait_for(pilot, lambda: not board.with_name(COPY).exists(), "the copy moved aside")
        await pilot.press("q")
    cards = on_disk(board)
    assert cards["Invoicing"].accountable == "Bob" and "Payroll" in cards
    assert (board.parent / MERGED_FOLDER / COPY).exists()


async def test_quitting_writes_what_the_file_lost_just_before(board, clock, alice, tmp_path):
    stale = tmp_path / "stale.json"
    shutil.copyfile(board, stale)  # the board as another machine has it: no Payroll
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await add_card(pilot, "Payroll")
        app.store.flush()
        os.replace(stale, board)  # that version lands just before the quit, before a poll
        app.store.close()  # what quitting does
        assert "Payroll" in on_disk(board)


def make_read_only(path: Path) -> None:
    path.chmod(0o444)  # refused by the store's own check, for root too


async def test_quitting_with_unsaved_changes_asks_and_a_rescue_copy_is_merged_back(
    board, clock, alice, run_cli, capsys
):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        make_read_only(board)
        await add_card(pilot, "Payroll")
        app.store.flush()
        assert app.store.unsaved
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "ChoiceScreen"  # asked, not quit
        await pilot.press("escape")  # back to the board: nothing lost, nothing written
        await pilot.pause()
        assert app.is_running and app.store.unsaved
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("down", "enter")  # write a rescue copy
        await pilot.pause()
    assert app.return_code == 1
    assert app.rescued is not None and app.rescued.parent == config.data_dir() / "rescue"
    assert "Payroll" not in on_disk(board)
    code = launch.finish(app)
    err = capsys.readouterr().err
    assert code == 1 and str(app.rescued) in err and "check" in err

    board.chmod(0o644)
    result = run_cli("check")
    assert result.code == 0 and "rescue copies: 1 found, 1 merged" in result.out
    assert "Payroll" in on_disk(board)
    assert not app.rescued.exists()  # moved aside: never merged twice
    assert (app.rescued.parent / "merged" / app.rescued.name).exists()


async def test_try_again_saves_once_the_file_takes_it(board, clock, alice):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        make_read_only(board)
        await add_card(pilot, "Payroll")
        app.store.flush()
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("enter")  # try again: still read-only
        await pilot.pause()
        assert app.is_running and app.store.unsaved
        board.chmod(0o644)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code in (0, None)
    assert launch.finish(app) == 0
    assert "Payroll" in on_disk(board)


async def test_quit_and_lose_them_says_so_with_a_non_zero_code(board, clock, alice, capsys):
    app = make_app(board, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        make_read_only(board)
        await add_card(pilot, "Payroll")
        app.store.flush()
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
    code = launch.finish(app)
    assert code == 1 and "were lost" in capsys.readouterr().err
    board.chmod(0o644)
    assert "Payroll" not in on_disk(board)
