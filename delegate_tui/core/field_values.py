"""Provides how the values of some card fields are read from what a person typed and written
back for them (the field table, `card_fields.py`, names these). Pure: no I/O, no Textual.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from delegate_tui.core.dates import parse_when
from delegate_tui.core.errors import ValidationError
from delegate_tui.core.formats import quoted
from delegate_tui.core.language import _, is_french
from delegate_tui.core.stored_types import MAX_STORED_TEXT
from delegate_tui.core.times import FIRST_YEAR, LAST_YEAR, format_time
from delegate_tui.core.typed_words import fold
from delegate_tui.core.vocabulary import LEVELS, clean_text, level_label, typed_value


def parse_description(value: str) -> str:
    text = clean_text(value.replace("\r\n", "\n")).strip()
    if len(text) > MAX_STORED_TEXT:
        message = _("the description is {length} characters long: keep it under {most}")
        raise ValidationError(message.format(length=len(text), most=MAX_STORED_TEXT))
    return text


def parse_provider(value: str) -> bool:
    """yes/no for the external provider flag."""
    key = value.strip().lower()
    if key in ("yes", "y", "true", "1", "provider", "external", "oui", "o", "prestataire"):
        return True
    if key in (
        "no",
        "n",
        "false",
        "0",
        "",
        "none",
        "-",
        "team",
        "non",
        "aucun",
        "equipe",
        "équipe",
    ):
        return False
    message = _("unknown answer {value}: an outside provider? write yes or no")
    raise ValidationError(message.format(value=quoted(value) if is_french() else repr(value)))


def parse_checked_in(value: str, now: datetime, dayfirst: bool | None = None) -> str | None:
    """When the leader last checked in, as stored ('' or none clears it); a numeric date that
    could be read two ways is read as `dayfirst` says (see `dates.parse_when`)."""
    if value.strip().lower() in ("", "none", "never", "-"):
        return None
    moment = parse_when(value, now, dayfirst)
    if not FIRST_YEAR <= moment.astimezone(UTC).year <= LAST_YEAR:
        message = _("the date {value} is not between {first} and {last}")
        typed = quoted(value) if is_french() else repr(value)
        raise ValidationError(message.format(value=typed, first=FIRST_YEAR, last=LAST_YEAR))
    return format_time(moment)


def _level_name(value: Any) -> str:
    return LEVELS[value - 1] if isinstance(value, int) and 0 < value <= len(LEVELS) else ""


def level_shown(value: Any) -> str:
    """'3 consult' / '3 Consulter': a level as the card screen shows it."""
    return f"{value} {level_label(value)}" if _level_name(value) else ""


def level_typed(value: Any) -> str:
    """The level a prompt starts with: its name, as it may be typed in the run's language."""
    name = _level_name(value)
    return level_label(value) if name and is_french() else name


def day_of(value: Any) -> str:
    return str(value or "")[:10]


def parse_leader_mission(value: str) -> bool:
    """yes/no (oui/non) for "one of the missions only the leader must do"."""
    key = fold(value)
    if key in ("yes", "y", "true", "1", "oui", "o", "leader", "mission", "dirigeant"):
        return True
    if key in ("", "no", "n", "false", "0", "none", "non", "aucun", "aucune"):
        return False
    message = _("unknown answer {value}: one of your own missions? write yes or no")
    raise ValidationError(message.format(value=typed_value(value)))


def yes_no(value: object) -> str:
    """'yes' / 'oui' for a true flag, 'no' / 'non' for a false one."""
    return _("yes") if value else _("no")
