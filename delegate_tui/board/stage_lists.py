"""Provides StageLists: the ids of the board's cards per stage in board order, kept card by card.

The board opens before any card model is built: the order comes from the stored records
themselves (stage, position, creation), and the columns ask the store for the models of the few
cards they draw. Re-sorting 10,000 cards after every keystroke would also be slow, so after a
change only the changed cards are taken out and put back in place (binary search on the board
order). Cards rarely share a position, so the creation time that breaks a tie is read only for
cards that do: reading it for every card (from the `*` stamp, two objects further into each
record) was a third of opening the lists of a 10,000-card board. The board's filter reads the
records the same way (`record_matches`). No Textual.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from typing import Any

from delegate_tui.board.store import BoardStore
from delegate_tui.core.board_order import record_order
from delegate_tui.core.records import CARD_FIELDS, is_live
from delegate_tui.core.vocabulary import STAGES, area_label

Key = tuple[float, str, str]
"""A card's place within its stage, as `board_order` gives it: position, creation, id."""


Place = tuple[str, Key, float]
"""Where a card is on the board, and the hours it stands for: stage, key, hours per week."""

Spot = tuple[str, float, float]
"""Where the lists keep a card: its stage, its position in it, its hours per week."""

# A record may leave out a scalar field that holds its default: read every field with it.
_DELETED, _ARCHIVED = CARD_FIELDS["deleted_at"], CARD_FIELDS["archived_at"]
_STAGE, _HOURS = CARD_FIELDS["stage"], CARD_FIELDS["hours_per_week"]


def place_of(card_id: str, record: Mapping[str, Any]) -> Place | None:
    """Where a stored card shows on the board (None if it is deleted or archived).

    Reads the fields as `records.card_from_record` does, without building the model (this runs
    for every card when the board opens: keep it lean).
    """
    get = record.get
    if get("deleted_at", _DELETED) or get("archived_at", _ARCHIVED):
        return None
    key = record_order(card_id, record)
    return (str(get("stage", _STAGE)), key, float(get("hours_per_week", _HOURS) or 0.0))


def record_matches(record: Mapping[str, Any], query: str) -> bool:
    """Whether `query` (lower case) is in a stored card's title, owner, area (its id or its
    name in the run's language) or live notes, read the way `card_from_record` reads them (the
    board's filter, without building the model)."""
    if query in str(record.get("title", "")).lower():
        return True
    if query in str(record.get("owner", "") or "").lower():
        return True
    area = str(record.get("area", "") or "")
    if area and (query in area.lower() or query in area_label(area).lower()):
        return True
    notes = record.get("notes", {}).values()
    return any(query in str(n.get("text", "")).lower() for n in notes if is_live(n))


class StageLists:
    """The live, unarchived cards of each stage, as ids in board order.

    `by_stage[stage]` is changed in place by `update`: copy it to keep a view of it.
    """

    def __init__(self, store: BoardStore) -> None:
        self.store = store
        self.by_stage: dict[str, list[str]] = {s: [] for s in STAGES}
        self._positions: dict[str, list[float]] = {s: [] for s in STAGES}
        """The positions of the cards of `by_stage`, index for index (the binary search reads
        them; cards at one position are in the order of their creation, then id)."""
        self._hours: dict[str, list[float]] = {s: [] for s in STAGES}
        """The hours per week of the cards of `by_stage`, index for index."""
        self._spots: dict[str, Spot] = {}
        self.loaded = False
        """Whether `load` has run (the app loads the lists as it reads the board file)."""

    def load(self) -> None:
        """Read every card again (from the records: no card model is built).

        This runs for every card when the board opens, so the reading of `place_of` is written
        out inline here (without the creation time, and without two calls per card).
        """
        found: dict[str, list[tuple[float, str]]] = {s: [] for s in STAGES}
        spots: dict[str, Spot] = {}
        # A copy of the items: a reload on another thread may swap the records meanwhile.
        records = dict(self.store.raw_cards())
        for card_id, record in records.items():
            get = record.get
            if get("deleted_at", _DELETED) or get("archived_at", _ARCHIVED):
                continue
            position, stage, hours = (
                get("position", 0.0),
                get("stage", _STAGE),
                get("hours_per_week", _HOURS),
            )
            if type(position) is not float:
                position = float(position or 0.0)
            if type(stage) is not str:
                stage = str(stage)
            spots[card_id] = (
                stage,
                position,
                hours if type(hours) is float else float(hours or 0.0),
            )
            pairs = found.get(stage)
            if pairs is None:
                pairs = found[stage] = []
            pairs.append((position, card_id))
        self.by_stage, self._positions, self._hours = {}, {}, {}
        for stage, pairs in found.items():
            pairs.sort()
            positions = [position for position, _ in pairs]
            ids = [card_id for _, card_id in pairs]
            if len(set(positions)) < len(positions):
                _untie(ids, positions, records)
            self.by_stage[stage] = ids
            self._positions[stage] = positions
            self._hours[stage] = [spots[card_id][2] for card_id in ids]
        self._spots = spots
        self.loaded = True

    def stage_of(self, card_id: str) -> str | None:
        """The stage the card is shown in (None if it is not on the board)."""
        spot = self._spots.get(card_id)
        return spot[0] if spot else None

    def hours(self, stage: str) -> float:
        """The hours per week of the stage's cards, added up in board order."""
        return sum(self._hours.get(stage, ()))

    def update(self, card_ids: Iterable[str]) -> set[str]:
        """Take in the new state of these cards (changed, added, archived or deleted).

        Returns the stages whose lists changed.
        """
        touched: set[str] = set()
        records = self.store.raw_cards()
        for card_id in set(card_ids):
            old = self._spots.pop(card_id, None)
            if old is not None:
                stage, position, _ = old
                positions, ids = self._positions[stage], self.by_stage[stage]
                index = bisect_left(positions, position)
                while index < len(ids) and ids[index] != card_id and positions[index] == position:
                    index += 1  # past the cards that share its position
                if index >= len(ids) or ids[index] != card_id:
                    index = ids.index(card_id)  # never expected: the lists are kept sorted
                del positions[index], ids[index], self._hours[stage][index]
                touched.add(stage)
            record = records.get(card_id)
            place = place_of(card_id, record) if record is not None else None
            if place is None:
                continue  # deleted or archived
            stage, key, hours = place
            positions = self._positions.setdefault(stage, [])
            ids = self.by_stage.setdefault(stage, [])
            index = bisect_left(positions, key[0])
            ties = bisect_right(positions, key[0], index)
            if ties > index:  # cards at the same position: by creation, then id
                shared = [record_order(i, records.get(i, {})) for i in ids[index:ties]]
                index += bisect_left(shared, key)
            positions.insert(index, key[0])
            ids.insert(index, card_id)
            self._hours.setdefault(stage, []).insert(index, hours)
            self._spots[card_id] = (stage, key[0], hours)
            touched.add(stage)
        return touched


def _untie(ids: list[str], positions: list[float], records: Mapping[str, Any]) -> None:
    """Put the cards that share a position in the order of their creation, then id."""
    start = 0
    while start < len(ids):
        end = start + 1
        while end < len(ids) and positions[end] == positions[start]:
            end += 1
        if end - start > 1:
            ids[start:end] = sorted(ids[start:end], key=lambda i: record_order(i, records[i]))
        start = end
