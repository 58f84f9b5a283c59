"""Provides `delegate show CARD`: one card as a person reads it, in the language of the run
(English keeps the stable ids and ISO days it always printed; French names the stages, kinds,
areas and answers, and writes days as `3 déc. 2026`), or as JSON (`--json`, English keys)."""

from __future__ import annotations

import argparse
from datetime import date

from delegate_tui.board.store import BoardStore
from delegate_tui.cli.json_out import print_json
from delegate_tui.core.card_fields import PLAIN_FIELDS, SPECS_BY_NAME
from delegate_tui.core.dates import show_cadence
from delegate_tui.core.display import block, line
from delegate_tui.core.formats import long_date, number
from delegate_tui.core.insight import card_checkin
from delegate_tui.core.language import _, is_french
from delegate_tui.core.model import Card, role_of
from delegate_tui.core.vocabulary import (
    absence_label,
    area_label,
    log_kind_name,
    reason_label,
    role_label,
    stage_label,
)


def indented(text: str, first: str, rest: str) -> str:
    """Multi-line text from the file: `first` before its first line, `rest` before the others."""
    return first + ("\n" + rest).join(block(text).split("\n"))


def _width() -> int:
    """How wide the labels of the card's fields are (the French ones are longer)."""
    return 14 if is_french() else 12


def _head(label: str) -> str:
    return f"  {label:<{_width()}} "


def _word(value: str, label: str) -> str:
    """A choice of the card: its id in English (as `show` always printed it), its name in
    French; '-' for none."""
    return (line(label) if is_french() else line(value)) or "-" if value else "-"


def _day(text: str) -> str:
    """A day the file holds (ISO): as it is in English, `3 déc. 2026` in French (a day a hand
    edit spoiled, as it is)."""
    day = line(text[:10])
    if not is_french():
        return day
    try:
        return long_date(date.fromisoformat(day))
    except ValueError:
        return day


def _stage(stage: str | None) -> str:
    if not stage:
        return _("new")
    return line(stage_label(stage)) if is_french() else line(stage)


def _leader_row(card: Card) -> list[str]:
    """The leader's mission, role and the backup: a line when any of them is set."""
    if not (card.leader_mission or card.role or card.backup):
        return []
    role = role_of(card)
    return [
        _head(_("role"))
        + _("{role}   your mission {mission}   backup {backup}").format(
            role=_word(role, role_label(role)),
            mission=_("yes") if card.leader_mission else _("no"),
            backup=line(card.backup) or "-",
        )
    ]


def _fields(card: Card, store: BoardStore) -> list[str]:
    """The card's fields, one a line (a multi-line one indented under its label)."""
    t, rest = line, " " * (_width() + 3)
    shown = stage_label(card.stage)  # a hand-edited file may hold any stage: as spelled
    rows = [
        _head(_("id")) + t(card.id),
        _head(_("stage"))
        + _("{stage} since {day}").format(stage=t(shown), day=_day(card.stage_since)),
        _head(_("owner"))
        + _("{owner}   accountable {accountable}").format(
            owner=t(card.owner) or "-", accountable=t(card.accountable) or "-"
        ),
        _head(_("hours/week"))
        + _("{hours}   area {area}").format(
            hours=number(card.hours_per_week), area=_word(card.area, area_label(card.area))
        ),
    ]
    levels = f"{card.level or '-'} -> {card.target_level or '-'}"
    absence = _word(card.absence, absence_label(card.absence))
    reason = _word(card.reason, reason_label(card.reason))
    rows.append(
        _head(_("away 2 weeks"))
        + _("{absence}   level {levels}   reason {reason}").format(
            absence=absence, levels=levels, reason=reason
        )
    )
    rows += _leader_row(card)
    for name in PLAIN_FIELDS:
        label = SPECS_BY_NAME[name].label
        label = (_(label) if label else "").lower() or name  # _("") is the catalog's header
        rows.append(indented(str(card.value(name)) or "-", _head(label), rest))
    if card.provider:
        confidentiality = _head(_("provider")) + _("confidentiality:") + " "
        rows.append(indented(card.confidentiality or "-", confidentiality, rest))
        rows.append(indented(card.reporting or "-", rest + _("reporting:") + " ", rest))
    check = card_checkin(card, store.stamper.clock())
    if check:
        late = _(" (overdue)") if check.overdue else ""
        last, upcoming = check.last.strftime("%Y-%m-%d"), check.next.strftime("%Y-%m-%d")
        rows.append(
            _head(_("check-ins"))
            + _("{cadence}, last {last}, next {next}").format(
                cadence=t(show_cadence(card.checkin)), last=_day(last), next=_day(upcoming)
            )
            + late
        )
    if card.archived_at:
        rows.append(_head(_("archived")) + _day(card.archived_at))
    if block(card.description):
        rows.append(indented(card.description, "  ", "  "))
    return rows


def _items(card: Card) -> list[str]:
    """The work standards, notes and decisions, each with its id (as --tick/--edit take it)."""
    t = line
    rows = [
        _("Work standards ({done}/{total} done)").format(
            done=card.standards_done, total=len(card.standards)
        )
    ]
    for s in card.standards:
        rows.append(indented(s.text, f"  [{'x' if s.done else ' '}] {t(s.id)[:8]}  ", " " * 16))
    rows.append(_("Responsibility notes"))
    for n in card.notes:
        rows.append(indented(n.text, f"  - {t(n.id)[:8]}  ", " " * 14))
    rows.append(_("Decisions handed over"))
    for d in card.decisions:
        limit = _(" (limit: {limit})").format(limit=t(d.limit)) if d.limit else ""
        rows.append(indented(d.text, f"  - {t(d.id)[:8]}  ", " " * 14) + limit)
    return rows


def _log_and_history(card: Card) -> list[str]:
    """The transition log (newest first, each entry's id as fix-log takes it), then the
    stage history."""
    t = line
    rows = [_("Transition log")]
    for e in reversed(card.log):
        kind = f"{t(log_kind_name(e.kind)):<19}" if is_french() else f"{t(e.kind):<15}"
        entry = f"  {t(e.id)[:8]}  {_day(e.at)}  {kind} "
        fixed = (
            _(", corrected by {by} on {day}").format(by=t(e.corrected_by), day=_day(e.corrected_at))
            if e.corrected_at
            else ""
        )
        rows.append(indented(e.text, entry, " " * len(entry)) + f"  — {t(e.by)}{fixed}")
    rows.append(_("Stage history"))
    for h in card.history:
        at = f"{_day(h.at)} {t(h.at[11:16])}" if is_french() else t(h.at[:16]).replace("T", " ")
        forced = _("  (forced: it was not ready)") if h.forced else ""
        rows.append(f"  {at}  {_stage(h.from_stage)} -> {_stage(h.to_stage)}  — {t(h.by)}{forced}")
    return rows


def card_text(card: Card, store: BoardStore) -> str:
    """The card as `delegate show` prints it."""
    rows = [line(card.title), *_fields(card, store), *_items(card), *_log_and_history(card)]
    return "\n".join(rows)


def cmd_show(args: argparse.Namespace, store: BoardStore) -> int:
    card = store.card(store.resolve(args.card))
    if args.json:
        print_json(card.to_json())
        return 0
    print(card_text(card, store))
    return 0
