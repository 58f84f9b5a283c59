"""Provides the card screen's rows and words: each section's title, the rows of the overview
(a field per row, its label in the run's language), of the standards, notes and decisions, of the
transition log and of the stage history, and the sentences about a list section's item."""

from __future__ import annotations

import contextlib
from datetime import date, datetime

from textual.content import Content
from textual.widgets.option_list import Option

from delegate_tui.core.display import block, line
from delegate_tui.core.fields import FIELDS, field_extra, field_text
from delegate_tui.core.formats import long_date
from delegate_tui.core.language import N_, _, is_french
from delegate_tui.core.model import Card, LogEntry
from delegate_tui.core.vocabulary import LOG_KINDS, log_kind_label, log_kind_name, stage_label

SECTIONS = ("overview", "standards", "notes", "decisions", "log", "history")
TITLES = {
    "overview": N_("Overview"),
    "standards": N_("Work standards"),
    "notes": N_("Responsibility notes"),
    "decisions": N_("Decisions handed over"),
    "log": N_("Transition log (newest first)"),
    "history": N_("Stage history"),
}
LIST_SECTIONS = ("standards", "notes", "decisions")
"""The sections that are lists of items: `a` adds one, `d` deletes one."""
ITEM_WORDS: dict[str, dict[str, str]] = {
    "new": {
        "standards": N_("New work standard"),
        "notes": N_("New responsibility note"),
        "decisions": N_("New decision"),
    },
    "edit": {
        "standards": N_("Edit the work standard"),
        "notes": N_("Edit the responsibility note"),
        "decisions": N_("Edit the decision"),
    },
    "deleted": {
        "standards": N_("Deleted the work standard: u brings it back"),
        "notes": N_("Deleted the responsibility note: u brings it back"),
        "decisions": N_("Deleted the decision: u brings it back"),
    },
    "add step": {
        "standards": N_("add work standard"),
        "notes": N_("add responsibility note"),
        "decisions": N_("add decision"),
    },
    "edit step": {
        "standards": N_("edit work standard"),
        "notes": N_("edit responsibility note"),
        "decisions": N_("edit decision"),
    },
    "delete step": {
        "standards": N_("delete work standard"),
        "notes": N_("delete responsibility note"),
        "decisions": N_("delete decision"),
    },
}
"""The sentences about a list section's item, whole (in French the item's gender changes them)."""


def words(what: str, section: str) -> str:
    """One of ITEM_WORDS' sentences (`what`) about `section`'s item, in the run's language."""
    return _(ITEM_WORDS[what][section])


def _width() -> int:
    """The overview's label column: 14 cells, or the longest label and two spaces."""
    return max(14, *(len(_(f.label)) + 2 for f in FIELDS))


def day(at: str) -> str:
    """The day of a stored moment: 2026-11-23 (in French 23 nov. 2026)."""
    if is_french():
        with contextlib.suppress(ValueError):
            return long_date(date.fromisoformat(at[:10]))
    return at[:10]


def _overview(card: Card, now: datetime) -> list[Option]:
    """A row per field of the field table the card screen edits."""
    width = _width()
    return [
        Option(
            Content.assemble(
                (f"{_(f.label):<{width}}", "dim"),
                field_text(card, f.name) or "—",
                *field_extra(card, f.name, now),
            ),
            f.name,
        )
        for f in FIELDS
    ]


def _items(card: Card) -> dict[str, list[Option]]:
    """The rows of the standards, notes and decisions."""
    return {
        "standards": [
            Option(Content(f"[{'x' if s.done else ' '}] {block(s.text)}"), s.id)
            for s in card.standards
        ],
        "notes": [Option(Content(block(n.text)), n.id) for n in card.notes],
        "decisions": [
            Option(
                Content.assemble(
                    block(d.text), (_("  limit: {limit}").format(limit=line(d.limit) or "—"), "dim")
                ),
                d.id,
            )
            for d in card.decisions
        ],
    }


def _corrected(entry: LogEntry) -> str:
    """'  corrected by X on DATE' for a corrected log entry, else ''."""
    if not entry.corrected_at:
        return ""
    return _("  corrected by {who} on {day}").format(
        who=line(entry.corrected_by), day=day(entry.corrected_at)
    )


def _entries(card: Card) -> dict[str, list[Option]]:
    """The rows of the transition log (newest first) and of the stage history."""
    kind = log_kind_name if is_french() else log_kind_label  # one entry: 'Erreur'
    kind_width = max(16, *(len(kind(k)) + 1 for k in LOG_KINDS))
    return {
        "log": [
            Option(
                Content.assemble(
                    (f"{day(e.at)}  {kind(line(e.kind)):<{kind_width}}", "dim"),
                    block(e.text),
                    (f"  ({line(e.by)})" if e.by else "", "dim"),
                    (_corrected(e), "dim italic"),
                ),
                e.id,
            )
            for e in reversed(card.log)
        ],
        "history": [
            Option(
                Content(
                    f"{day(h.at)}  "
                    + (f"{stage_label(line(h.from_stage))} → " if h.from_stage else _("created in") + " ")
                    + stage_label(line(h.to_stage))
                    + (f"  ({line(h.by)})" if h.by else "")
                ),
                h.id,
            )
            for h in card.history
        ],
    }  # fmt: skip


def rows(card: Card, now: datetime) -> dict[str, list[Option]]:
    """Every section's rows, by section."""
    return {"overview": _overview(card, now), **_items(card), **_entries(card)}
