"""Provides the delegation insight: the two-week absence test for the whole business, hours
bought back, what to delegate next, time in stage, check-ins and cumulative flow.

Pure: a list of cards and a moment go in, figures come out. No I/O, no Textual.
How each figure is computed is written down in docs/insight.md.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from delegate_tui.core.dates import next_checkin, parse_cadence
from delegate_tui.core.language import N_, _
from delegate_tui.core.model import Card
from delegate_tui.core.readiness import not_ready
from delegate_tui.core.times import format_time, stored_moment
from delegate_tui.core.vocabulary import ABSENCE_ANSWERS, REASONS, STAGE_LABELS, STAGES

SCENARIOS: dict[int, str] = {
    1: N_("everything stops"),
    2: N_("it runs with difficulty"),
    3: N_("it runs normally"),
}
"""The answers to "if I'm away two weeks, what happens?", worst first (a Verdict's translated)."""

UNKNOWN_VERDICT = N_("not known yet: the board has no cards")

STAGE_ANSWER: dict[str, str] = {"only-me": "stops", "delegating": "struggles", "team-owned": "runs"}
"""The answer a card gets from its stage when the leader has not answered for it."""

ANSWER_SCENARIO: dict[str, int] = {"stops": 1, "struggles": 2, "runs": 3, "waits": 3}  # waits: runs

REASON_RANK: dict[str, int] = {reason: rank for rank, reason in enumerate(REASONS)}
"""Delegation priority: repetitive first, then standardised, low-value, emergencies, unmarked."""

WEEK = timedelta(weeks=1)
DEFAULT_WEEKS = 26


@dataclass(frozen=True, slots=True)
class Figures:
    """How many cards and how many hours a week they take."""

    cards: int = 0
    hours: float = 0.0


@dataclass(frozen=True, slots=True)
class Verdict:
    """The absence test for the business: its scenario (None on an empty board) and why."""

    scenario: int | None
    label: str
    causes: tuple[Card, ...] = ()
    waiting: tuple[Card, ...] = ()
    """The leader missions: they wait for the leader's return, listed apart (most hours first)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of time a card spent in one stage (`end` is `now` for the current one)."""

    stage: str
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A card's check-in cadence, when the leader last checked in, and when next."""

    card: Card
    cadence: str
    last: datetime
    next: datetime
    overdue: bool


@dataclass(frozen=True, slots=True)
class FlowPoint:
    """The board at one moment: cards and hours a week per stage."""

    at: datetime
    counts: dict[str, int]
    hours: dict[str, float]


def absence_answer(card: Card) -> str:
    """'waits' for a leader mission (always), else the leader's own answer, else the stage's."""
    if card.leader_mission:
        return "waits"
    return card.absence or STAGE_ANSWER.get(card.stage, "stops")


def _total(cards: Iterable[Card]) -> Figures:
    chosen = list(cards)
    return Figures(len(chosen), round(float(sum(c.hours_per_week for c in chosen)), 2))


def by_stage(cards: Sequence[Card]) -> dict[str, Figures]:
    return {stage: _total(c for c in cards if c.stage == stage) for stage in STAGES}


def by_answer(cards: Sequence[Card]) -> dict[str, Figures]:
    return {a: _total(c for c in cards if absence_answer(c) == a) for a in ABSENCE_ANSWERS}


def verdict(cards: Sequence[Card]) -> Verdict:
    """The business is as fragile as its most fragile task: the worst answer of any card wins,
    and the cards giving that answer are its causes (most hours first)."""
    if not cards:
        return Verdict(None, _(UNKNOWN_VERDICT))
    scenario = min(ANSWER_SCENARIO[absence_answer(c)] for c in cards)
    causes = [c for c in cards if ANSWER_SCENARIO[absence_answer(c)] == scenario]
    if scenario == 3:
        causes = []
    causes.sort(key=lambda c: -c.hours_per_week)
    waiting = sorted((c for c in cards if c.leader_mission), key=lambda c: -c.hours_per_week)
    return Verdict(scenario, _(SCENARIOS[scenario]), tuple(causes), tuple(waiting))


def priority(cards: Sequence[Card]) -> list[Card]:
    """Only me but leader missions, in the order to delegate: by reason, then most hours."""
    only_me = [c for c in cards if c.stage == "only-me" and not c.leader_mission]
    return sorted(
        only_me, key=lambda c: (REASON_RANK.get(c.reason, len(REASONS)), -c.hours_per_week)
    )


def spans(card: Card, now: datetime) -> list[Span]:
    """The card's stay in each stage from its stage history, oldest first.

    The last span is the current stage and runs to `now`. Entries with unreadable times are
    skipped; a card without history has been in its stage since it was created.
    """
    moves = [(at, change.to_stage) for change in card.history if (at := stored_moment(change.at))]
    if not moves:
        moves = [(stored_moment(card.created_at) or now, card.stage)]
    moves[-1] = (moves[-1][0], card.stage)  # the stage field is the truth for the current one
    result = []
    for index, (start, stage) in enumerate(moves):
        end = moves[index + 1][0] if index + 1 < len(moves) else now
        start = min(start, now)
        result.append(Span(stage, start, max(start, min(end, now))))
    return result


SpansById = dict[str, list[Span]]


def all_spans(cards: Sequence[Card], now: datetime) -> SpansById:
    return {card.id: spans(card, now) for card in cards}


def stage_at(card_spans: Sequence[Span], moment: datetime) -> str | None:
    """The stage a card (given by its spans) was in at `moment`, or None before it existed."""
    found = None
    for span in card_spans:
        if span.start > moment:
            break
        found = span.stage
    return found


def time_in_stage(card_spans: Sequence[Span]) -> dict[str, timedelta]:
    """Total time a card (given by its spans) spent in each stage; back and forth adds up."""
    totals = dict.fromkeys(STAGES, timedelta())
    for span in card_spans:
        if span.stage in totals:
            totals[span.stage] += span.end - span.start
    return totals


def delegating_ages(
    cards: Sequence[Card], now: datetime, known: SpansById | None = None
) -> list[tuple[Card, timedelta]]:
    """How long each delegating card has been delegating this time, oldest first."""
    known = known or all_spans(cards, now)
    ages = [(c, now - known[c.id][-1].start) for c in cards if c.stage == "delegating"]
    return sorted(ages, key=lambda pair: -pair[1])


def card_checkin(
    card: Card, now: datetime, card_spans: Sequence[Span] | None = None
) -> CheckIn | None:
    """The card's next check-in, or None without a readable cadence.

    The last check-in is the one recorded on the card, else when the card entered its stage.
    """
    if not card.checkin:
        return None
    try:
        cadence = parse_cadence(card.checkin)
    except ValueError:
        return None  # a cadence a newer version or a hand edit wrote; shown nowhere
    card_spans = card_spans or spans(card, now)
    last = stored_moment(card.checked_in_at) or card_spans[-1].start
    following = next_checkin(cadence, last, now)
    return CheckIn(card, card.checkin, last, following, following <= now)


def checkins(cards: Sequence[Card], now: datetime, known: SpansById | None = None) -> list[CheckIn]:
    """Every card with a readable cadence, soonest (most overdue) first."""
    known = known or all_spans(cards, now)
    found = [check for c in cards if (check := card_checkin(c, now, known[c.id]))]
    return sorted(found, key=lambda c: c.next)


def flow(
    cards: Sequence[Card],
    now: datetime,
    weeks: int = DEFAULT_WEEKS,
    known: SpansById | None = None,
) -> list[FlowPoint]:
    """The board once a week, ending now, back to the first card (at most `weeks` points)."""
    known = known or all_spans(cards, now)
    starts = [known[c.id][0].start for c in cards]
    first = min(starts, default=now)
    count = min(max(weeks, 1) - 1, int((now - first) / WEEK))
    moments = [now - back * WEEK for back in range(count, -1, -1)]
    # Each span covers the points from its start to the next span's start: add it to that
    # run of points as +1 where the run begins and -1 where it ends, then sum along.
    steps = {stage: [0] * (len(moments) + 1) for stage in STAGES}
    hour_steps = {stage: [0.0] * (len(moments) + 1) for stage in STAGES}
    for card in cards:
        card_spans = known[card.id]
        for index, span in enumerate(card_spans):
            if span.stage not in steps:
                continue
            begin = bisect_left(moments, span.start)
            later = index + 1 < len(card_spans)
            end = bisect_left(moments, card_spans[index + 1].start) if later else len(moments)
            if begin < end:
                steps[span.stage][begin] += 1
                steps[span.stage][end] -= 1
                hour_steps[span.stage][begin] += card.hours_per_week
                hour_steps[span.stage][end] -= card.hours_per_week
    points = []
    counts = dict.fromkeys(STAGES, 0)
    hours = dict.fromkeys(STAGES, 0.0)
    for index, at in enumerate(moments):
        for stage in STAGES:
            counts[stage] += steps[stage][index]
            hours[stage] += hour_steps[stage][index]
        points.append(FlowPoint(at, dict(counts), {s: round(h, 2) + 0.0 for s, h in hours.items()}))
    return points


@dataclass(frozen=True, slots=True)
class Insight:
    """Every board-level figure at one moment."""

    now: datetime
    cards: tuple[Card, ...]
    stages: dict[str, Figures]
    answers: dict[str, Figures]
    verdict: Verdict
    priority: tuple[Card, ...]
    delegating: tuple[tuple[Card, timedelta], ...]
    time_in_stage: tuple[tuple[Card, dict[str, timedelta]], ...]
    checkins: tuple[CheckIn, ...]
    flow: tuple[FlowPoint, ...]
    spans: SpansById = field(default_factory=dict, repr=False, compare=False)

    @property
    def total_hours(self) -> float:
        return round(float(sum(c.hours_per_week for c in self.cards)), 2)

    @property
    def bought_back(self) -> float:
        """Hours a week the leader no longer spends: the team-owned cards' hours."""
        return self.stages["team-owned"].hours

    @property
    def in_progress(self) -> float:
        """Hours a week being handed over now: the delegating cards' hours."""
        return self.stages["delegating"].hours

    @property
    def share(self) -> float:
        """Bought-back hours as a share of all hours on the board (0 when there are none)."""
        return round(self.bought_back / self.total_hours, 3) if self.total_hours else 0.0

    @property
    def overdue(self) -> tuple[CheckIn, ...]:
        return tuple(c for c in self.checkins if c.overdue)

    @property
    def not_ready(self) -> list[tuple[Card, list[str]]]:
        """The team-owned cards the readiness rule says are not ready, with what they lack."""
        return not_ready(self.cards)

    def to_json(self) -> dict[str, Any]:
        """The figures as `delegate status --json` prints them (see docs/insight.md)."""
        return insight_json(self)


def build(cards: Sequence[Card], now: datetime, weeks: int = DEFAULT_WEEKS) -> Insight:
    """All the figures for `cards` (pass the live, unarchived ones) at `now`."""
    cards = list(cards)
    known = all_spans(cards, now)
    return Insight(
        now=now,
        cards=tuple(cards),
        stages=by_stage(cards),
        answers=by_answer(cards),
        verdict=verdict(cards),
        priority=tuple(priority(cards)),
        delegating=tuple(delegating_ages(cards, now, known)),
        time_in_stage=tuple((c, time_in_stage(known[c.id])) for c in cards),
        checkins=tuple(checkins(cards, now, known)),
        flow=tuple(flow(cards, now, weeks, known)),
        spans=known,
    )


def _days(delta: timedelta) -> float:
    return round(delta.total_seconds() / 86400, 1)


def card_ref(card_id: str, title: str, stage: str, hours: float) -> dict[str, Any]:
    """A card as the JSON of the insight figures and of a snapshot names it."""
    return {"id": card_id, "title": title, "stage": stage, "hours_per_week": hours}


def _ref(card: Card) -> dict[str, Any]:
    return card_ref(card.id, card.title, card.stage, card.hours_per_week)


def _checkin_json(check: CheckIn) -> dict[str, Any]:
    return {
        **_ref(check.card),
        "cadence": check.cadence,
        "last": format_time(check.last),
        "next": format_time(check.next),
        "overdue": check.overdue,
    }


def insight_json(insight: Insight) -> dict[str, Any]:
    """Plain JSON values; per-stage figures are keyed by the stage names."""
    figures = {
        stage: {"label": STAGE_LABELS[stage], "cards": f.cards, "hours_per_week": f.hours}
        for stage, f in insight.stages.items()
    }
    v = insight.verdict
    return {
        "now": format_time(insight.now),
        "cards": len(insight.cards),
        "hours_per_week": insight.total_hours,
        **figures,
        "absence": {
            "scenario": v.scenario,
            "label": SCENARIOS[v.scenario] if v.scenario else UNKNOWN_VERDICT,
            "cards": [{**_ref(c), "answer": absence_answer(c)} for c in v.causes],
        },
        "absence_answers": {
            answer: {"cards": f.cards, "hours_per_week": f.hours}
            for answer, f in insight.answers.items()
        },
        "bought_back": {
            "hours_per_week": insight.bought_back,
            "delegating_hours_per_week": insight.in_progress,
            "share": insight.share,
            "weekly": [
                {"at": format_time(p.at), "hours_per_week": p.hours["team-owned"]}
                for p in insight.flow
            ],
        },
        "priority": [{**_ref(c), "reason": c.reason or None} for c in insight.priority],
        "delegating_ages": [
            {**_ref(c), "days": _days(age), "since": format_time(insight.now - age)}
            for c, age in insight.delegating
        ],
        "time_in_stage": [
            {**_ref(c), "days": {stage: _days(t) for stage, t in times.items()}}
            for c, times in insight.time_in_stage
        ],
        "checkins": [_checkin_json(c) for c in insight.checkins],
        "overdue_checkins": [_checkin_json(c) for c in insight.overdue],
        "flow": [{"at": format_time(p.at), **p.counts} for p in insight.flow],
        "not_ready": [{**_ref(c), "missing": m} for c, m in not_ready(insight.cards, stable=True)],
    }
