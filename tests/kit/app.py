"""Helpers for the app tests: build the real app on a real board file, read the screen and the file."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from rich.console import Console
from textual.app import App
from textual.command import CommandPalette
from textual.pilot import Pilot

from delegate_tui.board.boardfile import read_board
from delegate_tui.core.model import Card
from delegate_tui.core.records import Identity, card_from_record, is_live
from delegate_tui.ui.app import RELOAD_EVERY, DelegateApp
from delegate_tui.ui.screens.card import CardScreen
from delegate_tui.ui.screens.prompt import PromptScreen
from tests.kit.basics import FrozenClock

SIZE = (120, 40)
DEADLINE = 3 * RELOAD_EVERY
"""How long a test waits for the app to notice a change (it polls the file every second)."""


def make_app(path: Path, clock: FrozenClock, identity: Identity, **kwargs: object) -> DelegateApp:
    return DelegateApp(path, identity=identity, clock=clock, **kwargs)  # type: ignore[arg-type]


def screen_text(app: App) -> str:
    """What the terminal shows right now, as plain text."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, force_terminal=True
    )
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def messages(app: App) -> list[str]:
    """The texts of the notifications the app has shown (run_test(notifications=True))."""
    return [n.message for n in app._notifications]


def on_disk(path: Path) -> dict[str, Card]:
    """The live cards in the board file, by title (the file as anyone else would read it)."""
    data, _sig = read_board(path)
    cards = [card_from_record(i, r) for i, r in data["cards"].items() if is_live(r)]
    return {c.title: c for c in cards}


def saved(app: DelegateApp, path: Path) -> dict[str, Card]:
    """Wait for the app's pending saves, then read the file."""
    app.store.flush()
    return on_disk(path)


async def wait_for(
    pilot: Pilot, condition: Callable[[], bool], what: str, within: float = DEADLINE
) -> None:
    """Let the app run until `condition()` holds, failing after `within` seconds."""
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, f"not within {within:g}s: {what}"
        await pilot.pause(0.05)


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


async def run_command(pilot: Pilot, name: str) -> None:
    """Open the command palette, type the command's name and run it."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await type_text(pilot, name)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause()


async def answer(pilot: Pilot, text: str, *, clear: int | Literal["all"] = 0) -> None:
    """Answer the open prompt: first delete `clear` characters before the cursor ("all": the
    whole line), then type `text` and press enter."""
    assert isinstance(pilot.app.screen, PromptScreen)
    if clear == "all":
        await pilot.press("ctrl+e", "ctrl+u")
    else:
        await pilot.press(*["backspace"] * clear)
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def open_card(pilot: Pilot) -> CardScreen:
    """Press enter on the selected card and return the card screen."""
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CardScreen)
    return pilot.app.screen
