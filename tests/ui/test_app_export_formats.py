"""The board's `x` key follows the snapshots' rule: each format compares with its own previous
snapshot, so an HTML page and a Markdown update written together list the same new log entry."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.snapshots.write import write_snapshot
from delegate_tui.ui.screens.board import BoardScreen
from delegate_tui.ui.screens.export import ExportScreen
from tests.kit.app import SIZE, make_app, messages, wait_for
from tests.kit.basics import FrozenClock

DOUBT = "Is Karim ready for the big suppliers?"


async def test_x_html_then_x_markdown_list_the_same_new_log_entry(
    store: BoardStore, board_path: Path, clock: FrozenClock, alice: Identity
) -> None:
    orders = store.add("Supplier orders", "delegating", owner="Karim", hours_per_week=2).id
    earlier = clock().astimezone() - timedelta(days=1)
    write_snapshot(store, "md", now=earlier)
    write_snapshot(store, "html", now=earlier)
    store.log(orders, "doubt", DOUBT)
    store.flush()  # on disk before the app opens the board
    clock.advance(minutes=1)  # the entry is stamped just after the moment it was made
    folder = board_path.parent / "snapshots"
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        for count, key in enumerate(["2", "1"], 1):  # HTML, then Markdown
            await pilot.press("x")
            assert isinstance(app.screen, ExportScreen)
            await pilot.press(key)
            await wait_for(
                pilot,
                lambda count=count: sum("Snapshot written" in m for m in messages(app)) == count,
                "the toast",
                within=10,
            )
        assert isinstance(app.screen, BoardScreen)
    page = (folder / f"board-{clock().astimezone():%Y-%m-%d-%H%M}.html").read_text()
    text = (folder / f"board-{clock().astimezone():%Y-%m-%d-%H%M}.md").read_text()
    assert f"New log entry on <strong>Supplier orders</strong> (Doubts): {DOUBT}" in page
    assert f"- New log entry on **Supplier orders** (Doubts): {DOUBT}" in text
    assert "Nothing changed." not in text
