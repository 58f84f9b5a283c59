"""Provides the leader's week: the hours of the Only-me cards (what the leader still does
alone) in leader missions, in each role (entrepreneur, manager, technician) and in each hat
(area, for all three stages), against the leader's working hours when they are known.

Pure: cards and the leader's hours go in, figures come out. docs/insight.md says how.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from delegate_tui.core.insight import Figures
from delegate_tui.core.model import Card, role_of
from delegate_tui.core.vocabulary import AREAS, ROLES, STAGES

LEADER_HOURS = "leader_hours"
ONLY_ME_HOURS = "only_me_hours"
"""What the technician's share is a share of: the leader's working hours, else Only me's."""


def figures(cards: Iterable[Card]) -> Figures:
    """How many cards and their hours a week (rounded to the hundredth)."""
    chosen = list(cards)
    return Figures(len(chosen), round(float(sum(c.hours_per_week for c in chosen)), 2))


@dataclass(frozen=True, slots=True)
class LeaderWeek:
    """Where the leader's week goes. `hats`: area ('' for none) → stage → figures."""

    leader_hours: float | None
    only_me: Figures
    missions: tuple[Card, ...]
    roles: dict[str, Figures]
    hats: dict[str, dict[str, Figures]]

    @property
    def mission_hours(self) -> Figures:
        return figures(self.missions)

    @property
    def unaccounted(self) -> float | None:
        """The leader's hours no Only-me card accounts for (never negative; None: unknown)."""
        if self.leader_hours is None:
            return None
        return round(max(0.0, self.leader_hours - self.only_me.hours), 2)

    @property
    def share_of(self) -> str:
        """LEADER_HOURS when the leader's hours are known, else ONLY_ME_HOURS."""
        return LEADER_HOURS if self.leader_hours else ONLY_ME_HOURS

    @property
    def technician_share(self) -> float:
        """The technician's hours as a share of the leader's week (0 when it has no hours)."""
        base = self.leader_hours if self.leader_hours else self.only_me.hours
        return round(self.roles["technician"].hours / base, 3) if base else 0.0


def _hat_order(area: str) -> tuple[int, str]:
    """The hats in the vocabulary's order, then any other a newer version wrote, then none."""
    if area in AREAS:
        return (AREAS.index(area), area)
    return (len(AREAS) + (not area), area)


def hats(cards: Sequence[Card]) -> dict[str, dict[str, Figures]]:
    """Cards and hours of each hat worn on the board, in each stage (one pass over the cards)."""
    worn: dict[str, dict[str, list[Card]]] = {}
    for card in cards:
        stages = worn.setdefault(card.area, {stage: [] for stage in STAGES})
        if card.stage in stages:
            stages[card.stage].append(card)
    return {
        area: {stage: figures(found) for stage, found in worn[area].items()}
        for area in sorted(worn, key=_hat_order)
    }


def leader_week(cards: Sequence[Card], leader_hours: float | None = None) -> LeaderWeek:
    """The leader's week over the live `cards`; `leader_hours` a week, None when unknown."""
    only_me = [c for c in cards if c.stage == "only-me"]
    missions = sorted((c for c in only_me if c.leader_mission), key=lambda c: -c.hours_per_week)
    return LeaderWeek(
        leader_hours=leader_hours if leader_hours else None,
        only_me=figures(only_me),
        missions=tuple(missions),
        roles={role: figures(c for c in only_me if role_of(c) == role) for role in ROLES},
        hats=hats(cards),
    )
