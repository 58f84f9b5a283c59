"""Provides the card and its parts: plain dataclasses built from the stored records (see
`records.py`), their defaults from the field table (`card_fields.py`). The words they hold and
how typed text is read are in `vocabulary.py`. No I/O, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from delegate_tui.core.card_fields import CARD_DEFAULTS, PLAIN_FIELDS


@dataclass(frozen=True, slots=True)
class Standard:
    """A work standard: one step of the playbook, or the bar for 'done well'."""

    id: str
    text: str
    done: bool = False


@dataclass(frozen=True, slots=True)
class Note:
    """A responsibility note: who does what, who is accountable, what to report."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision explicitly handed over, with its limit (e.g. 'refunds up to 200 €')."""

    id: str
    text: str
    limit: str = ""


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One moment of the imperfect transition: an error, adjustment, efficiency dip or doubt."""

    id: str
    at: str
    kind: str
    text: str
    by: str = ""
    corrected_by: str = ""
    """Who corrected its kind or text last ('' if never corrected)."""
    corrected_at: str = ""
    """When that correction was made (a stored time, '' if never corrected)."""


@dataclass(frozen=True, slots=True)
class StageChange:
    """A move of the card from one stage to another."""

    id: str
    at: str
    from_stage: str | None
    to_stage: str
    by: str = ""
    forced: bool = False
    """Moved past the readiness gate (the history entry's `forced: true`)."""


_D = CARD_DEFAULTS


@dataclass(slots=True)
class Card:
    """A task on its way from 'only me' to 'team-owned'.

    Its typed fields take their defaults from the field table (`card_fields.CARD_SPECS`); the
    table's plain fields are in `plain` (read them with `value`)."""

    id: str
    title: str
    stage: str = _D["stage"]
    position: float = _D["position"]
    description: str = _D["description"]
    owner: str = _D["owner"]
    accountable: str = _D["accountable"]
    hours_per_week: float = _D["hours_per_week"]
    area: str = _D["area"]
    standards: list[Standard] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)
    history: list[StageChange] = field(default_factory=list)
    created_at: str = ""
    updated_at: str = ""
    archived_at: str | None = _D["archived_at"]
    absence: str = _D["absence"]
    level: int | None = _D["level"]
    target_level: int | None = _D["target_level"]
    reason: str = _D["reason"]
    provider: bool = _D["provider"]
    confidentiality: str = _D["confidentiality"]
    reporting: str = _D["reporting"]
    checkin: str = _D["checkin"]
    checked_in_at: str | None = _D["checked_in_at"]
    leader_mission: bool = _D["leader_mission"]
    """One of the missions only the leader must do (it waits for the leader's return)."""
    role: str = _D["role"]
    """The leader's role in it as stored ('' for the one its kind implies: see `role_of`)."""
    backup: str = _D["backup"]
    """Who covers when the owner is away ('' for nobody)."""
    absence_at: str = ""
    """When the absence answer was given (its field's stamp; '' when unknown)."""
    plain: dict[str, str] = field(default_factory=dict)
    """The plain fields (`card_fields.PLAIN_FIELDS`) by name; one left out holds ''."""

    def value(self, name: str) -> Any:
        """The field `name` of the table: a typed field's attribute, else a plain field's text."""
        if name in PLAIN_FIELDS:
            return self.plain.get(name, "")
        return getattr(self, name)

    @property
    def standards_done(self) -> int:
        return sum(1 for s in self.standards if s.done)

    @property
    def stage_since(self) -> str:
        """When the card entered its current stage (its creation if it never moved)."""
        for change in reversed(self.history):
            if change.to_stage == self.stage:
                return change.at
        return self.created_at

    def to_json(self) -> dict[str, Any]:
        """The card as the CLI's `--json` prints it."""
        return {
            "id": self.id,
            "title": self.title,
            "stage": self.stage,
            "position": self.position,
            "description": self.description,
            "owner": self.owner,
            "accountable": self.accountable,
            "hours_per_week": self.hours_per_week,
            "area": self.area or None,
            "standards": [{"id": s.id, "text": s.text, "done": s.done} for s in self.standards],
            "notes": [{"id": n.id, "text": n.text} for n in self.notes],
            "decisions": [{"id": d.id, "text": d.text, "limit": d.limit} for d in self.decisions],
            "log": [
                {"id": e.id, "at": e.at, "kind": e.kind, "text": e.text, "by": e.by}
                | (
                    {"corrected_by": e.corrected_by, "corrected_at": e.corrected_at}
                    if e.corrected_at
                    else {}
                )
                for e in self.log
            ],
            "history": [
                {"id": h.id, "at": h.at, "from": h.from_stage, "to": h.to_stage, "by": h.by}
                | ({"forced": True} if h.forced else {})
                for h in self.history
            ],
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "archived_at": self.archived_at,
            "absence": self.absence or None,
            "level": self.level,
            "target_level": self.target_level,
            "reason": self.reason or None,
            "provider": self.provider,
            "confidentiality": self.confidentiality,
            "reporting": self.reporting,
            "checkin": self.checkin or None,
            "checked_in_at": self.checked_in_at,
            "leader_mission": self.leader_mission,
            "role": self.role or None,
            "backup": self.backup,
            **{name: self.plain.get(name, "") for name in PLAIN_FIELDS},
        }


def role_of(card: Card) -> str:
    """The leader's role in effect for `card`: its own, else entrepreneur for a leader mission
    and technician for an ordinary card (the operations)."""
    return card.role or ("entrepreneur" if card.leader_mission else "technician")
