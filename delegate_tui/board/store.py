"""Provides BoardStore: the one board file, read and changed through TinyDB.

The board state is held by the TinyDB adapter (`tinydb_adapter.py`): the store reads the
records from it and changes them through it, then saves; the save writes the file
crash-safely (see `boardfile.py`). Before each write the store checks whether the file
changed on disk (inode, mtime, size); if it did, it reads it and merges both sides field by
field (see `merge.py`) so that no one's edit is lost. The CLI saves at once; the terminal UI
saves on a background thread so the screen never waits for the disk. No Textual.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from delegate_tui.board import collector
from delegate_tui.board.backups import Backups
from delegate_tui.board.known_boards import KnownBoards
from delegate_tui.board.opening import board_paths, open_state
from delegate_tui.board.store_saving import SavingMixin
from delegate_tui.board.store_settings import SettingsMixin
from delegate_tui.board.tinydb_adapter import BoardTables
from delegate_tui.core.board_order import record_order, sorted_cards
from delegate_tui.core.codec import Record
from delegate_tui.core.errors import CardNotFound
from delegate_tui.core.id_prefix import one_by_prefix
from delegate_tui.core.language import N_, _
from delegate_tui.core.merge import META, Changes, stamps_of
from delegate_tui.core.model import Card
from delegate_tui.core.records import (
    ITEM_COLLECTIONS,
    Clock,
    Identity,
    Stamper,
    add_item,
    append_entry,
    card_from_record,
    forced_creation,
    idle_move,
    is_live,
    new_card,
    new_id,
    retract_entry,
    set_fields,
    set_item_fields,
    set_log_fields,
    utc_now,
    value_of,
)
from delegate_tui.core.restoring import changed_fields, restore_into
from delegate_tui.core.vocabulary import parse_log_kind, parse_stage


class BoardStore(SavingMixin, SettingsMixin):
    """The board file as a set of cards, with stamped edits and a safe save."""

    def __init__(
        self,
        path: str | Path,
        identity: Identity,
        *,
        clock: Clock = utc_now,
        backup_dir: Path | None = None,
        background: bool = False,
        on_save_error: Callable[[str], None] | None = None,
        known: KnownBoards | None = None,
        create: bool = False,
    ) -> None:
        self.given, self.path = board_paths(path)
        self.identity = identity
        self.stamper = Stamper(identity, clock)
        self.on_save_error = on_save_error
        self.known = known
        self._lock = threading.RLock()
        self._lines: dict[str, tuple[Record, str]] = {}
        self._models: dict[str, tuple[Record, Card]] = {}
        self._ends: dict[str, float] = {}
        self._tidy = True  # the first save removes temp files a killed writer left behind
        state, self._sig = open_state(
            self.path, self.given, known=known, backup_dir=backup_dir, create=create
        )
        self._tables = BoardTables(state)
        self._fresh = self._sig is None
        self._unreported = Changes()
        self.backups = Backups(backup_dir, self.board_id, self.path.stem)
        if not self._fresh and known is not None:
            known.remember(self.given, self.board_id)
        self._start_saving(background)

    # ----------------------------------------------------------------- reading

    @property
    def meta(self) -> Mapping[str, Any]:
        meta: Mapping[str, Any] = self._tables.state[META]["board"]
        return meta

    @property
    def board_id(self) -> str:
        return str(self.meta["board_id"])

    @property
    def name(self) -> str:
        return self.settings().name or self.path.stem

    def raw_cards(self) -> Mapping[str, Record]:
        """Every stored card record, tombstones included (read-only: never change them)."""
        return self._records()

    def cards(self, archived: bool = False) -> list[Card]:
        """Live cards in board order; archived ones only when asked."""
        with self._lock, collector.paused():
            models = []
            for card_id, record in self._records().items():
                if is_live(record) and bool(record.get("archived_at")) == archived:
                    models.append(self._model(card_id, record))
            return sorted_cards(models)

    def all_cards(self) -> list[Card]:
        return self.cards(archived=False) + self.cards(archived=True)

    def card(self, card_id: str) -> Card:
        with self._lock:
            return self._model(card_id, self._record(card_id))

    def _model(self, card_id: str, record: Record) -> Card:
        """The card built from `record`, rebuilt only when the record was replaced."""
        cached = self._models.get(card_id)
        if cached is None or cached[0] is not record:
            cached = (record, card_from_record(card_id, record))
            self._models[card_id] = cached
        return cached[1]

    def record(self, card_id: str, *, deleted: bool = False) -> Record:
        """A deep copy of the stored card (for undo and tests); `deleted` reaches a tombstone."""
        with self._lock:
            found = self._records().get(card_id) if deleted else None
            return copy.deepcopy(found if found is not None else self._record(card_id))

    def _record(self, card_id: str) -> Record:
        record = self._records().get(card_id)
        if record is None or not is_live(record):
            raise CardNotFound(_("no card {id}").format(id=card_id))
        return record

    def resolve(self, prefix: str) -> str:
        """The id of the one live card whose id starts with `prefix` (4+ characters)."""
        with self._lock:
            live = [i for i, r in self._records().items() if is_live(r)]
        return one_by_prefix(
            live,
            prefix,
            word=N_("card"),
            shown_by=N_("'delegate list'"),
            matching=N_("cards match"),
            missing=CardNotFound,
        )

    # ----------------------------------------------------------------- changing

    def _change(self, card_id: str, edit: Callable[[Record], None], live: bool = True) -> None:
        """Apply `edit` to the stored card and save; `live=False` also reaches a deleted one."""
        with self._lock:
            if live:
                self._record(card_id)
            self._tables.update(card_id, edit)
            self._forget(card_id)  # changed in place: its cached line and model are stale
            self._request_save()

    def _forget(self, card_id: str) -> None:
        self._lines.pop(card_id, None)
        self._models.pop(card_id, None)

    def _end_position(self, stage: str) -> float:
        """A position after every card of the stage (an upper bound kept between changes)."""
        if stage not in self._ends:
            self._ends[stage] = max(
                (
                    float(r.get("position", 0.0) or 0.0)
                    for r in self._records().values()
                    if value_of(r, "stage") == stage and is_live(r)
                ),
                default=0.0,
            )
        self._ends[stage] += 1.0
        return self._ends[stage]

    def add(self, title: str, stage: str = "only-me", **fields: Any) -> Card:
        """Add one card at the end of its column."""
        return self.card(self.add_many([{"title": title, "stage": stage, **fields}])[0])

    def add_many(
        self, rows: Iterable[Mapping[str, Any]], ids: Sequence[str] | None = None
    ) -> list[str]:
        """Add several cards in one save: all of them or, on error, none.

        `ids` gives the new cards fixed ids (for tests and golden files); by default each
        card gets a fresh UUID.
        """
        with self._lock:
            records: list[tuple[str, Record]] = []
            for index, row in enumerate(rows):
                stage = parse_stage(row.get("stage") or "only-me")
                fields = {**row, "stage": stage, "position": self._end_position(stage)}
                forced = bool(fields.pop("forced", False))
                card_id = ids[index] if ids is not None else new_id()
                record = new_card(fields, self.stamper)
                if forced:
                    record["history"] = {new_id(): forced_creation(record, stage, self.stamper)}
                records.append((card_id, record))
            self._tables.insert(records)
            self._request_save()
            return [card_id for card_id, _record in records]

    def edit(self, card_id: str, **changes: Any) -> None:
        """Change scalar fields (title, owner, hours_per_week, …) of a card."""
        current = self._record(card_id)
        changed = {k: v for k, v in changes.items() if value_of(current, k) != v}
        if changed:
            if "position" in changed:
                self._ends.clear()  # a hand-set position may pass the known end of its column
            self._change(card_id, lambda r: set_fields(r, changed, self.stamper))

    def move(
        self, card_id: str, stage: str, forced: bool = False, why: tuple[str, str] | None = None
    ) -> bool:
        """Move a card to the end of another stage; False if it is already there. `forced`: it
        moves past the readiness gate, and its history entry says so. `why`, a log kind and
        text: a transition-log entry made with the move, in the same save."""
        stage = parse_stage(stage)
        entry: dict[str, Any] = {"forced": True} if forced else {}
        logged = {"kind": parse_log_kind(why[0]), "text": why[1]} if why else None
        with self._lock:
            current = value_of(self._record(card_id), "stage")
            if current == stage:
                return False
            position = self._end_position(stage)

            def edit(record: Record) -> None:
                set_fields(record, {"stage": stage, "position": position}, self.stamper)
                append_entry(
                    record, "history", {"from": current, "to": stage, **entry}, self.stamper
                )
                if logged is not None:
                    append_entry(record, "log", logged, self.stamper)

            self._change(card_id, edit)
            return True

    def reorder(self, card_id: str, step: int) -> bool:
        """Swap a card with its neighbour `step` places away in its column."""
        with self._lock:
            card = self.card(card_id)
            archived = bool(card.archived_at)
            # Read from the records: building a model per card of a long column took ~55 ms.
            column = sorted(
                record_order(i, r)
                for i, r in self._records().items()
                if value_of(r, "stage") == card.stage
                and is_live(r)
                and bool(r.get("archived_at")) == archived
            )
            index = next(n for n, key in enumerate(column) if key[2] == card_id)
            other_index = index + step
            if not 0 <= other_index < len(column):
                return False
            other = self.card(column[other_index][2])
            mine, theirs = card.position, other.position
            if mine == theirs:
                theirs = mine + (1.0 if step > 0 else -1.0)
            self.edit(card_id, position=theirs)
            self.edit(other.id, position=mine)
            return True

    def archive(self, card_id: str, archived: bool = True) -> None:
        self.edit(card_id, archived_at=self.stamper.at() if archived else None)

    def delete(self, card_id: str) -> None:
        """Delete a card: a stamped tombstone stays so older copies cannot bring it back."""
        self.edit(card_id, deleted_at=self.stamper.at())

    def add_item(self, card_id: str, collection: str, **fields: Any) -> str:
        """Add a standard, note or decision to a card; returns its id."""
        if collection not in ITEM_COLLECTIONS:
            raise KeyError(collection)
        made: list[str] = []
        self._change(card_id, lambda r: made.append(add_item(r, collection, fields, self.stamper)))
        return made[0]

    def edit_item(self, card_id: str, collection: str, item_id: str, **changes: Any) -> None:
        self._change(
            card_id, lambda r: set_item_fields(r, collection, item_id, changes, self.stamper)
        )

    def delete_item(self, card_id: str, collection: str, item_id: str) -> None:
        self.edit_item(card_id, collection, item_id, deleted_at=self.stamper.at())

    def log(self, card_id: str, kind: str, text: str) -> str:
        """Append an entry to a card's transition log; returns its id."""
        kind = parse_log_kind(kind)  # (ValidationError) a file must never hold an unknown kind
        made: list[str] = []
        self._change(
            card_id,
            lambda r: made.append(
                append_entry(r, "log", {"kind": kind, "text": text}, self.stamper)
            ),
        )
        return made[0]

    def correct_log(
        self, card_id: str, entry_id: str, kind: str | None = None, text: str | None = None
    ) -> bool:
        """Correct a log entry's kind and/or text: a stamped edit, so the entry says who
        corrected it and when, and copies merge it field by field. False (and nothing
        written) when the entry already says that."""
        changes: dict[str, Any] = {} if text is None else {"text": text}
        if kind is not None:
            changes["kind"] = parse_log_kind(kind)  # (ValidationError) never an unknown kind
        with self._lock:
            entry = self._record(card_id).get("log", {})[entry_id]  # (KeyError: no such entry)
            if all(entry.get(k) == v for k, v in changes.items()):
                return False
            self._change(card_id, partial(self._set_log, entry_id, changes))
            return True

    def remove_log(self, card_id: str, entry_id: str) -> None:
        """Remove a log entry: a stamped tombstone, gone from every view and export."""
        self._change(card_id, partial(self._set_log, entry_id, {"deleted_at": self.stamper.at()}))

    def _set_log(self, entry_id: str, changes: dict[str, Any], target: Record) -> None:
        entry = target["log"][entry_id]  # (KeyError: no such entry)
        changed = {k: v for k, v in changes.items() if entry.get(k) != v}
        if changed:  # (setting what it holds is no correction: no stamp, no "corrected by")
            set_log_fields(target, entry_id, changed, self.stamper)

    def restore(self, card_id: str, old: Record | None, since: Record | None = None) -> None:
        """Bring a card back to an earlier copy (undo/redo), as new stamped edits.

        A move is not answered by a move back: the history entries the change added are
        retracted (undo) or brought back (redo), so the history reads as it did. `since`, the
        copy being left (the other side of the undo step), limits that to the entries whose
        state differs between the two copies: a move someone else made meanwhile stays."""
        with self._lock:
            if old is None:
                self.delete(card_id)
                return
            record = self._records().get(card_id)
            if record is None:
                raise CardNotFound(_("no card {id}").format(id=card_id))
            if {"position", "stage"} & changed_fields(record, old).keys():
                self._ends.clear()
            self._change(
                card_id, lambda target: restore_into(target, old, since, self.stamper), live=False
            )

    def retract_idle_moves(self) -> int:
        """Retract every live history entry from a stage to itself (what undo wrote before
        it retracted moves); returns how many. A stamped retraction, so copies drop them too."""
        with self._lock:
            found = {
                card_id: [i for i, e in r.get("history", {}).items() if is_live(e) and idle_move(e)]
                for card_id, r in self._records().items()
            }
            for card_id, entries in found.items():
                if entries:
                    self._change(card_id, partial(self._retract, entries), live=False)
            return sum(map(len, found.values()))

    def _retract(self, entries: list[str], target: Record) -> None:
        for entry_id in entries:
            retract_entry(target, "history", entry_id, self.stamper)

    def who_changed(self, card_id: str) -> str:
        """The user who made the newest change to a card."""
        with self._lock:
            stamps = stamps_of(self._records().get(card_id, {})).values()
            return str(max(stamps, default=["", "", ""])[1])
