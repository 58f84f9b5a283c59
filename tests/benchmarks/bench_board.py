"""Time the board at 100, 1,000 and 10,000 cards against a bare Textual app (not a pytest test).

    python3 tests/benchmarks/bench_board.py [SIZES…]
    python3 tests/benchmarks/bench_board.py --languages [SIZE]   # French against English

For each size: open-to-interactive (from building the app, which reads the board file, to the
first frame that shows the board with a card selected, in the theme the app starts in, in
`run_test`) and the latency of moving a card (shift+right, and shift+left answered with escape at
"What happened?": from the key that makes the move to the first frame composed after it), median
of 30 presses. "To idle" adds what `pilot.press` +
`pilot.pause()` wait for (the process going quiet, background save included). A bare app with
three empty columns is timed in the same run for the ratios. Each run is a fresh process (after
one warm-up run of the bare app in it), bare and board runs taking turns. Targets at 10,000
cards: open within 3x the bare app, move within 50 ms median.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import RenderableType
from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from delegate_tui import locale  # noqa: E402
from delegate_tui.board.store import BoardStore  # noqa: E402
from delegate_tui.core.records import Identity  # noqa: E402
from delegate_tui.core.vocabulary import STAGES  # noqa: E402
from delegate_tui.ui.app import DelegateApp  # noqa: E402
from delegate_tui.ui.screens.board import BoardScreen  # noqa: E402
from delegate_tui.ui.themes import DEFAULT_THEME  # noqa: E402

SIZE = (120, 40)
PRESSES = 30
ROUNDS = 9
ME = Identity("bench", "dev-bench")


class BareApp(App[None]):
    """Three empty columns: the floor any Textual board pays."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            for stage in STAGES:
                with VerticalScroll():
                    yield Static(stage)
        yield Footer()


def make_board(folder: Path, count: int) -> Path:
    path = folder / f"board-{count}.json"
    store = BoardStore(path, ME)
    rows = [
        {
            "title": f"Task {n}: send the weekly report to client {n % 97}",
            "stage": STAGES[n % 3],
            "owner": ["Marie", "Karim", "", "Sophie"][n % 4],
            "hours_per_week": (n % 7) * 0.5,
        }
        for n in range(count)
    ]
    store.add_many(rows)
    store.close()
    return path


class Frames:
    """Records when the app composes a frame (headless runs compose frames but write nothing)."""

    def __init__(self, app: App, ready: Callable[[Screen], bool]) -> None:
        self.times: list[float] = []
        self.first_ready: float | None = None
        original = app._display

        def display(screen: Screen, renderable: RenderableType | None) -> None:
            original(screen, renderable)
            if renderable is not None:
                now = time.perf_counter()
                self.times.append(now)
                if self.first_ready is None and ready(screen):
                    self.first_ready = now

        app._display = display  # type: ignore[method-assign]

    def after(self, moment: float) -> float | None:
        return next((t for t in self.times if t >= moment), None)


async def time_keys(
    pilot: Pilot, frames: Frames, keys: list[str], done: list[float]
) -> tuple[float, float]:
    """Median press-to-frame latency, and median press-to-idle (pilot.press + pause) for keys.
    An entry of several keys ("shift+left escape") presses all but the last before the clock
    starts: the last one is timed."""
    to_frame, to_idle = [], []
    for entry in keys:
        *setup, key = entry.split()
        if setup:
            await pilot.press(*setup)
            await pilot.pause()
        done.clear()
        start = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        idle = time.perf_counter()
        shown = frames.after(done[0]) if done else None
        if shown is None:
            raise RuntimeError(f"no frame after {key}: {done} {frames.times[-3:]}")
        to_frame.append(shown - start)
        to_idle.append(idle - start)
    return statistics.median(to_frame), statistics.median(to_idle)


async def time_bare() -> tuple[float, float, float]:
    start = time.perf_counter()
    app = BareApp()
    frames = Frames(app, lambda screen: True)
    done: list[float] = []

    def bench() -> None:  # the bare app's key changes one label
        label = app.query_one(Static)
        label.update("only-me" if str(label.render()) != "only-me" else "only me")
        done.append(time.perf_counter())

    app.action_bench = bench  # type: ignore[attr-defined]
    app.bind("x", "bench")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert frames.first_ready is not None
        opened = frames.first_ready - start
        frame, idle = await time_keys(pilot, frames, ["x"] * PRESSES, done)
    return opened, frame, idle


async def time_board(path: Path, language: str = "en") -> tuple[float, float, float]:
    def ready(screen: Screen) -> bool:
        # A frame drawn before the start theme is on is not the board the user gets.
        on = screen.app.theme == (app.requested_theme or DEFAULT_THEME)
        return on and isinstance(screen, BoardScreen) and screen.current is not None

    start = time.perf_counter()
    locale.install(language)  # (the French catalog is read here: part of the open)
    app = DelegateApp(path, identity=ME)
    frames = Frames(app, ready)
    done: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert frames.first_ready is not None, "the board never showed a selected card"
        opened = frames.first_ready - start
        board = app.screen
        assert isinstance(board, BoardScreen)
        move = board.move_card

        def timed_move(*args: Any, **kwargs: Any) -> None:
            move(*args, **kwargs)
            done.append(time.perf_counter())

        board.move_card = timed_move  # type: ignore[method-assign]
        # A move back asks "What happened?" first: escape answers it, and moves the card.
        keys = ["shift+right", "shift+left escape"] * (PRESSES // 2)
        title = board.current.title if board.current else ""
        frame, idle = await time_keys(pilot, frames, keys, done)
        assert board.current is not None and board.current.title == title
        assert board.current.stage == "only-me"  # an even number of moves brings it home
    return opened, frame, idle


def time_store(path: Path) -> tuple[float, float]:
    """Outside Textual: reading the board file into the store, then building every card model
    (which the board no longer does when it opens; shown for scale)."""
    start = time.perf_counter()
    store = BoardStore(path, ME)
    read = time.perf_counter() - start
    start = time.perf_counter()
    store.cards()
    return read, time.perf_counter() - start


def median_of(runs: list[tuple[float, ...]]) -> tuple[float, ...]:
    return tuple(statistics.median(values) for values in zip(*runs, strict=True))


async def child(what: str, language: str) -> None:
    """One timing in this fresh process, after one warm-up run of the bare app."""
    await time_bare()  # the same warm-up (imports, caches) for both kinds of run
    figures = await time_bare() if what == "bare" else await time_board(Path(what), language)
    print(json.dumps(figures))


def in_child(what: str | Path, language: str = "en") -> tuple[float, ...]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(what), language], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return tuple(json.loads(done.stdout.strip().splitlines()[-1]))


def main(sizes: list[int]) -> int:
    folder = Path(tempfile.mkdtemp(prefix="delegate-bench-"))
    boards = {n: make_board(folder, n) for n in sizes}
    # Every run in a fresh process (what a user starts), bare and board runs taking turns, so
    # a machine that speeds up or slows down meanwhile weighs on both sides of each ratio.
    bare_runs: list[tuple[float, ...]] = []
    board_runs: dict[int, list[tuple[float, ...]]] = {n: [] for n in sizes}
    for _ in range(ROUNDS):
        for n in sizes:
            bare_runs.append(in_child("bare"))
            board_runs[n].append(in_child(boards[n]))
    bare_open, bare_frame, bare_idle = median_of(bare_runs)
    print(
        f"bare app (3 empty columns): open {bare_open * 1000:7.1f} ms, "
        f"key to frame {bare_frame * 1000:5.1f} ms, key to idle {bare_idle * 1000:5.1f} ms"
    )
    failed = False
    for n in sizes:
        opened, moved, idle = median_of(board_runs[n])
        read, models = median_of([time_store(boards[n]) for _ in range(ROUNDS)])
        ratio = opened / bare_open
        print(
            f"{n:>6} cards: open {opened * 1000:7.1f} ms ({ratio:4.2f}x bare; of which reading "
            f"the file {read * 1000:.0f} ms; all card models would take {models * 1000:.0f} ms), "
            f"move: key to frame {moved * 1000:5.1f} ms ({moved / bare_frame:4.2f}x bare), "
            f"to idle {idle * 1000:5.1f} ms"
        )
        if n >= 10_000:
            ok = ratio <= 3.0 and moved <= 0.050
            failed |= not ok
            print(f"        targets (open <= 3x bare, move <= 50 ms): {'met' if ok else 'MISSED'}")
    size_mb = max(p.stat().st_size for p in boards.values()) / 1e6
    runs = ROUNDS * len(sizes)
    print(
        f"(medians of {ROUNDS} fresh processes per size and {runs} of the bare app; "
        f"the largest board file is {size_mb:.1f} MB)"
    )
    return 1 if failed else 0


def languages(size: int) -> int:
    """The board opened and moved in French against English, runs taking turns."""
    folder = Path(tempfile.mkdtemp(prefix="delegate-bench-"))
    path = make_board(folder, size)
    runs: dict[str, list[tuple[float, ...]]] = {"en": [], "fr": []}
    for _ in range(ROUNDS):
        for language in runs:
            runs[language].append(in_child(path, language))
    (en_open, en_frame, _), (fr_open, fr_frame, _) = (median_of(runs[k]) for k in ("en", "fr"))
    ratio = fr_open / en_open
    print(
        f"{size:>6} cards: open English {en_open * 1000:7.1f} ms, French {fr_open * 1000:7.1f} ms"
        f" ({ratio:4.2f}x); move: key to frame English {en_frame * 1000:5.1f} ms, French "
        f"{fr_frame * 1000:5.1f} ms ({fr_frame / en_frame:4.2f}x)"
    )
    print(
        f"        target (French open within 10% of English): {'met' if ratio <= 1.1 else 'MISSED'}"
    )
    print(f"(medians of {ROUNDS} fresh processes per language, taking turns)")
    return 0 if ratio <= 1.1 else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        asyncio.run(child(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "en"))
        sys.exit(0)
    if sys.argv[1:2] == ["--languages"]:
        sys.exit(languages(int(sys.argv[2]) if len(sys.argv) > 2 else 10_000))
    chosen = [int(a.replace(",", "").replace("_", "")) for a in sys.argv[1:]] or [100, 1000, 10000]
    sys.exit(main(chosen))
