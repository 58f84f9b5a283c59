"""Time the merge of two copies of one board at 10,000 cards (not a pytest test).

Run: python3 tests/benchmarks/bench_merge.py [--cards 10000] [--repeat 15]

Two copies of a realistic board (bench_store.build_board), each parsed from the file on its own
(no record shared by identity, as when the store merges the file it reads back in), then:
  few     each side edited 50 cards of its own (a title, a note, a log entry): the usual case
  all     one side moved every card (every record differs): the worst case
and the median time of `merge_onto(ours, disk)` and `merge_boards(ours, disk)` for each.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from delegate_tui.board import boardfile
from delegate_tui.core.merge import merge_boards, merge_onto
from delegate_tui.core.records import Identity, Stamper, add_item, append_entry, set_fields
from delegate_tui.core.vocabulary import STAGES
from tests.benchmarks.bench_store import StepClock, build_board, median_time


def median_ms(action: Callable[[], object], repeat: int) -> float:
    return median_time(action, repeat) * 1000.0


def edit(cards: dict[str, Any], ids: list[str], stamper: Stamper) -> None:
    for card_id in ids:
        record = cards[card_id]
        set_fields(record, {"title": f"edited {card_id[:4]}"}, stamper)
        add_item(record, "notes", {"text": "a note"}, stamper)
        append_entry(record, "log", {"kind": "doubt", "text": "why"}, stamper)


def move_all(cards: dict[str, Any], stamper: Stamper) -> None:
    for record in cards.values():
        stage = record.get("stage", "only-me")
        set_fields(record, {"stage": STAGES[(STAGES.index(stage) + 1) % len(STAGES)]}, stamper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    clock = StepClock()
    ann, ben = (Stamper(Identity(n, f"dev-{n}"), clock) for n in ("ann", "ben"))
    with tempfile.TemporaryDirectory(prefix="delegate-bench-") as folder:
        path = Path(folder) / "board.json"
        ids = build_board(path, args.cards)
        text = path.read_text(encoding="utf-8")
    rng = random.Random(7)
    chosen = rng.sample(ids, 100)
    ours, disk = json.loads(text), json.loads(text)
    edit(ours[boardfile.CARDS], chosen[:50], ann)
    edit(disk[boardfile.CARDS], chosen[50:], ben)
    moved = json.loads(text)
    move_all(moved[boardfile.CARDS], ben)
    cases = {"few": (ours, disk), "all": (json.loads(text), moved)}
    print(f"{'case':>5} {'merge_onto':>11} {'merge_boards':>13}   ({args.cards} cards)")
    for name, (a, b) in cases.items():
        onto = median_ms(lambda a=a, b=b: merge_onto(a, b), args.repeat)
        boards = median_ms(lambda a=a, b=b: merge_boards(a, b), args.repeat)
        print(f"{name:>5} {onto:>9.1f}ms {boards:>11.1f}ms")


if __name__ == "__main__":
    main()
