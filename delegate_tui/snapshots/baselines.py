"""Provides the baselines of "since the last snapshot": one previous state per format.

Each format keeps its own baseline, so that an HTML page for the accountant does not use up the
period of the Markdown update for the team: exports of the same board at the same moment list
the same changes whatever their format.

The state file keeps, at its top level, the state the latest snapshot showed (the layout older
versions write and read, so they keep working on a shared folder), with `shown_as`, that
snapshot's format, and `others`: the latest state shown in each other format. A file without
`shown_as` was written by an older version and is the baseline of every format. The file sits in
the shared folder, so anything in it that cannot be read counts as no baseline, and only what
reads cleanly is written back. Pure: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from delegate_tui.core.times import format_time
from delegate_tui.snapshots.previous import STATE_FORMAT, Previous


def _raw_for(data: Any, fmt: str) -> Any:
    """The recorded state that is `fmt`'s baseline in a read state file (unchecked)."""
    if not isinstance(data, dict):
        return None
    shown = data.get("shown_as")
    if shown is None or shown == fmt:  # no `shown_as`: an older file, the baseline of all
        return data
    others = data.get("others")
    return others.get(fmt) if isinstance(others, dict) else None


def previous_for(data: Any, fmt: str, board_id: str) -> Previous | None:
    """What the previous snapshot in `fmt` showed, from a read state file; None if none."""
    return Previous.from_state(_raw_for(data, fmt), board_id)


def _state_of(previous: Previous, board_id: str) -> dict[str, Any]:
    """A baseline as it is recorded (the same layout as `Snapshot.state()`)."""
    return {
        "format": STATE_FORMAT,
        "board_id": board_id,
        "as_of": format_time(previous.as_of),
        "cards": {
            card_id: {"title": previous.titles.get(card_id, ""), "stage": stage}
            for card_id, stage in previous.stages.items()
        },
        "log": sorted(previous.log_ids),
    }


def recorded(
    data: Any, fmt: str, state: dict[str, Any], board_id: str, formats: Iterable[str]
) -> dict[str, Any]:
    """The state file to write after a snapshot in `fmt` that showed `state`.

    `data` is the file as read (None if absent or unreadable); the baselines of the other
    `formats` that read cleanly for this board are kept.
    """
    others: dict[str, Any] = {}
    for other in formats:
        if other == fmt:
            continue
        previous = previous_for(data, other, board_id)
        if previous is not None:
            others[other] = _state_of(previous, board_id)
    return {**state, "shown_as": fmt, "others": others}
