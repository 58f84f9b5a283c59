"""Time status snapshots at 100, 1,000 and 10,000 cards (not a pytest test).

Run: python3 tests/benchmarks/bench_export.py [--sizes 100,1000,10000] [--repeat 5]

On the realistic board of bench_store.py it prints the median of several runs of:
  load        BoardStore(path) — what every command pays first
  snapshot    make_snapshot: figures, time in stage, log and moves of the period, diff
  md/html/json/csv   each renderer on that snapshot
  write md    write_snapshot end to end (snapshot, render, file, recorded state)
and the ratio of `write md` to `load`. Target: an export costs no more than 2x opening the
board, so `delegate export` feels as quick as `delegate list`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_store import build_board, median_time

from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.snapshots.write import FORMATS, make_snapshot, write_snapshot

TARGET = 2.0
NOW = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)


def measure(size: int, repeat: int) -> list[float]:
    """Seconds for load, snapshot, each renderer and write md on a board of `size` cards."""
    who = Identity("bench", "dev-bench")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board.json"
        build_board(path, size)
        load = median_time(lambda: BoardStore(path, who), repeat)
        store = BoardStore(path, who)
        build = median_time(lambda: make_snapshot(store, now=NOW), repeat)
        snap = make_snapshot(store, now=NOW)
        renders = [median_time(lambda r=r: r[1](snap), repeat) for r in FORMATS.values()]
        write = median_time(lambda: write_snapshot(store, "md", now=NOW), repeat)
        return [load, build, *renders, write]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'cards':>7} {'load':>8} {'snapshot':>9}", end="")
    print("".join(f" {fmt:>7}" for fmt in FORMATS), f"{'write md':>9} {'ratio':>6}")
    worst = 0.0
    for size in (int(s) for s in args.sizes.split(",")):
        load, build, *renders, write = measure(size, args.repeat)
        ratio = write / load
        worst = max(worst, ratio)
        print(f"{size:>7} {load * 1000:>6.1f}ms {build * 1000:>7.1f}ms", end="")
        print("".join(f" {t * 1000:>5.1f}ms" for t in renders), end="")
        print(f" {write * 1000:>7.1f}ms {ratio:>5.2f}x")
    verdict = "met" if worst <= TARGET else "MISSED"
    print(f"target: write md <= {TARGET:g}x load — {verdict} (worst {worst:.2f}x)")


if __name__ == "__main__":
    main()
