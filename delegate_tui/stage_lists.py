"""Provides StageLists: the ids of the board's cards per stage in board order, kept card by card.

The board opens before any card model is built: the order comes from the stored records
themselves (stage, position, creation), and the columns ask the store for the models of the few
cards they draw. Re-sorting 10,000 cards after every keystroke would also be slow, so after a
change only the changed cards are taken out and put back in place (binary search on the board
order). No Textual.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from typing import Any

from delegate_tui.board_order import record_order
from delegate_tui.model import STAGES
from delegate_tui.records import CARD_FIELDS
from delegate_tui.store import BoardStore

Key = tuple[float, str, str]
"""A card's place within its stage, as `board_order` gives it: position, creation, id."""


Place = tuple[str, Key, float]
"""Where a card is on the board, and the hours it stands for: stage, key, hours per week."""

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


class StageLists:
    """The live, unarchived cards of each stage, as ids in board order.

    `by_stage[stage]` is changed in place by `update`: copy it to keep a view of it.
    """

    def __init__(self, store: BoardStore) -> None:
        self.store = store
        self.by_stage: dict[str, list[str]] = {s: [] for s in STAGES}
        self._keys: dict[str, list[Key]] = {s: [] for s in STAGES}
        """The board order keys of `by_stage`, index for index (what the binary search reads)."""
        self._hours: dict[str, list[float]] = {s: [] for s in STAGES}
        """The hours per week of the cards of `by_stage`, index for index."""
        self._places: dict[str, Place] = {}
        self.loaded = False
        """Whether `load` has run (the app loads the lists as it reads the board file)."""

    def load(self) -> None:
        """Read every card again (from the records: no card model is built).

        This runs for every card when the board opens, so `place_of` is written out inline
        here (the same reading, without two calls per card: ~30% of the time at 10,000 cards).
        """
        found: dict[str, list[Key]] = {s: [] for s in STAGES}
        places: dict[str, Place] = {}
        # A copy of the items: a reload on another thread may swap the records meanwhile.
        for card_id, record in list(self.store.raw_cards().items()):
            get = record.get
            if get("deleted_at", _DELETED) or get("archived_at", _ARCHIVED):
                continue
            position, created = get("position", 0.0), get("created_at")
            if created is None:  # the usual case: the creation is the `*` stamp (created_at_of)
                try:
                    star = record["_stamps"]["*"]
                    created = star[0] if type(star) is list and len(star) == 3 else ""
                except (TypeError, KeyError):  # no `_stamps` or no `*`: as created_at_of reads it
                    created = ""
            key = (
                position if type(position) is float else float(position or 0.0),
                created if type(created) is str else str(created),
                card_id,
            )
            stage, hours = get("stage", _STAGE), get("hours_per_week", _HOURS)
            if type(stage) is not str:
                stage = str(stage)
            places[card_id] = (stage, key, hours if type(hours) is float else float(hours or 0.0))
            keys = found.get(stage)
            if keys is None:
                keys = found[stage] = []
            keys.append(key)
        for keys in found.values():
            keys.sort()
        self._keys = found
        self.by_stage = {stage: [key[2] for key in keys] for stage, keys in found.items()}
        self._hours = {stage: [places[key[2]][2] for key in keys] for stage, keys in found.items()}
        self._places = places
        self.loaded = True

    def stage_of(self, card_id: str) -> str | None:
        """The stage the card is shown in (None if it is not on the board)."""
        place = self._places.get(card_id)
        return place[0] if place else None

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
            old = self._places.pop(card_id, None)
            if old is not None:
                stage, key, _ = old
                keys = self._keys[stage]
                index = bisect_left(keys, key)
                if index >= len(keys) or keys[index] != key:
                    index = keys.index(key)  # never expected: the lists are kept sorted
                del keys[index]
                del self.by_stage[stage][index]
                del self._hours[stage][index]
                touched.add(stage)
            record = records.get(card_id)
            place = place_of(card_id, record) if record is not None else None
            if place is None:
                continue  # deleted or archived
            stage, key, hours = place
            keys = self._keys.setdefault(stage, [])
            index = bisect_left(keys, key)
            keys.insert(index, key)
            self.by_stage.setdefault(stage, []).insert(index, card_id)
            self._hours.setdefault(stage, []).insert(index, hours)
            self._places[card_id] = place
            touched.add(stage)
        return touched
