"""Provides the CSV status snapshot: one row per card, for a spreadsheet.

Written with the csv module (quoting as needed). A text cell that a spreadsheet would read as a
formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so
it shows as text and never runs. Whatever the separator: a spreadsheet set to split on `;` (as
in France) or on tabs ignores our commas and quotes, and starts a cell after any `;` or tab
inside ours, so an apostrophe also goes after every `;`, tab or line break in a cell that is
followed by a formula sign or a quote. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import datetime

from delegate_tui.core.card_fields import PLAIN_COLUMNS
from delegate_tui.snapshots.snapshot import CardLine, Snapshot

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_INNER_START = re.compile(r"""(?<=[;\t\r\n])(?=[=+\-@\t\r"])""")
"""Where a reader splitting on another separator would start a cell that runs as a formula:
after a semicolon, tab or line break, before a formula sign or a quote (a quoted cell is a
formula too once its quotes are read). Not after a comma: ours are quoted, and a reader
splitting on another separator leaves commas alone."""


def cell(text: str) -> str:
    """A text cell a spreadsheet shows as text, whatever separator it splits on: a leading '
    on formula-looking text, and one inside it wherever another separator starts a cell."""
    text = _INNER_START.sub("'", text)
    return "'" + text if text.startswith(FORMULA_START) else text


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _level(level: int | None) -> int | str:
    return level if level is not None else ""


def _minute(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def _change(card: CardLine) -> str:
    return f"moved from {card.moved_from}" if card.change == "moved" else card.change


Cell = str | int | float

_CARD_COLUMNS: tuple[tuple[str, Callable[[CardLine], Cell]], ...] = (
    ("id", lambda c: cell(c.id)),
    ("title", lambda c: cell(c.title)),
    ("stage", lambda c: cell(c.stage)),
    ("owner", lambda c: cell(c.owner)),
    ("accountable", lambda c: cell(c.accountable)),
    ("area", lambda c: cell(c.area)),
    ("hours_per_week", lambda c: f"{c.hours:g}"),
    ("standards_done", lambda c: c.standards_done),
    ("standards_total", lambda c: c.standards_total),
    ("in_stage_since", lambda c: _minute(c.stage_since)),
    ("days_in_stage", lambda c: c.days_in_stage),
    ("delegating_over_4_weeks", lambda c: _yes(c.long_delegating)),
    ("log_entries_in_period", lambda c: c.log_in_period),
    ("since_last_snapshot", _change),
    ("absence", lambda c: cell(c.absence)),
    ("absence_set", lambda c: _yes(c.absence_set)),
    ("level", lambda c: _level(c.level)),
    ("target_level", lambda c: _level(c.target_level)),
    ("reason", lambda c: cell(c.reason)),
    ("provider", lambda c: _yes(c.provider)),
    ("checkin", lambda c: cell(c.checkin)),
    ("next_checkin", lambda c: _minute(c.next_checkin)),
    ("checkin_overdue", lambda c: _yes(c.checkin_overdue)),
)
"""Each column's header and cell, so the two cannot drift apart. New columns go at the end, so
formulas pointing at the older ones keep working: the plain fields of the field table
(`card_fields.PLAIN_COLUMNS`) come after these."""

COLUMNS: tuple[str, ...] = (
    *(name for name, _ in _CARD_COLUMNS),
    *(spec.column or spec.name for spec in PLAIN_COLUMNS),
)


def _row(card: CardLine) -> list[Cell]:
    return [value(card) for _, value in _CARD_COLUMNS] + [cell(text) for text in card.plain]


def render(snap: Snapshot) -> str:
    """The cards as CSV text with a header row (lines end in CRLF, as RFC 4180 has it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(_row(c) for c in snap.cards)
    return out.getvalue()
