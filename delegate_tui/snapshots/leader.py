"""Provides the leader's part of a status snapshot: the leader's week and the absence test for
each teammate, from the same core functions `delegate status` uses (`leader_week`, `people`),
and the sentences the Markdown and HTML snapshots share, each renderer giving its own escape
and markup. The cards' texts are cleaned of control characters first (`display.one_line`), as
every text of a snapshot is. Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from delegate_tui.core.display import one_line
from delegate_tui.core.formats import NARROW, hours
from delegate_tui.core.language import _, is_french, ngettext
from delegate_tui.core.leader_insight import person_json, week_json
from delegate_tui.core.leader_week import LeaderWeek, leader_week
from delegate_tui.core.model import Card
from delegate_tui.core.people import Person, people
from delegate_tui.core.vocabulary import area_label, role_label

Markup = Callable[[str], str]

TOP_PEOPLE = 3
"""How many teammates a snapshot names, the most fragile first (as `delegate status`)."""


@dataclass(frozen=True, slots=True)
class LeaderPart:
    """The leader's week and the teammates, the most fragile first."""

    week: LeaderWeek
    people: tuple[Person, ...]

    def to_json(self) -> dict[str, Any]:
        """`leader_week` and `people`, as `delegate status --json` has them."""
        return {
            "leader_week": week_json(self.week),
            "people": [person_json(p) for p in self.people],
        }


def _clean(card: Card) -> Card:
    return replace(
        card,
        title=one_line(card.title),
        owner=one_line(card.owner),
        backup=one_line(card.backup),
    )


def leader_part(cards: Sequence[Card], leader_hours: float | None = None) -> LeaderPart:
    """The leader's part for the live `cards`; `leader_hours` a week, None when unknown."""
    clean = [_clean(c) for c in cards]
    return LeaderPart(leader_week(clean, leader_hours), tuple(people(clean)))


def percent(value: float) -> str:
    """A share: `29%` / `29 %`."""
    return f"{round(value * 100)}{NARROW}%" if is_french() else f"{value:.0%}"


def week_items(week: LeaderWeek, escape: Markup) -> list[str]:
    """The leader's week, one item a line: Only me, the time not on the board, the roles, the
    hats worn alone and the technician's share."""
    items = [
        _("Only you: {hours} a week, {missions} of them in your own missions").format(
            hours=hours(week.only_me.hours), missions=hours(week.mission_hours.hours)
        )
    ]
    if week.unaccounted is not None:
        items.append(
            _("Not on the board: {unaccounted} of your {hours} working hours").format(
                unaccounted=hours(week.unaccounted), hours=hours(week.leader_hours or 0)
            )
        )
    roles = ", ".join(f"{role_label(r)} {hours(f.hours)}" for r, f in week.roles.items())
    items.append(_("By role: {roles}").format(roles=roles))
    alone = [
        f"{escape(area_label(area)) if area else _('no area')} {hours(stages['only-me'].hours)}"
        for area, stages in week.hats.items()
        if stages["only-me"].cards
    ]
    if alone:
        items.append(_("Hats you wear alone: {hats}").format(hats=", ".join(alone)))
    share = percent(week.technician_share)
    if week.leader_hours:
        items.append(
            _("The technician takes {share} of your {hours} working hours").format(
                share=share, hours=hours(week.leader_hours)
            )
        )
    else:
        items.append(_("The technician takes {share} of the hours only you do").format(share=share))
    return items


def person_item(person: Person, escape: Markup, strong: Markup) -> str:
    """'**Marie**: 3h a week land back on you: Invoicing (3h)', or all runs, covered."""
    name = strong(escape(person.name))
    back = person.back_on_leader
    if not back:
        return _("{name} away: all runs, {hours} a week covered by a backup").format(
            name=name, hours=hours(person.hours_owned)
        )
    cards = ", ".join(f"{escape(c.title)} ({hours(c.hours_per_week)})" for c in back)
    return _("{name} away: {hours} a week land back on you — {cards}").format(
        name=name, hours=hours(person.hours_back_on_leader), cards=cards
    )


def people_items(part: LeaderPart, escape: Markup, strong: Markup) -> list[str]:
    """The top teammates, then how many others; nothing when no card is handed over."""
    items = [person_item(p, escape, strong) for p in part.people[:TOP_PEOPLE]]
    more = len(part.people) - TOP_PEOPLE
    if more > 0:
        others = ngettext("… and {count} other teammate", "… and {count} other teammates", more)
        items.append(others.format(count=more))
    return items


def week_heading() -> str:
    return _("The leader's week")


def people_heading() -> str:
    return _("If a teammate is away two weeks")


def no_people() -> str:
    return _("No card handed over to a teammate yet.")
