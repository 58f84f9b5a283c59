"""Provides the Markdown status snapshot, for chat and email.

Every text from the board is escaped so that it reads as written and never turns into a link,
an image, raw HTML, a heading, a list or a broken table. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import re

from delegate_tui.core import wording as w
from delegate_tui.core.display import line
from delegate_tui.core.language import _
from delegate_tui.core.vocabulary import STAGES
from delegate_tui.snapshots import cells, leader
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
    rows.append(["**" + _("Total") + "**", f"**{total.cards}**", f"**{w.hours(total.hours)}**"])
    return [
        "## " + _("Where delegation stands"),
        "",
        *_table([_("Stage"), _("Cards"), _("Hours/week")], "lrr", rows),
    ]


def _strong(text: str) -> str:
    return f"**{text}**"


def _leader(snap: Snapshot) -> list[str]:
    """The leader's week and the teammates' absence test, the most fragile first."""
    part = snap.leader
    lines = ["## " + leader.week_heading(), ""]
    lines += ["- " + item for item in leader.week_items(part.week, escape)]
    lines += ["", "## " + leader.people_heading(), ""]
    people = leader.people_items(part, escape, _strong)
    return lines + (["- " + item for item in people] if people else [leader.no_people()])


def _changes(changes: Changes | None) -> list[str]:
    if changes is None:
        return [
            "## " + _("Since the last snapshot"),
            "",
            _("No earlier snapshot: this is the first one."),
        ]
    when = w.when(changes.previous_as_of)
    lines = ["## " + _("Since the last snapshot ({when})").format(when=when), ""]
    for card in changes.new_cards:
        title, stage = f"**{escape(card.title)}**", w.stage(card.stage)
        lines.append("- " + _("New card: {title} ({stage})").format(title=title, stage=stage))
    for card in changes.back:
        title, stage = f"**{escape(card.title)}**", w.stage(card.stage)
        lines.append(
            "- " + _("Back on the board: {title} ({stage})").format(title=title, stage=stage)
        )
    for move in changes.moved:
        title, old, new = f"**{escape(move.card_title)}**", move.from_stage, move.to_stage
        lines.append(
            "- "
            + _("Moved: {title}, {old} → {new}").format(
                title=title, old=w.stage(old), new=w.stage(new)
            )
        )
    for entry in changes.new_log:
        title, kind = f"**{escape(entry.card_title)}**", kind_label(entry.kind)
        lines.append(
            "- "
            + _("New log entry on {title} ({kind}): {text}").format(
                title=title, kind=kind, text=escape(entry.text)
            )
        )
    for _card_id, title in changes.gone:
        shown = f"**{escape(title) or NOTHING}**"
        lines.append("- " + _("No longer on the board: {title}").format(title=shown))
    if changes.empty:
        lines.append(_("Nothing changed."))
    return lines


def _em(text: str) -> str:
    return f"*{text}*"


def _owner(card: CardLine) -> str:
    return cells.owner(card, escape, _("(provider)"))


def _away(card: CardLine) -> str:
    return cells.away(card, escape, _em)


def _card_row(card: CardLine) -> list[str]:
    return [
        cells.title(card, escape),
        cells.owner_cell(card, escape, _("(provider)"), NOTHING),
        _away(card),
        w.levels(card.level, card.target_level),
        f"{card.standards_done}/{card.standards_total}",
        w.age(card.in_stage),
        w.hours(card.hours),
    ] + (cells.plain(card, escape, NOTHING) if cells.PLAIN_HEADINGS else [])


def _cards(snap: Snapshot) -> list[str]:
    lines = ["## " + _("Cards"), "", w.legend()]
    for stage in STAGES:
        cards = [c for c in snap.cards if c.stage == stage]
        lines += ["", f"### {w.stage(stage)}", ""]
        if not cards:
            lines.append(_("No cards."))
            continue
        header = [_("Card"), _("Owner"), _("Away 2 wks"), _("Level"), _("Standards")]
        header += [_("In stage"), _("Hours/week")]
        header += cells.PLAIN_HEADINGS
        align = "llllrrr" + "l" * len(cells.PLAIN_HEADINGS)
        lines += _table(header, align, [_card_row(c) for c in cards])
    return lines


def _long(snap: Snapshot) -> list[str]:
    lines = ["## " + _("Delegating for more than 4 weeks"), ""]
    for card in snap.long_delegating:
        owner = f", {_owner(card)}" if _owner(card) else ""
        lines.append(f"- **{escape(card.title)}**{owner}{cells.colon()} {w.age(card.in_stage)}")
    return lines if snap.long_delegating else [*lines, _("None.")]


def _overdue(snap: Snapshot) -> list[str]:
    """The overdue check-ins; no section at all when there are none."""
    lines = ["## " + _("Check-ins overdue"), ""]
    for card in snap.overdue_checkins:
        due = card.next_checkin or snap.as_of
        owner = f", {_owner(card)}" if _owner(card) else ""
        late = _("{cadence}, due {day} ({age} overdue)").format(
            cadence=escape(cells.cadence(card)), day=w.day(due), age=w.age(snap.as_of - due)
        )
        lines.append(f"- **{escape(card.title)}**{owner}{cells.colon()} {late}")
    return lines if snap.overdue_checkins else []


def _log(snap: Snapshot) -> list[str]:
    lines = ["## " + _("Transition log of the period")]
    for kind, entries in snap.log.items():
        if not entries:
            continue
        lines += ["", f"### {kind_label(kind)} ({len(entries)})", ""]
        for e in entries:
            by = f" ({escape(e.by)})" if e.by else ""
            fixed = (
                " · "
                + _("corrected by {name} on {day}").format(
                    name=escape(e.corrected_by), day=w.day(e.corrected_at)
                )
                if e.corrected_at
                else ""
            )
            lines.append(
                f"- {w.day(e.at)} · **{escape(e.card_title)}**{cells.colon()} "
                f"{escape(e.text)}{by}{fixed}"
            )
    return lines if snap.log_count else [*lines, "", _("Nothing logged in this period.")]


def _moves(snap: Snapshot) -> list[str]:
    lines = ["## " + _("Moves of the period"), ""]
    for m in snap.moves:
        by = f" ({escape(m.by)})" if m.by else ""
        day = w.day(m.at) if m.at else ""
        lines.append(
            f"- {day} · **{escape(m.card_title)}**{cells.colon()} "
            f"{w.stage(m.from_stage)} → {w.stage(m.to_stage)}{by}"
        )
    return lines if snap.moves else [*lines, _("No moves in this period.")]


def render(snap: Snapshot) -> str:
    """The snapshot as a Markdown document."""
    head = [
        "# " + _("Status snapshot: {board}").format(board=escape(snap.board)),
        "",
        _("As of {now}. Period: since {since}.").format(
            now=w.when(snap.as_of), since=w.when(snap.since)
        ),
        "",
        f"**{cells.absence_question()}** {cells.absence_verdict(snap)}.",
    ]
    sections = [head, _stages(snap), _leader(snap), _changes(snap.changes), _cards(snap)]
    sections += [_long(snap), _overdue(snap), _log(snap), _moves(snap)]
    return "\n\n".join("\n".join(s) for s in sections if s) + "\n"
