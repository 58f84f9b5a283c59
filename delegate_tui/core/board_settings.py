"""Provides the board settings: the board's name, the leader's name and working hours a week.

They live in the board file's header, `_meta.board`, beside `app`, `format` and `board_id`,
each stamped on its own in the header's `_stamps` (`name`, `leader`, `leader_hours`), so the
header merges like any record (`merge.py` merges `_meta` records field by field: `PLAIN`, no
defaults): two machines that set different settings both keep theirs, and for one setting the
newest stamp wins. A file written before the settings existed holds an unstamped `name` (its
file name at creation) and neither of the others: an unstamped value loses to any stamped one,
and a setting present on one side only is that side's, so older files merge as before.

A setting once set is never removed from the header (a cleared leader is stored as '', cleared
hours as null): a left-out field would lose to the other side's older value in the merge. The
first change writes all three settings, in this order, so that two copies list them alike
whatever order they were set in (the file's bytes then do not depend on who merged whom).
Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from delegate_tui.core.codec import STAMPS, Record, stamp_of
from delegate_tui.core.errors import ValidationError
from delegate_tui.core.language import _
from delegate_tui.core.records import Stamper
from delegate_tui.core.vocabulary import clean_text, parse_leader_hours, parse_name

SETTINGS: dict[str, Any] = {"name": "", "leader": "", "leader_hours": None}
"""The settings in the header, in their order in the file, with what an unset one reads as."""


@dataclass(frozen=True)
class BoardSettings:
    """The board's settings as read: '' or None where not set."""

    name: str = ""
    leader: str = ""
    leader_hours: float | None = None

    def as_json(self) -> dict[str, Any]:
        """English keys, as `delegate board --json` prints them."""
        return {"name": self.name, "leader": self.leader, "leader_hours": self.leader_hours}


def settings_of(meta: Mapping[str, Any]) -> BoardSettings:
    """The settings a `_meta.board` header holds."""
    hours = meta.get("leader_hours")
    return BoardSettings(
        name=str(meta.get("name") or ""),
        leader=str(meta.get("leader") or ""),
        leader_hours=float(hours) if isinstance(hours, int | float) and hours > 0 else None,
    )


def parse_board_name(value: str) -> str:
    """A board's name: cleaned, never empty."""
    name = " ".join(clean_text(value).split())
    if not name:
        raise ValidationError(_("the board's name is empty: give it a few words, e.g. 'Atelier'"))
    return parse_name(name)


def parse_settings(changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes `changes` asks for, each checked (raises ValidationError); None: unchanged."""
    unknown = set(changes) - set(SETTINGS)
    if unknown:
        raise KeyError(f"not board settings: {sorted(unknown)}")
    parsed: dict[str, Any] = {}
    for name, value in changes.items():
        if value is None:
            continue
        if name == "name":
            parsed[name] = parse_board_name(str(value))
        elif name == "leader":
            parsed[name] = parse_name(str(value))
        else:
            parsed[name] = parse_leader_hours(value)
    return parsed


def with_settings(meta: Mapping[str, Any], changes: Mapping[str, Any], stamper: Stamper) -> Record:
    """A new header: `meta` with the (parsed) `changes` that differ set and stamped, each with
    one stamp later than its previous one. `meta` itself is not changed."""
    current = settings_of(meta)
    changed = {k: v for k, v in changes.items() if getattr(current, k) != v or k not in meta}
    if not changed:
        return dict(meta)
    previous = [stamp_of(meta, name) for name in changed]
    after = max((str(stamp[0]) for stamp in previous if stamp), default="")
    stamp = stamper.stamp(after)
    result: Record = {k: v for k, v in meta.items() if k != STAMPS and k not in SETTINGS}
    for name, default in SETTINGS.items():
        result[name] = changed[name] if name in changed else meta.get(name, default)
    stamps: Record = dict(meta.get(STAMPS, {}))
    stamps.update(dict.fromkeys(changed, stamp))
    result[STAMPS] = {name: stamps[name] for name in SETTINGS if name in stamps}
    return result
