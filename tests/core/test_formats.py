"""Numbers, hours and dates as a reader of each language writes them: checked against CLDR."""

from __future__ import annotations

from datetime import date

import babel.dates
import babel.numbers
from hypothesis import given
from hypothesis import strategies as st

from delegate_tui import locale
from delegate_tui.core import formats, language

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
amounts = st.decimals(min_value=0, max_value=168, places=2).map(float)


@given(spoken=st.sampled_from(language.LANGUAGES), day=days)
def test_dates_read_as_cldr_writes_them(spoken, day):
    locale.install(spoken)
    short, long = ("d MMM", "d MMM y") if spoken == "fr" else ("MMM d", "MMM d, y")
    assert formats.short_date(day) == babel.dates.format_date(day, short, locale=spoken)
    assert formats.long_date(day) == babel.dates.format_date(day, long, locale=spoken)


@given(spoken=st.sampled_from(language.LANGUAGES), value=amounts)
def test_numbers_read_as_cldr_writes_them(spoken, value):
    locale.install(spoken)
    assert formats.number(value) == babel.numbers.format_decimal(value, "0.##", locale=spoken)


def test_french_hours_and_quotes(french):
    assert formats.hours(2.5) == "2,5\u202fh"
    assert formats.quoted("Devis") == "«\u202fDevis\u202f»"


def test_english_hours_and_quotes():
    assert formats.hours(2.5) == "2.5h"
    assert formats.quoted("Quotes") == "'Quotes'"
