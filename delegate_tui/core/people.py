"""Provides the absence test for each teammate: "if NAME is away two weeks", the cards NAME
owns with no other backup land back on the leader; the others run, covered by their backup.

The people are those who own or back up a card handed over (Delegating or Team-owned: an
Only-me card is the leader's, whoever is written as its owner). Names match whatever their
case and surrounding spaces. Pure: no I/O, no Textual. docs/insight.md says how.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from delegate_tui.core.model import Card

HANDED_OVER = ("delegating", "team-owned")


def name_key(name: str) -> str:
    """How two written names are found to be one person: case and outer spaces aside."""
    return " ".join(name.split()).casefold()


def lands_back(card: Card) -> bool:
    """Whether the card lands back on the leader when its owner is away: no other backup."""
    return not card.backup.strip() or name_key(card.backup) == name_key(card.owner)


@dataclass(frozen=True, slots=True)
class Person:
    """One teammate: the cards they own (most hours first), those they back up, and the owned
    ones that land back on the leader while they are away."""

    name: str
    owned: tuple[Card, ...]
    backs_up: tuple[Card, ...]

    @property
    def back_on_leader(self) -> tuple[Card, ...]:
        return tuple(c for c in self.owned if lands_back(c))

    @property
    def hours_owned(self) -> float:
        return round(float(sum(c.hours_per_week for c in self.owned)), 2)

    @property
    def hours_back_on_leader(self) -> float:
        return round(float(sum(c.hours_per_week for c in self.back_on_leader)), 2)


def _fragility(person: Person) -> tuple[float, int, float, str]:
    """Most fragile first: hours landing back, then cards landing back, then hours owned."""
    back = person.back_on_leader
    return (-person.hours_back_on_leader, -len(back), -person.hours_owned, name_key(person.name))


def people(cards: Sequence[Card]) -> list[Person]:
    """Every person owning or backing up a card handed over, the most fragile first."""
    names: dict[str, str] = {}
    owned: dict[str, list[Card]] = {}
    backs: dict[str, list[Card]] = {}
    for card in cards:
        if card.stage not in HANDED_OVER:
            continue
        roles = [(card.owner, owned)] + ([] if lands_back(card) else [(card.backup, backs)])
        for name, found in roles:
            if name.strip():
                key = name_key(name)
                names.setdefault(key, " ".join(name.split()))
                found.setdefault(key, []).append(card)
    result = [
        Person(
            names[key],
            tuple(sorted(owned.get(key, []), key=lambda c: -c.hours_per_week)),
            tuple(backs.get(key, [])),
        )
        for key in names
    ]
    return sorted(result, key=_fragility)
