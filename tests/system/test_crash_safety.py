"""A writer killed with SIGKILL mid-save leaves the board as it was before or after that save.

The writer is a separate Python process doing 200 saves on one card: odd saves write the save's
number into the description, even saves move the card to the next stage. It prints each number
once the save has returned. The test kills it at random moments (seeded), checks the file, and
starts a new writer that carries on from what the file says, until all 200 saves are done.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from delegate_tui.board.backups import Backups
from delegate_tui.board.boardfile import read_board
from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.core.vocabulary import STAGES

TOTAL = 200
MIN_KILLS = 20

WRITER = """
import sys
from datetime import UTC, datetime
from pathlib import Path

from delegate_tui.core.vocabulary import STAGES
from delegate_tui.core.records import Identity
from delegate_tui.board.store import BoardStore

path, card_id, total, backups = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
moment = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
store = BoardStore(
    path, Identity("writer", "dev-writer"), clock=lambda: moment, backup_dir=Path(backups)
)
record = store.record(card_id)
done = max(2 * len(record.get("history", {})), int(record.get("description") or 0))
print("ready", done, flush=True)
while done < total:
    done += 1
    if done % 2:
        store.edit(card_id, description=str(done))
    else:
        store.move(card_id, STAGES[(done // 2) % 3])
    print(done, flush=True)
"""


def expected(saves: int) -> tuple[str, str, int]:
    """(description, stage, stored moves) after `saves` saves (the file leaves the creation out)."""
    last_odd = saves if saves % 2 else saves - 1
    return (str(last_odd) if last_odd > 0 else "", STAGES[(saves // 2) % 3], saves // 2)


def saves_on_disk(path: Path, card_id: str) -> int:
    """How many saves the board on disk holds; checks the card is exactly that state."""
    data, _ = read_board(path)  # must load, no retries
    record = data["cards"][card_id]
    description = record.get("description", "")  # left out of the file while it is empty
    moves = len(record.get("history", {}))  # left out of the file until the first move
    saves = max(2 * moves, int(description or 0))
    assert (description, record["stage"], moves) == expected(saves)
    return saves


def start_writer(script: Path, board: Path, card_id: str, backups: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(script), str(board), card_id, str(TOTAL), str(backups)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
    )


@pytest.mark.system
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_saves_leaves_the_board_before_or_after(tmp_path: Path) -> None:
    board = tmp_path / "board.json"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    backups = tmp_path / "backups"
    card_id = BoardStore(board, Identity("setup", "dev-setup")).add("Invoicing").id
    rng = random.Random(20261102)

    kills = 0
    acknowledged = 0
    pace = 0.01  # seconds per save, learnt as we go
    while True:
        writer = start_writer(script, board, card_id, backups)
        assert writer.stdout is not None
        ready = writer.stdout.readline().split()
        assert ready[:1] == ["ready"], writer.communicate()[1]
        assert int(ready[1]) == acknowledged
        # let it finish a random number of saves, then kill it at a random point of the next
        wait_for = rng.randint(1, 9)
        first = time.monotonic()
        seen = 0
        last = acknowledged
        while seen < wait_for and last < TOTAL:
            line = writer.stdout.readline()
            if not line:
                break
            last = int(line)
            seen += 1
        if seen:
            pace = (time.monotonic() - first) / seen
        if last >= TOTAL:
            writer.communicate(timeout=30)
            assert writer.returncode == 0
            acknowledged = last
            break
        time.sleep(rng.uniform(0, pace * 1.5))
        os.kill(writer.pid, signal.SIGKILL)
        # read through the text stream, not communicate(): that reads the pipe itself and
        # misses lines readline() already pulled into the stream's buffer (under load, many)
        rest = writer.stdout.read()
        writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL
        kills += 1
        for line in rest.split():
            last = int(line)
        # the file holds the last acknowledged save, or the one being written when killed
        on_disk = saves_on_disk(board, card_id)
        assert on_disk in (last, last + 1), (on_disk, last)
        acknowledged = on_disk
        left = {p.name for p in tmp_path.iterdir()} - {"board.json", "writer.py", "backups"}
        assert all(n.startswith("~board.json.") and n.endswith(".tmp") for n in left), left

    assert acknowledged == TOTAL == saves_on_disk(board, card_id)
    assert kills >= MIN_KILLS, kills
    # the finished board opens normally, the card at its last state
    card = BoardStore(board, Identity("check", "dev-check")).card(card_id)
    assert (card.description, card.stage, len(card.history) - 1) == expected(TOTAL)  # + creation
    assert len(list((backups).rglob("*.json"))) <= 5
    # a kill during a backup's copy never leaves a half copy among the kept ones (issue 12)
    kept = Backups(backups, BoardStore(board, Identity("c", "d")).board_id, "board").list()
    assert kept
    for copy in kept:
        read_board(copy)
