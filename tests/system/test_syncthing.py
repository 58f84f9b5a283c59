"""Two machines for real: two Syncthing instances share one board folder over 127.0.0.1.

While one device is paused, both sides edit the same cards through the real `delegate`
command, so Syncthing makes a real `.sync-conflict-` copy when they meet again. After
`delegate check` on each side, both board files hold every edit. Nothing leaves 127.0.0.1
(see tests/syncthing_kit.py).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from delegate_tui.board.conflicts import find_copies
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
DEADLINE = 75.0
"""Seconds the whole exchange may take; the test fails (not hangs) past it."""


@pytest.fixture
def machines(tmp_path: Path) -> Iterator[tuple[Node, Node]]:
    with two_machines(tmp_path) as nodes:
        yield nodes


def holds_every_edit(cards: dict[str, Any], invoicing: str, quotes: str) -> bool:
    if invoicing not in cards or quotes not in cards:
        return False
    first, second = cards[invoicing], cards[quotes]
    logs = {e["text"] for e in first["log"].values()}
    return (
        first["title"] == "Invoicing and reminders"  # ann's edit
        and first["owner"] == "Paul"  # ben's edit of the same card
        and {"ann: sent twice", "ben: who signs?"} <= logs
        and [s["text"] for s in second["standards"].values()] == ["Check prices"]  # ann
        and second["stage"] == "delegating"  # ben
        and "Payroll" in {c["title"] for c in cards.values()}  # ben
    )


def test_two_syncthing_devices_with_a_conflict_end_with_every_edit(machines) -> None:
    ann, ben = machines
    try:
        exchange(ann, ben)
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n{ann.log_tail()}\n{ben.log_tail()}") from None


def exchange(ann: Node, ben: Node) -> None:
    timer = Timer(DEADLINE)
    start_sharing(ann, ben, timer)
    invoicing = json.loads(ann.delegate("add", "Invoicing", "--json"))["id"]
    quotes = json.loads(ann.delegate("add", "Quotes", "--json"))["id"]
    send_board(ann, ben, timer)

    part(ann, ben, timer)
    ann.delegate("edit", invoicing, "--title", "Invoicing and reminders")
    ann.delegate("log", invoicing, "error", "ann: sent twice")
    ann.delegate("standard", quotes, "Check prices")
    time.sleep(0.05)  # ben's file is the newer one: Syncthing keeps it, ann's becomes the copy
    ben.delegate("edit", invoicing, "--owner", "Paul")
    ben.delegate("log", invoicing, "doubt", "ben: who signs?")
    ben.delegate("move", quotes, "delegating")
    ben.delegate("add", "Payroll")
    meet(ann, ben, timer)
    timer.wait_for(
        "Syncthing to make a conflict copy",
        lambda: bool(find_copies(ann.board) or find_copies(ben.board)),
    )
    copies = [p.name for p, _tool in find_copies(ann.board) + find_copies(ben.board)]
    assert all(".sync-conflict-" in name for name in copies)

    checked = {"ann": 0, "ben": 0}
    while True:
        for node in (ann, ben):
            if find_copies(node.board) or not checked[node.name]:
                out = node.delegate("check")
                timer.note(f"check on {node.name}: {out}")
                checked[node.name] += 1
                assert "a valid board" in out
                node.scan()
        settled = (
            ann.board.read_bytes() == ben.board.read_bytes()
            and not find_copies(ann.board)
            and not find_copies(ben.board)
            and holds_every_edit(ann.cards(), invoicing, quotes)
        )
        if settled:
            break
        if timer.past():
            raise AssertionError(
                f"not settled: ann {ann.cards()}, ben {ben.cards()}, copies "
                f"{find_copies(ann.board) + find_copies(ben.board)}"
            )
        time.sleep(0.3)

    assert holds_every_edit(ben.cards(), invoicing, quotes)
    merged = ann.merged() + ben.merged()
    assert any(".sync-conflict-" in p.name for p in merged)
