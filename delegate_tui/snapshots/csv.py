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


COLUMNS: tuple[str, ...] = (
    "id",
    "title",
    "stage",
    "owner",
    "accountable",
    "area",
    "hours_per_week",
    "standards_done",
    "standards_total",
    "in_stage_since",
    "days_in_stage",
    "delegating_over_4_weeks",
    "log_entries_in_period",
    "since_last_snapshot",
    "absence",
    "absence_set",
    "level",
    "target_level",
    "reason",
    "provider",
    "checkin",
    "next_checkin",
    "checkin_overdue",
    *(spec.column or spec.name for spec in PLAIN_COLUMNS),
)
"""New columns go at the end, so formulas pointing at the older ones keep working: the plain
fields of the field table (`card_fields.PLAIN_COLUMNS`) come last. `_row` gives a cell per
column in this order (tests/core/test_card_fields.py checks that they stay in step)."""


def _row(card: CardLine) -> list[str | int | float]:
    row: list[str | int | float] = [
        cell(card.id),
        cell(card.title),
        cell(card.stage),
        cell(card.owner),
        cell(card.accountable),
        cell(card.area),
        f"{card.hours:g}",
        card.standards_done,
        card.standards_total,
        _minute(card.stage_since),
        card.days_in_stage,
        _yes(card.long_delegating),
        card.log_in_period,
        _change(card),
        cell(card.absence),
        _yes(card.absence_set),
        _level(card.level),
        _level(card.target_level),
        cell(card.reason),
        _yes(card.provider),
        cell(card.checkin),
        _minute(card.next_checkin),
        _yes(card.checkin_overdue),
    ]
    if card.plain:
        row += [cell(text) for text in card.plain]
    return row


def render(snap: Snapshot) -> str:
    """The cards as CSV text with a header row (lines end in CRLF, as RFC 4180 has it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(_row(c) for c in snap.cards)
    return out.getvalue()
