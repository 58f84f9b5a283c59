"""Provides BoardTables: the board state, held by a TinyDB storage and changed through TinyDB.

This is the only module that imports TinyDB, and it uses only TinyDB's documented extension
points: a custom `Storage` (read the state, write the state), `TinyDB(storage=…)`,
`TinyDB.table(name, cache_size=…)`, `Table.update(…, doc_ids=…)` and `Table.insert_multiple`
of `Document`s with given ids.

The state has one holder, the storage; one way in, its `write`; one way out, its `state`. The
store reads the records from it and changes them only through TinyDB here; a merge replaces
the whole state through the same `write`.

Why a *window*: TinyDB's storage contract is the whole state at a time, and every table change
reads the table, copies it converting every document id (`int(id)`), applies the change, copies
it back (`str(id)`) and writes it. At 10,000 cards that is ~2 ms of copying per keystroke for a
change of one card. So for each change the storage lends TinyDB only the cards the change names,
numbered 1, 2, … in TinyDB's own integer ids, and files what TinyDB writes back under the
cards' UUIDs. TinyDB's copies are then as long as the change, and its ids stay the integers its
API is typed for: no `document_id_class` override, no private method overridden.

No threads of its own: the store calls it under its lock. No Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from delegate_tui.board.boardfile import CARDS
from delegate_tui.core.codec import Record
from delegate_tui.core.language import _


class _WindowStorage(Storage):
    """The board state; while a window is open, TinyDB sees only the cards it names."""

    def __init__(self, state: Record) -> None:
        self.state = state
        self._window: Sequence[str] | None = None

    def cards(self) -> dict[str, Record]:
        cards: dict[str, Record] = self.state.setdefault(CARDS, {})
        return cards

    @contextmanager
    def window(self, card_ids: Sequence[str]) -> Iterator[None]:
        """Lend TinyDB the cards `card_ids` (those that exist) as documents 1, 2, …"""
        self._window = card_ids
        try:
            yield
        finally:
            self._window = None

    def read(self) -> dict[str, dict[str, Any]]:
        if self._window is None:
            return self.state
        cards = self.cards()
        lent = {str(n): cards[i] for n, i in enumerate(self._window, 1) if i in cards}
        return {CARDS: lent}

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self._window is None:
            self.state = data  # the whole state (a merge's result)
            return
        cards = self.cards()
        written = data.get(CARDS, {})
        for n, card_id in enumerate(self._window, 1):
            doc = written.get(str(n))
            if doc is not None:
                cards[card_id] = doc  # a card already there keeps its place in the file
            else:
                cards.pop(card_id, None)


class BoardTables:
    """The board state (`_meta` and the cards table) and its changes, through TinyDB."""

    def __init__(self, state: Record) -> None:
        self._storage = _WindowStorage(state)
        self._db = TinyDB(storage=lambda: self._storage)
        # No query cache: the store does not query, and every write empties it anyway.
        self._table = self._db.table(CARDS, cache_size=0)

    @property
    def state(self) -> Record:
        """The whole board state, in the file's shape (read-only: change it through here)."""
        return self._storage.state

    def records(self) -> dict[str, Record]:
        """Every stored card record by id, tombstones included (read-only)."""
        return self._storage.cards()

    def replace(self, state: Record) -> None:
        """Take `state` as the whole board (a merge's result)."""
        self._storage.write(state)

    def update(self, card_id: str, edit: Callable[[Record], None]) -> None:
        """Apply `edit` to the stored record of `card_id`, in place."""

        def apply(doc: MutableMapping[Any, Any]) -> None:
            assert isinstance(doc, dict)  # the storage's own record, lent as it is
            edit(doc)

        with self._storage.window([card_id]):
            self._table.update(apply, doc_ids=[1])

    def insert(self, records: Sequence[tuple[str, Record]]) -> None:
        """Add new card records under their ids: all of them or, if one exists, none."""
        taken = [card_id for card_id, _record in records if card_id in self.records()]
        if taken:
            raise ValueError(_("a card with id {id} already exists").format(id=taken[0]))
        with self._storage.window([card_id for card_id, _record in records]):
            self._table.insert_multiple(
                Document(record, doc_id=n) for n, (_, record) in enumerate(records, 1)
            )
