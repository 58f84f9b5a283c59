"""A real terminal: `delegate --board …` in a detached tmux session, keys sent as a person would.

Skips where tmux is missing (`.ci/run` installs it). tmux sends S-Right as the xterm sequence
ESC [1;2C, which Textual reads as shift+right.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from delegate_tui.board.boardfile import read_board
from delegate_tui.board.store import BoardStore
from tests.kit.app import on_disk

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class Tmux:
    """One private tmux server (its own socket), killed at the end."""

    def __init__(self, folder: Path) -> None:
        self.socket = str(folder / "tmux.sock")

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, check=check
        )

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "board", check=False).stdout

    def alive(self) -> bool:
        return self.run("has-session", "-t", "board", check=False).returncode == 0


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(tmp_path)
    yield server
    server.run("kill-server", check=False)


def start(tmux: Tmux, board_path: Path, exit_code: Path, remain: bool = False) -> None:
    """`delegate --board …` in the session; its exit code lands in `exit_code`."""
    command = (
        f"{shlex.quote(sys.executable)} -m delegate_tui --board {shlex.quote(str(board_path))}"
        f"; echo $? > {shlex.quote(str(exit_code))}" + ("; sleep 30" if remain else "")
    )
    env = {
        "TERM": "xterm-256color",
        "XDG_CONFIG_HOME": os.environ["XDG_CONFIG_HOME"],
        "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"],
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    settings = [arg for name, value in env.items() for arg in ("-e", f"{name}={value}")]
    tmux.run("-f", "/dev/null", "new-session", "-d", "-s", "board", "-x", "120", "-y", "40",
             *settings, command)  # fmt: skip


def test_shift_right_moves_a_card_and_q_quits(tmux, store: BoardStore, board_path, tmp_path):
    store.add("Invoicing", "only-me", owner="Marie")
    store.add("Quotes", "only-me")
    exit_code = tmp_path / "exit-code"  # Textual draws on stderr: leave it to the terminal
    start(tmux, board_path, exit_code)
    wait_for(lambda: "Invoicing" in tmux.screen() and "Only me" in tmux.screen(), 30, "the board")

    tmux.run("send-keys", "-t", "board", "S-Right")
    wait_for(lambda: on_disk(board_path)["Invoicing"].stage == "delegating", 10, "the move")
    tmux.run("send-keys", "-t", "board", "q")
    wait_for(lambda: not tmux.alive(), 15, "delegate to quit")

    assert on_disk(board_path)["Invoicing"].stage == "delegating"
    assert on_disk(board_path)["Quotes"].stage == "only-me"
    assert exit_code.read_text(encoding="utf-8").strip() == "0"


@pytest.mark.system
def test_a_known_board_that_is_missing_is_started_anew_only_when_asked(
    tmux, run_cli, board_path, tmp_path
):
    run_cli("add", "Invoicing")  # this machine now knows the board at this path
    old_id = read_board(board_path)[0]["_meta"]["board"]["board_id"]
    board_path.unlink()
    exit_code = tmp_path / "exit-code"
    start(tmux, board_path, exit_code)
    wait_for(lambda: "Start a new, empty board" in tmux.screen(), 30, "the question")
    assert "is missing" in tmux.screen() and old_id[:8] in tmux.screen()
    assert not board_path.exists()
    tmux.run("send-keys", "-t", "board", "y", "Enter")
    wait_for(lambda: "Only me" in tmux.screen(), 30, "the new, empty board")
    tmux.run("send-keys", "-t", "board", "n")
    wait_for(lambda: "New card in" in tmux.screen(), 10, "the title prompt")
    tmux.run("send-keys", "-t", "board", "Quotes", "Enter")
    wait_for(lambda: board_path.exists() and "Quotes" in on_disk(board_path), 10, "the save")
    tmux.run("send-keys", "-t", "board", "q")
    wait_for(lambda: not tmux.alive(), 15, "delegate to quit")
    assert exit_code.read_text(encoding="utf-8").strip() == "0"
    assert read_board(board_path)[0]["_meta"]["board"]["board_id"] != old_id


@pytest.mark.system
def test_quitting_a_board_that_cannot_be_saved_offers_a_rescue_copy(
    tmux, store: BoardStore, board_path, tmp_path
):
    store.add("Invoicing", "only-me")
    board_path.chmod(0o444)
    exit_code = tmp_path / "exit-code"
    start(tmux, board_path, exit_code, remain=True)
    wait_for(lambda: "Invoicing" in tmux.screen(), 30, "the board")
    tmux.run("send-keys", "-t", "board", "n")
    wait_for(lambda: "New card in" in tmux.screen(), 10, "the title prompt")
    tmux.run("send-keys", "-t", "board", "Payroll", "Enter")
    wait_for(lambda: "Not saved" in tmux.screen(), 10, "the save error")
    tmux.run("send-keys", "-t", "board", "q")
    wait_for(lambda: "rescue copy" in tmux.screen(), 10, "the question on quitting")
    tmux.run("send-keys", "-t", "board", "Down", "Enter")
    wait_for(lambda: exit_code.exists() and exit_code.read_text().strip(), 15, "the exit")
    assert exit_code.read_text(encoding="utf-8").strip() == "1"
    screen = tmux.run("capture-pane", "-p", "-J", "-t", "board").stdout  # wrapped lines joined
    assert "are in the rescue copy" in screen and "check" in screen
    rescue = Path(os.environ["XDG_DATA_HOME"]) / "delegate-tui" / "rescue"
    [copy] = list(rescue.glob("*.json"))
    assert "Payroll" in copy.read_text(encoding="utf-8")
    assert "Payroll" not in on_disk(board_path)
