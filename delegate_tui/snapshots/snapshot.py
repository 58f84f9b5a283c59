"""Provides what a status snapshot says, and what changed since the previous one.

`build_snapshot` turns the cards, a moment and the state the previous snapshot recorded into a
`Snapshot`; `Snapshot.state()` is what this one records for the next. The renderers
(`markdown.py`, `html.py`, `json.py`, `csv.py`) only format a Snapshot. Every text that came
from the board file is cleaned of control characters here (`display.one_line`, which keeps the
bidi controls: Markdown and HTML show them as markers, JSON escapes them); each renderer escapes
it for its format. Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from delegate_tui.core.card_fields import PLAIN_COLUMNS
from delegate_tui.core.display import multi_line, one_line
from delegate_tui.core.insight import (
    Figures,
    Verdict,
    absence_answer,
    by_stage,
    card_checkin,
    spans,
    verdict,
)
from delegate_tui.core.language import _
from delegate_tui.core.leader_week import leader_week
from delegate_tui.core.model import Card
from delegate_tui.core.times import format_time, stored_moment
from delegate_tui.core.vocabulary import LOG_KIND_LABELS, LOG_KINDS, STAGES, log_kind_label
from delegate_tui.snapshots.leader import LeaderPart, leader_part
from delegate_tui.snapshots.previous import STATE_FORMAT, Previous, change_since

SNAPSHOT_FORMAT = "delegate-snapshot/2"
"""The version written into JSON snapshots; bump it when a key changes meaning or name
(2: the absence verdict moved from `absence_test` to `absence`, as in `delegate status`)."""

LONG_DELEGATING = timedelta(weeks=4)
"""A card delegating longer than this is listed: the hand-over may be stuck."""

DEFAULT_PERIOD = timedelta(days=7)
"""The period of a board's first snapshot (later ones start at the previous snapshot)."""


def kind_label(kind: str) -> str:
    """'Errors' / 'Erreurs', … (a kind a newer version wrote is shown as it is spelled)."""
    return log_kind_label(kind) if kind in LOG_KIND_LABELS else kind.capitalize() or _("Other")


@dataclass(frozen=True, slots=True)
class CardLine:
    """One card as the snapshot shows it.

    A provider's confidentiality and reporting notes are left out on purpose: snapshots go to
    outsiders, and those notes say what a provider may see.
    """

    id: str
    title: str
    stage: str
    owner: str
    accountable: str
    area: str
    hours: float
    standards_done: int
    standards_total: int
    stage_since: datetime
    in_stage: timedelta
    log_in_period: int
    change: str = ""
    """'new', 'back' or 'moved' since the previous snapshot, else ''."""
    moved_from: str = ""
    absence: str = ""
    """The absence answer in effect: the leader's own, else the one the stage implies."""
    absence_set: bool = False
    """Whether the leader answered the absence test for this card."""
    level: int | None = None
    target_level: int | None = None
    reason: str = ""
    provider: bool = False
    checkin: str = ""
    """The check-in cadence as the leader typed it ('' for none)."""
    next_checkin: datetime | None = None
    """None when there is no cadence or it cannot be read."""
    checkin_overdue: bool = False
    backup: str = ""
    """Who covers when the owner is away ('' for nobody)."""
    leader_mission: bool = False
    plain: tuple[str, ...] = ()
    """The values of the plain fields a snapshot shows (`card_fields.PLAIN_COLUMNS`), in order."""

    @property
    def days_in_stage(self) -> int:
        return round(self.in_stage.total_seconds() / 86400)

    @property
    def long_delegating(self) -> bool:
        return self.stage == "delegating" and self.in_stage > LONG_DELEGATING


@dataclass(frozen=True, slots=True)
class LogLine:
    """One entry of the transition log, with the card it belongs to."""

    id: str
    at: datetime
    kind: str
    card_id: str
    card_title: str
    text: str
    by: str
    corrected_by: str = ""
    """Who corrected its kind or text last ('' if never corrected)."""
    corrected_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Move:
    """A card going from one stage to another (`at` is None for a move between snapshots)."""

    card_id: str
    card_title: str
    from_stage: str
    to_stage: str
    at: datetime | None = None
    by: str = ""


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since the previous snapshot."""

    previous_as_of: datetime
    new_cards: tuple[CardLine, ...]
    moved: tuple[Move, ...]
    new_log: tuple[LogLine, ...]
    gone: tuple[tuple[str, str], ...]
    """(id, title) of cards the previous snapshot showed that are archived or deleted now."""
    back: tuple[CardLine, ...] = ()
    """Cards made before the previous snapshot that it did not show (archived or deleted then,
    unarchived, restored or undone since): not new."""

    @property
    def empty(self) -> bool:
        return not (self.new_cards or self.back or self.moved or self.new_log or self.gone)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything a status snapshot says, in the zone of its `as_of` moment."""

    board: str
    board_id: str
    as_of: datetime
    since: datetime
    stages: Mapping[str, Figures]
    cards: tuple[CardLine, ...]
    log: Mapping[str, tuple[LogLine, ...]]
    """The log entries of the period by kind (every known kind present, maybe empty)."""
    moves: tuple[Move, ...]
    absence: Verdict
    changes: Changes | None
    """None when there is no previous snapshot."""
    all_log_ids: frozenset[str] = frozenset()
    leader: LeaderPart = field(default_factory=lambda: LeaderPart(leader_week([]), ()))
    """The leader's week and the teammates' absence (`leader.py`)."""

    @property
    def total(self) -> Figures:
        return Figures(
            sum(f.cards for f in self.stages.values()),
            round(sum(f.hours for f in self.stages.values()), 2),
        )

    @property
    def long_delegating(self) -> tuple[CardLine, ...]:
        """Cards delegating for more than four weeks, longest first."""
        found = [c for c in self.cards if c.long_delegating]
        return tuple(sorted(found, key=lambda c: -c.in_stage))

    @property
    def overdue_checkins(self) -> tuple[CardLine, ...]:
        """Cards whose check-in is overdue, most overdue first."""
        found = [c for c in self.cards if c.checkin_overdue and c.next_checkin is not None]
        return tuple(sorted(found, key=lambda c: (c.next_checkin or self.as_of, c.id)))

    @property
    def absence_causes(self) -> tuple[CardLine, ...]:
        """The cards that cause the absence verdict, most hours first."""
        lines = {c.id: c for c in self.cards}
        return tuple(lines[c.id] for c in self.absence.causes if c.id in lines)

    @property
    def log_count(self) -> int:
        return sum(len(entries) for entries in self.log.values())

    def state(self) -> dict[str, Any]:
        """What this snapshot showed, recorded so that the next one can tell what changed."""
        return {
            "format": STATE_FORMAT,
            "board_id": self.board_id,
            "as_of": format_time(self.as_of),
            "cards": {c.id: {"title": c.title, "stage": c.stage} for c in self.cards},
            "log": sorted(self.all_log_ids),
        }


def _moment(text: str | None, zone: Any) -> datetime | None:
    """A stored time in `zone` (None if unreadable), read as the insight figures read it."""
    moment = stored_moment(text)
    return moment.astimezone(zone) if moment is not None else None


@dataclass(slots=True)
class _Gathered:
    """What `build_snapshot` collects card by card."""

    log: dict[str, list[LogLine]]
    fresh_log: list[LogLine]
    moves: list[Move]
    all_log_ids: set[str]
    lines: list[CardLine]


def _gather_log(
    card: Card,
    title: str,
    now: datetime,
    since: datetime,
    previous: Previous | None,
    into: _Gathered,
) -> int:
    """File the card's log entries; returns how many fall in the period."""
    zone, in_period = now.tzinfo, 0
    for entry in card.log:
        at = _moment(entry.at, zone)
        into.all_log_ids.add(entry.id)
        if at is None or at > now:
            continue
        found = LogLine(
            entry.id,
            at,
            entry.kind,
            card.id,
            title,
            multi_line(entry.text),
            one_line(entry.by),
            one_line(entry.corrected_by),
            _moment(entry.corrected_at, zone) if entry.corrected_at else None,
        )
        if at >= since:
            into.log.setdefault(entry.kind, []).append(found)
            in_period += 1
        if previous is not None and entry.id not in previous.log_ids:
            into.fresh_log.append(found)
    return in_period


def _gather_moves(card: Card, title: str, now: datetime, since: datetime) -> list[Move]:
    """The card's moves in the period."""
    moves = []
    for change in card.history:
        at = _moment(change.at, now.tzinfo)
        if change.from_stage and at is not None and since <= at <= now:
            moves.append(
                Move(card.id, title, change.from_stage, change.to_stage, at, one_line(change.by))
            )
    return moves


def _card_line(
    card: Card, title: str, now: datetime, in_period: int, change: tuple[str, str]
) -> CardLine:
    """The card as the snapshot shows it."""
    zone = now.tzinfo
    card_spans = spans(card, now)
    start = card_spans[-1].start.astimezone(zone)
    check = card_checkin(card, now, card_spans)
    return CardLine(
        id=card.id,
        title=title,
        stage=card.stage,
        owner=one_line(card.owner),
        accountable=one_line(card.accountable),
        area=card.area,
        hours=card.hours_per_week,
        standards_done=card.standards_done,
        standards_total=len(card.standards),
        stage_since=start,
        in_stage=max(now - start, timedelta()),
        log_in_period=in_period,
        change=change[0],
        moved_from=change[1],
        absence=absence_answer(card),
        absence_set=bool(card.absence),
        level=card.level,
        target_level=card.target_level,
        reason=card.reason,
        provider=card.provider,
        checkin=one_line(card.checkin),
        next_checkin=check.next.astimezone(zone) if check else None,
        checkin_overdue=bool(check and check.overdue),
        backup=one_line(card.backup),
        leader_mission=card.leader_mission,
        plain=tuple(one_line(str(card.value(s.name))) for s in PLAIN_COLUMNS)
        if PLAIN_COLUMNS
        else (),
    )


def _changes(
    gathered: _Gathered, titles: Mapping[str, str], previous: Previous, zone: Any
) -> Changes:
    """What changed since the previous snapshot."""
    lines = gathered.lines
    return Changes(
        previous_as_of=previous.as_of.astimezone(zone),
        new_cards=tuple(c for c in lines if c.change == "new"),
        back=tuple(c for c in lines if c.change == "back"),
        moved=tuple(
            Move(c.id, c.title, c.moved_from, c.stage) for c in lines if c.change == "moved"
        ),
        new_log=tuple(sorted(gathered.fresh_log, key=lambda e: (e.at, e.id))),
        gone=tuple(
            (card_id, one_line(previous.titles.get(card_id, "")))
            for card_id in previous.stages
            if card_id not in titles
        ),
    )


def build_snapshot(
    cards: Sequence[Card],
    *,
    board: str,
    board_id: str,
    now: datetime,
    since: datetime | None = None,
    previous: Previous | None = None,
    leader_hours: float | None = None,
) -> Snapshot:
    """The snapshot of `cards` (live, not archived, in board order) as of `now`.

    The period runs from `since`, else from the previous snapshot, else from a week before
    `now`. Times are shown in `now`'s zone. `leader_hours`: the leader's working hours a week
    (None when unknown).
    """
    zone = now.tzinfo
    if since is None:
        since = previous.as_of if previous is not None else now - DEFAULT_PERIOD
    since = since.astimezone(zone)
    titles = {c.id: one_line(c.title) for c in cards}
    got = _Gathered({kind: [] for kind in LOG_KINDS}, [], [], set(), [])
    for card in cards:
        title = titles[card.id]
        in_period = _gather_log(card, title, now, since, previous, got)
        got.moves.extend(_gather_moves(card, title, now, since))
        got.lines.append(_card_line(card, title, now, in_period, change_since(card, previous)))
    changes = None
    if previous is not None:
        got.all_log_ids |= previous.log_ids  # entries of archived cards stay seen if they return
        changes = _changes(got, titles, previous, zone)
    return Snapshot(
        board=one_line(board),
        board_id=board_id,
        as_of=now,
        since=since,
        stages=by_stage([c for c in cards if c.stage in STAGES]),
        cards=tuple(got.lines),
        log={k: tuple(sorted(v, key=lambda e: (e.at, e.id))) for k, v in got.log.items()},
        moves=tuple(sorted(got.moves, key=lambda m: (m.at or now, m.card_id))),
        absence=verdict(cards),
        changes=changes,
        all_log_ids=frozenset(got.all_log_ids),
        leader=leader_part(cards, leader_hours),
    )
