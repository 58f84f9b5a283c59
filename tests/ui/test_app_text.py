"""The board and the card screen draw text from the file on the lines it belongs to: a newline
or a tab in a title never breaks a column, and bidi controls show as markers."""

from __future__ import annotations

import json
from pathlib import Path

from delegate_tui.board.store import BoardStore
from tests.kit.app import SIZE, make_app, messages, screen_text, wait_for
from tests.kit.basics import FrozenClock

FORGED = "Pay\nForged\tcard"
REVERSED = "Invoice \u202egnp.exe"
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _hand_edit(path: Path, card_id: str, **fields: object) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["cards"][card_id].update(fields)
    path.write_text(json.dumps(data), encoding="utf-8")


async def test_a_newline_in_a_title_stays_on_the_card_line(store, board_path, clock, alice):
    card = store.add("Invoicing", owner="Marie")
    store.add("Support", "delegating", owner="Paul")
    _hand_edit(board_path, card.id, title=FORGED, owner="Bob\u2028Evil")
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = screen_text(app).splitlines()
        assert len(rows) == SIZE[1]  # no line was added to the terminal
        title_row = next(r for r in rows if "Pay" in r)
        assert "Pay Forged card" in title_row and "Support" in title_row  # columns side by side
        assert any("Bob Evil" in r and "Paul" in r for r in rows)
        assert "\t" not in "".join(rows)


async def test_bidi_controls_show_as_markers_on_both_screens(store, board_path, clock, alice):
    card = store.add("Invoicing")
    store.add_item(card.id, "notes", text="placeholder")
    _hand_edit(board_path, card.id, title=REVERSED)
    data = json.loads(board_path.read_text(encoding="utf-8"))
    for note in data["cards"][card.id]["notes"].values():
        note["text"] = "Marie\u2067 sends\nPaul\tchecks"
    board_path.write_text(json.dumps(data), encoding="utf-8")
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Invoice <U+202E>gnp.exe" in text
        assert not set(BIDI) & set(text)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Invoice <U+202E>gnp.exe" in text
        assert "Marie<U+2067> sends" in text and "Paul checks" in text
        assert not set(BIDI) & set(text) and "\t" not in text


async def test_an_outside_change_is_announced_in_plain_text(
    store: BoardStore, board_path: Path, clock: FrozenClock, alice
):
    card = store.add("Invoicing")
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        data = json.loads(board_path.read_text(encoding="utf-8"))
        record = data["cards"][card.id]
        record["title"] = "Pay\x1b[2J\u202e"
        record["_stamps"]["title"] = ["2026-11-02T09:00:01.000000Z", "bob\x1b]0;x\x07\n", "dev-b"]
        board_path.write_text(json.dumps(data), encoding="utf-8")
        await wait_for(pilot, lambda: any("changed" in m for m in messages(app)), "a notice")
        notice = next(m for m in messages(app) if "changed" in m)
        assert notice == 'bob]0;x changed "Pay[2J<U+202E>"'
