"""Provides the folding in of conflict copies that sync tools leave next to a board.

When two machines change the board while they cannot see each other, the sync tool keeps one
version under the board's name and the other as a conflict copy beside it. Copies are found by
the board's stem (the naming patterns of Syncthing, Dropbox, Nextcloud, iCloud and Google
Drive), accepted only if they parse and carry our `_meta` with the same board id, merged into
the store, and then moved into `.delegate-merged/` next to the board: never deleted, never
merged twice. Anything else that looks like a copy is refused and left where it is. No Textual.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from delegate_tui.board import boardfile
from delegate_tui.core.codec import Record
from delegate_tui.core.errors import BoardError, MergeError
from delegate_tui.core.language import _, ngettext
from delegate_tui.core.merge import Changes, board_id, merge_boards

if TYPE_CHECKING:
    from delegate_tui.board.store import BoardStore

MERGED_FOLDER = ".delegate-merged"
"""Where folded copies go, next to the board (a record of what was merged; safe to delete)."""


def _patterns(stem: str, suffix: str) -> list[tuple[str, re.Pattern[str]]]:
    s, x = re.escape(stem), re.escape(suffix)
    flags = re.IGNORECASE
    return [
        # board.sync-conflict-20261123-134500-ABCDEFG.json (also a conflict of a conflict)
        ("Syncthing", re.compile(rf"{s}(?:\.sync-conflict-\d{{8}}-\d{{6}}-[A-Z0-9]+)+{x}", flags)),
        # board (Ann's conflicted copy 2026-11-23).json, … (Ann's MacBook's conflicted copy
        # 2026-11-23 (1)).json, board (Selective Sync Conflict).json
        (
            "Dropbox",
            re.compile(
                rf"{s} \((?:[^()]*conflicted copy \d{{4}}-\d{{2}}-\d{{2}}"
                rf"(?: \(\d+\))?|selective sync conflict(?: \d+)?)\){x}",
                flags,
            ),
        ),
        # board (conflicted copy 2026-11-23 134500).json, newer clients: (conflicted copy ann …)
        (
            "Nextcloud",
            re.compile(
                rf"{s} \(conflicted copy (?:[^()]* )?\d{{4}}-\d{{2}}-\d{{2}} \d{{6}}\){x}", flags
            ),
        ),
        ("iCloud", re.compile(rf"{s} \d+{x}")),  # board 2.json
        ("Google Drive", re.compile(rf"{s} \(\d+\){x}")),  # board (1).json
    ]


def conflict_tool(candidate: str, board: Path) -> str | None:
    """Which sync tool's naming `candidate` follows as a copy of `board`, or None."""
    for tool, pattern in _patterns(board.stem, board.suffix):
        if pattern.fullmatch(candidate):
            return tool
    return None


def find_copies(board: Path) -> list[tuple[Path, str]]:
    """The files next to `board` named like its conflict copies, with the tool's name."""
    try:
        names = sorted(entry.name for entry in os.scandir(board.parent) if entry.is_file())
    except OSError:
        return []
    found = []
    for name in names:
        if name == board.name:
            continue
        tool = conflict_tool(name, board)
        if tool:
            found.append((board.parent / name, tool))
    return found


def copies_of(store: BoardStore) -> list[tuple[Path, str]]:
    """The conflict copies of the store's board: beside the path the user gave and, for a
    symbolic link, beside the file it points to (where a sync tool of that folder puts them)."""
    found = find_copies(store.given)
    if store.path != store.given:
        found += [c for c in find_copies(store.path) if c not in found]
    return found


@dataclass(frozen=True)
class Refusal:
    path: Path
    reason: str


@dataclass
class FoldReport:
    """What `fold_conflict_copies` found and did."""

    found: list[tuple[Path, str]] = field(default_factory=list)
    merged: list[tuple[Path, Path]] = field(default_factory=list)
    """(where the copy was, where it sits now in .delegate-merged/)."""
    refused: list[Refusal] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    """The cards the copies brought changes to, with who changed them."""

    def __bool__(self) -> bool:
        return bool(self.found)

    def summary(self) -> str:
        """One plain line (not markup) for a notification or `delegate check`."""
        if not self.found:
            return _("no conflict copies")
        parts = []
        if self.merged:
            tools = sorted({tool for path, tool in self.found if path in dict(self.merged)})
            n = len(self.merged)
            what = ngettext(
                "{count} conflict copy ({tools})", "{count} conflict copies ({tools})", n
            ).format(count=n, tools=", ".join(tools))
            if self.changes:
                cards = len(self.changes)
                who = ", ".join(self.changes.users) or _("someone")
                what += ngettext(
                    ": changes by {who} to {count} card",
                    ": changes by {who} to {count} cards",
                    cards,
                ).format(who=who, count=cards)
            else:
                what += _(": nothing new")
            parts.append(
                _("merged {what}, moved to {folder}/").format(what=what, folder=MERGED_FOLDER)
            )
        if self.refused:
            parts.append(self._refused_words())
        return "; ".join(parts)

    def _refused_words(self) -> str:
        first, more = self.refused[0], len(self.refused) - 1
        if more:
            return ngettext(
                "left {name} alone: {why} (and {count} more)",
                "left {name} alone: {why} (and {count} more)",
                more,
            ).format(name=first.path.name, why=first.reason, count=more)
        return _("left {name} alone: {why}").format(name=first.path.name, why=first.reason)

    def lines(self) -> Iterator[str]:
        """One line per copy, for `delegate check`."""
        moved = dict(self.merged)
        refused = {r.path: r.reason for r in self.refused}
        for path, tool in self.found:
            if path in moved:
                target = moved[path]
                yield _("merged {name} ({tool}) -> {target}").format(
                    name=path.name, tool=tool, target=f"{target.parent.name}/{target.name}"
                )
            elif path in refused:
                yield _("left {name} ({tool}) where it is: {why}").format(
                    name=path.name, tool=tool, why=refused[path]
                )


def read_copy(path: Path, expected_board: str) -> Record:
    """Read a conflict copy; raises BoardError saying why it cannot be merged."""
    state, _sig = boardfile.read_board(path, retries=2)
    found = board_id(state)
    if found != expected_board:
        raise BoardError(_("it belongs to another board (id {id}), not this one").format(id=found))
    return state


def _reason(exc: BoardError, path: Path) -> str:
    """The error message, naming the copy by its file name only."""
    return str(exc).replace(str(path), path.name)


def move_aside(path: Path, folder: Path | None = None) -> Path:
    """Move a copy into `folder` (.delegate-merged/ next to it) without replacing anything."""
    folder = folder or path.parent / MERGED_FOLDER
    folder.mkdir(exist_ok=True)
    stem, suffix = path.stem, path.suffix
    for n in range(1, 1000):
        target = folder / (path.name if n == 1 else f"{stem}.{n}{suffix}")
        try:
            os.link(path, target)  # fails if the name is taken: nothing is ever replaced
        except FileExistsError:
            continue
        except OSError:  # no hard links on this file system
            if target.exists():
                continue
            os.rename(path, target)
            return target
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return target
    raise BoardError(
        _("{folder} holds too many copies of {name}: clean it up").format(
            folder=folder, name=path.name
        )
    )


def fold_conflict_copies(store: BoardStore) -> FoldReport:
    """Merge the board's conflict copies into `store`, save, and move them aside.

    Safe to call often (the UI calls it from its reload poll, off the UI thread): a copy is
    moved only once the board file on disk holds everything in it.
    """
    return fold_copies(store, copies_of(store))


def fold_copies(
    store: BoardStore, found: list[tuple[Path, str]], aside: Path | None = None
) -> FoldReport:
    """Merge copies of the board (conflict or rescue copies) and move each into `aside` (by
    default .delegate-merged/ beside it) once the board file holds it."""
    report = FoldReport(found=found)
    accepted: list[tuple[Path, Record]] = []
    for path, _tool in report.found:
        try:
            state = read_copy(path, store.board_id)
            report.changes = report.changes | store.merge_in(state)
        except BoardError as exc:
            report.refused.append(Refusal(path, _reason(exc, path)))
            continue
        except MergeError as exc:
            report.refused.append(Refusal(path, str(exc)))
            continue
        except Exception as exc:  # a copy is hostile input: whatever it holds, it is refused
            report.refused.append(
                Refusal(path, _("it cannot be read ({why})").format(why=type(exc).__name__))
            )
            continue
        accepted.append((path, state))
    if not accepted:
        return report
    on_disk: Record = {}
    for attempt in range(2):
        store.flush()
        try:
            on_disk, _sig = boardfile.read_board(store.path, retries=6)
        except BoardError as exc:
            for path, _state in accepted:
                reason = _("not moved, the board could not be read: {why}").format(why=exc)
                report.refused.append(Refusal(path, reason))
            return report
        if attempt or all(merge_boards(on_disk, state) == on_disk for _p, state in accepted):
            break
        # The file lacks what a copy holds though the store has it (the copy held our own
        # edits and the other side's version took the board's name): write it now.
        store.write_through()
    for path, state in accepted:
        if merge_boards(on_disk, state) != on_disk:
            reason = _("merged, but the board file does not hold it yet: it will be written")
            report.refused.append(Refusal(path, reason))
            continue
        folder = aside or path.parent / MERGED_FOLDER
        try:
            report.merged.append((path, move_aside(path, folder)))
        except FileNotFoundError:
            report.merged.append((path, folder / path.name))
        except OSError as exc:
            report.refused.append(
                Refusal(path, _("merged, but could not be moved: {why}").format(why=exc))
            )
    return report


class ConflictWatcher:
    """For the UI's poll: folds copies and reports each refused copy only once."""

    def __init__(self, store: BoardStore) -> None:
        self.store = store
        self._told: set[tuple[str, boardfile.Signature | None]] = set()

    def poll(self) -> FoldReport | None:
        """Fold what is there; None when there is nothing new to say."""
        if not copies_of(self.store):
            return None
        report = fold_conflict_copies(self.store)
        news = [
            r
            for r in report.refused
            if (r.path.name, boardfile.signature(r.path)) not in self._told
        ]
        self._told.update((r.path.name, boardfile.signature(r.path)) for r in report.refused)
        if not report.merged and not news:
            return None
        report.refused = news
        return report
