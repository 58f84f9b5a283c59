"""Provides dates and cadences as people type them, read through python-dateutil.

`parse_when` reads a moment ("yesterday", "next friday", "in 2 weeks", "3 days ago", an ISO date
or a numeric date). A numeric date that reads as two days (05/11/2026: 5 November or 11 May) is
read in the order the caller decides (`dayfirst`), and refused when nobody decided: the caller
takes the order from the config's `date_order` or the locale (`date_dayfirst`, `locale_dayfirst`,
which read the environment mapping they are given). `parse_cadence` reads how
often something recurs ("every 2 weeks", "every monday", "monthly") into a `Cadence` that builds
a dateutil rrule, and `next_checkin` finds the first occurrence after the last check-in.
Pure: no I/O; the environment is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Any, Literal

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule

from delegate_tui.core import french_dates
from delegate_tui.core.errors import ValidationError
from delegate_tui.core.formats import FRENCH_MONTHS, quoted
from delegate_tui.core.language import N_, _, is_french
from delegate_tui.core.vocabulary import clean_text

WHEN_EXAMPLES = N_("'today', 'yesterday', '3 days ago', 'next friday', 'in 2 weeks' or 2026-11-20")
CADENCE_EXAMPLES = N_("'weekly', 'every 2 weeks', 'every monday', 'every other week' or 'monthly'")
"""Examples for a refusal, marked for the catalog: translated where shown (`_()`)."""

WEEKDAYS: dict[str, weekday] = {
    "monday": MO,
    "tuesday": TU,
    "wednesday": WE,
    "thursday": TH,
    "friday": FR,
    "saturday": SA,
    "sunday": SU,
}
_DAY_NAMES: dict[str, weekday] = {
    **WEEKDAYS,
    **{name[:3]: day for name, day in WEEKDAYS.items()},
    "tues": TU,
    "thur": TH,
    "thurs": TH,
}
_NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_UNITS: dict[str, str] = {
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "hour": "hours",
    "minute": "minutes",
}
DateOrder = Literal["day-first", "month-first"]
"""How someone writes the numeric dates that could be read two ways (the config's `date_order`)."""
DATE_ORDERS: tuple[DateOrder, ...] = ("day-first", "month-first")

MONTH_FIRST_TERRITORIES = frozenset({"US", "PH", "FM", "MH", "PW", "GU", "AS", "MP", "PR", "UM"})
"""Where numeric dates are written month first (en_US and its neighbours)."""
# fmt: off
DAY_FIRST_TERRITORIES = frozenset({
    "AD", "AE", "AG", "AL", "AR", "AT", "AU", "AW", "AZ", "BA", "BD", "BE", "BG", "BH", "BO", "BR",
    "BW", "BY", "CD", "CH", "CL", "CO", "CR", "CU", "CW", "CY", "CZ", "DE", "DJ", "DK", "DO", "DZ",
    "EC", "EE", "EG", "ER", "ES", "ET", "FI", "FJ", "FO", "FR", "GB", "GH", "GR", "GT", "HN", "HR",
    "HT", "ID", "IE", "IL", "IN", "IQ", "IS", "IT", "JO", "KE", "KG", "KH", "KW", "KZ", "LA", "LB",
    "LI", "LK", "LU", "LV", "LY", "MA", "ME", "MG", "MK", "MT", "MU", "MV", "MX", "MY", "NG", "NI",
    "NL", "NO", "NP", "NU", "NZ", "OM", "PA", "PE", "PG", "PK", "PL", "PT", "PY", "QA", "RO", "RS",
    "RU", "RW", "SA", "SC", "SD", "SG", "SI", "SK", "SN", "SO", "SS", "SV", "SY", "TH", "TJ", "TM",
    "TN", "TO", "TR", "TZ", "UA", "UG", "UY", "UZ", "VE", "VN", "VU", "WS", "YE", "ZA", "ZM", "ZW",
})
"""Where numeric dates are written day first (en_GB, fr_FR, de_DE, es_ES, it_IT …): the glibc
locales whose short date is day-month-year. Elsewhere (C, POSIX, a locale with no territory,
year-first places such as JP, CN, HU, SE, mixed ones such as CA) the locale does not decide."""
# fmt: on

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_AMOUNT = r"(\d+|" + "|".join(_NUMBERS) + r")"
_UNIT = r"(minute|hour|day|week|month|year)s?"
_IN = re.compile(rf"^in {_AMOUNT} {_UNIT}$")
_AGO = re.compile(rf"^{_AMOUNT} {_UNIT} ago$")
_NEXT_LAST = re.compile(r"^(next|last|this) (\w+)$")
_ISO = re.compile(r"^\d{4}-\d{2}(-\d{2})?([t ].*)?$")
_NUMERIC = re.compile(r"^\d{1,4}[./-]\d{1,2}([./-]\d{0,4})?( .*)?$")
_YEAR_FIRST = re.compile(r"^\d{4}[./-]")
_DOTTED = re.compile(r"^\d{1,4}\.\d{1,2}(\.\d{0,4})?( |$)")


def locale_dayfirst(env: Mapping[str, str]) -> bool | None:
    """Whether the locale in `env` writes numeric dates day first (en_GB, fr_FR: True; en_US:
    False), or None where it does not decide (C, POSIX, an unknown or year-first locale).

    Read from LC_ALL, then LC_TIME, then LANG, the first that is set, as the C library does.
    """
    name = next((env[k] for k in ("LC_ALL", "LC_TIME", "LANG") if env.get(k)), "")
    base = name.split(".")[0].split("@")[0]
    territory = base.split("_", 1)[1].upper() if "_" in base else ""
    if territory in MONTH_FIRST_TERRITORIES:
        return False
    return True if territory in DAY_FIRST_TERRITORIES else None


def date_dayfirst(order: DateOrder | None, env: Mapping[str, str]) -> bool | None:
    """How numeric dates are read: the configured `order` if any, else as the locale decides."""
    if order is not None:
        return order == "day-first"
    return locale_dayfirst(env)


def _typed(text: str) -> str:
    """What the person typed, inside a message: 'x' / « x »."""
    return quoted(text) if is_french() else repr(text)


def _amount(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]


def _in_zone(moment: datetime, zone: tzinfo | None) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone) if zone is not None else moment


def parse_when(text: str, now: datetime, dayfirst: bool | None = None) -> datetime:
    """The moment `text` names, relative to `now`; times without a zone are in `now`'s zone.

    Relative phrases keep `now`'s time of day, so "in 2 weeks" is exactly 14 days from now. A
    numeric date that could be read two ways is read day first or month first as `dayfirst`
    says, and refused when it is None; one starting with a 4-digit year is year-month-day.
    """
    key = french_dates.english_when(" ".join(clean_text(text).lower().split()))
    message = _("can't read the date {text}: write e.g. {examples}")
    fail = ValidationError(message.format(text=_typed(text), examples=_(WHEN_EXAMPLES)))
    if not key:
        message = _("the date is empty: write e.g. {examples}")
        raise ValidationError(message.format(examples=_(WHEN_EXAMPLES)))
    if dayfirst is None and is_french():
        dayfirst = True  # a French reader writes 5/11/2026 for 5 November, whatever the locale
    simple = {"now": 0, "today": 0, "tomorrow": 1, "yesterday": -1}
    if key in simple:
        return now + timedelta(days=simple[key])
    try:
        if match := _IN.match(key):
            return now + _shift(_UNITS[match[2]], _amount(match[1]))
        if match := _AGO.match(key):
            return now - _shift(_UNITS[match[2]], _amount(match[1]))
        if match := _NEXT_LAST.match(key):
            return _next_last(match[1], match[2], now, fail)
        if _ISO.match(key):
            return _in_zone(date_parser.isoparse(key.upper()), now.tzinfo)
        if key in _DAY_NAMES:
            message = _("{text} could be before or after today: write 'next {day}' or 'last {day}'")
            day = french_dates.WEEKDAYS[_DAY_NAMES[key].weekday] if is_french() else key
            raise ValidationError(message.format(text=_typed(text), day=day))
        if not re.search(r"\d", key) or key.isdigit():
            raise fail
        if not _NUMERIC.match(key) and not re.search(r"[a-z]{3}", key):
            raise fail
        return _in_zone(_read_date(key, text, now, dayfirst), now.tzinfo)
    except ValidationError:
        raise
    except (ValueError, OverflowError):
        raise fail from None


def _read_date(key: str, text: str, now: datetime, dayfirst: bool | None) -> datetime:
    """A date with digits or a month's name, read day first or month first (see parse_when)."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    if _DOTTED.match(key):  # 3.4 and 3.4. are a day and a month, not the number 3.4
        first, _space, rest = key.partition(" ")
        key = f"{first.rstrip('.').replace('.', '/')} {rest}".strip()
    if _YEAR_FIRST.match(key):  # 2026/11/05 is year-month-day everywhere, like ISO
        return date_parser.parse(key, yearfirst=True, dayfirst=False, default=midnight)
    readings: dict[bool, datetime] = {}
    for order in (True, False):  # 13/4 reads only day first: then that is the date
        with suppress(ValueError, OverflowError):
            readings[order] = date_parser.parse(key, dayfirst=order, default=midnight)
    if not readings:
        raise ValueError(key)
    if dayfirst in readings:
        return readings[dayfirst]
    day_first, month_first = readings.get(True), readings.get(False)
    if day_first is not None and month_first is not None and day_first != month_first:
        message = _("{text} could be {one} or {other}: write {iso}")
        raise ValidationError(
            message.format(
                text=clean_text(text).strip(),
                one=_day_name(day_first),
                other=_day_name(month_first),
                iso=f"{day_first:%Y-%m-%d}",
            )
        )
    return next(iter(readings.values()))


def _day_name(moment: datetime) -> str:
    """'5 November' / '5 nov.', whatever the C library's locale."""
    months = FRENCH_MONTHS if is_french() else _MONTHS
    return f"{moment.day} {months[moment.month - 1]}"


def _shift(unit: str, amount: int) -> relativedelta:
    """`amount` of a relativedelta unit (days, weeks, months, years)."""
    arguments: dict[str, Any] = {unit: amount}
    return relativedelta(**arguments)


def _next_last(which: str, word: str, now: datetime, fail: ValidationError) -> datetime:
    sign = {"next": 1, "last": -1, "this": 0}[which]
    if word in _UNITS and sign:
        return now + sign * _shift(_UNITS[word], 1)
    day = _DAY_NAMES.get(word)
    if day is None:
        raise fail
    if sign > 0:  # the first such day after today
        return now + relativedelta(days=+1, weekday=day(+1))
    if sign < 0:  # the last such day before today
        return now + relativedelta(days=-1, weekday=day(-1))
    return now + relativedelta(weekday=day(+1))  # this friday: today or later this week


Frequency = Literal[0, 1, 2, 3, 4, 5, 6]
"""dateutil's recurrence frequencies (YEARLY = 0 … SECONDLY = 6)."""


@dataclass(frozen=True, slots=True)
class Cadence:
    """How often something recurs: every `interval` days/weeks/months/years, or on weekdays."""

    freq: Frequency
    interval: int = 1
    weekdays: tuple[int, ...] = ()

    def rule(self, start: datetime) -> rrule:
        """The recurrence starting at `start` (months too short for its day use their last day)."""
        if self.freq == MONTHLY:
            return rrule(
                MONTHLY,
                interval=self.interval,
                dtstart=start,
                bymonthday=(start.day, -1),
                bysetpos=1,
            )
        if self.freq == YEARLY:
            return rrule(
                YEARLY,
                interval=self.interval,
                dtstart=start,
                bymonth=start.month,
                bymonthday=(start.day, -1),
                bysetpos=1,
            )
        return rrule(
            self.freq, interval=self.interval, dtstart=start, byweekday=self.weekdays or None
        )

    def describe(self) -> str:
        unit = {DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year"}[self.freq]
        every = "every" if self.interval == 1 else f"every {self.interval}"
        if self.weekdays:
            names = [list(WEEKDAYS)[d].capitalize() for d in self.weekdays]
            every = "every" if self.interval == 1 else f"every {self.interval} weeks on"
            return f"{every} {', '.join(names)}"
        return f"{every} {unit}" + ("s" if self.interval > 1 else "")


_FREQS: dict[str, Frequency] = {"day": DAILY, "week": WEEKLY, "month": MONTHLY, "year": YEARLY}
_WORDS: dict[str, Cadence] = {
    "daily": Cadence(DAILY),
    "weekly": Cadence(WEEKLY),
    "fortnightly": Cadence(WEEKLY, 2),
    "biweekly": Cadence(WEEKLY, 2),
    "monthly": Cadence(MONTHLY),
    "bimonthly": Cadence(MONTHLY, 2),
    "quarterly": Cadence(MONTHLY, 3),
    "yearly": Cadence(YEARLY),
    "annually": Cadence(YEARLY),
    "weekdays": Cadence(WEEKLY, 1, (0, 1, 2, 3, 4)),
    "every weekday": Cadence(WEEKLY, 1, (0, 1, 2, 3, 4)),
}
_EVERY = re.compile(rf"^every (?:(other|{_AMOUNT}) )?(day|week|month|year)s?$")
_EVERY_DAYS = re.compile(r"^every (?:(other|\d+ weeks? on) )?([a-z, ]+)$")
MAX_INTERVAL = 366


@lru_cache(maxsize=512)
def parse_cadence(text: str) -> Cadence:
    """Read a check-in cadence such as 'every 2 weeks', 'every monday' or 'monthly'."""
    key = " ".join(clean_text(text).lower().replace("-", " ").split())
    key = french_dates.english_cadence(key).removeprefix("once ").replace("every single", "every")
    message = _("can't read the cadence {text}: write e.g. {examples}")
    fail = ValidationError(message.format(text=_typed(text), examples=_(CADENCE_EXAMPLES)))
    if key in _WORDS:
        return _WORDS[key]
    if match := _EVERY.match(key):
        interval = 2 if match[1] == "other" else _amount(match[1]) if match[1] else 1
        if not 1 <= interval <= MAX_INTERVAL:
            message = _("the cadence {text} repeats every {interval}: use 1 to {most}")
            raise ValidationError(
                message.format(text=_typed(text), interval=interval, most=MAX_INTERVAL)
            )
        return Cadence(_FREQS[match[3]], interval)
    if match := _EVERY_DAYS.match(key):
        days = [d for d in re.split(r",| and | ", match[2]) if d]
        if not days or any(d.rstrip("s") not in _DAY_NAMES for d in days):
            raise fail
        interval = 2 if match[1] == "other" else int(match[1].split()[0]) if match[1] else 1
        if not 1 <= interval <= 52:
            message = _("the cadence {text} repeats every {interval} weeks: use 1 to 52")
            raise ValidationError(message.format(text=_typed(text), interval=interval))
        weekdays = tuple(sorted({_DAY_NAMES[d.rstrip("s")].weekday for d in days}))
        return Cadence(WEEKLY, interval, weekdays)
    raise fail


def parse_checkin(text: str | None) -> str:
    """A cadence to store on a card: the text as typed (tidied), or '' to clear it."""
    tidy = " ".join(clean_text(text or "").split())
    if tidy.lower() in ("", "none", "never", "-"):
        return ""
    cadence = parse_cadence(tidy)
    if french_dates.english_cadence(tidy) != tidy:  # the file holds English, as for the ids
        return cadence.describe()
    return tidy


def show_cadence(text: str) -> str:
    """A card's cadence for a person: as stored in English, written anew in French (a cadence
    that cannot be read, as stored)."""
    if not is_french():
        return text
    try:
        return french_dates.describe(parse_cadence(text))
    except ValueError:
        return text


def next_checkin(cadence: Cadence, last: datetime | None, now: datetime) -> datetime:
    """The first check-in strictly after `last` (after `now` if there was none yet).

    It may lie before `now`: then the check-in is overdue.
    """
    start = last if last is not None else now
    following = cadence.rule(start).after(start, inc=False)
    if following is None:  # cannot happen for the cadences parse_cadence builds
        described = french_dates.describe(cadence) if is_french() else cadence.describe()
        message = _("the cadence {cadence} never recurs")
        raise ValidationError(message.format(cadence=_typed(described)))
    return following
