"""Text from the file is data, never markup; bad boards fail before the UI; the demo board."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from pathlib import Path

from delegate_tui.board.demo import build_demo
from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.core.times import parse_time
from delegate_tui.core.vocabulary import LOG_KINDS, STAGES
from delegate_tui.ui.launch import make_demo_board
from delegate_tui.ui.widgets.column import Column
from tests.kit.app import SIZE, make_app, on_disk, screen_text
from tests.kit.basics import FrozenClock, file_hash

MARKUP = "[@click=app.quit]Pay[/]"
ESCAPES = "\x1b[31mRed alert\x1b[0m\x07"


def hostile_board(store: BoardStore) -> None:
    pay = store.add(MARKUP, "only-me", owner="[b]Bob[/b]")
    store.add_item(pay.id, "notes", text="[@click=app.bell]ring[/] \x1b]0;owned\x07 note")
    store.add_item(pay.id, "standards", text="[red]not red[/red]")
    store.add(ESCAPES, "only-me", owner="\x1b[2Jclear")


async def test_markup_and_escape_bytes_show_literally(store, board_path, clock, alice):
    hostile_board(store)
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert MARKUP in text
        assert "[b]Bob[/b]" in text
        assert "[31mRed alert[0m" in text  # the escape byte itself is stripped
        assert "\x1b" not in text and "\x07" not in text
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.bell]ring[/]" in text and "]0;owned note" in text
        assert "[red]not red[/red]" in text


async def test_clicking_hostile_text_fires_nothing(store, board_path, clock, alice):
    hostile_board(store)
    before = file_hash(board_path)
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        for x in range(2, 24, 3):
            await pilot.click(Column, offset=(x, 0))  # on the title
            await pilot.click(Column, offset=(x, 1))  # on the owner
        await pilot.click(Column, offset=(4, 3))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None
        await pilot.press("enter")
        await pilot.pause()
        for y in range(3, 10):
            await pilot.click(offset=(8, y))
        await pilot.pause()
        assert app.is_running
    app.store.flush()
    assert file_hash(board_path) == before


async def test_notifications_show_titles_literally(store, board_path, clock, alice):
    hostile_board(store)
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert f"Archived “{MARKUP}”" in screen_text(app)
        assert app.is_running


def test_a_file_that_is_not_a_board_fails_before_the_ui(run_cli, board_path):
    board_path.write_text('{"hello": "world"}', encoding="utf-8")
    before = file_hash(board_path)
    result = run_cli()
    assert result.code == 1
    assert "not a delegate board" in result.err and len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert file_hash(board_path) == before


def test_broken_json_fails_with_one_line(run_cli, board_path):
    board_path.write_text('{"_meta": ', encoding="utf-8")
    result = run_cli()
    assert result.code == 1 and "is not valid JSON" in result.err
    assert board_path.read_text(encoding="utf-8") == '{"_meta": '


def build(tmp: Path, name: str) -> BoardStore:
    store = BoardStore(tmp / name, Identity("sam", "dev-sam"), clock=FrozenClock())
    build_demo(store)
    return store


def test_demo_board_is_realistic(tmp_path):
    store = build(tmp_path, "demo.json")
    cards = store.cards()
    now = store.stamper.clock()
    assert 20 <= len(cards) <= 30
    assert Counter(c.stage for c in cards).keys() == set(STAGES)
    assert {e.kind for c in cards for e in c.log} == set(LOG_KINDS)
    assert any(now - parse_time(e.at) <= timedelta(days=7) for c in cards for e in c.log)
    assert all(parse_time(e.at) <= now for c in cards for e in c.log)
    assert any(s.done for c in cards for s in c.standards)
    assert any(not s.done for c in cards for s in c.standards)
    assert any(d.limit for c in cards for d in c.decisions)
    assert any(c.notes for c in cards) and any(c.owner for c in cards)
    assert any(not c.owner for c in cards if c.stage == "only-me")
    ages = {(now - parse_time(c.stage_since)).days // 7 for c in cards}
    assert len(ages) >= 6  # stage dates spread over many weeks
    titles = " ".join(c.title.lower() for c in cards)
    for word in (
        "invoice",
        "quote",
        "supplier",
        "payroll",
        "onboard",
        "social media",
        "bookkeeping",
    ):
        assert word in titles


def test_demo_board_is_the_same_every_time_under_a_frozen_clock(tmp_path):
    def shape(store: BoardStore) -> list[tuple]:
        return [
            (c.title, c.stage, c.position, c.stage_since, [e.at for e in c.log], c.standards_done)
            for c in store.cards()
        ]

    assert shape(build(tmp_path, "a.json")) == shape(build(tmp_path, "b.json"))


def test_make_demo_board_writes_a_board_file(tmp_path):
    path = make_demo_board(tmp_path, Identity("sam", "dev"), FrozenClock())
    assert len(on_disk(path)) >= 20
