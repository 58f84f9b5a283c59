"""Provides open_state: the board a store starts from, and when a new one may be made.

A path that holds a file is read (and validated). A missing path is a new board only where that
cannot hide a real one: a board this machine has known at that path is *away* (a sync tool is
swapping it) and is waited for, then refused with one line saying how to get it back; a
conflict copy of a board beside the path is never shadowed by a new board either. The user's
word (`delegate init`, or the answer the terminal UI asks for) makes a new board all the same.
No Textual.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from delegate_tui.board import boardfile
from delegate_tui.board.backups import Backups
from delegate_tui.board.boardfile import Signature
from delegate_tui.board.conflicts import find_copies
from delegate_tui.board.known_boards import KnownBoards
from delegate_tui.core.codec import Record
from delegate_tui.core.errors import BoardError, BoardMissing
from delegate_tui.core.language import _

MISSING_WAIT = 3.0
"""Seconds a known board that is missing is waited for before the command is refused."""

POLL = 0.1


def board_paths(path: str | Path) -> tuple[Path, Path]:
    """The path as the user gave it (absolute) and the file it names: where a symbolic link
    points, so that a save replaces the file, not the link. BoardError for a folder, a loop or
    a path that cannot be reached."""
    given = target = Path(os.path.abspath(Path(path).expanduser()))
    try:
        if stat.S_ISLNK(os.lstat(given).st_mode):
            target = Path(os.path.realpath(given))
        if stat.S_ISDIR(os.stat(target).st_mode):
            raise BoardError(
                _("{path} is a folder: give the path of a board file").format(path=given)
            )
    except FileNotFoundError:
        pass  # a new board (or one that is away): `open_state` decides
    except OSError as exc:
        raise boardfile.os_problem(given, exc) from None
    return given, target


def open_state(
    path: Path,
    given: Path,
    *,
    known: KnownBoards | None = None,
    backup_dir: Path | None = None,
    create: bool = False,
    wait: float | None = None,
) -> tuple[Record, Signature | None]:
    """The board at `path` (the file `given` names) and its signature (None for a new one).

    Raises BoardError for a file that is not a readable board, and for a missing one that must
    not be replaced by a new board (unless `create`).
    """
    if boardfile.signature(path) is not None:
        return boardfile.read_board(path, retries=3)
    boardfile.check_folder(path)
    if create:
        return boardfile.new_state(path.stem), None
    board_id = known.board_at(given) if known is not None else None
    if board_id is not None:
        deadline = time.monotonic() + (MISSING_WAIT if wait is None else wait)
        while time.monotonic() < deadline:
            time.sleep(POLL)
            if boardfile.signature(path) is not None:
                return boardfile.read_board(path, retries=3)
        raise BoardMissing(missing_message(given, board_id, backup_dir))
    copy = _board_copy_beside(given)
    if copy is not None:
        raise BoardError(
            _(
                "{path} is missing, but {copy} beside it is a copy of a board: rename it to "
                "{name} to get that board back, or run 'delegate init' to start a new one"
            ).format(path=given, copy=copy.name, name=given.name)
        )
    return boardfile.new_state(path.stem), None


def missing_message(given: Path, board_id: str, backup_dir: Path | None) -> str:
    """One line: which board is missing, and the ways to get it back."""
    ways = []
    copies = [p.name for p, _tool in find_copies(given)]
    if copies:
        ways.append(
            _("rename the conflict copy {copy} to {name}").format(copy=copies[-1], name=given.name)
        )
    newest = Backups(backup_dir, board_id, given.stem).list() if backup_dir else []
    if newest:
        ways.append(_("copy the backup {backup} to {path}").format(backup=newest[-1], path=given))
    ways.append(
        _("run 'delegate --board {path} init' to start a new board there").format(path=given)
    )
    return _(
        "the board {id} this machine knew at {path} is missing (a sync tool may be "
        "moving it: try again in a moment); or {ways}"
    ).format(id=board_id[:8], path=given, ways=_("; or ").join(ways))


def _board_copy_beside(given: Path) -> Path | None:
    """A conflict copy beside the path that is a board of ours (any board), or None."""
    for copy, _tool in find_copies(given):
        try:
            boardfile.read_board(copy)
        except BoardError:
            continue
        return copy
    return None
