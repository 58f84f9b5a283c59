"""Provides the human wording of times, hours and ages shared by the Markdown and HTML snapshots.

Pure: no I/O, no Textual.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from delegate_tui.core.vocabulary import LEVELS, STAGE_LABELS

NOTHING = "—"


def when(moment: datetime) -> str:
    """'2026-11-23 14:05 UTC': minutes and the zone the snapshot is written in."""
    zone = moment.strftime("%Z")
    return moment.strftime("%Y-%m-%d %H:%M") + (f" {zone}" if zone else "")


def day(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d")


def hours(value: float) -> str:
    """Hours per week without trailing zeros: 3, 1.5."""
    return f"{value:g}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def age(delta: timedelta) -> str:
    """How long, in whole days (rounded): 'under a day', '1 day', '29 days'."""
    days = round(delta.total_seconds() / 86400)
    return plural(days, "day") if days else "under a day"


def stage(name: str) -> str:
    """'Only me', 'Delegating', 'Team-owned' (a stage a newer version wrote, as spelled)."""
    return STAGE_LABELS.get(name, name)


def levels(now: int | None, target: int | None) -> str:
    """Delegation level now→target: '3→6', '7' (no target, or reached), '—→6', or '—'."""
    if now is None and target is None:
        return NOTHING
    if target is None or target == now:
        return str(now)
    return f"{NOTHING if now is None else now}→{target}"


LEGEND = (
    "Away 2 wks: what happens to the task if the leader is away two weeks (in italics where "
    "the leader has not answered and the stage implies it). Level: delegation level now→target ("
    + ", ".join(f"{n} {name}" for n, name in enumerate(LEVELS, 1))
    + ")."
)
"""The note under the cards heading that explains the two insight columns."""
