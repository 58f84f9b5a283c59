"""Provides the Markdown status snapshot, for chat and email.

Every text from the board is escaped so that it reads as written and never turns into a link,
an image, raw HTML, a heading, a list or a broken table. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import re

from delegate_tui.core import wording as w
from delegate_tui.core.display import line
from delegate_tui.core.vocabulary import STAGES
from delegate_tui.snapshots import cells
from delegate_tui.snapshots.snapshot import CardLine, Changes, Snapshot, kind_label

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LEADING = re.compile(r"^(\d+)([.)])|^([-+=])")
NOTHING = w.NOTHING


def escape(text: str) -> str:
    """One line of board text made literal Markdown (also safe inside a table cell); bidi
    controls show as markers, so no text reads backwards."""
    flat = _SPECIAL.sub(r"\\\1", line(text))
    flat = _ENTITY.sub(r"\\&", flat)
    return _LEADING.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", flat)


def _table(header: list[str], align: str, rows: list[list[str]]) -> list[str]:
    rule = ["---:" if a == "r" else "---" for a in align]
    return [f"| {' | '.join(r)} |" for r in [header, rule, *rows]]


def _stages(snap: Snapshot) -> list[str]:
    rows = [[w.stage(s), str(f.cards), w.hours(f.hours)] for s, f in snap.stages.items()]
    total = snap.total
    rows.append(["**Total**", f"**{total.cards}**", f"**{w.hours(total.hours)}**"])
    return [
        "## Where delegation stands",
        "",
        *_table(["Stage", "Cards", "Hours/week"], "lrr", rows),
    ]


def _changes(changes: Changes | None) -> list[str]:
    if changes is None:
        return ["## Since the last snapshot", "", "No earlier snapshot: this is the first one."]
    lines = [f"## Since the last snapshot ({w.when(changes.previous_as_of)})", ""]
    for card in changes.new_cards:
        lines.append(f"- New card: **{escape(card.title)}** ({w.stage(card.stage)})")
    for card in changes.back:
        lines.append(f"- Back on the board: **{escape(card.title)}** ({w.stage(card.stage)})")
    for move in changes.moved:
        lines.append(
            f"- Moved: **{escape(move.card_title)}**, "
            f"{w.stage(move.from_stage)} → {w.stage(move.to_stage)}"
        )
    for entry in changes.new_log:
        lines.append(
            f"- New log entry on **{escape(entry.card_title)}** ({kind_label(entry.kind)}): "
            f"{escape(entry.text)}"
        )
    for _card_id, title in changes.gone:
        lines.append(f"- No longer on the board: **{escape(title) or NOTHING}**")
    if changes.empty:
        lines.append("Nothing changed.")
    return lines


def _em(text: str) -> str:
    return f"*{text}*"


def _owner(card: CardLine) -> str:
    return cells.owner(card, escape, "(provider)")


def _away(card: CardLine) -> str:
    return cells.away(card, escape, _em)


def _card_row(card: CardLine) -> list[str]:
    return [
        escape(card.title),
        _owner(card) or NOTHING,
        _away(card),
        w.levels(card.level, card.target_level),
        f"{card.standards_done}/{card.standards_total}",
        w.age(card.in_stage),
        w.hours(card.hours),
    ] + (cells.plain(card, escape, NOTHING) if cells.PLAIN_HEADINGS else [])


def _cards(snap: Snapshot) -> list[str]:
    lines = ["## Cards", "", w.LEGEND]
    for stage in STAGES:
        cards = [c for c in snap.cards if c.stage == stage]
        lines += ["", f"### {w.stage(stage)}", ""]
        if not cards:
            lines.append("No cards.")
            continue
        header = ["Card", "Owner", "Away 2 wks", "Level", "Standards", "In stage", "Hours/week"]
        header += cells.PLAIN_HEADINGS
        align = "llllrrr" + "l" * len(cells.PLAIN_HEADINGS)
        lines += _table(header, align, [_card_row(c) for c in cards])
    return lines


def _long(snap: Snapshot) -> list[str]:
    lines = ["## Delegating for more than 4 weeks", ""]
    for card in snap.long_delegating:
        owner = f", {_owner(card)}" if _owner(card) else ""
        lines.append(f"- **{escape(card.title)}**{owner}: {w.age(card.in_stage)}")
    return lines if snap.long_delegating else [*lines, "None."]


def _overdue(snap: Snapshot) -> list[str]:
    """The overdue check-ins; no section at all when there are none."""
    lines = ["## Check-ins overdue", ""]
    for card in snap.overdue_checkins:
        due = card.next_checkin or snap.as_of
        owner = f", {_owner(card)}" if _owner(card) else ""
        lines.append(
            f"- **{escape(card.title)}**{owner}: {escape(card.checkin)}, due {w.day(due)} "
            f"({w.age(snap.as_of - due)} overdue)"
        )
    return lines if snap.overdue_checkins else []


def _log(snap: Snapshot) -> list[str]:
    lines = ["## Transition log of the period"]
    for kind, entries in snap.log.items():
        if not entries:
            continue
        lines += ["", f"### {kind_label(kind)} ({len(entries)})", ""]
        for e in entries:
            by = f" ({escape(e.by)})" if e.by else ""
            fixed = (
                f" · corrected by {escape(e.corrected_by)} on {w.day(e.corrected_at)}"
                if e.corrected_at
                else ""
            )
            lines.append(
                f"- {w.day(e.at)} · **{escape(e.card_title)}**: {escape(e.text)}{by}{fixed}"
            )
    return lines if snap.log_count else [*lines, "", "Nothing logged in this period."]


def _moves(snap: Snapshot) -> list[str]:
    lines = ["## Moves of the period", ""]
    for m in snap.moves:
        by = f" ({escape(m.by)})" if m.by else ""
        day = w.day(m.at) if m.at else ""
        lines.append(
            f"- {day} · **{escape(m.card_title)}**: "
            f"{w.stage(m.from_stage)} → {w.stage(m.to_stage)}{by}"
        )
    return lines if snap.moves else [*lines, "No moves in this period."]


def render(snap: Snapshot) -> str:
    """The snapshot as a Markdown document."""
    absence = snap.absence
    scenario = f" (scenario {absence.scenario} of 3)" if absence.scenario else ""
    head = [
        f"# Status snapshot: {escape(snap.board)}",
        "",
        f"As of {w.when(snap.as_of)}. Period: since {w.when(snap.since)}.",
        "",
        f"**If the leader is away two weeks:** {absence.label}{scenario}.",
    ]
    sections = [head, _stages(snap), _changes(snap.changes), _cards(snap), _long(snap)]
    sections += [_overdue(snap), _log(snap), _moves(snap)]
    return "\n\n".join("\n".join(s) for s in sections if s) + "\n"
