"""Starting up: the cycle collector rests until the first frame is drawn, then runs as usual."""

from __future__ import annotations

import gc

import pytest
from rich.console import RenderableType
from textual.screen import Screen

from delegate_tui.core.errors import BoardError
from delegate_tui.ui.app import DelegateApp
from tests.kit.app import SIZE, make_app


def watch_frames(app: DelegateApp) -> list[bool]:
    """Whether the collector was on at each frame the app drew."""
    states: list[bool] = []
    draw = app._display

    def display(screen: Screen, renderable: RenderableType | None) -> None:
        draw(screen, renderable)
        if renderable is not None:
            states.append(gc.isenabled())

    app._display = display  # type: ignore[method-assign]
    return states


async def test_the_collector_rests_until_the_first_frame(store, board_path, clock, alice):
    store.add("Invoicing")
    store.add("Payroll")
    assert gc.isenabled()
    app = make_app(board_path, clock, alice)
    frames = watch_frames(app)
    frozen = gc.get_freeze_count()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert frames and frames[0] is False  # the first frame: drawn with it resting
        assert gc.isenabled() and frames[-1] is True  # and on again since
        assert gc.get_freeze_count() > frozen  # what starting up built is set aside
    assert gc.isenabled()


async def test_an_app_that_ends_at_once_leaves_the_collector_on(store, board_path, clock, alice):
    store.add("Invoicing")
    app = make_app(board_path, clock, alice)
    async with app.run_test(size=SIZE):
        pass
    assert gc.isenabled()


def test_a_board_that_cannot_be_read_leaves_the_collector_on(board_path, clock, alice):
    board_path.write_text("{not json", encoding="utf-8")
    with pytest.raises(BoardError):  # the CLI makes it one line; here only the collector matters
        make_app(board_path, clock, alice)
    assert gc.isenabled()
