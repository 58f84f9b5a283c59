"""Provides the figures of issue 16 on top of the board's insight: the leader's week, each
teammate's absence, and the absence test week by week with its projection, and their JSON
(the `leader_week`, `people`, `absence_by_week` and `absence_projection` of `status --json`).

Pure: the board's insight and the leader's hours go in. docs/insight.md says how.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from delegate_tui.core.absence_weeks import AbsenceWeek, Projection, absence_weeks, projection
from delegate_tui.core.insight import Figures, Insight, card_ref
from delegate_tui.core.leader_week import LeaderWeek, leader_week
from delegate_tui.core.model import Card
from delegate_tui.core.people import Person, lands_back, people
from delegate_tui.core.times import format_time


@dataclass(frozen=True, slots=True)
class LeaderInsight:
    """The leader's week, the teammates most fragile first, the weekly absence test."""

    week: LeaderWeek
    people: tuple[Person, ...]
    weeks: tuple[AbsenceWeek, ...]
    projection: Projection

    def to_json(self) -> dict[str, Any]:
        return leader_json(self)


def build_leader(found: Insight, leader_hours: float | None = None) -> LeaderInsight:
    """The figures for the cards of `found` at its moment; `leader_hours` None when unknown."""
    cards = found.cards
    moments = [point.at for point in found.flow]
    weeks = absence_weeks(cards, moments, found.spans)
    return LeaderInsight(
        week=leader_week(cards, leader_hours),
        people=tuple(people(cards)),
        weeks=tuple(weeks),
        projection=projection(weeks),
    )


def _ref(card: Card) -> dict[str, Any]:
    return card_ref(card.id, card.title, card.stage, card.hours_per_week)


def _figures(figures: Figures) -> dict[str, Any]:
    return {"cards": figures.cards, "hours_per_week": figures.hours}


def week_json(week: LeaderWeek) -> dict[str, Any]:
    return {
        "leader_hours_per_week": week.leader_hours,
        "only_me": _figures(week.only_me),
        "leader_missions": {
            **_figures(week.mission_hours),
            "list": [_ref(c) for c in week.missions],
        },
        "roles": {role: _figures(f) for role, f in week.roles.items()},
        "hats": [
            {"area": area or None, **{s: _figures(f) for s, f in stages.items()}}
            for area, stages in week.hats.items()
        ],
        "unaccounted_hours_per_week": week.unaccounted,
        "technician_share": week.technician_share,
        "technician_share_of": week.share_of,
    }


def person_json(person: Person) -> dict[str, Any]:
    return {
        "name": person.name,
        "cards_owned": len(person.owned),
        "hours_owned": person.hours_owned,
        "hours_back_on_leader": person.hours_back_on_leader,
        "cards_back_on_leader": len(person.back_on_leader),
        "cards": [
            {**_ref(c), "backup": c.backup, "back_on_leader": lands_back(c)} for c in person.owned
        ],
        "backs_up": [_ref(c) for c in person.backs_up],
    }


def leader_json(figures: LeaderInsight) -> dict[str, Any]:
    """Plain JSON values, English keys (see docs/insight.md)."""
    ahead = figures.projection
    return {
        "leader_week": week_json(figures.week),
        "people": [person_json(p) for p in figures.people],
        "absence_by_week": [
            {
                "at": format_time(w.at),
                "scenario": w.scenario,
                **{a: {"cards": w.counts[a], "hours_per_week": h} for a, h in w.hours.items()},
            }
            for w in figures.weeks
        ],
        "absence_projection": {
            "stops_hours_per_week": ahead.stops_hours,
            "pace_per_week": ahead.pace,
            "weeks": ahead.weeks,
            "at": format_time(ahead.at) if ahead.at else None,
        },
    }
