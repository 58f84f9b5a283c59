"""Provides dates and cadences as French people type them, read by rewriting them into the
English phrases `core.dates` reads (`il y a 2 semaines` is `2 weeks ago`, `toutes les 2
semaines` is `every 2 weeks`), and cadences written in French (`describe`). French is read
whatever the language of the run, with or without accents, in any case; text that is not French
is left as it is. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY

if TYPE_CHECKING:
    from delegate_tui.core.dates import Cadence

WEEKDAYS: tuple[str, ...] = (
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
)
_ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS: dict[str, str] = dict(zip(WEEKDAYS, _ENGLISH_DAYS, strict=True))

_MONTHS: dict[str, str] = {
    "janvier": "january",
    "janv": "january",
    "janv.": "january",
    "fevrier": "february",
    "fevr": "february",
    "fevr.": "february",
    "fev": "february",
    "fev.": "february",
    "mars": "march",
    "avril": "april",
    "avr": "april",
    "avr.": "april",
    "mai": "may",
    "juin": "june",
    "juillet": "july",
    "juil": "july",
    "juil.": "july",
    "aout": "august",
    "septembre": "september",
    "sept.": "september",
    "octobre": "october",
    "oct.": "october",
    "novembre": "november",
    "nov.": "november",
    "decembre": "december",
    "dec.": "december",
}
"""French months, whole and as CLDR abbreviates them, accents folded."""

_NUMBERS: dict[str, str] = {
    "un": "1",
    "une": "1",
    "deux": "2",
    "trois": "3",
    "quatre": "4",
    "cinq": "5",
    "six": "6",
    "sept": "7",
    "huit": "8",
    "neuf": "9",
    "dix": "10",
    "onze": "11",
    "douze": "12",
    "quinze": "15",
}
_UNITS: dict[str, str] = {
    "minute": "minutes",
    "heure": "hours",
    "jour": "days",
    "semaine": "weeks",
    "mois": "months",
    "an": "years",
    "annee": "years",
}

_WORDS: dict[str, str] = {
    "maintenant": "now",
    "aujourd'hui": "today",
    "aujourd hui": "today",
    "aujourdhui": "today",
    "hier": "yesterday",
    "avant-hier": "2 days ago",
    "avant hier": "2 days ago",
    "demain": "tomorrow",
    "apres-demain": "in 2 days",
    "apres demain": "in 2 days",
}
_AMOUNT = r"(\d+|" + "|".join(_NUMBERS) + r")"
_UNIT = r"(minute|heure|jour|semaine|mois|an|annee)s?"
_IN = re.compile(rf"^dans {_AMOUNT} {_UNIT}$")
_AGO = re.compile(rf"^il y a {_AMOUNT} {_UNIT}$")
_LAST_NEXT = re.compile(r"^(?:l'|le |la )?(\w+) (dernier|derniere|prochain|prochaine)$")
_THIS = re.compile(r"^ce (\w+)$")
_DATE = re.compile(r"^(?:le )?(?:(?:" + "|".join(WEEKDAYS) + r") )?(\d{1,2})(?:er)?( .*)?$")


def plain(text: str) -> str:
    """Lower case, accents folded, one kind of apostrophe, single spaces."""
    text = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def _unit(word: str) -> str:
    return _UNITS[word]


def english_when(key: str) -> str:
    """The English phrase for a French date (`lundi dernier` is `last monday`), else `key`."""
    text = plain(key)
    if text in _WORDS:
        return _WORDS[text]
    if match := _IN.match(text):
        return f"in {_NUMBERS.get(match[1], match[1])} {_unit(match[2])}"
    if match := _AGO.match(text):
        return f"{_NUMBERS.get(match[1], match[1])} {_unit(match[2])} ago"
    if (match := _LAST_NEXT.match(text)) and (match[1] in _DAYS or match[1] in _UNITS):
        word = _DAYS.get(match[1]) or _UNITS[match[1]].removesuffix("s")
        return f"{'last' if match[2].startswith('dernier') else 'next'} {word}"
    if (match := _THIS.match(text)) and match[1] in _DAYS:
        return f"this {_DAYS[match[1]]}"
    if text in _DAYS:  # 'lundi' alone: refused as 'monday' is, before or after today
        return _DAYS[text]
    if match := _DATE.match(text):
        rest = [_MONTHS.get(w, _MONTHS.get(w.rstrip("."), w)) for w in (match[2] or "").split()]
        if any(w != o for w, o in zip(rest, (match[2] or "").split(), strict=True)):
            return " ".join([match[1], *rest])
    return key


_CADENCE_WORDS: dict[str, str] = {
    "chaque jour": "daily",
    "tous les jours": "daily",
    "quotidien": "daily",
    "quotidienne": "daily",
    "chaque semaine": "weekly",
    "toutes les semaines": "weekly",
    "hebdomadaire": "weekly",
    "une semaine sur deux": "every 2 weeks",
    "chaque mois": "monthly",
    "tous les mois": "monthly",
    "mensuel": "monthly",
    "mensuelle": "monthly",
    "bimestriel": "bimonthly",
    "bimestrielle": "bimonthly",
    "chaque trimestre": "quarterly",
    "tous les trimestres": "quarterly",
    "trimestriel": "quarterly",
    "trimestrielle": "quarterly",
    "chaque semestre": "every 6 months",
    "tous les semestres": "every 6 months",
    "semestriel": "every 6 months",
    "semestrielle": "every 6 months",
    "chaque annee": "yearly",
    "chaque an": "yearly",
    "tous les ans": "yearly",
    "toutes les annees": "yearly",
    "annuel": "yearly",
    "annuelle": "yearly",
    "en semaine": "weekdays",
    "tous les jours ouvres": "weekdays",
    "chaque jour ouvre": "weekdays",
}
_EVERY = re.compile(rf"^(?:tous|toutes) les {_AMOUNT} {_UNIT}$")
_DAY_LIST = r"((?:(?:le |les )?(?:" + "|".join(WEEKDAYS) + r")s?(?:, | et |,| )?)+)"
_ON_DAYS = re.compile(
    rf"^(?:chaque |tous les |(?:toutes les (\d+) semaines,? )|(un |une )?)?{_DAY_LIST}( sur deux)?$"
)


def english_cadence(key: str) -> str:
    """The English phrase for a French cadence (`toutes les 2 semaines` is `every 2 weeks`),
    else `key`."""
    text = plain(key).replace("-", " ")
    if text in _CADENCE_WORDS:
        return _CADENCE_WORDS[text]
    if match := _EVERY.match(text):
        return f"every {_NUMBERS.get(match[1], match[1])} {_unit(match[2])}"
    if match := _ON_DAYS.match(text):
        found = [w.rstrip("s") for w in re.split(r"[, ]+", match[3])]
        days = [_DAYS[w] for w in found if w in _DAYS]
        if not days or (match[2] and not match[4]):
            return key
        every = "every other" if match[4] else f"every {match[1]} weeks on" if match[1] else "every"
        return f"{every} {' and '.join(days)}"
    return key


_FRENCH_UNITS = {DAILY: "jours", WEEKLY: "semaines", MONTHLY: "mois", YEARLY: "ans"}
_FRENCH_ONE = {DAILY: "chaque jour", WEEKLY: "chaque semaine", MONTHLY: "chaque mois"}


def describe(cadence: Cadence) -> str:
    """A cadence as a French person writes it: `toutes les 2 semaines`, `chaque lundi`,
    `le lundi et le jeudi`, `chaque trimestre`, `tous les 15 jours`."""
    if cadence.weekdays:
        days = [WEEKDAYS[d] for d in cadence.weekdays]
        listed = days[0] if len(days) == 1 else f"{', '.join(days[:-1])} et {days[-1]}"
        if cadence.interval > 1:
            return f"toutes les {cadence.interval} semaines, {listed}"
        if len(days) == 1:
            return f"chaque {listed}"
        return " et ".join(f"le {d}" for d in days) if len(days) == 2 else f"chaque {listed}"
    if cadence.interval == 1:
        return _FRENCH_ONE.get(cadence.freq, "chaque année")
    if cadence.freq == MONTHLY and cadence.interval == 3:
        return "chaque trimestre"
    every = "toutes les" if cadence.freq == WEEKLY else "tous les"
    return f"{every} {cadence.interval} {_FRENCH_UNITS[cadence.freq]}"
