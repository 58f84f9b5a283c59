"""Time the board file at 100, 1,000 and 10,000 cards against plain json (not a pytest test).

Run: python3 tests/benchmarks/bench_store.py [--sizes 100,1000,10000] [--repeat 7]

For each size it builds a realistic board in a temp folder (standards, notes, decisions, log
entries, stage history) and prints the median of several runs of:
  load          BoardStore(path) — read, parse, validate
  move+save     one move of a card and its save, on an open store (what the UI does)
  cold save     the first move+save after opening (what one CLI command does)
  json.loads    read the same file and json.loads it
  dump+fsync    json.dumps of the same data, write to a file, fsync
and the ratios. Target at 10,000 cards: move+save within 2x dump+fsync.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from delegate_tui.board import boardfile
from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import (
    Identity,
    Stamper,
    add_item,
    append_entry,
    new_card,
    new_id,
    set_fields,
)
from delegate_tui.core.vocabulary import AREAS, LOG_KINDS, STAGES

PEOPLE = ("Marie", "Paul", "Ana", "Karim", "Lea", "")
WORDS = [
    "invoice",
    "supplier",
    "order",
    "quote",
    "payroll",
    "stock",
    "delivery",
    "client",
    "call",
    "check",
    "review",
    "send",
    "plan",
    "monthly",
    "weekly",
    "report",
    "contract",
    "update",
    "prepare",
    "approve",
    "reminder",
    "count",
    "safety",
]
TARGET = 2.0


class StepClock:
    """A clock that moves a few minutes at every reading, so stamps look like real use."""

    def __init__(self) -> None:
        self.now = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=7)
        return self.now


def sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def build_board(path: Path, cards: int, seed: int = 1) -> list[str]:
    """Write a board of `cards` realistic cards; returns their ids."""
    rng = random.Random(seed)
    clock = StepClock()
    stampers = [Stamper(Identity(n or "leader", f"dev-{i}"), clock) for i, n in enumerate(PEOPLE)]
    data = boardfile.new_state("bench")
    ends = dict.fromkeys(STAGES, 0.0)
    for _ in range(cards):
        stamper = rng.choice(stampers)
        stage = rng.choice(STAGES)
        ends[stage] += 1.0
        record = new_card(
            {
                "title": sentence(rng, 2, 6),
                "stage": "only-me",
                "position": ends[stage],
                "owner": rng.choice(PEOPLE),
                "hours_per_week": round(rng.uniform(0, 10), 1),
                "area": rng.choice(("", *AREAS)),
                "description": sentence(rng, 0, 25),
            },
            stamper,
        )
        for index in range(STAGES.index(stage)):
            set_fields(record, {"stage": STAGES[index + 1]}, stamper)
            append_entry(
                record, "history", {"from": STAGES[index], "to": STAGES[index + 1]}, stamper
            )
        for _ in range(rng.randint(0, 4)):
            add_item(
                record,
                "standards",
                {"text": sentence(rng, 4, 12), "done": rng.random() < 0.5},
                stamper,
            )
        for _ in range(rng.randint(0, 2)):
            add_item(record, "notes", {"text": sentence(rng, 5, 15)}, stamper)
        if rng.random() < 0.3:
            add_item(
                record,
                "decisions",
                {"text": sentence(rng, 3, 8), "limit": "up to 200 EUR"},
                stamper,
            )
        for _ in range(rng.randint(0, 3)):
            append_entry(
                record,
                "log",
                {"kind": rng.choice(LOG_KINDS), "text": sentence(rng, 5, 20)},
                stamper,
            )
        data[boardfile.CARDS][new_id()] = record
    boardfile.write_atomic(path, boardfile.serialize(data))
    return list(data[boardfile.CARDS])


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def raw_dump_fsync(data: object, target: Path) -> None:
    text = json.dumps(data, ensure_ascii=False)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def measure(folder: Path, cards: int, repeat: int) -> dict[str, float]:
    path = folder / f"board-{cards}.json"
    ids = build_board(path, cards)
    me = Identity("bench", "dev-bench")
    rng = random.Random(cards)

    def one_move(store: BoardStore) -> None:
        card_id = rng.choice(ids)
        stage = store.card(card_id).stage
        store.move(card_id, STAGES[(STAGES.index(stage) + 1) % len(STAGES)])

    load_times, cold_times = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        fresh = BoardStore(path, me)
        opened = time.perf_counter()
        one_move(fresh)  # the first save after opening serializes every card
        load_times.append(opened - start)
        cold_times.append(time.perf_counter() - opened)
    load, cold = statistics.median(load_times), statistics.median(cold_times)

    store = BoardStore(path, me)
    one_move(store)  # the first save fills the line cache
    warm = median_time(lambda: one_move(store), repeat)

    def raw_loads() -> object:
        return json.loads(path.read_text(encoding="utf-8"))

    loads = median_time(raw_loads, repeat)
    data = raw_loads()
    dump = median_time(lambda: raw_dump_fsync(data, folder / "raw.json"), repeat)
    return {
        "cards": cards,
        "size_kb": path.stat().st_size / 1024,
        "load": load,
        "move_save": warm,
        "cold_save": cold,
        "loads": loads,
        "dump_fsync": dump,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    ms = 1000.0
    print(
        f"{'cards':>6} {'file KB':>8} {'load':>8} {'loads':>8} {'ratio':>6} "
        f"{'move+save':>10} {'cold save':>10} {'dump+fsync':>11} {'ratio':>6} {'cold':>6}"
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="delegate-bench-") as folder:
        for cards in sizes:
            r = measure(Path(folder), cards, args.repeat)
            results.append(r)
            print(
                f"{cards:>6} {r['size_kb']:>8.0f} {r['load'] * ms:>6.1f}ms {r['loads'] * ms:>6.1f}ms "
                f"{r['load'] / r['loads']:>5.1f}x {r['move_save'] * ms:>8.1f}ms "
                f"{r['cold_save'] * ms:>8.1f}ms {r['dump_fsync'] * ms:>9.1f}ms "
                f"{r['move_save'] / r['dump_fsync']:>5.2f}x {r['cold_save'] / r['dump_fsync']:>5.2f}x"
            )
    last = results[-1]
    ratio = last["move_save"] / last["dump_fsync"]
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(
        f"target at {last['cards']} cards: move+save within {TARGET:g}x dump+fsync: "
        f"{ratio:.2f}x ({verdict})"
    )


if __name__ == "__main__":
    main()
