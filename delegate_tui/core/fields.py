"""Provides the editable fields of a card: how typed text is read, checked and shown.

One table serves `delegate edit` and the card screen's overview, so both accept the same
words and give the same messages. No Textual: rows are plain text plus (text, style) pieces
the screen assembles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from delegate_tui.core.dates import CADENCE_EXAMPLES, parse_checkin, parse_when
from delegate_tui.core.display import line
from delegate_tui.core.errors import ValidationError
from delegate_tui.core.insight import absence_answer, card_checkin
from delegate_tui.core.model import (
    ABSENCE_LABELS,
    AREAS,
    LEVELS,
    REASONS,
    Card,
    clean_text,
    parse_absence,
    parse_area,
    parse_hours,
    parse_level,
    parse_name,
    parse_note,
    parse_reason,
    parse_title,
)
from delegate_tui.core.records import FIRST_YEAR, LAST_YEAR, format_time
from delegate_tui.core.stored_shape import MAX_STORED_TEXT


def parse_description(value: str) -> str:
    text = clean_text(value.replace("\r\n", "\n")).strip()
    if len(text) > MAX_STORED_TEXT:
        raise ValidationError(
            f"the description is {len(text)} characters long: keep it under {MAX_STORED_TEXT}"
        )
    return text


def parse_provider(value: str) -> bool:
    """yes/no for the external provider flag."""
    key = value.strip().lower()
    if key in ("yes", "y", "true", "1", "provider", "external"):
        return True
    if key in ("no", "n", "false", "0", "", "none", "-", "team"):
        return False
    raise ValidationError(f"unknown answer {value!r}: an outside provider? write yes or no")


def parse_checked_in(value: str, now: datetime) -> str | None:
    """When the leader last checked in, as stored ('' or none clears it)."""
    if value.strip().lower() in ("", "none", "never", "-"):
        return None
    moment = parse_when(value, now)
    if not FIRST_YEAR <= moment.astimezone(UTC).year <= LAST_YEAR:
        raise ValidationError(f"the date {value!r} is not between {FIRST_YEAR} and {LAST_YEAR}")
    return format_time(moment)


@dataclass(frozen=True)
class Field:
    """An editable scalar of the card shown in the overview.

    `parse` turns the typed text into the stored value (raising ValidationError); a `timed`
    field's parse also takes the moment now. `show` turns the stored value into the text shown,
    `typed` into the text the prompt starts with (both default to the value as it is)."""

    name: str
    label: str
    parse: Callable[..., Any]
    hint: str = ""
    show: Callable[[Any], str] | None = None
    timed: bool = False
    typed: Callable[[Any], str] | None = None


def _level_name(value: Any) -> str:
    return LEVELS[value - 1] if isinstance(value, int) and 0 < value <= len(LEVELS) else ""


def _level(value: Any) -> str:
    return f"{value} {name}" if (name := _level_name(value)) else ""


def _day(value: Any) -> str:
    return str(value or "")[:10]


LEVEL_HINT = "1-7 or " + ", ".join(LEVELS)

FIELDS: list[Field] = [
    Field("title", "Title", parse_title),
    Field("description", "Description", parse_description),
    Field("owner", "Owner", parse_name, "who does it"),
    Field("accountable", "Accountable", parse_name, "who signs off"),
    Field("hours_per_week", "Hours / week", parse_hours, "0 to 168"),
    Field("area", "Area", parse_area, ", ".join(AREAS)),
    Field(
        "absence",
        "Away 2 weeks",
        parse_absence,
        "stops, struggles or runs (none clears it)",
        lambda v: ABSENCE_LABELS.get(v, v or ""),
        typed=str,
    ),
    Field("level", "Level now", parse_level, LEVEL_HINT, _level, typed=_level_name),
    Field("target_level", "Level target", parse_level, LEVEL_HINT, _level, typed=_level_name),
    Field("reason", "Candidate", parse_reason, ", ".join(REASONS) + " (none clears it)"),
    Field("provider", "Provider", parse_provider, "yes or no", lambda v: "yes" if v else "no"),
    Field("confidentiality", "Confidential", parse_note, "what the provider may see"),
    Field("reporting", "Reporting", parse_note, "how and how often the provider reports"),
    Field("checkin", "Check-ins", parse_checkin, CADENCE_EXAMPLES),
    Field(
        "checked_in_at",
        "Checked in",
        parse_checked_in,
        "'today', '3 days ago', 2026-11-20 (c: checked in now)",
        _day,
        timed=True,
        typed=_day,
    ),
]
"""The overview's rows; more fields can be appended here."""


FIELDS_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}


def parse_field(name: str, text: str, now: datetime) -> Any:
    """The stored value of field `name` from what was typed; ValidationError says what is wrong."""
    field = FIELDS_BY_NAME[name]
    return field.parse(text, now) if field.timed else field.parse(text)


def field_text(card: Card, name: str, typing: bool = False) -> str:
    """The field's value as shown in the overview, or as the prompt starts with (`typing`)."""
    value = getattr(card, name, "")
    field = FIELDS_BY_NAME.get(name)
    show = None if field is None else (field.typed if typing else field.show)
    if show is not None:
        value = show(value)
    if isinstance(value, float):
        return f"{value:g}"
    return line(str(value if value is not None else ""))


def field_extra(card: Card, name: str, now: datetime) -> list[tuple[str, str]]:
    """What the overview adds after a field: the stage's answer, the next check-in."""
    if name == "absence" and not card.absence:
        return [(f"  (its stage says: {absence_answer(card)})", "dim")]
    if name == "checkin" and (check := card_checkin(card, now)):
        extra = [(f"  next {check.next:%Y-%m-%d}", "dim")]
        if check.overdue:
            extra.append(("  overdue", "bold $marker-overdue"))
        return extra
    return []
