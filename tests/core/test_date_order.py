"""Numeric dates that could be read two ways (dates.py): read as the config or the locale
decides, refused when neither does; never guessed."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delegate_tui.core.dates import date_dayfirst, locale_dayfirst, parse_when
from delegate_tui.core.errors import ValidationError

NOW = datetime(2026, 11, 4, 15, 30, tzinfo=UTC)


def _day(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, tzinfo=UTC)


@pytest.mark.parametrize(
    ("env", "dayfirst"),
    [
        ({"LC_ALL": "C"}, None),
        ({"LC_ALL": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({"LANG": "en_US.UTF-8"}, False),
        ({"LANG": "en_PH.UTF-8"}, False),
        ({"LANG": "en_GB.UTF-8"}, True),
        ({"LANG": "fr_FR.UTF-8"}, True),
        ({"LC_ALL": "de_DE.UTF-8@euro"}, True),
        ({"LANG": "es_ES.UTF-8"}, True),
        ({"LANG": "it_IT"}, True),
        ({"LANG": "ja_JP.UTF-8"}, None),  # year first: the locale does not say
        ({"LANG": "en_CA.UTF-8"}, None),  # Canada writes both ways
        ({"LANG": "de"}, None),  # no territory
        ({"LANG": "xx_ZZ.UTF-8"}, None),  # unknown
        ({"LC_ALL": "C", "LANG": "en_GB.UTF-8"}, None),  # LC_ALL comes first
        ({"LC_ALL": "", "LC_TIME": "en_GB.UTF-8", "LANG": "C"}, True),
    ],
)
def test_the_locale_decides_only_where_it_writes_one_order(
    env: dict[str, str], dayfirst: bool | None
) -> None:
    assert locale_dayfirst(env) is dayfirst


@pytest.mark.parametrize("env", [{"LANG": "C"}, {"LANG": "en_US.UTF-8"}, {"LANG": "fr_FR"}])
def test_the_configured_order_wins_over_the_locale(env: dict[str, str]) -> None:
    assert date_dayfirst("day-first", env) is True
    assert date_dayfirst("month-first", env) is False
    assert date_dayfirst(None, env) is locale_dayfirst(env)


def test_a_date_read_two_ways_is_refused_when_nobody_decides() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_when("05/11/2026", NOW, None)
    assert str(caught.value) == "05/11/2026 could be 5 November or 11 May: write 2026-11-05"
    with pytest.raises(
        ValidationError, match=r"^3\.4 could be 3 April or 4 March: write 2026-04-03$"
    ):
        parse_when(" 3.4 ", NOW, None)


@pytest.mark.parametrize("dayfirst", [None, True, False])
def test_dates_read_one_way_only_are_always_accepted(dayfirst: bool | None) -> None:
    assert parse_when("13/11/2026", NOW, dayfirst) == _day(2026, 11, 13)
    assert parse_when("11/13/2026", NOW, dayfirst) == _day(2026, 11, 13)
    assert parse_when("05/05/2026", NOW, dayfirst) == _day(2026, 5, 5)
    assert parse_when("13/4", NOW, dayfirst) == _day(2026, 4, 13)
    assert parse_when("13.4.", NOW, dayfirst) == _day(2026, 4, 13)
    assert parse_when("2026-11-05", NOW, dayfirst) == _day(2026, 11, 5)
    assert parse_when("5 Nov 2026", NOW, dayfirst) == _day(2026, 11, 5)
    # A year first is year-month-day everywhere, as in ISO (day first used to read 5 November).
    assert parse_when("2026/05/11", NOW, dayfirst) == _day(2026, 5, 11)
    assert parse_when("2026.05.11", NOW, dayfirst) == _day(2026, 5, 11)


@given(
    day=st.dates(min_value=date(1971, 1, 1), max_value=date(2199, 12, 31)),
    separator=st.sampled_from("/.-"),
    dayfirst=st.sampled_from([None, True, False]),
)
def test_a_short_date_is_accepted_iff_it_reads_one_way_or_the_order_is_decided(
    day: date, separator: str, dayfirst: bool | None
) -> None:
    """Written day first: read as the date meant, or as its month-first mirror when the user
    said month first, or refused naming both readings."""
    text = f"{day.day:02}{separator}{day.month:02}{separator}{day.year}"
    two_ways = day.day <= 12 and day.day != day.month
    if two_ways and dayfirst is None:
        with pytest.raises(ValidationError, match=f"write {day.isoformat()}$"):
            parse_when(text, NOW, dayfirst)
        return
    mirrored = two_ways and dayfirst is False
    meant = date(day.year, day.day, day.month) if mirrored else day
    assert parse_when(text, NOW, dayfirst) == _day(meant.year, meant.month, meant.day)
