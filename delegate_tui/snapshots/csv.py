"""Provides the CSV status snapshot: one row per card, for a spreadsheet.

Written with the csv module (quoting as needed). A text cell that a spreadsheet would read as a
formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so
it shows as text and never runs. Whatever the separator: a spreadsheet set to split on `;` (as
in France) or on tabs ignores our commas and quotes, and starts a cell after any `;` or tab
inside ours, so an apostrophe also goes after every `;`, tab or line break in a cell that is
followed by a formula sign or a quote.

In French (the language of the run) the file is as a French spreadsheet reads it: `;` between
cells, `2,5` decimals, French column names (`FRENCH_HEADERS`; `delegate import` reads those of
its columns in any language) and the board's words by their French names (`Moi seul`, `oui`).
English keeps the stable ids (`only-me`, `yes`). Pure: no I/O, no Textual.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import datetime

from delegate_tui.core import wording
from delegate_tui.core.card_fields import PLAIN_COLUMNS
from delegate_tui.core.csv_import import FRENCH_COLUMNS
from delegate_tui.core.dates import show_cadence
from delegate_tui.core.formats import number
from delegate_tui.core.language import _, is_french, pgettext
from delegate_tui.core.vocabulary import area_label, reason_label, stage_label
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
    if is_french():
        return pgettext("csv cell", "yes") if flag else pgettext("csv cell", "no")
    return "yes" if flag else "no"


def _word(label: Callable[[str], str], value: str) -> str:
    """A word of the board: its stable id in English, its name in French ('' stays '')."""
    return label(value) if is_french() and value else value


def _level(level: int | None) -> int | str:
    return level if level is not None else ""


def _minute(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def _change(card: CardLine) -> str:
    if not is_french():
        return f"moved from {card.moved_from}" if card.change == "moved" else card.change
    if card.change == "moved":
        return _("moved from {stage}").format(stage=stage_label(card.moved_from))
    changes = {"new": pgettext("card change", "new"), "back": pgettext("card change", "back")}
    return changes.get(card.change, card.change)


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
    "backup",
    "leader_mission",
    *(spec.column or spec.name for spec in PLAIN_COLUMNS),
)
"""New columns go at the end, so formulas pointing at the older ones keep working: the plain
fields of the field table (`card_fields.PLAIN_COLUMNS`) come last. `_row` gives a cell per
column in this order (tests/core/test_card_fields.py checks that they stay in step)."""


FRENCH_HEADERS: dict[str, str] = {
    **FRENCH_COLUMNS,
    "accountable": "garant",
    "standards_done": "standards_faits",
    "standards_total": "standards_total",
    "in_stage_since": "dans_l_étape_depuis",
    "days_in_stage": "jours_dans_l_étape",
    "delegating_over_4_weeks": "en_délégation_depuis_plus_de_4_semaines",
    "log_entries_in_period": "entrées_du_journal_sur_la_période",
    "since_last_snapshot": "depuis_le_dernier_point",
    "absence": "absence_deux_semaines",
    "absence_set": "absence_renseignée",
    "level": "niveau",
    "target_level": "niveau_visé",
    "reason": "raison",
    "provider": "prestataire",
    "checkin": "rythme_de_suivi",
    "next_checkin": "prochain_point_de_suivi",
    "checkin_overdue": "point_de_suivi_en_retard",
    "backup": "suppléant",
    "leader_mission": "mission_de_dirigeant",
}
"""The columns' names in a French file (the plain fields keep theirs): fixed names, not in the
catalog, so that a file reads the same on every machine and `delegate import` knows them."""


def _row(card: CardLine) -> list[str | int | float]:
    row: list[str | int | float] = [
        cell(card.id),
        cell(card.title),
        cell(_word(stage_label, card.stage)),
        cell(card.owner),
        cell(card.accountable),
        cell(_word(area_label, card.area)),
        number(card.hours),
        card.standards_done,
        card.standards_total,
        _minute(card.stage_since),
        card.days_in_stage,
        _yes(card.long_delegating),
        card.log_in_period,
        _change(card),
        cell(_word(wording.answer, card.absence)),
        _yes(card.absence_set),
        _level(card.level),
        _level(card.target_level),
        cell(_word(reason_label, card.reason)),
        _yes(card.provider),
        cell(show_cadence(card.checkin)),
        _minute(card.next_checkin),
        _yes(card.checkin_overdue),
        cell(card.backup),
        _yes(card.leader_mission),
    ]
    if card.plain:
        row += [cell(text) for text in card.plain]
    return row


def render(snap: Snapshot) -> str:
    """The cards as CSV text with a header row (lines end in CRLF, as RFC 4180 has it); in
    French with `;` between cells and the French column names."""
    out = io.StringIO()
    french = is_french()
    writer = csv.writer(out, delimiter=";" if french else ",")
    writer.writerow([FRENCH_HEADERS.get(c, c) for c in COLUMNS] if french else COLUMNS)
    writer.writerows(_row(c) for c in snap.cards)
    return out.getvalue()
