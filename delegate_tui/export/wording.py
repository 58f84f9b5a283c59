"""Provides the human wording of times, hours and ages shared by the Markdown and HTML snapshots.

Pure: no I/O, no Textual.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from delegate_tui.model import STAGE_LABELS


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
