"""Provides `delegate status [--json]`: the delegation insight of the board as a short summary
in the language of the run, or as JSON (English keys and stable values, and the `language`).
The moment the figures are computed for is the store's clock."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta

from delegate_tui.board.store import BoardStore
from delegate_tui.cli.json_out import print_json
from delegate_tui.cli.parsing import Commands
from delegate_tui.cli.status_leader import leader_lines
from delegate_tui.core.dates import show_cadence
from delegate_tui.core.display import line
from delegate_tui.core.formats import NARROW, hours, long_date
from delegate_tui.core.insight import Insight, Verdict, absence_answer, build
from delegate_tui.core.language import _, is_french, ngettext, pgettext
from delegate_tui.core.leader_insight import LeaderInsight, build_leader
from delegate_tui.core.model import Card
from delegate_tui.core.readiness import gaps_text
from delegate_tui.core.vocabulary import absence_label, reason_label, stage_label

TOP = 5
"""How many cards each list of the human summary names."""


def _scenario(number: int | None) -> str:
    """The absence test's verdict for the business, as the summary words it."""
    if number == 1:
        return pgettext("absence test", "everything stops")
    if number == 2:
        return pgettext("absence test", "it runs with difficulty")
    if number == 3:
        return pgettext("absence test", "it runs normally")
    return _("not known yet: the board has no cards")


def _cards(count: int) -> str:
    return ngettext("{count} card", "{count} cards", count).format(count=count)


def _age(delta: timedelta) -> str:
    """How long, in whole days (rounded): 'under a day', '1 day', '29 days'."""
    days = round(delta.total_seconds() / 86400)
    if not days:
        return _("under a day")
    return ngettext("{count} day", "{count} days", days).format(count=days)


def _day(moment: datetime) -> str:
    return long_date(moment.date()) if is_french() else f"{moment:%Y-%m-%d}"


def _word(value: str, label: str) -> str:
    """A choice of a card: its id in English (as the summary always said), its name (first
    letter small, inside a sentence) in French."""
    if not is_french():
        return line(value)
    return line(label[:1].lower() + label[1:])


def _title(card: Card, width: int = 40) -> str:
    title = line(card.title)
    return title if len(title) <= width else title[: width - 1] + "…"


def _more(shown: int, total: int) -> list[str]:
    if total <= shown:
        return []
    return ["  " + _("… and {count} more").format(count=total - shown)]


def _head(insight: Insight, board: str) -> list[str]:
    """The total, and the cards and hours of each stage."""
    total = _("{cards}, {hours} a week in all").format(
        cards=_cards(len(insight.cards)), hours=hours(insight.total_hours)
    )
    lines = [_("{board}: {summary}").format(board=line(board), summary=total) if board else total]
    width = 19 if is_french() else 12
    for stage, figures in insight.stages.items():
        lines.append(
            f"  {stage_label(stage):<{width}}{_cards(figures.cards):>10}{hours(figures.hours):>9}"
        )
    return lines


def _absence(insight: Insight) -> list[str]:
    """The absence test: the verdict, its causes, and the hours behind each answer."""
    verdict: Verdict = insight.verdict
    said = _scenario(verdict.scenario)
    lines = [
        _("Two weeks away: scenario {number} — {verdict}").format(
            number=verdict.scenario, verdict=said
        )
        if verdict.scenario
        else _("Two weeks away: {verdict}").format(verdict=said)
    ]
    for card in verdict.causes[:TOP]:
        answer = absence_answer(card)
        why = ", ".join(
            (
                _word(answer, absence_label(answer)),
                _word(card.stage, stage_label(card.stage)),
                hours(card.hours_per_week),
            )
        )
        lines.append(f"  - {_title(card)} ({why})")
    lines += _more(TOP, len(verdict.causes))
    answers = ", ".join(
        f"{_word(a, absence_label(a))} {hours(f.hours)}" for a, f in insight.answers.items()
    )
    lines.append(_("Hours a week by answer: {answers}").format(answers=answers))
    return lines


def _share(value: float) -> str:
    return f"{value * 100:.0f}{NARROW}%" if is_french() else f"{value:.0%}"


def _bought_back(insight: Insight) -> list[str]:
    lines = [
        _(
            "Bought back: {hours} a week ({share} of all hours); {delegating} being handed over"
        ).format(
            hours=hours(insight.bought_back),
            share=_share(insight.share),
            delegating=hours(insight.in_progress),
        )
    ]
    if len(insight.flow) > 1:
        trend = " → ".join(hours(p.hours["team-owned"]) for p in insight.flow[-6:])
        lines.append("  " + _("week by week: {trend}").format(trend=trend))
    return lines


def _lists(insight: Insight) -> list[str]:
    """What to delegate next, what is being delegated since when, the check-ins overdue."""
    lines: list[str] = []
    if insight.priority:
        lines.append(_("Delegate next:"))
        for rank, card in enumerate(insight.priority[:TOP], start=1):
            reason = _word(card.reason, reason_label(card.reason)) or _("no reason marked")
            lines.append(f"  {rank}. {_title(card)} ({reason}, {hours(card.hours_per_week)})")
        lines += _more(TOP, len(insight.priority))
    if insight.delegating:
        lines.append(_("Delegating for:"))
        for card, spent in insight.delegating[:TOP]:
            lines.append(f"  {_age(spent):>12}  {_title(card)}")
        lines += _more(TOP, len(insight.delegating))
    overdue = insight.overdue
    if overdue:
        lines.append(_("Check-ins overdue:"))
        for check in overdue[:TOP]:
            late = _("{cadence}, due {day}, {age} late").format(
                cadence=line(show_cadence(check.cadence)),
                day=_day(check.next),
                age=_age(insight.now - check.next),
            )
            lines.append(f"  {_title(check.card)} ({late})")
        lines += _more(TOP, len(overdue))
    return lines


def summary(insight: Insight, board: str = "", leader: LeaderInsight | None = None) -> str:
    """The human summary `delegate status` prints (`leader`: the leader's hours unknown)."""
    more = leader_lines(leader or build_leader(insight))
    lines = _head(insight, board) + _absence(insight) + more + _bought_back(insight)
    return "\n".join(lines + _lists(insight) + not_ready_lines(insight.not_ready))


def not_ready_lines(found: list[tuple[Card, list[str]]]) -> list[str]:
    """The team-owned cards that are not ready, and what each lacks (nothing when all are)."""
    if not found:
        return []
    lines = [_("Team-owned but not ready:")]
    for card, gaps in found[:TOP]:
        lines.append(f"  {_title(card)} ({gaps_text(gaps)})")
    return lines + _more(TOP, len(found))


def status(store: BoardStore) -> Insight:
    """The insight of the store's live cards at the store's 'now'."""
    return build(store.cards(), store.stamper.clock())


def cmd_status(args: argparse.Namespace, store: BoardStore) -> int:
    insight = status(store)
    leader = build_leader(insight, store.settings().leader_hours)
    if args.json:
        print_json({**insight.to_json(), **leader.to_json()})
    else:
        print(summary(insight, store.name, leader))
    return 0


def register(commands: Commands) -> None:
    """Add `status` to the `delegate` parser."""
    help_text = _("the absence test, hours bought back, what to delegate next, check-ins")
    sub: argparse.ArgumentParser = commands.add_parser(
        "status", help=help_text, description=help_text
    )
    sub.add_argument("--json", action="store_true", help=_("print the figures as JSON"))
    sub.set_defaults(handler=cmd_status)
