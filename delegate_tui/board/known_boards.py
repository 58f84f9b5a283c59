"""Provides KnownBoards: this machine's memory of which board lives at which path.

A sync tool takes a board file away for a moment while it swaps it. A command that starts in
that moment must not take the empty path for "no board yet" and start a new one there: a new
board is made only at a path where this machine never knew one, or on the user's word
(`delegate init`). The memory is a small JSON file in the user's data folder, written
crash-safely and only when it changes; one that cannot be read or written is treated as empty
(it only ever adds a refusal, never a change to a board). No Textual.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from delegate_tui.board.backups import is_board_id
from delegate_tui.board.boardfile import write_atomic
from delegate_tui.core.errors import BoardError

FILE_NAME = "known-boards.json"
MAX_SIZE = 1 << 20
"""A larger memory file is not ours to read (it holds a few lines per board)."""


def path_key(path: Path) -> str:
    """The key a board path is remembered under: absolute, symbolic links not followed."""
    return os.path.normpath(os.path.abspath(os.path.expanduser(path)))


class KnownBoards:
    """Which board id this machine last saw at each board path."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / FILE_NAME
        self._boards: dict[str, str] | None = None

    def _read(self) -> dict[str, str]:
        if self._boards is None:
            self._boards = {}
            with contextlib.suppress(OSError, ValueError, RecursionError):
                if self.file.stat().st_size <= MAX_SIZE:
                    raw = json.loads(self.file.read_text(encoding="utf-8"))
                    boards = raw.get("boards") if isinstance(raw, dict) else None
                    if isinstance(boards, dict):
                        self._boards = {
                            k: v for k, v in boards.items() if isinstance(k, str) and is_board_id(v)
                        }
        return self._boards

    def board_at(self, path: Path) -> str | None:
        """The id of the board this machine knew at `path`, or None if it never knew one."""
        return self._read().get(path_key(path))

    def remember(self, path: Path, board_id: str) -> None:
        """Note that `board_id` lives at `path` (written only if that is news)."""
        boards = self._read()
        key = path_key(path)
        if boards.get(key) == board_id or not is_board_id(board_id):
            return
        self._boards = None  # another process may have added a board since: read again
        boards = {**self._read(), key: board_id}
        self._boards = boards
        text = json.dumps({"boards": boards}, indent=1, ensure_ascii=False) + "\n"
        with contextlib.suppress(OSError, BoardError):
            self.file.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.file, text)
