"""Provides the JSON status snapshot: machine-readable and versioned (`format` key).

Stages are keyed `only-me`, `delegating`, `team-owned`; times are ISO 8601 with their offset.
Format 2 renamed the absence verdict's key `absence_test` to `absence` (as `delegate status
--json` has it) and added the per-card insight fields.
Keys and values stay English whatever the language of the run (they are for programs);
`language` says which one the run spoke (`en`, `fr`).
`<`, `>` and `&` are written as \\u escapes, so the text stays inert even when the JSON is
pasted into a web page; so are DEL, the C1 controls, U+2028/U+2029 and the bidi controls
(`json_text.dumps`), which the text keeps otherwise. Pure: no I/O, no Textual.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from delegate_tui.core.card_fields import PLAIN_COLUMNS
from delegate_tui.core.insight import SCENARIOS, UNKNOWN_VERDICT, card_ref
from delegate_tui.core.json_text import dumps
from delegate_tui.core.language import current
from delegate_tui.core.vocabulary import STAGE_LABELS
from delegate_tui.snapshots.snapshot import (
    SNAPSHOT_FORMAT,
    CardLine,
    Changes,
    LogLine,
    Move,
    Snapshot,
)

PLAIN_KEYS = tuple(spec.column or spec.name for spec in PLAIN_COLUMNS)
"""The snapshot keys of the plain fields, after the typed fields' in each card."""


def _time(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment is not None else None


def _card(card: CardLine) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": card.id,
        "title": card.title,
        "stage": card.stage,
        "owner": card.owner,
        "accountable": card.accountable,
        "area": card.area or None,
        "hours_per_week": card.hours,
        "standards_done": card.standards_done,
        "standards_total": card.standards_total,
        "in_stage_since": _time(card.stage_since),
        "days_in_stage": card.days_in_stage,
        "delegating_over_4_weeks": card.long_delegating,
        "log_entries_in_period": card.log_in_period,
        "since_last_snapshot": card.change or None,
        "moved_from": card.moved_from or None,
        "absence": card.absence,
        "absence_set": card.absence_set,
        "level": card.level,
        "target_level": card.target_level,
        "reason": card.reason or None,
        "provider": card.provider,
        "checkin": card.checkin or None,
        "next_checkin": _time(card.next_checkin),
        "checkin_overdue": card.checkin_overdue,
        "backup": card.backup or None,
        "leader_mission": card.leader_mission,
    }
    if card.plain:
        found.update(zip(PLAIN_KEYS, card.plain, strict=True))
    return found


def _entry(entry: LogLine) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": _time(entry.at),
        "kind": entry.kind,
        "card_id": entry.card_id,
        "card_title": entry.card_title,
        "text": entry.text,
        "by": entry.by,
    } | (
        {"corrected_by": entry.corrected_by, "corrected_at": _time(entry.corrected_at)}
        if entry.corrected_at
        else {}
    )


def _move(move: Move) -> dict[str, Any]:
    found: dict[str, Any] = {
        "card_id": move.card_id,
        "card_title": move.card_title,
        "from": move.from_stage,
        "to": move.to_stage,
    }
    if move.at is not None:
        found.update(at=_time(move.at), by=move.by)
    return found


def _changes(changes: Changes | None) -> dict[str, Any] | None:
    if changes is None:
        return None
    return {
        "previous_as_of": _time(changes.previous_as_of),
        "new_cards": [c.id for c in changes.new_cards],
        "back": [c.id for c in changes.back],
        "moved": [_move(m) for m in changes.moved],
        "new_log": [_entry(e) for e in changes.new_log],
        "gone": [{"id": card_id, "title": title} for card_id, title in changes.gone],
    }


def as_json(snap: Snapshot) -> dict[str, Any]:
    """The snapshot as plain JSON values."""
    total = snap.total
    return {
        "format": SNAPSHOT_FORMAT,
        "language": current(),
        "board": {"name": snap.board, "id": snap.board_id},
        "as_of": _time(snap.as_of),
        "period": {"since": _time(snap.since), "until": _time(snap.as_of)},
        "absence": {
            "scenario": snap.absence.scenario,
            "label": SCENARIOS[snap.absence.scenario]  # stable: English, as in status --json
            if snap.absence.scenario
            else UNKNOWN_VERDICT,
            "cards": [
                {**card_ref(c.id, c.title, c.stage, c.hours), "answer": c.absence}
                for c in snap.absence_causes
            ],
        },
        "stages": {
            stage: {
                "label": STAGE_LABELS.get(stage, stage),
                "cards": figures.cards,
                "hours_per_week": figures.hours,
            }
            for stage, figures in snap.stages.items()
        },
        "totals": {"cards": total.cards, "hours_per_week": total.hours},
        **snap.leader.to_json(),
        "cards": [_card(c) for c in snap.cards],
        "delegating_over_4_weeks": [c.id for c in snap.long_delegating],
        "overdue_checkins": [c.id for c in snap.overdue_checkins],
        "log": {kind: [_entry(e) for e in entries] for kind, entries in snap.log.items()},
        "moves": [_move(m) for m in snap.moves],
        "since_last_snapshot": _changes(snap.changes),
    }


def render(snap: Snapshot) -> str:
    """The snapshot as indented JSON text."""
    text = dumps(as_json(snap))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"
