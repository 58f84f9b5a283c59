"""Provides the one way numbers, hours, dates, times and quotes are written for a person, in the
language of this run (`core.language`).

French as a French reader expects it (the CLDR rules, which the tests check against Babel):
`2,5`, `2,5 h`, `3 déc.`, `3 déc. 2026`, `14:05`, « … » with narrow no-break spaces, and a
narrow no-break space before `: ; ! ?`. English: `2.5`, `2.5h`, `Dec 3`, `Dec 3, 2026`. Times
are local, with their zone named. Pure: no I/O, no Textual.
"""

from __future__ import annotations

from datetime import date, datetime

from delegate_tui.core.language import is_french

NARROW = "\u202f"
"""The narrow no-break space French puts before `: ; ! ?`, inside « », and between a number and
its unit."""

FRENCH_MONTHS: tuple[str, ...] = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
"""The months as CLDR abbreviates them in French ('format' width 'abbreviated')."""

ENGLISH_MONTHS: tuple[str, ...] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def number(value: float) -> str:
    """A number without trailing zeros: `2.5` / `2,5`, `3`."""
    text = f"{value:g}"
    return text.replace(".", ",") if is_french() else text


def hours(value: float) -> str:
    """Hours: `2.5h` / `2,5 h`."""
    return f"{number(value)}{NARROW}h" if is_french() else f"{number(value)}h"


def short_date(day: date) -> str:
    """A day of this year: `Dec 3` / `3 déc.`."""
    if is_french():
        return f"{day.day} {FRENCH_MONTHS[day.month - 1]}"
    return f"{ENGLISH_MONTHS[day.month - 1]} {day.day}"


def long_date(day: date) -> str:
    """A day: `Dec 3, 2026` / `3 déc. 2026`."""
    if is_french():
        return f"{short_date(day)} {day.year}"
    return f"{short_date(day)}, {day.year}"


def clock_time(moment: datetime) -> str:
    """`14:05 CET`: a local time with its zone named (the zone left out where unknown)."""
    zone = moment.strftime("%Z")
    return moment.strftime("%H:%M") + (f" {zone}" if zone else "")


def quoted(text: str) -> str:
    """`'text'` / `« text »`: a person's words quoted inside a sentence."""
    return f"«{NARROW}{text}{NARROW}»" if is_french() else f"'{text}'"
