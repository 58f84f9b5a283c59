"""Time the delegation insight at 100, 1,000 and 10,000 cards (not a pytest test).

Run: python3 tests/benchmarks/bench_insight.py [--sizes 100,1000,10000] [--repeat 5]

On the realistic board of bench_store.py it prints the median of several runs of:
  load      BoardStore(path) and its card models — what `delegate status` pays first
  insight   insight.build: verdict, hours, bought back, priorities, ages, check-ins, flow
  leader    insight.build and leader_insight.build_leader (issue 16: the leader's week, the
            teammates' absence, the absence test week by week and its projection), what
            `delegate status` and the `i` screen compute now
and the ratio of insight to load. Issue 16's target: `leader` within 2x the `insight` of the
commit before it (run this file in a worktree of that commit, taking turns). Target: the figures cost no more than opening the board, so
`delegate status` and the `i` screen feel as quick as `delegate list`.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_store import build_board, median_time

from delegate_tui.board.store import BoardStore
from delegate_tui.core import insight
from delegate_tui.core.records import Identity

try:
    from delegate_tui.core.leader_insight import build_leader
except ImportError:  # a worktree from before issue 16: its `insight` column is the "before"
    build_leader = None  # type: ignore[assignment]

TARGET = 1.0


def collected_time(action: Callable[[], object], repeat: int) -> float:
    """The median time of `action`, each run after a full collection (untimed): on a board of
    10,000 cards a collection of the whole heap costs as much as the figures, and would land
    on whichever run happens to trigger it."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(size: int, repeat: int) -> tuple[float, float, float | None]:
    who = Identity("bench", "dev-bench")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board.json"
        build_board(path, size)
        load = median_time(lambda: BoardStore(path, who).cards(), repeat)
        store = BoardStore(path, who)
        cards = store.cards()
        now = store.stamper.clock()
        figures = collected_time(lambda: insight.build(cards, now), repeat)
        leader = None
        if build_leader is not None:
            every = build_leader
            leader = collected_time(lambda: every(insight.build(cards, now), 40.0), repeat)
    return load, figures, leader


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    worst = 0.0
    print(f"{'cards':>7}  {'load':>9}  {'insight':>9}  {'leader':>9}  ratio")
    for size in (int(s) for s in args.sizes.split(",")):
        load, figures, leader = measure(size, args.repeat)
        ratio = figures / load
        worst = max(worst, ratio)
        after = f"{leader * 1000:7.1f}ms" if leader is not None else "      -  "
        times = f"{load * 1000:7.1f}ms  {figures * 1000:7.1f}ms  {after}"
        print(f"{size:>7}  {times}  {ratio:5.2f}x")
    verdict = "met" if worst <= TARGET else "MISSED"
    print(f"target: insight within {TARGET:g}x the load: {verdict} (worst {worst:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
