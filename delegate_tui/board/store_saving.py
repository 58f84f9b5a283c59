"""Provides the saving half of BoardStore: the stat check, the merge, the write, the writer thread.

Before every write the file's signature (inode, mtime, size) is compared with the one last
seen; if it changed, the file is read and merged in first, so an outside edit is never
overwritten. Card lines are serialised once and reused until the card changes. The UI saves
on a background thread; the CLI saves at once. No Textual.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from delegate_tui.board import boardfile
from delegate_tui.board.backups import Backups
from delegate_tui.board.boardfile import CARDS, Signature
from delegate_tui.board.known_boards import KnownBoards
from delegate_tui.board.lock import board_lock
from delegate_tui.board.tinydb_adapter import BoardTables
from delegate_tui.core.codec import Record
from delegate_tui.core.errors import BoardError, MergeError
from delegate_tui.core.language import _
from delegate_tui.core.merge import META, Changes, merge_boards, merge_onto

SAVE_ATTEMPTS = 4
"""How often a save starts over when the file changes under it while it is being written."""

SAVE_SETTLE = 0.05
"""Seconds the background writer waits after a change before saving, to batch a burst."""

WARM_AFTER = 1.0
"""Seconds after opening before the background writer serialises the cards ahead of the first
save (later than the first frame, so opening the board does not share the processor)."""

WARM_CHUNK = 200
"""Cards serialised per hold of the lock while warming (~2 ms)."""


class SavingMixin:
    """State and saving for BoardStore (which sets the attributes below in its __init__)."""

    path: Path
    given: Path
    backups: Backups
    known: KnownBoards | None
    on_save_error: Callable[[str], None] | None
    _tables: BoardTables
    _lock: threading.RLock
    _sig: Signature | None
    _fresh: bool
    _tidy: bool
    _unreported: Changes
    _lines: dict[str, tuple[Record, str]]
    _ends: dict[str, float]

    @property
    def _data(self) -> Record:
        """The whole board state, as the TinyDB adapter holds it (read-only)."""
        return self._tables.state

    def _records(self) -> dict[str, Record]:
        return self._tables.records()

    def _start_saving(self, background: bool) -> None:
        self._background = background
        self._pending = 0
        self._saved = 0
        self._changed = 0
        """Changes asked to be saved so far; `_written` of them are on disk."""
        self._written = 0
        self._cond = threading.Condition()
        self._closing = False
        self._writer: threading.Thread | None = None
        if background:
            self._writer = threading.Thread(target=self._write_loop, daemon=True, name="board-save")
            self._writer.start()

    def _request_save(self) -> None:
        with self._cond:
            self._changed += 1
        if not self._background:
            self.save_now()
            return
        with self._cond:
            self._pending += 1
            self._cond.notify_all()

    @property
    def is_new(self) -> bool:
        """Whether the board is not in a file yet (nothing was read, nothing written)."""
        return self._fresh

    @property
    def unsaved(self) -> bool:
        """Whether changes made here are not in the board file yet (a save failed or waits)."""
        with self._cond:
            return self._written < self._changed

    def state_text(self) -> str:
        """The whole board as this store holds it, in the file's form (for a rescue copy)."""
        with self._lock:
            return boardfile.serialize(self._data, self._card_lines())

    def write_through(self) -> None:
        """Ask for a save even though nothing changed here: the file lacks what we hold."""
        self._request_save()

    def save_now(self) -> None:
        """Write whatever the file lacks now, on this thread; raises BoardError if it fails."""
        with self._cond:
            target = self._changed
        self._save()
        with self._cond:
            self._written = max(self._written, target)

    def _write_loop(self) -> None:
        warm_at: float | None = time.monotonic() + WARM_AFTER
        while True:
            with self._cond:
                while self._saved >= self._pending and not self._closing:
                    left = None if warm_at is None else warm_at - time.monotonic()
                    if left is not None and left <= 0:
                        break
                    self._cond.wait(left)
                if self._closing and self._saved >= self._pending:
                    return
                idle = self._saved >= self._pending
            if idle:  # nothing to save yet: get the first save's work done ahead of it
                warm_at = None
                self._warm_lines()
                continue
            if not self._closing:
                time.sleep(SAVE_SETTLE)  # let a burst of keys (a held shift+→) share one save
            with self._cond:
                target = self._pending
            try:
                self.save_now()
            except (BoardError, MergeError) as exc:
                if self.on_save_error:
                    self.on_save_error(str(exc))
            except Exception as exc:  # the writer must outlive any surprise, or saves stop
                if self.on_save_error:
                    self.on_save_error(
                        _("could not save {path}: {why}").format(path=self.path, why=repr(exc))
                    )
            with self._cond:
                self._saved = target
                self._cond.notify_all()

    def flush(self, timeout: float | None = 30.0) -> None:
        """Wait until every change so far is on disk (background mode)."""
        if not self._background:
            return
        with self._cond:
            self._cond.wait_for(lambda: self._saved >= self._pending, timeout=timeout)

    def close(self) -> None:
        """Finish pending saves, write what the file still lacks, and stop the writer."""
        if self._writer is None:
            return
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._writer.join(timeout=30.0)
        self._writer = None
        try:  # what came in last (a conflict copy folded, a file that lost our edits)
            with self._lock:
                behind = self._absorb_disk(retries=3)
            if behind or self.unsaved:
                self.save_now()
        except (BoardError, MergeError) as exc:
            if self.on_save_error:
                self.on_save_error(str(exc))

    def _save(self) -> None:
        with board_lock(self.path):
            for attempt in range(SAVE_ATTEMPTS):
                with self._lock:
                    self._absorb_disk()
                    boardfile.check_writable(self.path)
                    text = boardfile.serialize(self._data, self._card_lines())
                    seen = self._sig
                if attempt == 0:
                    self.backups.keep(self.path)
                tmp, sig = boardfile.write_temp(self.path, text)
                # A sync tool may have replaced the file while we wrote: merge it in and write
                # again rather than rename over it (the window left is the rename itself).
                if boardfile.signature(self.path) == seen or attempt == SAVE_ATTEMPTS - 1:
                    boardfile.commit_temp(tmp, self.path)
                    break
                boardfile.discard(tmp)
            if self._tidy:
                self._tidy = False
                boardfile.remove_stale_temps(self.path)
            with self._lock:
                self._sig = sig
                if self._fresh and self.known is not None:
                    self.known.remember(self.given, str(self._data[META]["board"]["board_id"]))
                self._fresh = False

    def _warm_lines(self) -> None:
        """Serialise the cards the first save would, a few at a time under the lock.

        With no line cached, the first save of a session serialised every card while holding
        the lock (~100 ms at 10,000 cards), and a keypress in that moment waited for it. Stops
        as soon as a save is asked for: the save serialises whatever is left itself.
        """
        with self._lock:
            card_ids = list(self._records())
        for start in range(0, len(card_ids), WARM_CHUNK):
            with self._cond:
                if self._closing or self._saved < self._pending:
                    return
            with self._lock:
                records = self._records()
                for card_id in card_ids[start : start + WARM_CHUNK]:
                    record = records.get(card_id)
                    if record is not None:
                        self._line(card_id, record)

    def _card_lines(self) -> dict[str, str]:
        return {card_id: self._line(card_id, r) for card_id, r in self._records().items()}

    def _line(self, card_id: str, record: Record) -> str:
        """The card's serialised line, made again only when its record was replaced."""
        cached = self._lines.get(card_id)
        if cached is None or cached[0] is not record:
            cached = (record, boardfile.dump_record(record))
            self._lines[card_id] = cached
        return cached[1]

    def _absorb_disk(self, retries: int = 6) -> bool:
        """If the file changed since we last saw it, merge it in (noted for `reload`).

        Returns whether the merged state holds something the file lacks (it must be written:
        say the sync tool put the other side's version in place of one that held our edits).
        """
        sig = boardfile.signature(self.path)
        if sig == self._sig:
            return False
        if sig is None:
            if self._fresh:
                return False
            try:  # a sync tool may be swapping the file: give it a moment
                disk, sig = boardfile.read_board(self.path, retries=retries)
            except BoardError:
                return False  # still gone: the next save writes our full state back, never an
                # empty board (a read alone does not write: the sync tool may be mid-swap)
        else:
            disk, sig = boardfile.read_board(self.path, retries=retries)
        ours = self._data
        if self._fresh:  # never written: take the board (and its id) someone just created
            ours = {**ours, META: disk[META]}
            self.backups.follow(str(disk[META]["board"]["board_id"]))
        merged, behind = merge_onto(ours, disk)
        self._take(merged)
        self._sig = sig
        self._fresh = False
        return behind

    def _take(self, merged: Record, report: bool = True) -> Changes:
        changes = Changes.between(self._records(), merged.get(CARDS, {}))
        self._tables.replace(merged)
        self._ends.clear()
        if report:
            self._unreported = self._unreported | changes
        return changes

    def reload(self) -> Changes:
        """Take in outside changes now (the UI polls this, off the UI thread).

        Returns the cards changed from outside since the last call, with who changed them,
        including changes merged in while saving. Iterates like a set of card ids.
        Raises BoardError if the file stays unreadable.
        """
        with self._lock:
            behind = self._absorb_disk(retries=3)
            changes, self._unreported = self._unreported, Changes()
        if behind:
            self._request_save()
        return changes

    def merge_in(self, other: Mapping[str, Any]) -> Changes:
        """Merge another copy of this board (a conflict copy) into it and save.

        Raises MergeError if it is another board. Returns what the copy brought in (not
        reported again by `reload`).
        """
        with self._lock:
            changes = self._take(merge_boards(self._data, other), report=False)
        if changes:
            self._request_save()
        return changes
