"""Provides the board's vocabulary: stages, areas, levels and the other words a card may hold,
and how text a user typed is read and checked. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import math
import re

from delegate_tui.core.errors import ValidationError
from delegate_tui.core.formats import quoted
from delegate_tui.core.language import _, is_french

STAGES: tuple[str, ...] = ("only-me", "delegating", "team-owned")
"""The three stages, in the order a task travels through them."""

STAGE_LABELS: dict[str, str] = {
    "only-me": "Only me",
    "delegating": "Delegating",
    "team-owned": "Team-owned",
}

AREAS: tuple[str, ...] = (
    "direction",
    "finance",
    "sales-marketing",
    "hr-legal",
    "logistics",
    "production",
    "quality",
)
"""The hats of a small business; a card may belong to one."""

LOG_KINDS: tuple[str, ...] = ("error", "adjustment", "efficiency-loss", "doubt")
"""Kinds of entry in the imperfect-transition log."""

LOG_KIND_LABELS: dict[str, str] = {
    "error": "Errors",
    "adjustment": "Adjustments",
    "efficiency-loss": "Efficiency dips",
    "doubt": "Doubts",
}

ABSENCE_ANSWERS: tuple[str, ...] = ("stops", "struggles", "runs")
"""The leader's answer to "if I'm away two weeks, what happens to this task?"."""

ABSENCE_LABELS: dict[str, str] = {
    "stops": "It stops",
    "struggles": "It runs with difficulty",
    "runs": "It runs normally",
}

LEVELS: tuple[str, ...] = ("tell", "sell", "consult", "agree", "advise", "inquire", "delegate")
"""Management 3.0 delegation levels; level N is LEVELS[N - 1]."""

REASONS: tuple[str, ...] = ("repetitive", "standardised", "low-value", "emergency")
"""Why a task is a delegation candidate, in the order to delegate them."""

MAX_TITLE = 200
MAX_TEXT = 5000
MAX_HOURS = 168.0

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters, and lone surrogates (bytes of a command line that are not UTF-8): no
board file may hold them."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Strip control characters (terminal escapes included) from text that came from a user,
    and turn lone surrogates (bytes of a command-line argument that are not UTF-8) into U+FFFD:
    they cannot be written to the file."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", value))


def _key(value: str | None) -> str:
    """The spelling choices are compared in: any case, '_' or ' ' for '-'."""
    return (value or "").strip().lower().replace("_", "-").replace(" ", "-")


def _choice(
    value: str | None, allowed: tuple[str, ...], aliases: dict[str, str], what: str, hint: str
) -> str:
    """One of `allowed` (through `aliases`), or '' for none; else says `hint`."""
    key = _key(value)
    key = aliases.get(key, key)
    if key in ("", "none", "-"):
        return ""
    if key not in allowed:
        raise ValidationError(f"unknown {what} {value!r}: {hint}")
    return key


def parse_stage(value: str) -> str:
    """Return the stage spelled `value`, accepting underscores, spaces and any case."""
    key = _key(value)
    if key not in STAGES:
        raise ValidationError(f"unknown stage {value!r}: use one of {', '.join(STAGES)}")
    return key


def next_stage(stage: str, step: int) -> str | None:
    """The stage `step` places after `stage` (negative goes back), or None past either end."""
    index = STAGES.index(stage) + step
    return STAGES[index] if 0 <= index < len(STAGES) else None


def parse_title(value: str) -> str:
    title = " ".join(clean_text(value).split())
    if not title:
        raise ValidationError("the title is empty: give the card a few words, e.g. 'Invoicing'")
    if len(title) > MAX_TITLE:
        raise ValidationError(
            f"the title is {len(title)} characters long: keep it under {MAX_TITLE}"
        )
    return title


def parse_text(value: str, what: str = "text") -> str:
    text = clean_text(value.replace("\r\n", "\n")).strip()
    if not text:
        raise ValidationError(f"the {what} is empty: write a sentence")
    if len(text) > MAX_TEXT:
        raise ValidationError(
            f"the {what} is {len(text)} characters long: keep it under {MAX_TEXT}"
        )
    return text


def parse_name(value: str | None) -> str:
    """A person's name: cleaned, may be empty (nobody yet)."""
    return " ".join(clean_text(value or "").split())[:MAX_TITLE].rstrip()


def parse_hours(value: str | float | int | None) -> float:
    """Hours per week the task takes: a number from 0 to 168."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0.0
    typed = quoted(str(value)) if is_french() else repr(value)
    try:
        hours = float(str(value).strip().replace(",", "."))
    except ValueError:
        message = _("hours {value} is not a number: write e.g. 2 or 1.5")
        raise ValidationError(message.format(value=typed)) from None
    if math.isnan(hours) or hours < 0:
        message = _("hours {value} is negative or not a number: use 0 to 168")
        raise ValidationError(message.format(value=typed))
    if hours > MAX_HOURS:
        message = _("hours {value} is more than a week has: use 0 to 168")
        raise ValidationError(message.format(value=typed))
    return round(hours, 2) + 0.0  # + 0.0 turns '-0' into 0.0


def parse_area(value: str | None) -> str:
    """A business area from AREAS, or '' for none."""
    aliases = {"sales": "sales-marketing", "marketing": "sales-marketing", "hr": "hr-legal"}
    return _choice(value, AREAS, aliases, "area", f"use one of {', '.join(AREAS)}")


def parse_log_kind(value: str) -> str:
    key = _key(value)
    key = {"efficiency": "efficiency-loss", "dip": "efficiency-loss", "errors": "error"}.get(
        key, key
    )
    if key not in LOG_KINDS:
        raise ValidationError(f"unknown log kind {value!r}: use one of {', '.join(LOG_KINDS)}")
    return key


def parse_absence(value: str | None) -> str:
    """The absence-test answer: stops, struggles or runs ('' for not answered)."""
    aliases = {"stop": "stops", "struggle": "struggles", "difficulty": "struggles", "run": "runs"}
    hint = "use stops, struggles or runs (or none)"
    return _choice(value, ABSENCE_ANSWERS, aliases, "absence answer", hint)


def parse_level(value: str | int | None) -> int | None:
    """A delegation level: 1-7 or its name (tell … delegate); None when left empty."""
    key = _key(str(value) if value is not None else "")
    if key in ("", "none", "-"):
        return None
    if key.isdigit() and 1 <= int(key) <= len(LEVELS):
        return int(key)
    if key in LEVELS:
        return LEVELS.index(key) + 1
    raise ValidationError(
        f"unknown delegation level {value!r}: use 1-7 or one of {', '.join(LEVELS)}"
    )


def parse_reason(value: str | None) -> str:
    """Why the task is a delegation candidate (see REASONS), or '' for none."""
    aliases = {
        "standardized": "standardised",
        "standard": "standardised",
        "low": "low-value",
        "emergencies": "emergency",
    }
    hint = f"use one of {', '.join(REASONS)} (or none)"
    return _choice(value, REASONS, aliases, "delegation reason", hint)


def parse_note(value: str | None) -> str:
    """Free text that may be empty (confidentiality and reporting notes)."""
    text = clean_text((value or "").replace("\r\n", "\n")).strip()
    if len(text) > MAX_TEXT:
        raise ValidationError(f"the note is {len(text)} characters long: keep it under {MAX_TEXT}")
    return text
