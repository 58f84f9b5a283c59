"""Provides the board's vocabulary: stages, areas, levels and the other words a card may hold,
and how text a user typed is read and checked. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import math
import re

from delegate_tui.core.errors import ValidationError
from delegate_tui.core.language import N_, _

STAGES: tuple[str, ...] = ("only-me", "delegating", "team-owned")
"""The three stages, in the order a task travels through them."""

STAGE_LABELS: dict[str, str] = {
    "only-me": N_("Only me"),
    "delegating": N_("Delegating"),
    "team-owned": N_("Team-owned"),
}
"""The stages' names, in English: read them through `stage_label`, which translates."""

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

AREA_LABELS: dict[str, str] = {
    # TRANSLATORS: a business area (a hat of the leader), as shown on a card
    "direction": N_("direction"),
    "finance": N_("finance"),
    "sales-marketing": N_("sales-marketing"),
    "hr-legal": N_("hr-legal"),
    "logistics": N_("logistics"),
    "production": N_("production"),
    "quality": N_("quality"),
}
"""The areas' names: in English their ids, as every screen has always shown them."""

LOG_KINDS: tuple[str, ...] = ("error", "adjustment", "efficiency-loss", "doubt")
"""Kinds of entry in the imperfect-transition log."""

LOG_KIND_LABELS: dict[str, str] = {
    "error": N_("Errors"),
    "adjustment": N_("Adjustments"),
    "efficiency-loss": N_("Efficiency dips"),
    "doubt": N_("Doubts"),
}
"""The log's kinds as headings (plural): read them through `log_kind_label`."""

LOG_KIND_NAMES: dict[str, str] = {
    "error": N_("Error"),
    "adjustment": N_("Adjustment"),
    "efficiency-loss": N_("Efficiency dip"),
    "doubt": N_("Doubt"),
}
"""The kind of one entry of the log (singular): read them through `log_kind_name`."""

ABSENCE_ANSWERS: tuple[str, ...] = ("stops", "struggles", "runs")
"""The leader's answer to "if I'm away two weeks, what happens to this task?"."""

ABSENCE_LABELS: dict[str, str] = {
    "stops": N_("It stops"),
    "struggles": N_("It runs with difficulty"),
    "runs": N_("It runs normally"),
}
"""The absence test's answers: read them through `absence_label`."""

LEVELS: tuple[str, ...] = ("tell", "sell", "consult", "agree", "advise", "inquire", "delegate")
"""Management 3.0 delegation levels; level N is LEVELS[N - 1]."""

LEVEL_LABELS: tuple[str, ...] = (
    # TRANSLATORS: the seven delegation levels of Management 3.0, as verbs
    N_("tell"),
    N_("sell"),
    N_("consult"),
    N_("agree"),
    N_("advise"),
    N_("inquire"),
    N_("delegate"),
)
"""The levels' names (in English their ids): read them through `level_label`."""

REASONS: tuple[str, ...] = ("repetitive", "standardised", "low-value", "emergency")
"""Why a task is a delegation candidate, in the order to delegate them."""

REASON_LABELS: dict[str, str] = {
    # TRANSLATORS: why a task is a candidate for delegation
    "repetitive": N_("repetitive"),
    "standardised": N_("standardised"),
    "low-value": N_("low-value"),
    "emergency": N_("emergency"),
}
"""The reasons' names (in English their ids): read them through `reason_label`."""

MAX_TITLE = 200
MAX_TEXT = 5000
MAX_HOURS = 168.0


def _label(table: dict[str, str], key: str) -> str:
    """`key`'s name in `table`, translated now; a key a newer version wrote, as spelled."""
    return _(table[key]) if key in table else key


def stage_label(stage: str) -> str:
    """'Only me' / 'Moi seul' (a stage a newer version wrote, as spelled)."""
    return _label(STAGE_LABELS, stage)


def log_kind_label(kind: str) -> str:
    """The heading of a kind of log entries, plural: 'Errors' / 'Erreurs'."""
    return _label(LOG_KIND_LABELS, kind)


def log_kind_name(kind: str) -> str:
    """The kind of one log entry, singular: 'Error' / 'Erreur'."""
    return _label(LOG_KIND_NAMES, kind)


def absence_label(answer: str) -> str:
    """The absence test's answer: 'It stops' / 'Tout s'arrête' ('' for not answered)."""
    return _label(ABSENCE_LABELS, answer)


def area_label(area: str) -> str:
    """A business area: 'sales-marketing' / 'commercial et marketing' ('' for none)."""
    return _label(AREA_LABELS, area)


def level_label(level: int) -> str:
    """A delegation level's name: 3 is 'consult' / 'Consulter'; '' outside 1-7."""
    return _(LEVEL_LABELS[level - 1]) if 1 <= level <= len(LEVEL_LABELS) else ""


def reason_label(reason: str) -> str:
    """Why a task is a candidate: 'low-value' / 'tâches à faible valeur dirigeant'."""
    return _label(REASON_LABELS, reason)


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
    try:
        hours = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise ValidationError(f"hours {value!r} is not a number: write e.g. 2 or 1.5") from None
    if math.isnan(hours) or hours < 0:
        raise ValidationError(f"hours {value!r} is negative or not a number: use 0 to 168")
    if hours > MAX_HOURS:
        raise ValidationError(f"hours {value!r} is more than a week has: use 0 to 168")
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
