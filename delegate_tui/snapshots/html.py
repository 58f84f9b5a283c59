"""Provides the HTML status snapshot: one self-contained page that prints well on A4.

Inline CSS only: no script, no external link, font or image, and a Content-Security-Policy
that forbids them anyway. Every text from the board goes through `escape`: `html.escape` after its bidi controls are
made visible markers.
Pure: no I/O, no Textual.
"""

from __future__ import annotations

from html import escape as _escape

from delegate_tui.core import wording as w
from delegate_tui.core.display import show_bidi
from delegate_tui.core.language import _, current, ngettext, pgettext
from delegate_tui.core.vocabulary import STAGES
from delegate_tui.snapshots import cells, leader
from delegate_tui.snapshots.snapshot import CardLine, Changes, Snapshot, kind_label

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"

STYLE = """
@page { size: A4; margin: 16mm 14mm; }
:root { --ink: #1d2430; --muted: #5b6575; --line: #d5dbe3; --soft: #f3f5f8;
  --only-me: #b4443c; --delegating: #b7791f; --team-owned: #2f7d4f; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #fff; margin: 0 auto; max-width: 182mm; padding: 12mm 0;
  overflow-wrap: anywhere; }
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 20pt; margin: 0 0 1mm; }
h2 { font-size: 13pt; margin: 8mm 0 3mm; padding-bottom: 1mm;
  border-bottom: 2px solid var(--line); break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 1mm 0; }
.meta, .none, .when, footer { color: var(--muted); }
.none { font-style: italic; }
.when { white-space: nowrap; font-variant-numeric: tabular-nums; }
.absence { margin: 4mm 0; padding: 2.5mm 4mm; background: var(--soft);
  border-left: 4px solid var(--ink); }
.tiles { display: flex; gap: 4mm; }
.tile { flex: 1; border: 1px solid var(--line); border-top: 4px solid var(--ink);
  border-radius: 2mm; padding: 2.5mm 4mm; break-inside: avoid; }
.tile.only-me { border-top-color: var(--only-me); }
.tile.delegating { border-top-color: var(--delegating); }
.tile.team-owned { border-top-color: var(--team-owned); }
.tile .n { font-size: 20pt; font-weight: 700; line-height: 1.2; }
table { width: 100%; border-collapse: collapse; margin-bottom: 2mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm;
  border-bottom: 1px solid var(--line); }
th { font-size: 9pt; font-weight: 600; color: var(--muted); overflow-wrap: normal; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th.num { white-space: normal; }
table.cards { table-layout: fixed; }
col.card { width: 28%; }
col.owner { width: 18%; }
col.away { width: 13%; }
col.level { width: 8%; }
col.figure { width: 11%; }
td.away, td.level { white-space: nowrap; overflow-wrap: normal; }
ul { margin: 0; padding-left: 5mm; }
li { margin: 0.8mm 0; break-inside: avoid; }
.tag { font-size: 8pt; padding: 0 1.5mm; border-radius: 1mm; background: var(--soft);
  color: var(--muted); white-space: nowrap; }
footer { margin-top: 10mm; font-size: 8.5pt; }
"""


def escape(text: str) -> str:
    """Board text made inert HTML: &, <, >, " and ' all escaped, and bidi controls shown as
    markers (`<U+202E>`), so no text reads backwards."""
    return _escape(show_bidi(text), quote=True)


def _none(text: str) -> str:
    return f'<p class="none">{text}</p>'


def _stages(snap: Snapshot) -> list[str]:
    tiles = [
        f'<div class="tile {s}"><div>{w.stage(s)}</div><div class="n">{f.cards}</div>'
        + "<div>"
        + _("{hours} h/week").format(hours=w.hours(f.hours))
        + "</div></div>"
        for s, f in snap.stages.items()
    ]
    total = snap.total
    return [
        "<section>",
        _h2(_("Where delegation stands")),
        f'<div class="tiles">{"".join(tiles)}</div>',
        f'<p class="meta">{_in_all(total.cards, total.hours)}</p>',
        "</section>",
    ]


def _bold(text: str) -> str:
    return f"<strong>{text}</strong>"


def _items(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _leader(snap: Snapshot) -> list[str]:
    """The leader's week and the teammates' absence test, the most fragile first."""
    part = snap.leader
    people = leader.people_items(part, escape, _bold)
    return [
        "<section>" + _h2(leader.week_heading()),
        _items(leader.week_items(part.week, escape)),
        "</section>",
        "<section>" + _h2(leader.people_heading()),
        _items(people) if people else _none(leader.no_people()),
        "</section>",
    ]


def _changes(changes: Changes | None) -> list[str]:
    if changes is None:
        return [
            "<section>" + _h2(_("Since the last snapshot")),
            _none(_("No earlier snapshot: this is the first one.")),
            "</section>",
        ]
    items = [
        _("New card: {title} ({stage})").format(title=_strong(c.title), stage=w.stage(c.stage))
        for c in changes.new_cards
    ]
    items += [
        _("Back on the board: {title} ({stage})").format(
            title=_strong(c.title), stage=w.stage(c.stage)
        )
        for c in changes.back
    ]
    items += [
        _("Moved: {title}, {old} → {new}").format(
            title=_strong(m.card_title), old=w.stage(m.from_stage), new=w.stage(m.to_stage)
        )
        for m in changes.moved
    ]
    items += [
        _("New log entry on {title} ({kind}): {text}").format(
            title=_strong(e.card_title), kind=kind_label(e.kind), text=escape(e.text)
        )
        for e in changes.new_log
    ]
    items += [
        _("No longer on the board: {title}").format(title=_strong(title))
        for _card_id, title in changes.gone
    ]
    body = "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    body = body if items else _none(_("Nothing changed."))
    when = w.when(changes.previous_as_of)
    heading = _("Since the last snapshot ({when})").format(when=when)
    return [f"<section><h2>{heading}</h2>", body, "</section>"]


_PLAIN = bool(cells.PLAIN_HEADINGS)


def _em(text: str) -> str:
    return f"<em>{text}</em>"


def _owner(card: CardLine) -> str:
    return cells.owner(card, escape, _tag(_("provider")))


def _away(card: CardLine) -> str:
    return cells.away(card, escape, _em)


def _plain_cells(card: CardLine) -> str:
    return "".join(f"<td>{text}</td>" for text in cells.plain(card, escape, w.NOTHING))


def _h2(text: str) -> str:
    return f"<h2>{text}</h2>"


def _tag(text: str) -> str:
    return f'<span class="tag">{text}</span>'


def _h_week() -> str:
    return _("h/week")


def _strong(text: str) -> str:
    return f"<strong>{escape(text)}</strong>"


def _in_all(cards: int, hours: float) -> str:
    """'5 cards in all, 14.5 hours a week.'"""
    return ngettext(
        "{count} card in all, {hours} hours a week.",
        "{count} cards in all, {hours} hours a week.",
        cards,
    ).format(count=cards, hours=w.hours(hours))


def _card_header() -> str:
    """The card table's head cells before the plain fields'."""
    return (
        "<thead><tr>"
        + "".join(f"<th>{h}</th>" for h in (_("Card"), _("Owner"), _("Away 2 wks"), _("Level")))
        + "".join(f'<th class="num">{h}</th>' for h in (_("Standards"), _("In stage")))
        + f'<th class="num">{_h_week()}</th>'
    )


def _card_row(card: CardLine) -> str:
    tag = ""
    if card.change == "new":
        tag = " " + _tag(pgettext("card tag", "new"))
    elif card.change == "back":
        tag = " " + _tag(pgettext("card tag", "back"))
    elif card.change == "moved":
        tag = " " + _tag(_("from {stage}").format(stage=w.stage(card.moved_from)))
    return (
        f"<tr><td>{cells.title(card, escape)}{tag}</td>"
        f"<td>{cells.owner_cell(card, escape, _tag(_('provider')), w.NOTHING)}</td>"
        f'<td class="away">{_away(card)}</td>'
        f'<td class="level">{w.levels(card.level, card.target_level)}</td>'
        f'<td class="num">{card.standards_done}/{card.standards_total}</td>'
        f'<td class="num">{w.age(card.in_stage)}</td>'
        f'<td class="num">{w.hours(card.hours)}</td>'
        f"{_plain_cells(card) if _PLAIN else ''}</tr>"
    )


def _cards(snap: Snapshot) -> list[str]:
    lines = ["<section>", _h2(_("Cards")), f'<p class="meta">{escape(w.legend())}</p>']
    for stage in STAGES:
        cards = [c for c in snap.cards if c.stage == stage]
        lines.append(f"<h3>{w.stage(stage)}</h3>")
        if not cards:
            lines.append(_none(_("No cards.")))
            continue
        lines += [
            '<table class="cards"><colgroup><col class="card"><col class="owner">'
            '<col class="away"><col class="level">'
            '<col class="figure"><col class="figure"><col class="figure">'
            + '<col class="plain">' * len(cells.PLAIN_HEADINGS)
            + "</colgroup>"
            + _card_header()
            + "".join(f"<th>{escape(h)}</th>" for h in cells.PLAIN_HEADINGS)
            + "</tr></thead><tbody>",
            *(_card_row(c) for c in cards),
            "</tbody></table>",
        ]
    return [*lines, "</section>"]


def _long(snap: Snapshot) -> list[str]:
    items = [
        f"<li><strong>{escape(c.title)}</strong>"
        + (f", {_owner(c)}" if _owner(c) else "")
        + f"{cells.colon()} {w.age(c.in_stage)}</li>"
        for c in snap.long_delegating
    ]
    body = f"<ul>{''.join(items)}</ul>" if items else _none(_("None."))
    return ["<section>" + _h2(_("Delegating for more than 4 weeks")), body, "</section>"]


def _overdue(snap: Snapshot) -> list[str]:
    """The overdue check-ins; no section at all when there are none."""
    items = []
    for c in snap.overdue_checkins:
        due = c.next_checkin or snap.as_of
        items.append(
            f"<li><strong>{escape(c.title)}</strong>"
            + (f", {_owner(c)}" if _owner(c) else "")
            + cells.colon()
            + " "
            + _("{cadence}, due {day} ({age} overdue)").format(
                cadence=escape(cells.cadence(c)),
                day=f'<span class="when">{w.day(due)}</span>',
                age=w.age(snap.as_of - due),
            )
            + "</li>"
        )
    if not items:
        return []
    heading = _h2(_("Check-ins overdue"))
    return [f"<section>{heading}", f"<ul>{''.join(items)}</ul>", "</section>"]


def _log(snap: Snapshot) -> list[str]:
    lines = ["<section>", _h2(_("Transition log of the period"))]
    for kind, entries in snap.log.items():
        if not entries:
            continue
        lines.append(f"<h3>{escape(kind_label(kind))} ({len(entries)})</h3><ul>")
        for e in entries:
            by = f" ({escape(e.by)})" if e.by else ""
            fixed = (
                ' · <span class="corrected">'
                + _("corrected by {name} on {day}").format(
                    name=escape(e.corrected_by), day=w.day(e.corrected_at)
                )
                + "</span>"
                if e.corrected_at
                else ""
            )
            lines.append(
                f'<li><span class="when">{w.day(e.at)}</span> · '
                f"<strong>{escape(e.card_title)}</strong>{cells.colon()} "
                f"{escape(e.text)}{by}{fixed}</li>"
            )
        lines.append("</ul>")
    if not snap.log_count:
        lines.append(_none(_("Nothing logged in this period.")))
    return [*lines, "</section>"]


def _moves(snap: Snapshot) -> list[str]:
    items = [
        f'<li><span class="when">{w.day(m.at) if m.at else ""}</span> · '
        f"<strong>{escape(m.card_title)}</strong>{cells.colon()} "
        f"{w.stage(m.from_stage)} → {w.stage(m.to_stage)}"
        + (f" ({escape(m.by)})" if m.by else "")
        + "</li>"
        for m in snap.moves
    ]
    body = f"<ul>{''.join(items)}</ul>" if items else _none(_("No moves in this period."))
    return ["<section>" + _h2(_("Moves of the period")), body, "</section>"]


def render(snap: Snapshot) -> str:
    """The snapshot as one self-contained HTML page."""
    board = escape(snap.board)
    title = _("Status snapshot: {board}").format(board=board)
    meta = _("As of {now} · period since {since}").format(
        now=w.when(snap.as_of), since=w.when(snap.since)
    )
    written = _("Written by delegate-tui on {when}.").format(when=w.when(snap.as_of))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{current()}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{title}</h1>",
        f'<p class="meta">{meta}</p>',
        "</header>",
        f'<p class="absence"><strong>{cells.absence_question()}</strong> '
        f"{escape(cells.absence_verdict(snap))}.</p>",
        *_stages(snap),
        *_leader(snap),
        *_changes(snap.changes),
        *_cards(snap),
        *_long(snap),
        *_overdue(snap),
        *_log(snap),
        *_moves(snap),
        f"<footer>{written}</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"
