"""Provides the one table of a card's scalar fields, `CARD_SPECS`: for each its name, default,
stored type, label, how typed text is read and shown, its `delegate edit` flag and its snapshot
column.

Everything else derives from it: the stored defaults (`records.CARD_FIELDS`, in the table's
order, which is the order a new card's fields are written in), the stored types
(`stored_shape.CARD_TYPES`), the Card model's defaults, the `edit` flags (`cli/cards.py`), the
card screen's rows (`fields.FIELDS`) and the snapshot's columns (`snapshots/`).
`tests/core/test_card_fields.py` ties them together.

Two kinds of row. A typed field is an attribute of `model.Card` because code computes on it or
lays it out by itself (stage, hours, levels, the provider notes `delegate show` prints in their
own block…): its row gives the default, the type, the parsing and the flag, and the renderers
name it. A plain field (`plain=True`: text only shown, edited and exported) needs nothing but its
row: `card_from_record` fills it into `Card.plain`, `Card.value(name)` reads it, `show --json`,
`edit --FLAG`, the card screen and the snapshots (CSV and JSON `column`, Markdown and HTML
`heading`) pick it up from here. Adding a plain field is one row here (plus the README and the
golden files). Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from delegate_tui.core.dates import parse_checkin, show_cadence
from delegate_tui.core.field_values import (
    day_of,
    level_shown,
    level_typed,
    parse_checked_in,
    parse_description,
    parse_leader_mission,
    parse_provider,
    yes_no,
)
from delegate_tui.core.language import N_, _, is_french
from delegate_tui.core.stored_types import (
    Absence,
    Area,
    Hours,
    Level,
    Position,
    Reason,
    Role,
    Stage,
    Text,
    WhenSet,
)
from delegate_tui.core.vocabulary import (
    absence_label,
    area_label,
    parse_absence,
    parse_area,
    parse_hours,
    parse_level,
    parse_name,
    parse_note,
    parse_reason,
    parse_role,
    parse_title,
    reason_label,
    role_label,
)


@dataclass(frozen=True, slots=True)
class Flag:
    """A `delegate edit` option. `--help` lists the options in table order, except one that
    names the option it comes `after`; a `boolean` one is `--x/--no-x`."""

    option: str
    help: str | None = None
    metavar: str | None = None
    after: str = ""
    boolean: bool = False

    @property
    def dest(self) -> str:
        """The attribute argparse files the option's value under."""
        return self.option.removeprefix("--").replace("-", "_")


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One scalar field of a card (see the module's docstring).

    `label` names its row on the card screen ('' for none). `parse` turns typed text into the
    stored value (raising ValidationError), with the moment now and the date order (`dayfirst`,
    see `dates.parse_when`) as well when `timed`. `show` turns the value into the text shown,
    `typed` into the text a prompt starts with (both default to the value as it is). `column` is its key in the snapshot's CSV and JSON, and
    `heading` a plain field's column in the Markdown and HTML card tables."""

    name: str
    default: Any
    stored: Any
    label: str = ""
    parse: Callable[..., Any] | None = None
    hint: str = ""
    show: Callable[[Any], str] | None = None
    typed: Callable[[Any], str] | None = None
    timed: bool = False
    flag: Flag | None = None
    column: str | None = None
    heading: str = ""
    plain: bool = False


LEVEL_HINT = N_("1-7 or tell, sell, consult, agree, advise, inquire, delegate")

_REASON_FLAG = N_("why delegate it: repetitive | standardised | low-value | emergency | none")

CARD_SPECS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "", Text, N_("Title"), parse_title, flag=Flag("--title"), column="title"),
    FieldSpec(
        "description",
        "",
        Text,
        N_("Description"),
        parse_description,
        flag=Flag("--description", after="--area"),
    ),
    FieldSpec("stage", "only-me", Stage, column="stage"),
    FieldSpec("position", 0.0, Position | None),
    FieldSpec(
        "owner",
        "",
        Text,
        N_("Owner"),
        parse_name,
        N_("who does it"),
        flag=Flag("--owner"),
        column="owner",
    ),
    FieldSpec(
        "accountable",
        "",
        Text,
        N_("Accountable"),
        parse_name,
        N_("who signs off"),
        flag=Flag("--accountable", N_("who signs off (exactly one person)")),
        column="accountable",
    ),
    FieldSpec(
        "hours_per_week",
        0.0,
        Hours | None,
        N_("Hours / week"),
        parse_hours,
        N_("0 to 168"),
        flag=Flag("--hours", N_("hours per week"), N_("HOURS")),
        column="hours_per_week",
    ),
    FieldSpec(
        "area",
        "",
        Area,
        N_("Area"),
        parse_area,
        # TRANSLATORS: the areas as they may be typed (French: their French names)
        N_("direction, finance, sales-marketing, hr-legal, logistics, production, quality"),
        lambda v: area_label(v or ""),
        flag=Flag("--area", N_("business area, or 'none'")),
        column="area",
    ),
    FieldSpec("archived_at", None, WhenSet),
    FieldSpec("deleted_at", None, WhenSet),
    FieldSpec(
        "absence",
        "",
        Absence,
        N_("Away 2 weeks"),
        parse_absence,
        N_("stops, struggles, runs or waits (none clears it)"),
        lambda v: absence_label(v or ""),
        typed=lambda v: absence_label(v or "") if is_french() else str(v),
        flag=Flag(
            "--absence",
            N_("two weeks away, this task: stops | struggles | runs | waits | none"),
            N_("ABSENCE"),
        ),
        column="absence",
    ),
    FieldSpec(
        "level",
        None,
        Level | None,
        N_("Level now"),
        parse_level,
        LEVEL_HINT,
        level_shown,
        typed=level_typed,
        flag=Flag(
            "--level", N_("delegation level now: 1-7 or tell … delegate, or none"), N_("LEVEL")
        ),
        column="level",
    ),
    FieldSpec(
        "target_level",
        None,
        Level | None,
        N_("Level target"),
        parse_level,
        LEVEL_HINT,
        level_shown,
        typed=level_typed,
        flag=Flag(
            "--target-level",
            N_("delegation level to reach: 1-7 or a name, or none"),
            N_("TARGET_LEVEL"),
        ),
        column="target_level",
    ),
    FieldSpec(
        "reason",
        "",
        Reason,
        N_("Candidate"),
        parse_reason,
        N_("repetitive, standardised, low-value, emergency (none clears it)"),
        lambda v: reason_label(v or ""),
        flag=Flag("--reason", _REASON_FLAG, N_("REASON")),
        column="reason",
    ),
    FieldSpec(
        "provider",
        False,
        bool,
        N_("Provider"),
        parse_provider,
        N_("yes or no"),
        lambda v: _("yes") if v else _("no"),
        flag=Flag(
            "--provider",
            N_("an outside provider does it (--no-provider: the team does)"),
            boolean=True,
        ),
        column="provider",
    ),
    FieldSpec(  # no column: snapshots go to outsiders, and these notes say what a provider may see
        "confidentiality",
        "",
        Text,
        N_("Confidential"),
        parse_note,
        N_("what the provider may see"),
        flag=Flag("--confidentiality", N_("what the provider may see (confidentiality notes)")),
    ),
    FieldSpec(
        "reporting",
        "",
        Text,
        N_("Reporting"),
        parse_note,
        N_("how and how often the provider reports"),
        flag=Flag("--reporting", N_("how and how often the provider reports")),
    ),
    FieldSpec(
        "checkin",
        "",
        Text,
        N_("Check-ins"),
        parse_checkin,
        N_("'weekly', 'every 2 weeks', 'every monday', 'every other week' or 'monthly'"),
        lambda v: show_cadence(v or ""),
        typed=lambda v: show_cadence(v or ""),
        flag=Flag(
            "--checkin",
            N_("check-in cadence, e.g. 'every 2 weeks', 'monthly', or none"),
            N_("CHECKIN"),
        ),
        column="checkin",
    ),
    FieldSpec(
        "checked_in_at",
        None,
        WhenSet,
        N_("Checked in"),
        parse_checked_in,
        N_("'today', '3 days ago', 2026-11-20 (c: checked in now)"),
        day_of,
        typed=day_of,
        timed=True,
        flag=Flag("--checked-in", N_("when you last checked in: 'today', '3 days ago', …"), "WHEN"),
    ),
    FieldSpec(
        "leader_mission",
        False,
        bool,
        N_("Your mission"),  # a leader mission (12 cells: the label column stays)
        parse_leader_mission,
        N_("yes or no: one of the missions only you must do"),
        yes_no,
        typed=yes_no,
        flag=Flag(
            "--leader-mission",
            N_("one of the missions only the leader must do (--no-leader-mission: not)"),
            boolean=True,
        ),
        column="leader_mission",
    ),
    FieldSpec(
        "role",
        "",
        Role,
        N_("Role"),
        parse_role,
        N_("entrepreneur, manager or technician (none: technician, or entrepreneur for a mission)"),
        lambda v: role_label(v) if v else "",
        typed=lambda v: role_label(v) if v else "",
        flag=Flag("--role", N_("your role in it: entrepreneur | manager | technician | none")),
    ),
    FieldSpec(
        "backup",
        "",
        Text,
        N_("Backup"),
        parse_name,
        N_("who covers when the owner is away"),
        flag=Flag("--backup", N_("who covers when the owner is away ('' clears it)"), "NAME"),
        column="backup",
    ),
)
"""Every scalar field of a card, in the order a new card's fields are stored."""

SPECS_BY_NAME: dict[str, FieldSpec] = {spec.name: spec for spec in CARD_SPECS}

CARD_DEFAULTS: dict[str, Any] = {spec.name: spec.default for spec in CARD_SPECS}
"""Each field's default: what a field left out of the file reads as."""

PLAIN_FIELDS: tuple[str, ...] = tuple(spec.name for spec in CARD_SPECS if spec.plain)
"""The plain fields: text kept in `Card.plain`, no attribute of its own."""

PLAIN_COLUMNS: tuple[FieldSpec, ...] = tuple(s for s in CARD_SPECS if s.plain and s.column)
"""The plain fields a snapshot shows, in table order (after the typed fields' columns)."""


def edit_flags() -> list[FieldSpec]:
    """The fields `delegate edit` sets, in `--help` order (table order, moved by `after`)."""
    ordered = [spec for spec in CARD_SPECS if spec.flag is not None]
    for spec in [s for s in ordered if s.flag is not None and s.flag.after]:
        ordered.remove(spec)
        options = [s.flag.option if s.flag is not None else "" for s in ordered]
        ordered.insert(options.index(spec.flag.after if spec.flag else "") + 1, spec)
    return ordered
