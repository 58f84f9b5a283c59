"""Two machines for real with the app open on one (issue 12): the other machine wins the conflict.

Two Syncthing instances share one board folder over 127.0.0.1 (tests/syncthing_kit.py). Ann
has the real app open on her board; Ben uses the real `delegate` command. While Ann's device is
paused, Ann edits through the app's keys and Ben through the command line, Ben last, so Ben's
file is the newer one: when the devices meet, Syncthing keeps Ben's version under the board's
name on Ann's machine and turns Ann's own version into a `.sync-conflict-….json` copy (named,
as Syncthing does, after the winning device: Ben's short ID). With the app still open and
nobody running `delegate check`, both board files must come to hold every edit of both sides,
and the copy may be moved into `.delegate-merged/` only once Ann's board file holds it.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from delegate_tui.board.conflicts import find_copies
from delegate_tui.core.errors import BoardError
from delegate_tui.core.model import Card
from delegate_tui.core.records import Identity
from delegate_tui.ui.app import DelegateApp
from tests.kit.app import SIZE, answer, messages, on_disk, wait_for
from tests.kit.syncthing import (
    Node,
    Timer,
    meet,
    needs_syncthing,
    part,
    send_board,
    start_sharing,
    two_machines,
)

pytestmark = [pytest.mark.system, needs_syncthing]
DEADLINE = 55.0
"""Seconds the whole round may take; the test fails (not hangs) past it."""
SETTLE = 20.0
"""Seconds from the conflict copy's arrival for both board files to hold every edit."""
ANN = Identity("ann", "ann-laptop")
ANN_CARDS = ("Call the bank", "Order paper", "Renew the insurance")
BEN_CARDS = ("Payroll", "Holiday plan")


@pytest.fixture
def machines(tmp_path: Path) -> Iterator[tuple[Node, Node]]:
    with two_machines(tmp_path) as nodes:
        yield nodes


def live(path: Path) -> dict[str, Card]:
    """The live cards of a board file by title; none while the file is away or unreadable."""
    try:
        return on_disk(path)
    except (BoardError, OSError):
        return {}


def anns_missing(cards: dict[str, Card]) -> list[str]:
    """Ann's edits (made in the app) that `cards` lacks."""
    gone = [] if "Invoicing and reminders" in cards else ["ann's rename of Invoicing"]
    return gone + [f"ann's card {t!r}" for t in ANN_CARDS if t not in cards]


def bens_missing(cards: dict[str, Card]) -> list[str]:
    """Ben's edits (made with `delegate`) that `cards` lacks."""
    gone = [f"ben's card {t!r}" for t in BEN_CARDS if t not in cards]
    invoicing = cards.get("Invoicing and reminders") or cards.get("Invoicing")
    if invoicing is None or invoicing.owner != "Paul":
        gone.append("ben's owner of Invoicing")
    if invoicing is None or "ben: who signs?" not in {e.text for e in invoicing.log}:
        gone.append("ben's log entry on Invoicing")
    quotes = cards.get("Quotes")
    if quotes is None or quotes.stage != "delegating":
        gone.append("ben's move of Quotes")
    return gone


def missing(path: Path) -> list[str]:
    cards = live(path)
    return anns_missing(cards) + bens_missing(cards)


def conflict_copies(node: Node) -> list[Path]:
    return [path for path, _tool in find_copies(node.board)]


def moved_aside(node: Node) -> list[Path]:
    return [path for path in node.merged() if ".sync-conflict-" in path.name]


async def ann_edits_in_the_app(pilot: Pilot) -> None:
    """Rename the first card and add three, with the keys."""
    app = pilot.app
    await pilot.press("home")
    await pilot.pause()
    assert app.screen.current.title == "Invoicing"  # type: ignore[attr-defined]
    await pilot.press("e")
    await pilot.pause()
    await answer(pilot, "Invoicing and reminders", clear="all")
    for title in ANN_CARDS:
        await pilot.press("n")
        await pilot.pause()
        await answer(pilot, title)


def ben_edits(ben: Node, invoicing: str, quotes: str) -> None:
    ben.delegate("edit", invoicing, "--owner", "Paul")
    ben.delegate("log", invoicing, "doubt", "ben: who signs?")
    ben.delegate("move", quotes, "delegating")
    for title in BEN_CARDS:
        ben.delegate("add", title)


async def test_the_open_app_keeps_its_edits_when_the_other_machine_wins_the_conflict(
    machines,
) -> None:
    ann, ben = machines
    try:
        await conflict_round(ann, ben)
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n{ann.log_tail()}\n{ben.log_tail()}") from None


async def conflict_round(ann: Node, ben: Node) -> None:
    timer = Timer(DEADLINE)
    await asyncio.to_thread(start_sharing, ann, ben, timer)
    invoicing = json.loads(ann.delegate("add", "Invoicing", "--json"))["id"]
    quotes = json.loads(ann.delegate("add", "Quotes", "--json"))["id"]
    await asyncio.to_thread(send_board, ann, ben, timer)

    app = DelegateApp(
        ann.board,
        identity=ANN,
        backup_dir=ann.home / "backups",
        config_folder=ann.home / "app-config",
    )
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await asyncio.to_thread(part, ann, ben, timer)
        await ann_edits_in_the_app(pilot)
        await wait_for(
            pilot, lambda: not anns_missing(live(ann.board)), "ann's edits saved by the app"
        )
        timer.note("ann's edits saved by the app")
        await asyncio.to_thread(ben_edits, ben, invoicing, quotes)
        timer.note("ben's edits made with delegate")
        # Syncthing keeps the file with the newer modification time: Ben's, made last.
        assert ben.board.stat().st_mtime_ns > ann.board.stat().st_mtime_ns
        await asyncio.to_thread(meet, ann, ben, timer)

        copies: set[str] = set()  # every conflict copy seen, in either folder or moved aside
        said: list[str] = []  # every notification, kept past its timeout for the report
        settle_until = timer.until
        while True:
            said += [m for m in messages(app) if m not in said]
            found = conflict_copies(ann) + conflict_copies(ben)
            moved = moved_aside(ann)  # read before the board: it must already hold the copy
            ann_lacks, ben_lacks = missing(ann.board), missing(ben.board)
            assert not (moved and ann_lacks), (
                f"{[p.name for p in moved]} moved aside while ann's board.json lacks {ann_lacks}"
            )
            if not copies and (found or moved):
                first = (found + moved)[0]
                timer.note(f"Syncthing made {first.name}")
                version = live(first)  # Ben won: the copy is Ann's version, without Ben's edits
                assert not anns_missing(version) and bens_missing(version), first.name
                settle_until = min(timer.until, time.monotonic() + SETTLE)
            copies |= {p.name for p in found + moved}
            settled = (
                copies
                and moved
                and not found
                and not ann_lacks
                and not ben_lacks
                and ann.board.read_bytes() == ben.board.read_bytes()
            )
            if settled:
                timer.note("both board files hold every edit, the copy moved aside")
                break
            if time.monotonic() > settle_until:
                raise AssertionError(
                    f"not settled in time, with the app open and no `delegate check`:\n"
                    f"  ann's board.json lacks {ann_lacks}\n"
                    f"  ben's board.json lacks {ben_lacks}\n"
                    f"  conflict copies: ann {[p.name for p in conflict_copies(ann)]}, "
                    f"ben {[p.name for p in conflict_copies(ben)]}; "
                    f"moved aside on ann {[p.name for p in moved]}\n"
                    f"  the app said: {said}"
                )
            await pilot.pause(0.1)
        await pilot.press("q")
        assert app.return_code == 0  # q quit the app
    timer.note("the app quit")

    assert missing(ann.board) == [], "ann's board after the app quit"
    assert missing(ben.board) == [], "ben's board after the app quit"
    assert ann.board.read_bytes() == ben.board.read_bytes()
    assert not conflict_copies(ann) and not conflict_copies(ben)
    # Ben won: the one copy is Ann's own version (named after the winner), and it sits aside.
    [copy] = moved_aside(ann)
    assert copies == {copy.name} and copy.name.endswith(f"-{ben.short_id}.json"), copies
    assert not anns_missing(live(copy)) and bens_missing(live(copy))
