"""Provides the board file on disk: reading, validating, crash-safe writing, locking, backups.

The file is JSON with one card per line, so people can read it and diff it. It is never held
open between operations: a sync tool may replace it by rename at any moment. No Textual.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import stat
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from delegate_tui.board import board_damage, collector
from delegate_tui.core.codec import Record
from delegate_tui.core.errors import BoardError, DamagedBoard
from delegate_tui.core.language import _
from delegate_tui.core.merge import META
from delegate_tui.core.migrate import CURRENT_FORMAT, migrate
from delegate_tui.core.stored_shape import APP, DecodeFailure, check_board, decode_board

FORMAT_VERSION = CURRENT_FORMAT
"""The newest board file format this version reads and writes (older ones are migrated)."""

CARDS = "cards"
STALE_TEMP = 60.0
"""Seconds after which a temp file of ours is a leftover of a killed writer, not a save."""

Signature = tuple[int, int, int]


def os_problem(path: Path, exc: OSError) -> BoardError:
    """One line for what the system said about reaching `path`."""
    if exc.errno == errno.ELOOP:
        return BoardError(
            _("{path} is a loop of symbolic links: point --board at the board file").format(
                path=path
            )
        )
    if exc.errno == errno.ENOTDIR:
        return BoardError(
            _("{path} is not a path to a file: a part of it is not a folder").format(path=path)
        )
    if isinstance(exc, PermissionError):
        return BoardError(
            _("{path} cannot be reached: check the permissions of the file and its folders").format(
                path=path
            )
        )
    return BoardError(_("{path} cannot be read: {why}").format(path=path, why=exc.strerror or exc))


def signature(path: Path) -> Signature | None:
    """(inode, mtime, size) of the file, or None if it is missing (BoardError if unreachable)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise os_problem(path, exc) from None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def read_bytes(path: Path) -> bytes:
    """The whole file, refusing anything but a regular file.

    Opened without blocking and checked on the open descriptor: a FIFO at the board's path would
    otherwise hang the command, and a name swapped between a check and the open cannot slip by.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, IsADirectoryError):
        raise
    except OSError as exc:
        raise os_problem(path, exc) from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(str(path))
        if not stat.S_ISREG(mode):
            raise BoardError(
                _("{path} is not a regular file: give the path of a board file").format(path=path)
            )
        return handle.read()


def new_state(name: str, board_id: str | None = None) -> Record:
    meta = {
        "app": APP,
        "format": FORMAT_VERSION,
        "board_id": board_id or str(uuid.uuid4()),
        "name": name,
    }
    return {META: {"board": meta}, CARDS: {}}


def parse(text: str | bytes, path: Path) -> Record:
    """The board in `text`, every record checked (see stored_shape.py), migrated to the
    current format; a BoardError says in one line what is wrong (see board_damage.py).

    A file with a damaged record is refused whole, and the caller never writes over it."""
    if not text or text.isspace():  # (strip() would copy the whole file)
        raise BoardError(
            _("{path} is empty: restore it from a backup or remove it to start anew").format(
                path=path
            )
        )
    try:
        with collector.paused():
            data = decode_board(text)
    except DecodeFailure:  # (bytes that are not UTF-8: UnicodeDecodeError, "not a text file")
        return _parse_refused(text if isinstance(text, str) else text.decode("utf-8"), path)
    return _current(data, path)


def _current(data: Record, path: Path) -> Record:
    """A decoded board in the current format: a newer one refused, an older one migrated."""
    meta = data[META]["board"]
    version = meta["format"]
    if version > FORMAT_VERSION:
        problem = board_damage.header_problem(data, path, FORMAT_VERSION)
        raise BoardError(
            problem
            or _("{path} has an unreadable format version {version}").format(
                path=path, version=version
            )
        )
    data.setdefault(CARDS, {})
    if version < FORMAT_VERSION:
        migrate(data, version, CARDS)
        meta["format"] = FORMAT_VERSION
        try:
            with collector.paused():
                check_board(data)
        except msgspec.ValidationError as exc:  # pragma: no cover - a bug in migrate.py
            raise BoardError(
                _(
                    "{path} (format {version}) does not migrate to format {current} "
                    "({why}): restore a backup and report this"
                ).format(path=path, version=version, current=FORMAT_VERSION, why=exc)
            ) from None
    return data


def _parse_refused(text: str, path: Path) -> Record:
    """The rare path: why the typed decode refused the file (or an older board that reads
    once migrated, whose result the same decode then checks)."""
    with collector.paused():
        data, problem = board_damage.read_loosely(text)
    if problem:
        raise BoardError(f"{path} {problem}")
    problem = board_damage.header_problem(data, path, FORMAT_VERSION)
    if problem:
        raise BoardError(problem)
    found = board_damage.damages(data)
    version = data[META]["board"]["format"]
    if not found and version < FORMAT_VERSION:
        try:
            migrate(data, version, CARDS)
            data[META]["board"]["format"] = FORMAT_VERSION
            with collector.paused():
                return decode_board(json.dumps(data))
        except (*DecodeFailure, TypeError, ValueError, AttributeError, KeyError):
            found = board_damage.damages(data)
    board_id = str(data[META]["board"]["board_id"])
    if not found:  # only unknown keys hold what no board may hold, and locate missed it
        found = [_("it holds a value no board may hold (a lone surrogate, NaN or Infinity?)")]
    raise DamagedBoard(board_damage.one_line(path, found), path, found, board_id)


def read_board(path: Path, retries: int = 0) -> tuple[Record, Signature]:
    """Read and validate the board, retrying briefly while a sync tool swaps the file."""
    delay = 0.05
    for attempt in range(retries + 1):
        bad: BoardError | None = None  # the file read whole but is not a board
        after = None
        try:
            before = signature(path)
            text = read_bytes(path)  # msgspec decodes bytes faster than Python makes text
            after = signature(path)
            if before != after or after is None:
                raise BoardError(_("{path} changed while it was read").format(path=path))
            try:
                return parse(text, path), after
            except DamagedBoard:
                raise
            except BoardError as exc:
                bad = exc
                if attempt == retries:
                    raise
        except FileNotFoundError:
            if attempt == retries:
                raise BoardError(_("{path} is missing").format(path=path)) from None
        except IsADirectoryError:
            raise BoardError(
                _("{path} is a folder: give the path of a board file").format(path=path)
            ) from None
        except UnicodeDecodeError:
            if attempt == retries:
                raise BoardError(
                    _("{path} is not a text file: is it really a board?").format(path=path)
                ) from None
        except DamagedBoard:
            raise  # its JSON parsed to the end: whole, not a file that a sync tool is swapping
        except BoardError:
            if attempt == retries:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.5)
        if bad is not None and signature(path) == after:
            raise bad  # the file stood still: it is really broken, not half-swapped
    raise AssertionError("unreachable")


def dump_record(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def serialize(data: Mapping[str, Any], card_lines: Mapping[str, str] | None = None) -> str:
    """The file text: one line per card, using already-serialized lines where given."""
    lines = card_lines or {}
    parts = ["{" + json.dumps(META) + ":" + dump_record(data[META])]
    for table, docs in data.items():
        if table in (META, CARDS):
            continue
        parts.append(",\n" + json.dumps(table) + ":" + dump_record(docs))
    cards: Mapping[str, Any] = data.get(CARDS, {})
    body = ",\n".join(
        json.dumps(card_id) + ":" + (lines.get(card_id) or dump_record(card))
        for card_id, card in cards.items()
    )
    parts.append(",\n" + json.dumps(CARDS) + ":{\n" + body + "\n}}\n")
    return "".join(parts)


def check_folder(path: Path) -> None:
    if not path.parent.is_dir():
        raise BoardError(
            _("folder {folder} does not exist: create it first or choose another --board").format(
                folder=path.parent
            )
        )


def check_writable(path: Path) -> None:
    check_folder(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    if not stat.S_ISREG(st.st_mode):
        raise BoardError(
            _("{path} is not a regular file: give the path of a board file").format(path=path)
        )
    if not st.st_mode & stat.S_IWUSR or (not os.access(path, os.W_OK) and _still(path, st)):
        raise BoardError(
            _("{path} is read-only: make it writable (chmod u+w) to change the board").format(
                path=path
            )
        )


def _still(path: Path, st: os.stat_result) -> bool:
    """Whether `path` is still the file `st` describes (a sync tool may have just swapped it:
    then the access check was about a file that is gone, and the save merges the new one)."""
    try:
        return os.stat(path).st_ino == st.st_ino
    except OSError:
        return False


def temp_path(path: Path) -> Path:
    """A temp name sync tools ignore or tolerate: `~<name>.<random>.tmp` in the same folder."""
    return path.with_name(f"~{path.name}.{uuid.uuid4().hex[:8]}.tmp")


def is_our_temp(candidate: Path, path: Path) -> bool:
    name = candidate.name
    return name.startswith(f"~{path.name}.") and name.endswith(".tmp")


def remove_stale_temps(path: Path, older_than: float = STALE_TEMP) -> list[Path]:
    """Remove temp files that killed writers left next to the board; returns the removed ones.

    Only our own `~<name>.*.tmp` files older than `older_than` seconds: a younger one may be a
    save in progress in another process.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = [c for c in path.parent.iterdir() if is_our_temp(c, path)]
    except OSError:
        return removed
    for candidate in candidates:
        try:
            if now - candidate.stat().st_mtime < older_than:
                continue
            candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed


def write_temp(path: Path, text: str) -> tuple[Path, Signature]:
    """Write `text` to a fresh temp file beside the board and fsync it; returns it and its
    signature (which the rename keeps)."""
    tmp = temp_path(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                fd = -1
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        finally:
            if fd >= 0:
                os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            shutil.copymode(path, tmp)
        sig = signature(tmp)
    except UnicodeEncodeError:  # text that is not Unicode (a lone surrogate) never half-writes
        discard(tmp)
        raise BoardError(
            _("cannot write {path}: it would hold text that is not valid Unicode").format(path=path)
        ) from None
    except OSError as exc:
        discard(tmp)
        raise _write_error(path, exc) from None
    assert sig is not None
    return tmp, sig


def commit_temp(tmp: Path, path: Path) -> None:
    """Rename the temp file over the board and fsync the folder (the crash-safe step)."""
    try:
        os.replace(tmp, path)
    except OSError as exc:
        discard(tmp)
        raise _write_error(path, exc) from None
    fsync_folder(path.parent)


def discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()


def _write_error(path: Path, exc: OSError | UnicodeError) -> BoardError:
    if isinstance(exc, UnicodeError):  # clean_text keeps lone surrogates out: a bug if seen
        return BoardError(
            _("cannot write {path}: a text is not valid Unicode ({why})").format(path=path, why=exc)
        )
    reason = _("the disk is full") if exc.errno == errno.ENOSPC else exc.strerror
    return BoardError(_("cannot write {path}: {why}").format(path=path, why=reason))


def write_atomic(path: Path, text: str) -> Signature:
    """Write crash-safely: temp file, fsync, rename over the board, fsync of the folder."""
    tmp, sig = write_temp(path, text)
    commit_temp(tmp, path)
    return sig


def fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
