"""Two processes adding cards through the CLI at the same time, on a board that does not exist yet.

Starting Python for each command takes about 0.3 s, so 2 x 100 `python -m delegate_tui add`
processes would take half a minute or more on a small machine. The main test therefore runs,
in each of two processes, a tiny driver that calls `delegate_tui.cli.run([...])` 100 times: the
real CLI code and store, each call opening the board afresh as a command does, just without the
process start-up. A second, smaller test starts real `python -m delegate_tui` processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from delegate_tui.board.boardfile import read_board
from delegate_tui.core.records import stamp_of

PER_SIDE = 100

DRIVER = """
import sys, time
from delegate_tui.cli import main as cli

board, side, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.stdin.readline()  # wait for the go, so both sides really run at once
began = time.time()
codes = [cli.run(["--board", board, "add", f"{side} {n}", "--owner", side]) for n in range(count)]
print("window", began, time.time(), file=sys.stderr)
sys.exit(max(codes))
"""


def side_env(tmp_path: Path, side: str) -> dict[str, str]:
    """Each side its own config folder: its own user name and device id."""
    config = tmp_path / f"config-{side}"
    (config / "delegate-tui").mkdir(parents=True)
    (config / "delegate-tui" / "config.toml").write_text(f'user = "{side}"\n')
    return {**os.environ, "XDG_CONFIG_HOME": str(config)}


def check_board(board: Path, sides: tuple[str, ...], count: int) -> None:
    data, _ = read_board(board)
    cards = data["cards"].values()
    expected = {f"{side} {n}" for side in sides for n in range(count)}
    assert sorted(c["title"] for c in cards) == sorted(expected)  # all there, none twice
    assert all(not c.get("deleted_at") for c in cards)
    for card in cards:
        side = card["title"].split()[0]
        assert card["owner"] == side and stamp_of(card, "title")[1] == side
    assert [p.name for p in board.parent.iterdir() if p.name.startswith("~")] == []


def test_two_processes_add_100_cards_each(tmp_path: Path) -> None:
    board = tmp_path / "shared" / "board.json"
    board.parent.mkdir()
    script = tmp_path / "driver.py"
    script.write_text(DRIVER, encoding="utf-8")
    sides = ("alice", "bob")
    processes = [
        subprocess.Popen(
            [sys.executable, str(script), str(board), side, str(PER_SIDE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=side_env(tmp_path, side),
        )
        for side in sides
    ]
    assert not board.exists()
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    results = [p.communicate(timeout=120) for p in processes]
    windows = []
    for process, (out, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, err
        assert out.count("added ") == PER_SIDE
        [window] = [line.split()[1:] for line in err.splitlines() if line.startswith("window")]
        assert [line for line in err.splitlines() if not line.startswith("window")] == []
        windows.append((float(window[0]), float(window[1])))
    (a_start, a_end), (b_start, b_end) = windows
    assert a_start < b_end and b_start < a_end, "the two sides did not overlap"
    check_board(board, sides, PER_SIDE)
    listed = subprocess.run(
        [sys.executable, "-m", "delegate_tui", "--board", str(board), "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert len(json.loads(listed.stdout)) == 2 * PER_SIDE


def test_two_shells_run_the_real_command_at_once(tmp_path: Path) -> None:
    board = tmp_path / "board.json"
    count = 5
    loop = (
        f'for n in $(seq 0 {count - 1}); do "$PY" -m delegate_tui --board "$BOARD" add "$SIDE $n" '
        '--owner "$SIDE" >/dev/null || exit 1; done'
    )
    processes = [
        subprocess.Popen(
            ["sh", "-c", loop],
            env={
                **side_env(tmp_path, side),
                "PY": sys.executable,
                "BOARD": str(board),
                "SIDE": side,
            },
            stderr=subprocess.PIPE,
            text=True,
        )
        for side in ("alice", "bob")
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0 and err == "", err
    check_board(board, ("alice", "bob"), count)
