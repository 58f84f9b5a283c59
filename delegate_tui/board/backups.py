"""Provides Backups: a few rotating known-good copies of a board, in the user's data folder.

The copies live in `<backups>/<board id>/`. The board id comes from the shared file, so it is
checked twice before it names a folder: it must be a UUID, and the folder it names must stay
inside the backups folder once resolved. A copy is written under a temp name and renamed into
place, so a copy cut short by a crash is never counted (or kept) as a backup; only names of the
exact backup form are listed and rotated, nothing else in the folder is ever deleted. No Textual.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
import uuid
from pathlib import Path

from delegate_tui.board.boardfile import fsync_folder
from delegate_tui.core.errors import BoardError
from delegate_tui.core.language import _

BACKUPS_KEPT = 5
BACKUP_EVERY = 600.0
"""Seconds between two backups of one board by one process (the first save always backs up)."""

STALE_TEMP = 60.0
"""Seconds after which a temp copy is a leftover of a killed process, not a copy under way."""

UUID_FORM = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
"""A board id as the file must hold it: a UUID, lower-case, in its canonical form."""

CHUNK = 1 << 20


def is_board_id(value: object) -> bool:
    """Whether `value` is a board id this version accepts (a canonical UUID)."""
    return isinstance(value, str) and UUID_FORM.fullmatch(value) is not None


def folder_inside(root: Path, name: str) -> Path:
    """`root / name`, refused unless `name` is a board id and the result stays inside `root`."""
    if not is_board_id(name):
        raise BoardError(
            _(
                "the board id {id} is not a UUID: the file was damaged or tampered with; "
                "restore it from a backup"
            ).format(id=repr(name[:60]))
        )
    target = root / name
    with contextlib.suppress(OSError, RuntimeError):  # a loop or a folder we cannot enter
        if not target.resolve().is_relative_to(root.resolve()):
            raise BoardError(
                _("the backups of board {id} would leave {folder}: not written").format(
                    id=name, folder=root
                )
            )
    return target


class Backups:
    """A few rotating known-good copies of the board, outside the synced folder."""

    def __init__(self, folder: Path | None, board_id: str, stem: str) -> None:
        self.root = folder
        self.folder = folder_inside(folder, board_id) if folder else None
        self.stem = stem
        self._form = re.compile(
            re.escape(stem) + r"-\d{8}-\d{6}\.\d{6}-[0-9a-f]{4}\.json", re.IGNORECASE
        )
        self._last = 0.0

    def follow(self, board_id: str) -> None:
        """Keep the copies under another board id (a board someone else created first)."""
        if self.root is not None:
            self.folder = folder_inside(self.root, board_id)

    def list(self) -> list[Path]:
        """The kept copies, oldest first (only files named as this class names them)."""
        if self.folder is None:
            return []
        try:
            names = [e.name for e in os.scandir(self.folder) if e.is_file(follow_symlinks=False)]
        except OSError:
            return []
        return [self.folder / n for n in sorted(names) if self._form.fullmatch(n)]

    def keep(self, path: Path, now: float | None = None) -> None:
        """Keep the current file as a backup if the last one is old enough."""
        moment = time.time() if now is None else now
        if self.folder is None or (self._last and moment - self._last < BACKUP_EVERY):
            return
        if not path.exists():
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._remove_stale_temps()
            # microseconds in the name: backups made within one second (one per CLI command)
            # must still sort oldest first, or the rotation below deletes the wrong ones
            micros = int(moment % 1 * 1_000_000)
            stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(moment)) + f".{micros:06d}"
            target = self.folder / f"{self.stem}-{stamp}-{uuid.uuid4().hex[:4]}.json"
            self._copy(path, target)
            for old in self.list()[:-BACKUPS_KEPT]:
                old.unlink()
        except OSError:
            return  # a backup that cannot be made must never stop a save
        self._last = moment

    def _copy(self, source: Path, target: Path) -> None:
        """Copy under a temp name, fsync, rename: a copy cut short never has a backup's name.

        A copy, not a link: an in-place edit of the board must not reach the backup.
        """
        tmp = target.with_name(f"~{target.name}.tmp")
        try:
            with open(source, "rb") as src, open(tmp, "xb") as dst:
                while chunk := src.read(CHUNK):
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        fsync_folder(target.parent)

    def _remove_stale_temps(self) -> None:
        assert self.folder is not None
        now = time.time()
        for entry in os.scandir(self.folder):
            if entry.name.startswith("~") and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP:
                        os.unlink(entry.path)
