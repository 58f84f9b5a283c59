"""Provides writing a status snapshot to a file, and remembering what it showed.

Without an explicit path the snapshot goes to `snapshots/` beside the board file, named
`<board>-YYYY-MM-DD-HHMM.<ext>`, so the team gets it through the same synced folder. Each
export records the state it showed in `snapshots/.<board>.last-snapshot.json`, one per format
(`baselines.py`); the next export in that format (to any path) lists what changed since. Files
are written crash-safely. The board file is only read. No Textual.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from delegate_tui.board.boardfile import read_board, write_atomic
from delegate_tui.board.store import BoardStore
from delegate_tui.core import wording
from delegate_tui.core.errors import BoardError, ValidationError
from delegate_tui.core.formats import quoted
from delegate_tui.core.json_text import dumps
from delegate_tui.core.language import N_, _, is_french
from delegate_tui.snapshots import csv, html, markdown
from delegate_tui.snapshots import json as json_format
from delegate_tui.snapshots.baselines import previous_for, recorded
from delegate_tui.snapshots.previous import Previous
from delegate_tui.snapshots.snapshot import Snapshot, build_snapshot

Renderer = Callable[[Snapshot], str]

FORMATS: dict[str, tuple[str, Renderer]] = {
    "md": (".md", markdown.render),
    "html": (".html", html.render),
    "json": (".json", json_format.render),
    "csv": (".csv", csv.render),
}
"""Format name -> (file extension, renderer)."""

FORMAT_LABELS: dict[str, str] = {
    "md": N_("Markdown — for chat and email"),
    "html": N_("HTML — one page that prints on A4"),
    "json": N_("JSON — for other programs"),
    "csv": N_("CSV — one row per card, for a spreadsheet"),
}
"""What each format is for, marked for the catalog (translated where shown)."""

_ALIASES = {"markdown": "md", "htm": "html"}
FOLDER = "snapshots"


def parse_format(value: str) -> str:
    """md, html, json or csv (any case; 'markdown' and 'htm' are understood)."""
    key = value.strip().lower().lstrip(".")
    key = _ALIASES.get(key, key)
    if key not in FORMATS:
        message = _("unknown format {value}: use md, html, json or csv")
        raise ValidationError(message.format(value=quoted(value) if is_french() else repr(value)))
    return key


def format_of(path: str | Path) -> str | None:
    """The format a file name's extension asks for, if it names one."""
    suffix = Path(path).suffix.lower().lstrip(".")
    key = _ALIASES.get(suffix, suffix)
    return key if key in FORMATS else None


def snapshot_folder(board_path: Path) -> Path:
    return board_path.parent / FOLDER


def state_path(board_path: Path) -> Path:
    """Where the state shown by the board's last snapshot is kept."""
    return snapshot_folder(board_path) / f".{board_path.stem}.last-snapshot.json"


def read_state(store: BoardStore) -> Any:
    """The board's state file as read; None if there is none (or it cannot be read)."""
    try:
        return json.loads(state_path(store.path).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # it sits in the shared folder: hostile input
        return None


def read_previous(store: BoardStore, fmt: str = "md") -> Previous | None:
    """What the previous snapshot of this board in `fmt` showed; None if there is none."""
    return previous_for(read_state(store), parse_format(fmt), store.board_id)


def dated_path(folder: Path, stem: str, fmt: str, now: datetime) -> Path:
    """`<stem>-YYYY-MM-DD-HHMM.<ext>` in `folder`, with -2, -3, … if that name is taken."""
    base = f"{stem}-{now.strftime('%Y-%m-%d-%H%M')}"
    ext = FORMATS[fmt][0]
    path, count = folder / f"{base}{ext}", 1
    while path.exists():
        count += 1
        path = folder / f"{base}-{count}{ext}"
    return path


def target_path(store: BoardStore, fmt: str, out: str | Path | None, now: datetime) -> Path:
    """The file to write: `out` (a file, or a folder to put a dated file in), else the default."""
    if out is None:
        folder = snapshot_folder(store.path)
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            message = _("cannot create the folder {folder}: {reason}")
            raise BoardError(message.format(folder=folder, reason=exc.strerror)) from None
        return dated_path(folder, store.path.stem, fmt, now)
    path = Path(out).expanduser().absolute()
    if path.is_dir():
        return dated_path(path, store.path.stem, fmt, now)
    if not path.parent.is_dir():
        message = _("folder {folder} does not exist: create it first or choose another --out")
        raise ValidationError(message.format(folder=path.parent))
    if path.exists() and not path.is_file():
        message = _("{path} is not a regular file: choose another --out")
        raise ValidationError(message.format(path=path))
    if path.resolve() == store.path.resolve():
        message = _("{path} is the board file itself: choose another --out")
        raise ValidationError(message.format(path=path))
    if path.is_file() and _is_board(path):
        message = _("{path} is a delegate board: choose another --out")
        raise ValidationError(message.format(path=path))
    return path


def _is_board(path: Path) -> bool:
    """Whether a file is a delegate board (a snapshot must never overwrite one)."""
    try:
        read_board(path)
    except BoardError:
        return False
    return True


def make_snapshot(
    store: BoardStore,
    since: datetime | None = None,
    now: datetime | None = None,
    fmt: str = "md",
) -> Snapshot:
    """The snapshot in `fmt` of the board as of `now` (default: the store's clock, local time).

    The changes are those since the previous snapshot in `fmt`; `since` starts the period.
    """
    return _build(store, since, now, read_previous(store, fmt))


def _build(
    store: BoardStore, since: datetime | None, now: datetime | None, previous: Previous | None
) -> Snapshot:
    now = now if now is not None else store.stamper.clock().astimezone()
    if since is not None and since > now:
        message = _(
            "the period would start after now ({when}): give a moment in the past, "
            "e.g. '2 weeks ago'"
        )
        raise ValidationError(message.format(when=wording.when(since.astimezone(now.tzinfo))))
    return build_snapshot(
        store.cards(),
        board=store.name,
        board_id=store.board_id,
        now=now,
        since=since,
        previous=previous,
        leader_hours=store.settings().leader_hours,
    )


def write_snapshot(
    store: BoardStore,
    fmt: str = "md",
    out: str | Path | None = None,
    since: datetime | None = None,
    now: datetime | None = None,
) -> Path:
    """Write a status snapshot of the board and record what it showed; returns the path.

    `fmt` is md, html, json or csv; `out` a file or folder (default: `snapshots/` beside the
    board); `since` starts the period (default: the previous snapshot in `fmt`, else a week
    ago). Raises ValidationError or BoardError with a one-line message; the board is never
    written.
    """
    fmt = parse_format(fmt)
    data = read_state(store)
    snap = _build(store, since, now, previous_for(data, fmt, store.board_id))
    text = FORMATS[fmt][1](snap)
    if fmt == "csv":
        text = "\ufeff" + text  # the byte-order mark makes spreadsheets read UTF-8
    path = target_path(store, fmt, out, snap.as_of)
    write_atomic(path, text)
    state = state_path(store.path)
    try:
        state.parent.mkdir(exist_ok=True)
    except OSError as exc:
        message = _("wrote {path} but cannot record it in {folder}: {reason}")
        raise BoardError(
            message.format(path=path, folder=state.parent, reason=exc.strerror)
        ) from None
    kept = recorded(data, fmt, snap.state(), store.board_id, FORMATS)
    write_atomic(state, dumps(kept, indent=1) + "\n")
    return path
