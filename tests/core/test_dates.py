"""Dates and cadences as people type them (dates.py), with property tests for the algebra."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delegate_tui.core.dates import (
    Cadence,
    locale_dayfirst,
    next_checkin,
    parse_cadence,
    parse_checkin,
    parse_when,
)
from delegate_tui.core.errors import ValidationError

NOW = datetime(2026, 11, 4, 15, 30, tzinfo=UTC)  # a Wednesday afternoon

moments = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", NOW),
        ("now", NOW),
        ("Tomorrow", NOW + timedelta(days=1)),
        ("yesterday", NOW - timedelta(days=1)),
        ("next friday", datetime(2026, 11, 6, 15, 30, tzinfo=UTC)),
        ("next wednesday", datetime(2026, 11, 11, 15, 30, tzinfo=UTC)),
        ("last monday", datetime(2026, 11, 2, 15, 30, tzinfo=UTC)),
        ("last wed", datetime(2026, 10, 28, 15, 30, tzinfo=UTC)),
        ("this friday", datetime(2026, 11, 6, 15, 30, tzinfo=UTC)),
        ("in 2 weeks", NOW + timedelta(weeks=2)),
        ("in a week", NOW + timedelta(weeks=1)),
        ("in three days", NOW + timedelta(days=3)),
        ("3 days ago", NOW - timedelta(days=3)),
        ("2 weeks ago", NOW - timedelta(weeks=2)),
        ("an hour ago", NOW - timedelta(hours=1)),
        ("in 1 month", datetime(2026, 12, 4, 15, 30, tzinfo=UTC)),
        ("next week", NOW + timedelta(weeks=1)),
        ("2026-11-20", datetime(2026, 11, 20, tzinfo=UTC)),
        ("2026-11-20T08:15", datetime(2026, 11, 20, 8, 15, tzinfo=UTC)),
        ("2026-11-20 08:15+02:00", datetime(2026, 11, 20, 6, 15, tzinfo=UTC)),
        ("20 Nov 2026", datetime(2026, 11, 20, tzinfo=UTC)),
    ],
)
def test_parse_when_reads_what_people_type(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW, dayfirst=True) == expected


def test_numeric_dates_follow_the_locale_order() -> None:
    assert parse_when("05/11/2026", NOW, dayfirst=True) == datetime(2026, 11, 5, tzinfo=UTC)
    assert parse_when("05/11/2026", NOW, dayfirst=False) == datetime(2026, 5, 11, tzinfo=UTC)
    assert parse_when("05.11.2026", NOW, dayfirst=True) == datetime(2026, 11, 5, tzinfo=UTC)
    assert parse_when("20/11", NOW, dayfirst=True) == datetime(2026, 11, 20, tzinfo=UTC)
    # ISO is never read day first, whatever the locale.
    assert parse_when("2026-11-05", NOW, dayfirst=True) == datetime(2026, 11, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("env", "dayfirst"),
    [
        ({"LANG": "fr_FR.UTF-8"}, True),
        ({"LANG": "en_GB.UTF-8"}, True),
        ({"LANG": "en_US.UTF-8"}, False),
        ({"LC_TIME": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, True),
        ({"LC_ALL": "en_US", "LC_TIME": "de_DE.UTF-8"}, False),
        ({"LANG": "C.UTF-8"}, None),
        ({}, None),
    ],
)
def test_dayfirst_comes_from_the_locale(env: dict[str, str], dayfirst: bool | None) -> None:
    assert locale_dayfirst(env) is dayfirst


@pytest.mark.parametrize(
    "text", ["", "   ", "someday", "5", "in 2 fortnights", "2026-13-40", "32/11/2026"]
)
def test_unreadable_dates_say_how_to_write_one(text: str) -> None:
    with pytest.raises(ValidationError, match=r"e\.g\. 'today'"):
        parse_when(text, NOW, dayfirst=True)


def test_a_bare_weekday_asks_which_one() -> None:
    with pytest.raises(ValidationError, match="'next friday' or 'last friday'"):
        parse_when("friday", NOW)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 1, 1)))
def test_iso_dates_round_trip(day: date) -> None:
    assert parse_when(day.isoformat(), NOW, dayfirst=True) == datetime(
        day.year, day.month, day.day, tzinfo=UTC
    )


@given(moments)
def test_iso_datetimes_round_trip(moment: datetime) -> None:
    assert parse_when(moment.isoformat(), NOW) == moment


@given(moments, st.integers(min_value=0, max_value=5000), st.sampled_from(["day", "days"]))
def test_relative_days_land_exactly_n_days_away(now: datetime, n: int, unit: str) -> None:
    assert parse_when(f"in {n} {unit}", now) == now + timedelta(days=n)
    assert parse_when(f"{n} {unit} ago", now) == now - timedelta(days=n)


@given(moments, st.integers(min_value=0, max_value=500))
def test_relative_weeks_land_exactly_7n_days_away(now: datetime, n: int) -> None:
    assert parse_when(f"in {n} weeks", now) == now + timedelta(days=7 * n)
    assert parse_when(f"{n} weeks ago", now) == now - timedelta(days=7 * n)


def test_times_without_a_zone_take_the_zone_of_now() -> None:
    paris = timezone(timedelta(hours=1))
    now = datetime(2026, 11, 4, 12, 0, tzinfo=paris)
    assert parse_when("2026-11-20 09:00", now) == datetime(2026, 11, 20, 9, 0, tzinfo=paris)


CADENCES = [
    "every 2 weeks",
    "every monday",
    "weekly",
    "monthly",
    "every 3 days",
    "daily",
    "every other week",
    "fortnightly",
    "quarterly",
    "yearly",
    "every monday and thursday",
    "every tue, fri",
    "every other friday",
    "every 2 weeks on wednesday",
    "weekdays",
    "every 6 months",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every 2 weeks", datetime(2026, 11, 18, 15, 30, tzinfo=UTC)),
        ("every other week", datetime(2026, 11, 18, 15, 30, tzinfo=UTC)),
        ("weekly", datetime(2026, 11, 11, 15, 30, tzinfo=UTC)),
        ("daily", datetime(2026, 11, 5, 15, 30, tzinfo=UTC)),
        ("every 3 days", datetime(2026, 11, 7, 15, 30, tzinfo=UTC)),
        ("every monday", datetime(2026, 11, 9, 15, 30, tzinfo=UTC)),
        ("every wednesday", datetime(2026, 11, 11, 15, 30, tzinfo=UTC)),
        ("every monday and thursday", datetime(2026, 11, 5, 15, 30, tzinfo=UTC)),
        ("monthly", datetime(2026, 12, 4, 15, 30, tzinfo=UTC)),
        ("quarterly", datetime(2027, 2, 4, 15, 30, tzinfo=UTC)),
    ],
)
def test_next_checkin_follows_the_last_one(text: str, expected: datetime) -> None:
    assert next_checkin(parse_cadence(text), NOW, NOW) == expected


def test_monthly_after_the_31st_uses_the_last_day_of_a_short_month() -> None:
    last = datetime(2027, 1, 31, 10, 0, tzinfo=UTC)
    assert next_checkin(parse_cadence("monthly"), last, last) == datetime(
        2027, 2, 28, 10, 0, tzinfo=UTC
    )


def test_without_a_last_checkin_the_next_one_follows_now() -> None:
    assert next_checkin(parse_cadence("weekly"), None, NOW) == NOW + timedelta(weeks=1)


@given(st.sampled_from(CADENCES), moments)
def test_next_checkin_is_always_after_the_last_one(text: str, last: datetime) -> None:
    cadence = parse_cadence(text)
    following = next_checkin(cadence, last, NOW)
    assert following > last
    assert following - last <= timedelta(days=366 * cadence.interval)


@given(
    st.sampled_from([1, 2, 3]),  # DAILY, WEEKLY, MONTHLY as dateutil numbers them
    st.integers(min_value=1, max_value=12),
    st.sets(st.integers(min_value=0, max_value=6), max_size=7),
    moments,
)
def test_every_cadence_moves_strictly_forward(
    freq: int, interval: int, days: set[int], last: datetime
) -> None:
    weekdays = tuple(sorted(days)) if freq == 2 else ()
    following = next_checkin(Cadence(freq, interval, weekdays), last, NOW)
    assert following > last


@pytest.mark.parametrize("text", ["sometimes", "every blursday", "every 0 days", "every 999 weeks"])
def test_unreadable_cadences_are_refused_with_examples(text: str) -> None:
    with pytest.raises(ValidationError, match="cadence"):
        parse_cadence(text)


def test_parse_checkin_keeps_the_text_as_typed_or_clears_it() -> None:
    assert parse_checkin("  Every  2 weeks ") == "Every 2 weeks"
    assert parse_checkin("none") == ""
    assert parse_checkin("") == ""
    with pytest.raises(ValidationError):
        parse_checkin("now and then")
