"""Provides "from 1 to 3 over time": the absence test week by week, from the stage history and
the stamped absence answers, and when the hours that stop would reach zero at the recent pace.

A card's answer at a moment: "waits" for a leader mission; its own answer from the moment it
was given (the stamp of its `absence` field) on; before that, and without one, the answer its
stage then implied. Pure: no I/O, no Textual. docs/insight.md says how.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from delegate_tui.core.insight import ANSWER_SCENARIO, STAGE_ANSWER, WEEK, Span, SpansById
from delegate_tui.core.model import Card
from delegate_tui.core.times import stored_moment
from delegate_tui.core.vocabulary import ABSENCE_ANSWERS

Run = tuple[str, int, int]

PACE_WEEKS = 8
"""The projection follows the pace of the last this many weeks."""


@dataclass(frozen=True, slots=True)
class AbsenceWeek:
    """The absence test at one moment: its scenario (None before any card) and the cards and
    hours a week behind each answer."""

    at: datetime
    scenario: int | None
    counts: dict[str, int]
    hours: dict[str, float]


@dataclass(frozen=True, slots=True)
class Projection:
    """At the pace of the last weeks, when the hours that stop reach zero.

    `weeks`: how many weeks from now (0: already none stop; None: not at this pace)."""

    stops_hours: float
    pace: float
    """Hours a week that stopped stopping, each week on average (negative: more stop)."""
    weeks: int | None
    at: datetime | None


def _runs(card: Card, card_spans: Sequence[Span], moments: Sequence[datetime]) -> list[Run]:
    """The card's answer over runs of the moments: (answer, first index, index past the last)."""
    given = stored_moment(card.absence_at) if card.absence else None
    split = bisect_left(moments, given) if given else 0
    runs: list[Run] = []
    for index, span in enumerate(card_spans):
        begin = bisect_left(moments, span.start)
        later = index + 1 < len(card_spans)
        end = bisect_left(moments, card_spans[index + 1].start) if later else len(moments)
        implied = STAGE_ANSWER.get(span.stage, "stops")
        if card.leader_mission:
            runs.append(("waits", begin, end))
        elif not card.absence:
            runs.append((implied, begin, end))
        else:
            runs.append((implied, begin, min(end, split)))
            runs.append((card.absence, max(begin, split), end))
    return [run for run in runs if run[1] < run[2]]


def absence_weeks(
    cards: Sequence[Card], moments: Sequence[datetime], known: SpansById
) -> list[AbsenceWeek]:
    """The absence test at each of `moments` (oldest first, as the flow's), the cards given by
    their spans in `known`. Each run of weeks a card keeps one answer is added where it begins
    and taken off where it ends, then summed along (as the flow is)."""
    size = len(moments) + 1
    steps = {answer: [0] * size for answer in ABSENCE_ANSWERS}
    hour_steps = {answer: [0.0] * size for answer in ABSENCE_ANSWERS}
    for card in cards:
        for answer, begin, end in _runs(card, known[card.id], moments):
            if answer in steps:
                steps[answer][begin] += 1
                steps[answer][end] -= 1
                hour_steps[answer][begin] += card.hours_per_week
                hour_steps[answer][end] -= card.hours_per_week
    result = []
    counts = dict.fromkeys(ABSENCE_ANSWERS, 0)
    hours = dict.fromkeys(ABSENCE_ANSWERS, 0.0)
    for index, at in enumerate(moments):
        for answer in ABSENCE_ANSWERS:
            counts[answer] += steps[answer][index]
            hours[answer] += hour_steps[answer][index]
        given = [ANSWER_SCENARIO[a] for a, count in counts.items() if count]
        shown = {a: round(h, 2) + 0.0 for a, h in hours.items()}
        result.append(AbsenceWeek(at, min(given, default=None), dict(counts), shown))
    return result


def projection(weeks: Sequence[AbsenceWeek], pace_weeks: int = PACE_WEEKS) -> Projection:
    """When the hours that stop reach zero, at the pace of the last `pace_weeks` weeks."""
    if not weeks:
        return Projection(0.0, 0.0, 0, None)
    last = weeks[-1]
    stops = last.hours["stops"]
    if stops <= 0:
        return Projection(0.0, 0.0, 0, last.at)
    back = min(pace_weeks, len(weeks) - 1)
    pace = round((weeks[-1 - back].hours["stops"] - stops) / back, 2) if back else 0.0
    if pace <= 0:
        return Projection(stops, pace, None, None)
    count = math.ceil(round(stops / pace, 6))
    return Projection(stops, pace, count, last.at + count * WEEK)
