"""Run the hostile-board fuzzer of tests/board/test_hostile_boards.py longer (not a pytest test).

    python3 tests/benchmarks/fuzz_boards.py [N] [--app N] [--seed S]

N boards with junk (also bytes that are not UTF-8) and N boards of odd but valid values, every
command of `delegate` on each; then the terminal UI on `--app` boards of each kind (default
N // 10). Prints what the commands and the app did; a failing check stops with its example
(hypothesis shrinks it first). Runs in a temporary home: no real config or board is touched.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HOME = Path(tempfile.mkdtemp(prefix="delegate-fuzz-"))
os.environ["XDG_CONFIG_HOME"] = str(HOME / "config")
os.environ["XDG_DATA_HOME"] = str(HOME / "data")
os.environ.pop("DELEGATE_BOARD", None)

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.kit.hostile import (  # noqa: E402
    check_every_command,
    check_the_app,
    hostile_text,
    make_board,
    odd_text,
    run_cli,
)


def fresh() -> Path:
    return Path(tempfile.mkdtemp(dir=HOME)) / "board.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=200)
    parser.add_argument("--app", type=int, default=None, help="boards opened in the app")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    apps = args.n // 10 if args.app is None else args.app
    template_path = fresh()
    ids = make_board(template_path)
    template = template_path.read_text(encoding="utf-8")
    card = ids[0][:8]
    counts: Counter[str] = Counter()

    def run(examples: int, test: object) -> None:
        if examples:
            configured = settings(
                max_examples=examples,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )(test)
            seed(args.seed)(configured)()

    @given(st.data())
    def hostile(data: st.DataObject) -> None:
        path = fresh()
        path.write_bytes(hostile_text(template, data.draw, binary=True))
        code, _out, _err = run_cli(path, ("list",))
        counts["hostile boards"] += 1
        counts["hostile boards that list reads"] += code == 0
        check_every_command(path, card, counts)

    @given(st.data())
    def odd(data: st.DataObject) -> None:
        path = fresh()
        path.write_text(odd_text(template, data.draw), encoding="utf-8")
        code, _out, err = run_cli(path, ("list",))
        assert code == 0, err
        counts["odd boards"] += 1
        check_every_command(path, card, counts)

    @given(st.data())
    def app_odd(data: st.DataObject) -> None:
        path = fresh()
        path.write_text(odd_text(template, data.draw), encoding="utf-8")
        asyncio.run(check_the_app(path, counts))

    @given(st.data())
    def app_hostile(data: st.DataObject) -> None:
        path = fresh()
        path.write_bytes(hostile_text(template, data.draw, binary=True))
        asyncio.run(check_the_app(path, counts))

    start = time.perf_counter()
    for examples, test in ((args.n, hostile), (args.n, odd), (apps, app_odd), (apps, app_hostile)):
        run(examples, test)
    took = time.perf_counter() - start
    for name, count in sorted(counts.items()):
        print(f"{name:>32}: {count}")
    print(f"all checks passed in {took:.0f} s (seed {args.seed}; temp home {HOME})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
