"""Provides the words of the insight screen that are more than one lookup: its days, shares,
dates and times in the language of the run, and its absence-test lines.

Times are shown as every screen and export shows them: local, with their zone named (the
stored moments are UTC). English keeps the screen's long-standing forms (`2026-11-23 14:05 UTC`,
`Mon 03 Dec`, `03 Dec`, `2.0`); French writes `23 nov. 2026 à 14:05 CET`, `lun. 3 déc.`,
`3 déc.`, `2,0`, `29 %`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from delegate_tui.core import wording
from delegate_tui.core.formats import NARROW, clock_time, long_date, short_date
from delegate_tui.core.language import N_, _, is_french, ngettext

FRENCH_WEEKDAYS: tuple[str, ...] = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
"""The days of the week as CLDR abbreviates them in French, Monday first."""

SCENARIO_LINES: dict[int, str] = {
    # TRANSLATORS: the business's answer to the two-week absence test, worst first
    1: N_("Scenario 1: everything stops"),
    2: N_("Scenario 2: it runs with difficulty"),
    3: N_("Scenario 3: it runs normally"),
}

UNKNOWN = N_("Not known yet: the board has no cards")
"""The absence test's verdict on an empty board."""


def local(moment: datetime) -> datetime:
    """`moment` in this machine's zone, which then has its name (`CET`, `UTC`)."""
    return moment.astimezone()


def as_of(moment: datetime) -> str:
    """When the figures were computed: `2026-11-23 14:05 UTC` / `23 nov. 2026 à 14:05 UTC`."""
    shown = local(moment)
    if not is_french():
        return wording.when(shown)
    return _("{day} at {time}").format(day=long_date(shown.date()), time=clock_time(shown))


def weekday_date(moment: datetime) -> str:
    """A coming day: `Mon 03 Dec` / `lun. 3 déc.`."""
    shown = local(moment)
    if not is_french():
        return f"{shown:%a %d %b}"
    return f"{FRENCH_WEEKDAYS[shown.weekday()]} {short_date(shown.date())}"


def axis_date(moment: datetime) -> str:
    """A week on the flow chart's axis: `03 Dec` / `3 déc.`."""
    shown = local(moment)
    return short_date(shown.date()) if is_french() else f"{shown:%d %b}"


def days(delta: timedelta) -> str:
    """How long, in whole days (rounded): `under a day`, `1 day`, `10 days`."""
    count = round(delta.total_seconds() / 86400)
    if count == 0:
        return _("under a day")
    return ngettext("{count} day", "{count} days", count).format(count=count)


def cards(count: int) -> str:
    return ngettext("{count} card", "{count} cards", count).format(count=count)


def more(count: int) -> str:
    """The end of a list cut short: `… and 3 more`."""
    return ngettext("… and {count} more", "… and {count} more", count).format(count=count)


def share(value: float) -> str:
    """A share: `29%` / `29 %` (French puts a narrow no-break space before the sign)."""
    return f"{round(value * 100)}{NARROW}%" if is_french() else f"{value:.0%}"


def tenths(value: float) -> str:
    """Days to one decimal: `2.0` / `2,0`."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if is_french() else text
