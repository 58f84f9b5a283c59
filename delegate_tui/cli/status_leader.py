"""Provides the lines of `delegate status` for the leader's week, the teammates most fragile
first (the top three) and the absence test's pace, in the language of the run."""

from __future__ import annotations

from datetime import datetime

from delegate_tui.core.display import line
from delegate_tui.core.formats import NARROW, hours, long_date
from delegate_tui.core.language import _, is_french, ngettext
from delegate_tui.core.leader_insight import LeaderInsight
from delegate_tui.core.leader_week import LeaderWeek
from delegate_tui.core.people import Person
from delegate_tui.core.vocabulary import area_label, role_label

TOP_PEOPLE = 3
"""How many teammates the summary names."""


def percent(value: float) -> str:
    """A share: `29%` / `29 %`."""
    return f"{round(value * 100)}{NARROW}%" if is_french() else f"{value:.0%}"


def _day(moment: datetime) -> str:
    return long_date(moment.date()) if is_french() else f"{moment:%Y-%m-%d}"


def technician_line(week: LeaderWeek) -> str:
    """'The technician takes 10% of your week (of your 40h working hours)'."""
    share = percent(week.technician_share)
    if week.leader_hours:
        base = _("of your {hours} working hours").format(hours=hours(week.leader_hours))
    else:
        base = _("of the hours only you do: your working hours are not set")
    return _("The technician takes {share} of your week ({base})").format(share=share, base=base)


def week_lines(week: LeaderWeek) -> list[str]:
    """The leader's week: Only me's hours, the missions, the roles, the hats worn alone."""
    lines = [
        _("The leader's week: {hours} only you do, {missions} of them in your own missions").format(
            hours=hours(week.only_me.hours), missions=hours(week.mission_hours.hours)
        )
    ]
    if week.unaccounted is not None:
        lines.append(
            "  "
            + _("{unaccounted} of your {hours} working hours not on the board").format(
                unaccounted=hours(week.unaccounted), hours=hours(week.leader_hours or 0)
            )
        )
    roles = ", ".join(f"{role_label(r)} {hours(f.hours)}" for r, f in week.roles.items())
    lines.append("  " + _("by role: {roles}").format(roles=roles))
    alone = [
        f"{line(area_label(area)) if area else _('no area')} {hours(stages['only-me'].hours)}"
        for area, stages in week.hats.items()
        if stages["only-me"].cards
    ]
    if alone:
        lines.append("  " + _("hats you wear alone: {hats}").format(hats=", ".join(alone)))
    lines.append("  " + technician_line(week))
    return lines


def person_line(person: Person) -> str:
    """'Marie away: 6h a week land back on you (2 cards of 3)'."""
    name = line(person.name)
    back = person.back_on_leader
    if not back:
        return _("{name} away: all runs, {hours} a week covered").format(
            name=name, hours=hours(person.hours_owned)
        )
    cards = ngettext("{count} card of {owned}", "{count} cards of {owned}", len(back))
    return _("{name} away: {hours} a week land back on you ({cards})").format(
        name=name,
        hours=hours(person.hours_back_on_leader),
        cards=cards.format(count=len(back), owned=len(person.owned)),
    )


def people_lines(found: LeaderInsight) -> list[str]:
    if not found.people:
        return []
    lines = [_("If a teammate is away two weeks (most fragile first):")]
    lines += ["  " + person_line(p) for p in found.people[:TOP_PEOPLE]]
    more = len(found.people) - TOP_PEOPLE
    if more > 0:
        others = ngettext("… and {count} other teammate", "… and {count} other teammates", more)
        lines.append("  " + others.format(count=more))
    return lines


def pace_line(found: LeaderInsight) -> list[str]:
    """When the hours that stop reach zero at the recent pace (nothing when none stop)."""
    ahead = found.projection
    if not ahead.stops_hours:
        return []
    if ahead.weeks is None or ahead.at is None:
        when = _("not at this pace")
    else:
        when = ngettext("in {count} week ({day})", "in {count} weeks ({day})", ahead.weeks).format(
            count=ahead.weeks, day=_day(ahead.at)
        )
    return [
        _("Hours that stop without you: {hours} a week; none left: {when}").format(
            hours=hours(ahead.stops_hours), when=when
        )
    ]


def leader_lines(found: LeaderInsight) -> list[str]:
    """Every line of the summary for the figures of issue 16."""
    return week_lines(found.week) + people_lines(found) + pace_line(found)
