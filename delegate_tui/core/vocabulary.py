"""Provides the board's vocabulary: stages, areas, levels and the other words a card may hold,
and how text a user typed is read and checked. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from delegate_tui.core.errors import ValidationError
from delegate_tui.core.formats import quoted
from delegate_tui.core.language import N_, _, is_french
from delegate_tui.core.typed_words import (
    ENGLISH_ABSENCE,
    ENGLISH_AREAS,
    ENGLISH_LOG_KINDS,
    ENGLISH_REASONS,
    ENGLISH_ROLES,
    FRENCH_ABSENCE,
    FRENCH_AREAS,
    FRENCH_LEVELS,
    FRENCH_LOG_KINDS,
    FRENCH_REASONS,
    FRENCH_ROLES,
    FRENCH_STAGES,
    NONE_WORDS,
    fold,
)

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

ABSENCE_ANSWERS: tuple[str, ...] = ("stops", "struggles", "runs", "waits")
"""The leader's answer to "if I'm away two weeks, what happens to this task?". "waits": the
business runs, this task (one of the leader's own missions) waits for the leader's return; it
counts as "runs" for the business's scenario and is listed apart."""

ABSENCE_LABELS: dict[str, str] = {
    "stops": N_("It stops"),
    "struggles": N_("It runs with difficulty"),
    "runs": N_("It runs normally"),
    "waits": N_("It waits for your return"),
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

ROLES: tuple[str, ...] = ("entrepreneur", "manager", "technician")
"""The leader's three roles (E-Myth): vision, organising, doing the work. A card storing ''
has the role its kind implies (see `model.role_of`)."""

ROLE_LABELS: dict[str, str] = {
    # TRANSLATORS: the leader's roles (E-Myth): sets the vision, organises, does the work
    "entrepreneur": N_("entrepreneur"),
    "manager": N_("manager"),
    "technician": N_("technician"),
}
"""The roles' names (in English their ids): read them through `role_label`."""

MAX_TITLE = 200
MAX_TEXT = 5000
MAX_HOURS = 168.0


def _label(table: dict[str, str], key: str) -> str:
    """`key`'s name in `table`, translated now; a key a newer version wrote, as spelled."""
    return _(table[key]) if key in table else key


def stage_label(stage: str) -> str:
    """'Only me' / 'Moi seul' (a stage a newer version wrote, as spelled)."""
    return _label(STAGE_LABELS, stage)


def role_label(role: str) -> str:
    """'technician' / 'technicien' (a role a newer version wrote, as spelled)."""
    return _label(ROLE_LABELS, role)


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


def typed_value(value: object) -> str:
    """What the person typed, quoted inside an error message: 'x' / « x »."""
    return quoted(str(value)) if is_french() else repr(value)


def _read(
    value: str | None, tables: tuple[Mapping[str, str], ...], aliases: dict[str, str]
) -> str | None:
    """The id `value` names, or None: an id (a key of the tables), a word of any language
    (`aliases`), or a label of the tables in English or in the language of this run, folded."""
    key = fold(value)
    if key in tables[0]:
        return key
    if key in aliases:
        return aliases[key]
    for table in tables:
        for name, label in table.items():
            if key in (fold(label), fold(_(label))):
                return name
    return None


def parse_stage(value: str) -> str:
    """Return the stage `value` names, in English or French, in any case, with or without
    accents ('Confié à l'équipe', 'en-delegation', 'team owned')."""
    stage = _read(value, (STAGE_LABELS,), FRENCH_STAGES)
    if stage is None:
        message = _("unknown stage {value}: use one of only-me, delegating, team-owned")
        raise ValidationError(message.format(value=typed_value(value)))
    return stage


def next_stage(stage: str, step: int) -> str | None:
    """The stage `step` places after `stage` (negative goes back), or None past either end."""
    index = STAGES.index(stage) + step
    return STAGES[index] if 0 <= index < len(STAGES) else None


def parse_title(value: str) -> str:
    title = " ".join(clean_text(value).split())
    if not title:
        raise ValidationError(_("the title is empty: give the card a few words, e.g. 'Invoicing'"))
    if len(title) > MAX_TITLE:
        message = _("the title is {length} characters long: keep it under {most}")
        raise ValidationError(message.format(length=len(title), most=MAX_TITLE))
    return title


def parse_text(value: str, what: str | None = None) -> str:
    """Text that must say something; `what` names it in the messages (translated already)."""
    text = clean_text(value.replace("\r\n", "\n")).strip()
    what = what if what is not None else _("text")
    if not text:
        raise ValidationError(_("the {what} is empty: write a sentence").format(what=what))
    if len(text) > MAX_TEXT:
        message = _("the {what} is {length} characters long: keep it under {most}")
        raise ValidationError(message.format(what=what, length=len(text), most=MAX_TEXT))
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


def parse_leader_hours(value: str | float | int) -> float:
    """The leader's working hours a week: a number more than 0 and at most 168."""
    typed = quoted(str(value)) if is_french() else repr(value)
    try:
        hours = float(str(value).strip().replace(",", "."))
    except ValueError:
        hours = math.nan
    if not 0 < hours <= MAX_HOURS:  # (NaN and infinities too)
        message = _(
            "the leader's hours {value} must be a number more than 0 and at most 168, e.g. 50"
        )
        raise ValidationError(message.format(value=typed))
    return round(hours, 2) + 0.0


def parse_area(value: str | None) -> str:
    """A business area from AREAS (English or French names), or '' for none."""
    area = _read(value, (AREA_LABELS,), {**ENGLISH_AREAS, **FRENCH_AREAS})
    if area is None and fold(value) in NONE_WORDS:
        return ""
    if area is None:
        message = _(
            "unknown area {value}: use one of direction, finance, sales-marketing, hr-legal, "
            "logistics, production, quality"
        )
        raise ValidationError(message.format(value=typed_value(value)))
    return area


def parse_log_kind(value: str) -> str:
    """A kind of log entry, by its English or French name, singular or plural."""
    tables = (LOG_KIND_LABELS, LOG_KIND_NAMES)
    kind = _read(value, tables, {**ENGLISH_LOG_KINDS, **FRENCH_LOG_KINDS})
    if kind is None:
        message = _(
            "unknown log kind {value}: use one of error, adjustment, efficiency-loss, doubt"
        )
        raise ValidationError(message.format(value=typed_value(value)))
    return kind


def parse_absence(value: str | None) -> str:
    """The absence-test answer: stops, struggles, runs or waits, or the French words ('' for
    not answered)."""
    answer = _read(value, (ABSENCE_LABELS,), {**ENGLISH_ABSENCE, **FRENCH_ABSENCE})
    if answer is None and fold(value) in NONE_WORDS:
        return ""
    if answer is None:
        message = _("unknown absence answer {value}: use stops, struggles, runs or waits (or none)")
        raise ValidationError(message.format(value=typed_value(value)))
    return answer


def parse_role(value: str | None) -> str:
    """The leader's role in a card: entrepreneur, manager or technician, or the French words
    ('' for the role the card's kind implies)."""
    role = _read(value, (ROLE_LABELS,), {**ENGLISH_ROLES, **FRENCH_ROLES})
    if role is None and fold(value) in NONE_WORDS:
        return ""
    if role is None:
        message = _("unknown role {value}: use entrepreneur, manager or technician (or none)")
        raise ValidationError(message.format(value=typed_value(value)))
    return role


def parse_level(value: str | int | None) -> int | None:
    """A delegation level: 1-7 or its English or French name (tell … delegate, dire …
    déléguer); None when left empty."""
    key = fold(str(value) if value is not None else "")
    if key in NONE_WORDS:
        return None
    if key.isdigit() and 1 <= int(key) <= len(LEVELS):
        return int(key)
    named = _read(key, (dict(zip(LEVELS, LEVEL_LABELS, strict=True)),), FRENCH_LEVELS)
    if named is None:
        message = _(
            "unknown delegation level {value}: use 1-7 or one of tell, sell, consult, agree, "
            "advise, inquire, delegate"
        )
        raise ValidationError(message.format(value=typed_value(value)))
    return LEVELS.index(named) + 1


def parse_reason(value: str | None) -> str:
    """Why the task is a delegation candidate (see REASONS; English or French), or '' for
    none."""
    reason = _read(value, (REASON_LABELS,), {**ENGLISH_REASONS, **FRENCH_REASONS})
    if reason is None and fold(value) in NONE_WORDS:
        return ""
    if reason is None:
        message = _(
            "unknown delegation reason {value}: use one of repetitive, standardised, low-value, "
            "emergency (or none)"
        )
        raise ValidationError(message.format(value=typed_value(value)))
    return reason


def parse_note(value: str | None) -> str:
    """Free text that may be empty (confidentiality and reporting notes)."""
    text = clean_text((value or "").replace("\r\n", "\n")).strip()
    if len(text) > MAX_TEXT:
        message = _("the note is {length} characters long: keep it under {most}")
        raise ValidationError(message.format(length=len(text), most=MAX_TEXT))
    return text
