"""Provides everything a reader of the board sees, gathered in one comparable value: the Card
models, the card lines of the board, `delegate show` (text and --json), `delegate list`,
`status --json`, the insight summary and the four snapshots with their "since the last
snapshot" part. Undo tests compare it before and after a change and its undo.

The one field left out is the model's `updated_at` (`show --json`): it says when the card was
last written, and an undo is a write (see docs/the-board.md, undo)."""

from __future__ import annotations

import argparse
import contextlib
import io
from datetime import datetime
from typing import Any

from rich.style import Style

from delegate_tui.board.store import BoardStore
from delegate_tui.cli import cards as cli_cards
from delegate_tui.cli.status import status, summary
from delegate_tui.snapshots.previous import Previous
from delegate_tui.snapshots.snapshot import build_snapshot
from delegate_tui.snapshots.write import FORMATS
from delegate_tui.ui.widgets.card_lines import CardStyles, render_card

PLAIN = Style()
STYLES = CardStyles(*([PLAIN] * 10))

HONEST = ("updated_at",)
"""What a change and its undo leave different on purpose (see the module's docstring)."""


def _printed(command: Any, store: BoardStore, **args: Any) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        command(argparse.Namespace(**args), store)
    return out.getvalue()


def _model(card: Any) -> dict[str, Any]:
    return {k: v for k, v in card.to_json().items() if k not in HONEST}


def views(store: BoardStore, now: datetime, previous: Previous | None) -> dict[str, Any]:
    """What a reader sees of the board at `now` (the store's clock is set to it meanwhile),
    with the snapshots' changes since `previous`."""
    clock: Any = store.stamper.clock
    then, clock.now = clock.now, now
    try:
        live, archived = store.cards(), store.cards(archived=True)
        seen: dict[str, Any] = {
            "models": [_model(c) for c in live],
            "archived": [_model(c) for c in archived],
            "lines": [
                [strip.text for strip in render_card(c, 40, now, "plain", STYLES)] for c in live
            ],
            "show": {
                c.id: _printed(cli_cards.cmd_show, store, card=c.id, json=False)
                for c in live + archived
            },
            "list": _printed(cli_cards.cmd_list, store, stage=None, archived=False, json=False),
            "status": status(store).to_json(),
            "summary": summary(status(store), store.name),
        }
        snap = build_snapshot(
            live, board=store.name, board_id=store.board_id, now=now, previous=previous
        )
        for fmt, (_ext, render) in FORMATS.items():
            seen[fmt] = render(snap)
        return seen
    finally:
        clock.now = then


def baseline(store: BoardStore, now: datetime) -> Previous:
    """The state a snapshot made at `now` records for the next one."""
    snap = build_snapshot(store.cards(), board=store.name, board_id=store.board_id, now=now)
    found = Previous.from_state(snap.state(), store.board_id)
    assert found is not None
    return found
