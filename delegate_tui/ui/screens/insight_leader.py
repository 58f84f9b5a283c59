"""Provides the insight screen's panels for issue 16: the leader's week, the teammates most
fragile first, and the absence test week by week (a strip of cells coloured by scenario).

Each panel is a `rich.text.Text` built from the pure figures (core/leader_insight.py); names
and titles are data, cleaned by `display.line`, never markup. `style` gives the screen's
component styles by name (only-me, delegating, team-owned, muted, alert, strong).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text

from delegate_tui.core.display import line
from delegate_tui.core.formats import hours
from delegate_tui.core.language import _, ngettext
from delegate_tui.core.leader_insight import LeaderInsight
from delegate_tui.core.leader_week import LeaderWeek
from delegate_tui.core.people import Person
from delegate_tui.core.vocabulary import STAGES, area_label, role_label, stage_label
from delegate_tui.ui.screens import insight_words as words

Styler = Callable[[str], Style]

SCENARIO_STYLE = {1: "only-me", 2: "delegating", 3: "team-owned"}
"""The strip's colours: the stage whose answer each scenario is."""
CELL = "█"
EMPTY = "·"
STRIP = 26
"""The strip's cells, one a week: as many as the flow's weeks at most."""
PEOPLE = 8
LISTED = 46
"""The width of a teammate's cards that land back (the panel is half the screen)."""
"""How many teammates the panel lists."""


def _title(text: str, width: int = 28) -> str:
    text = line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def week_panel(week: LeaderWeek, style: Styler) -> Text:
    """The leader's week: Only me, the missions, the roles, the hats in each stage."""
    text = Text()
    text.append(_("The leader's week") + "\n", style("strong"))
    share = words.share(week.technician_share)
    text.append(_("The technician takes {share} of your week").format(share=share), style("alert"))
    if week.leader_hours:
        base = _("of your {hours} working hours").format(hours=hours(week.leader_hours))
    else:
        base = _("of the hours only you do: your working hours are not set")
    text.append(f" ({base})", style("muted"))
    text.append("\n" + _("Only you: {hours} a week").format(hours=hours(week.only_me.hours)))
    missions = hours(week.mission_hours.hours)
    text.append("  " + _("your missions: {hours}").format(hours=missions), style("team-owned"))
    if week.unaccounted is not None:
        text.append("  " + _("not on the board: {hours}").format(hours=hours(week.unaccounted)))
    roles = "  ".join(f"{role_label(r)} {hours(f.hours)}" for r, f in week.roles.items())
    text.append("\n" + roles, style("muted"))
    labels = [stage_label(s).lower() for s in STAGES]
    widths = [max(13, len(label) + 2) for label in labels]
    heads = "".join(label.rjust(w) for label, w in zip(labels, widths, strict=True))
    text.append("\n" + _("Hats").ljust(26) + heads, style("muted"))
    for area, stages in week.hats.items():
        name = line(area_label(area)) if area else _("no area")
        text.append("\n" + name[:25].ljust(26))
        for stage in STAGES:
            figures = stages[stage]
            cell = hours(figures.hours) if figures.cards else "-"
            text.append(
                cell.rjust(13), style(stage) if stage == "only-me" and figures.cards else None
            )
    return text


def _person(text: Text, person: Person, style: Styler) -> None:
    back = person.back_on_leader
    text.append("\n" + _title(person.name, 20).ljust(21))
    if back:
        landed = _("{hours} a week land back on you").format(
            hours=hours(person.hours_back_on_leader)
        )
        text.append(landed, style("alert"))
        cards = ngettext("{count} card", "{count} cards", len(back)).format(count=len(back))
        titles = ", ".join(line(c.title) for c in back)
        listed = _("{cards}: {titles}").format(cards=cards, titles=titles)
        text.append("\n  " + _title(listed, LISTED), style("muted"))
    else:
        covered = _("all runs: {hours} a week covered").format(hours=hours(person.hours_owned))
        text.append(covered, style("team-owned"))


def people_panel(found: LeaderInsight, style: Styler) -> Text:
    """'If NAME is away two weeks': the teammates, the most fragile first."""
    text = Text()
    text.append(_("If a teammate is away two weeks (most fragile first)"), style("strong"))
    if not found.people:
        text.append("\n" + _("No card handed over has an owner yet."), style("muted"))
    for person in found.people[:PEOPLE]:
        _person(text, person, style)
    if len(found.people) > PEOPLE:
        text.append("\n" + words.more(len(found.people) - PEOPLE), style("muted"))
    return text


def strip_panel(found: LeaderInsight, style: Styler) -> Text:
    """The scenario week by week, oldest first, and when the hours that stop reach zero."""
    text = Text()
    text.append(_("From 1 to 3, week by week") + "\n", style("strong"))
    text.append(EMPTY * (STRIP - len(found.weeks)), style("muted"))  # before the first card
    for week in found.weeks:
        if week.scenario is None:
            text.append(EMPTY, style("muted"))
        else:
            text.append(CELL, style(SCENARIO_STYLE[week.scenario]))
    if found.weeks:
        first, last = words.axis_date(found.weeks[0].at), words.axis_date(found.weeks[-1].at)
        text.append(f"\n{first.ljust(STRIP - len(last))}{last}", style("muted"))
        stops = [week.hours["stops"] for week in found.weeks]
        trend = " → ".join(hours(h) for h in stops[-4:])
        text.append("\n" + _("hours that stop: {trend}").format(trend=trend))
    ahead = found.projection
    if ahead.stops_hours and (ahead.weeks is None or ahead.at is None):
        text.append("\n" + _("none left: not at this pace"), style("alert"))
    elif ahead.stops_hours and ahead.at is not None:
        when = words.axis_date(ahead.at)
        text.append(
            "\n" + _("none left at this pace: {when}").format(when=when), style("team-owned")
        )
    return text
