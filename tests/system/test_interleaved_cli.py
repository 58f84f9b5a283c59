"""Two processes edit one board file at the same time through the CLI: nothing is lost.

Each side is its own OS process (its own user and device id) running 200 `delegate` commands
(adds, moves, field edits, log entries) on the same cards, in-process for speed. At the end
every add, every log entry and every move is in the file, and each edited field holds the last
value its editor gave it."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.core.vocabulary import STAGES

EDITS = 200
ROOT = Path(__file__).resolve().parents[2]
FIELD = {"ann": "--owner", "ben": "--accountable"}


def worker(board: str, name: str, card_id: str, go: str, result: str) -> None:
    """One side: wait for the start signal, then make EDITS edits through `cli.run`."""
    from delegate_tui.cli import main as cli

    deadline = time.monotonic() + 60
    while not os.path.exists(go):
        if time.monotonic() > deadline:
            raise SystemExit("no start signal")
        time.sleep(0.01)
    moves, last = 0, ""
    for i in range(EDITS):
        kind = i % 4
        if kind == 0:
            args = ["add", f"{name} add {i}"]
        elif kind == 1:
            args = ["move", card_id, STAGES[(i // 4 + (name == "ben")) % 3], "--force"]
        elif kind == 2:
            last = f"{name} {i}"
            args = ["edit", card_id, FIELD[name], last]
        else:
            args = ["log", card_id, "adjustment", f"{name} log {i}"]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = cli.run(["--board", board, *args])
        if code != 0:
            raise SystemExit(f"{name}: delegate {args} exited {code}")
        moves += out.getvalue().startswith("moved")
    Path(result).write_text(json.dumps({"moves": moves, "last": last}), encoding="utf-8")


def start(tmp_path: Path, board: Path, name: str, card_id: str, go: Path) -> subprocess.Popen:
    home = tmp_path / name
    (home / "config" / "delegate-tui").mkdir(parents=True)
    (home / "config" / "delegate-tui" / "config.toml").write_text(f'user = "{name}"\n')
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    code = (
        "import sys; from tests.system.test_interleaved_cli import worker; "
        f"worker(*{[str(board), name, card_id, str(go), str(tmp_path / f'{name}.json')]!r})"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_interleaving_200_edits_each_lose_nothing(tmp_path, board_path, clock):
    lead = BoardStore(board_path, Identity("lead", "dev-lead"), clock=clock)
    card_id = lead.add("Invoicing").id
    go = tmp_path / "go"
    workers = {name: start(tmp_path, board_path, name, card_id, go) for name in ("ann", "ben")}
    go.touch()
    for name, process in workers.items():
        _out, err = process.communicate(timeout=240)
        assert process.returncode == 0, f"{name}: {err}"

    cards = json.loads(board_path.read_text(encoding="utf-8"))["cards"]
    titles = {c["title"] for c in cards.values()}
    card = cards[card_id]
    logs = {e["text"] for e in card["log"].values()}
    for name in ("ann", "ben"):
        result = json.loads((tmp_path / f"{name}.json").read_text())
        assert {f"{name} add {i}" for i in range(0, EDITS, 4)} <= titles
        assert {f"{name} log {i}" for i in range(3, EDITS, 4)} <= logs
        moves = [h for h in card["history"].values() if h["by"] == name]
        assert len(moves) == result["moves"] > 0
        assert card[FIELD[name].lstrip("-")] == result["last"] == f"{name} {EDITS - 2}"
    assert len(cards) == 1 + 2 * len(range(0, EDITS, 4))
    in_order = [e["by"] for e in sorted(card["log"].values(), key=lambda e: e["at"])]
    switches = sum(a != b for a, b in itertools.pairwise(in_order))
    assert switches >= 10, f"the two sides hardly overlapped ({switches} switches)"
    newest = max(card["history"].items(), key=lambda kv: (kv[1]["at"], kv[0]))[1]
    assert card["stage"] == newest["to"]
