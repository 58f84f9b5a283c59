"""Dates and cadences as French people type them, read whatever the language of the run, and
cadences written in French that read back to themselves."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY
from hypothesis import given
from hypothesis import strategies as st

from delegate_tui import locale
from delegate_tui.core import formats, french_dates, language
from delegate_tui.core.dates import Cadence, parse_cadence, parse_checkin, parse_when, show_cadence
from delegate_tui.core.errors import ValidationError

NOW = datetime(2026, 11, 18, 15, 30, tzinfo=UTC)  # a Wednesday afternoon: today, frozen
DAY = timedelta(days=1)


def midnight(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, tzinfo=UTC)


WHEN = [
    ("aujourd'hui", NOW),
    ("Aujourd\u2019hui", NOW),
    ("AUJOURD'HUI", NOW),
    ("hier", NOW - DAY),
    ("Hier", NOW - DAY),
    ("avant-hier", NOW - 2 * DAY),
    ("avant hier", NOW - 2 * DAY),
    ("demain", NOW + DAY),
    ("après-demain", NOW + 2 * DAY),
    ("apres-demain", NOW + 2 * DAY),
    ("dans 3 jours", NOW + 3 * DAY),
    ("dans trois jours", NOW + 3 * DAY),
    ("Dans 1 semaine", NOW + 7 * DAY),
    ("il y a 2 semaines", NOW - 14 * DAY),
    ("il y a deux semaines", NOW - 14 * DAY),
    ("il y a 1 mois", datetime(2026, 10, 18, 15, 30, tzinfo=UTC)),
    ("il y a 3 mois", datetime(2026, 8, 18, 15, 30, tzinfo=UTC)),
    ("il y a un an", datetime(2025, 11, 18, 15, 30, tzinfo=UTC)),
    ("lundi dernier", NOW - 2 * DAY),
    ("Lundi Dernier", NOW - 2 * DAY),
    ("lundi prochain", NOW + 5 * DAY),
    ("mercredi prochain", NOW + 7 * DAY),
    ("vendredi dernier", NOW - 5 * DAY),
    ("la semaine dernière", NOW - 7 * DAY),
    ("la semaine derniere", NOW - 7 * DAY),
    ("le 5 novembre", midnight(2026, 11, 5)),
    ("Le 5 Novembre", midnight(2026, 11, 5)),
    ("5 novembre 2026", midnight(2026, 11, 5)),
    ("le 1er décembre", midnight(2026, 12, 1)),
    ("le 1er decembre", midnight(2026, 12, 1)),
    ("lundi 16 novembre", midnight(2026, 11, 16)),
    ("5/11/2026", midnight(2026, 11, 5)),
    ("05/11/2026", midnight(2026, 11, 5)),
    ("5 nov. 2026", midnight(2026, 11, 5)),
    ("5 NOV. 2026", midnight(2026, 11, 5)),
    ("3 déc. 2026", midnight(2026, 12, 3)),
    ("3 dec. 2026", midnight(2026, 12, 3)),
    ("14 févr. 2026", midnight(2026, 2, 14)),
    ("15 août 2026", midnight(2026, 8, 15)),
    ("15 aout", midnight(2026, 8, 15)),
    ("2 juil. 2026", midnight(2026, 7, 2)),
    ("1 mai", midnight(2026, 5, 1)),
    ("8 mars 2027", midnight(2027, 3, 8)),
]


@pytest.mark.parametrize(("text", "expected"), WHEN)
@pytest.mark.parametrize("spoken", language.LANGUAGES)
def test_french_dates_read_in_every_language(text, expected, spoken):
    locale.install(spoken)
    assert parse_when(text, NOW, dayfirst=None if spoken == "fr" else True) == expected


def test_a_numeric_date_is_day_first_in_french_whatever_the_locale(french):
    assert parse_when("5/11/2026", NOW) == midnight(2026, 11, 5)


def test_english_still_asks_which_order_nobody_decided():
    with pytest.raises(ValidationError, match="could be 5 November or 11 May"):
        parse_when("5/11/2026", NOW)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("today", NOW), ("yesterday", NOW - DAY), ("in 3 days", NOW + 3 * DAY)],
)
def test_english_dates_are_as_they_were(text, expected, french):
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize("text", ["lundi", "il y a", "dans jours", "le 5 lune", "hier soir"])
def test_french_nonsense_is_refused(text):
    with pytest.raises(ValidationError):
        parse_when(text, NOW, True)


CADENCES = [
    ("chaque semaine", Cadence(WEEKLY)),
    ("Chaque Semaine", Cadence(WEEKLY)),
    ("toutes les semaines", Cadence(WEEKLY)),
    ("toutes les 2 semaines", Cadence(WEEKLY, 2)),
    ("toutes les deux semaines", Cadence(WEEKLY, 2)),
    ("une semaine sur deux", Cadence(WEEKLY, 2)),
    ("tous les 15 jours", Cadence(DAILY, 15)),
    ("tous les quinze jours", Cadence(DAILY, 15)),
    ("tous les jours", Cadence(DAILY)),
    ("chaque lundi", Cadence(WEEKLY, 1, (0,))),
    ("tous les lundis", Cadence(WEEKLY, 1, (0,))),
    ("le lundi et le jeudi", Cadence(WEEKLY, 1, (0, 3))),
    ("Le Lundi et le Jeudi", Cadence(WEEKLY, 1, (0, 3))),
    ("lundi et jeudi", Cadence(WEEKLY, 1, (0, 3))),
    ("chaque lundi, mardi et vendredi", Cadence(WEEKLY, 1, (0, 1, 4))),
    ("un lundi sur deux", Cadence(WEEKLY, 2, (0,))),
    ("toutes les 2 semaines, le mardi", Cadence(WEEKLY, 2, (1,))),
    ("tous les mois", Cadence(MONTHLY)),
    ("chaque mois", Cadence(MONTHLY)),
    ("mensuel", Cadence(MONTHLY)),
    ("tous les 2 mois", Cadence(MONTHLY, 2)),
    ("chaque trimestre", Cadence(MONTHLY, 3)),
    ("trimestriel", Cadence(MONTHLY, 3)),
    ("chaque semestre", Cadence(MONTHLY, 6)),
    ("chaque année", Cadence(YEARLY)),
    ("chaque annee", Cadence(YEARLY)),
    ("tous les ans", Cadence(YEARLY)),
    ("hebdomadaire", Cadence(WEEKLY)),
    ("en semaine", Cadence(WEEKLY, 1, (0, 1, 2, 3, 4))),
]


@pytest.mark.parametrize(("text", "expected"), CADENCES)
@pytest.mark.parametrize("spoken", language.LANGUAGES)
def test_french_cadences_read_in_every_language(text, expected, spoken):
    locale.install(spoken)
    assert parse_cadence(text) == expected


@pytest.mark.parametrize("text", ["un lundi", "tous les", "chaque lune", "toutes les 0 semaines"])
def test_french_nonsense_cadences_are_refused(text):
    with pytest.raises(ValidationError):
        parse_cadence(text)


def test_a_french_cadence_is_stored_in_english_and_shown_in_each_language(french):
    stored = parse_checkin("toutes les 2 semaines")
    assert stored == "every 2 weeks"
    assert show_cadence(stored) == "toutes les 2 semaines"
    assert show_cadence("fortnightly") == "toutes les 2 semaines"
    assert show_cadence("le lundi et le jeudi") == "le lundi et le jeudi"
    assert show_cadence("every full moon") == "every full moon"
    locale.install(language.ENGLISH)
    assert show_cadence(stored) == "every 2 weeks"
    assert parse_checkin("fortnightly") == "fortnightly"  # English is kept as typed


def test_french_descriptions():
    assert french_dates.describe(Cadence(WEEKLY, 2)) == "toutes les 2 semaines"
    assert french_dates.describe(Cadence(WEEKLY, 1, (0,))) == "chaque lundi"
    assert french_dates.describe(Cadence(WEEKLY, 1, (0, 3))) == "le lundi et le jeudi"
    assert french_dates.describe(Cadence(MONTHLY)) == "chaque mois"
    assert french_dates.describe(Cadence(MONTHLY, 3)) == "chaque trimestre"
    assert french_dates.describe(Cadence(DAILY, 15)) == "tous les 15 jours"
    assert french_dates.describe(Cadence(YEARLY)) == "chaque année"


weekly = st.builds(
    Cadence,
    st.just(WEEKLY),
    st.integers(min_value=1, max_value=52),
    st.sets(st.integers(min_value=0, max_value=6)).map(lambda s: tuple(sorted(s))),
)
others = st.builds(
    Cadence, st.sampled_from([DAILY, MONTHLY, YEARLY]), st.integers(min_value=1, max_value=366)
)


@given(cadence=st.one_of(weekly, others))
def test_a_cadence_written_in_french_reads_back_to_itself(cadence):
    assert parse_cadence(french_dates.describe(cadence)) == cadence


@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_a_date_written_in_french_reads_back_to_itself(day):
    locale.install(language.FRENCH)
    at = datetime(day.year, day.month, day.day, tzinfo=UTC)
    assert parse_when(formats.long_date(day), NOW) == at
    assert parse_when(formats.short_date(day), NOW.replace(year=day.year)) == at
    assert parse_when(f"le {formats.short_date(day)}", NOW.replace(year=day.year)) == at
