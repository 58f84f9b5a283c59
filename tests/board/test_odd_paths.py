"""Board paths that are not plain files: one line each, never a hang or a traceback; conflict
copies are looked for beside the path the user gave (issue 12, item 9)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity

BOB = Identity("bob", "dev-bob")
COPY = "board.sync-conflict-20261201-120000-ABCDEFG.json"


def run_real(*args: str, timeout: float = 20, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "delegate_tui", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        **kwargs,
    )


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_a_fifo_as_the_board_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "f.json"
    os.mkfifo(fifo)
    for args in (["list"], ["add", "x"], ["check"]):
        result = run_real("--board", str(fifo), *args)  # hung for ever before the fix
        assert result.returncode == 1
        assert "not a regular file" in one_line(result.stderr)


def test_a_symlink_loop_is_one_line(tmp_path: Path, run_cli) -> None:
    loop = tmp_path / "loop.json"
    os.symlink(loop, loop)
    for args in (["list"], ["add", "x"]):
        result = run_cli(*args, board=loop)
        assert result.code == 1
        assert "loop of symbolic links" in one_line(result.err)


def without_root_powers() -> list[str]:
    """A prefix that runs a command without root's power to read any folder (none if not root)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root reads every folder and setpriv (util-linux) is missing")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_a_folder_the_user_cannot_enter_is_one_line(tmp_path: Path) -> None:
    closed = tmp_path / "closed"
    closed.mkdir()
    BoardStore(closed / "board.json", BOB).add("Invoicing")
    board = str(closed / "board.json")
    command = [*without_root_powers(), sys.executable, "-m", "delegate_tui", "--board", board]
    closed.chmod(0o000)
    try:
        for args in (["list"], ["add", "x"], ["check"]):
            result = subprocess.run(
                [*command, *args],
                capture_output=True,
                text=True,
                timeout=20,
            )
            assert result.returncode == 1, result.stderr
            line = one_line(result.stderr)
            assert "permission" in line and "board.json" in line
    finally:
        closed.chmod(0o755)


def test_conflict_copies_beside_a_link_to_the_board_are_folded(tmp_path: Path, run_cli) -> None:
    real, synced = tmp_path / "real", tmp_path / "synced"
    real.mkdir()
    synced.mkdir()
    BoardStore(real / "board.json", BOB).add("Invoicing")
    link = synced / "board.json"
    os.symlink(real / "board.json", link)
    work = tmp_path / "bob.json"
    shutil.copyfile(real / "board.json", work)
    bob = BoardStore(work, BOB)
    bob.edit(bob.cards()[0].id, owner="Bob")
    work.rename(synced / COPY)  # the copy lands beside the path the user gave

    result = run_cli("check", board=link)

    assert result.code == 0, result.err
    assert f"merged {COPY}" in result.out
    assert link.is_symlink()  # the link is kept, the file it points to written
    assert '"owner":"Bob"' in (real / "board.json").read_text(encoding="utf-8")
    assert not (synced / COPY).exists()


@pytest.mark.parametrize("kind", ["file in the way", "missing folder"])
def test_a_path_through_a_file_or_nowhere_is_one_line(tmp_path: Path, run_cli, kind) -> None:
    (tmp_path / "plain").write_text("x")
    path = tmp_path / ("plain" if kind == "file in the way" else "nowhere") / "board.json"
    result = run_cli("add", "x", board=path)
    assert result.code == 1
    one_line(result.err)
