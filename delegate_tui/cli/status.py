"""Provides `delegate status [--json]`: the delegation insight of the board as a short summary
or as JSON. The moment the figures are computed for is the store's clock."""

from __future__ import annotations

import argparse

from delegate_tui.board.store import BoardStore
from delegate_tui.cli.parsing import Commands
from delegate_tui.core.display import line
from delegate_tui.core.insight import Insight, absence_answer, build
from delegate_tui.core.json_text import dumps
from delegate_tui.core.model import Card
from delegate_tui.core.readiness import gaps_text
from delegate_tui.core.vocabulary import STAGE_LABELS
from delegate_tui.core.wording import age, plural

TOP = 5
"""How many cards each list of the human summary names."""


def _hours(value: float) -> str:
    return f"{value:g}h"


def _title(card: Card, width: int = 40) -> str:
    title = line(card.title)
    return title if len(title) <= width else title[: width - 1] + "…"


def _more(shown: int, total: int) -> list[str]:
    return [f"  … and {total - shown} more"] if total > shown else []


def summary(insight: Insight, board: str = "") -> str:
    """The human summary `delegate status` prints."""
    name = f"{line(board)}: " if board else ""
    lines = [
        f"{name}{plural(len(insight.cards), 'card')}, {_hours(insight.total_hours)} a week in all"
    ]
    for stage, figures in insight.stages.items():
        lines.append(
            f"  {STAGE_LABELS[stage]:<12}{plural(figures.cards, 'card'):>10}"
            f"{_hours(figures.hours):>9}"
        )
    verdict = insight.verdict
    scenario = f"scenario {verdict.scenario} — " if verdict.scenario else ""
    lines.append(f"Two weeks away: {scenario}{verdict.label}")
    for card in verdict.causes[:TOP]:
        lines.append(
            f"  - {_title(card)} ({line(absence_answer(card))}, {line(card.stage)}, "
            f"{_hours(card.hours_per_week)})"
        )
    lines += _more(TOP, len(verdict.causes))
    answers = ", ".join(f"{a} {_hours(f.hours)}" for a, f in insight.answers.items())
    lines.append(f"Hours a week by answer: {answers}")
    lines.append(
        f"Bought back: {_hours(insight.bought_back)} a week "
        f"({insight.share:.0%} of all hours); {_hours(insight.in_progress)} being handed over"
    )
    if len(insight.flow) > 1:
        trend = " → ".join(_hours(p.hours["team-owned"]) for p in insight.flow[-6:])
        lines.append(f"  week by week: {trend}")
    if insight.priority:
        lines.append("Delegate next:")
        for rank, card in enumerate(insight.priority[:TOP], start=1):
            reason = line(card.reason) or "no reason marked"
            lines.append(f"  {rank}. {_title(card)} ({reason}, {_hours(card.hours_per_week)})")
        lines += _more(TOP, len(insight.priority))
    if insight.delegating:
        lines.append("Delegating for:")
        for card, spent in insight.delegating[:TOP]:
            lines.append(f"  {age(spent):>12}  {_title(card)}")
        lines += _more(TOP, len(insight.delegating))
    overdue = insight.overdue
    if overdue:
        lines.append("Check-ins overdue:")
        for check in overdue[:TOP]:
            lines.append(
                f"  {_title(check.card)} ({line(check.cadence)}, due "
                f"{check.next:%Y-%m-%d}, {age(insight.now - check.next)} late)"
            )
        lines += _more(TOP, len(overdue))
    lines += not_ready_lines(insight.not_ready)
    return "\n".join(lines)


def not_ready_lines(found: list[tuple[Card, list[str]]]) -> list[str]:
    """The team-owned cards that are not ready, and what each lacks (nothing when all are)."""
    if not found:
        return []
    lines = ["Team-owned but not ready:"]
    for card, gaps in found[:TOP]:
        lines.append(f"  {_title(card)} ({gaps_text(gaps)})")
    return lines + _more(TOP, len(found))


def status(store: BoardStore) -> Insight:
    """The insight of the store's live cards at the store's 'now'."""
    return build(store.cards(), store.stamper.clock())


def cmd_status(args: argparse.Namespace, store: BoardStore) -> int:
    insight = status(store)
    if args.json:
        print(dumps(insight.to_json()))
    else:
        print(summary(insight, store.name))
    return 0


def register(commands: Commands) -> None:
    """Add `status` to the `delegate` parser."""
    help_text = "the absence test, hours bought back, what to delegate next, check-ins"
    sub: argparse.ArgumentParser = commands.add_parser(
        "status", help=help_text, description=help_text
    )
    sub.add_argument("--json", action="store_true", help="print the figures as JSON")
    sub.set_defaults(handler=cmd_status)
