"""Provides the sample board of `delegate --demo`: a small business halfway through handing over.

The cards are in `demo_board.toml`, or `demo_board.fr.toml` (a French family bakery, the same
shape and the same stable ids) when the run is French. `build_demo(store)` adds them through the store and names the board and its leader, replaying a
few months of history on a stepped clock that ends at the store's own 'now', so dates look real
and a frozen clock gives the same board every time. No Textual.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from importlib import resources
from typing import Any

from delegate_tui.board.store import BoardStore
from delegate_tui.core.language import is_french

Step = Callable[[BoardStore, list[str]], object]
"""One replayed change; the list holds the ids of the cards added so far, by demo index."""


DEMO_FILES = {"en": "demo_board.toml", "fr": "demo_board.fr.toml"}
"""The sample board's file in each language."""


def demo_cards(french: bool | None = None) -> list[dict[str, Any]]:
    """The sample cards as the TOML file describes them, in French when `french` (by default:
    when the run is French)."""
    name = DEMO_FILES["fr" if (is_french() if french is None else french) else "en"]
    text = resources.files("delegate_tui.board").joinpath(name).read_text("utf-8")
    return list(tomllib.loads(text)["card"])


def _events(base: datetime, cards: list[dict[str, Any]]) -> list[tuple[datetime, int, Step]]:
    """Every change of the demo's history as (when, order, step), oldest first."""
    events: list[tuple[datetime, int, Step]] = []

    def ago(weeks: float = 0.0, days: float = 0.0, hours: float = 0.0) -> datetime:
        return base - timedelta(weeks=weeks, days=days) + timedelta(hours=hours)

    def add(when: datetime, step: Step) -> None:
        events.append((min(when, base), len(events), step))

    for n, spec in enumerate(cards):
        path = spec["path"]
        created = ago(weeks=path[0][1], hours=n * 0.25)
        add(created, _adder(n, spec))
        for k, (text, done) in enumerate(spec.get("standards", [])):
            add(created + timedelta(days=1, hours=k), _item(n, "standards", text=text))
            if done:
                done_at = ago(weeks=path[-1][1], hours=k + 2) if len(path) > 1 else created
                add(max(done_at, created + timedelta(days=2)), _toggle(n, k))
        for k, text in enumerate(spec.get("notes", [])):
            add(created + timedelta(days=2, hours=k), _item(n, "notes", text=text))
        for k, (text, limit) in enumerate(spec.get("decisions", [])):
            add(created + timedelta(days=3, hours=k), _item(n, "decisions", text=text, limit=limit))
        for stage, weeks in path[1:]:
            add(ago(weeks=weeks, hours=n * 0.1 + 1), _mover(n, stage))
        for days, kind, text in spec.get("logs", []):
            add(ago(days=days, hours=-(n % 5)), _logger(n, kind, text))
    events.sort(key=lambda e: (e[0], e[1]))
    return events


INSIGHT_KEYS = (
    "absence",
    "level",
    "target_level",
    "reason",
    "provider",
    "confidentiality",
    "reporting",
    "checkin",
)
"""Delegation-insight fields a demo card may set (see issue 7's card fields)."""

LEADER_KEYS = ("leader_mission", "role", "backup")
"""The leader's fields a demo card may set (issue 16): one of the leader's missions, the
leader's role in it, who covers when its owner is away."""

DEMO_SETTINGS = {
    "en": {"name": "Harper Renovations", "leader": "Sam Harper", "leader_hours": 50.0},
    "fr": {"name": "Boulangerie Lefèvre", "leader": "Nathalie Lefèvre", "leader_hours": 50.0},
}
"""The demo board's settings in each language: its name, the leader's and 50 hours a week."""


def _adder(n: int, spec: dict[str, Any]) -> Step:
    def step(store: BoardStore, ids: list[str]) -> None:
        ids[n] = store.add(
            spec["title"],
            spec["path"][0][0],
            owner=spec.get("owner", ""),
            accountable=spec.get("accountable", ""),
            hours_per_week=float(spec.get("hours", 0.0)),
            area=spec.get("area", ""),
            description=spec.get("description", ""),
            **{k: spec[k] for k in (*INSIGHT_KEYS, *LEADER_KEYS) if k in spec},
        ).id

    return step


def _item(n: int, collection: str, **fields: str) -> Step:
    return lambda store, ids: store.add_item(ids[n], collection, **fields)


def _toggle(n: int, k: int) -> Step:
    def step(store: BoardStore, ids: list[str]) -> None:
        standard = store.card(ids[n]).standards[k]
        store.edit_item(ids[n], "standards", standard.id, done=True)

    return step


def _mover(n: int, stage: str) -> Step:
    return lambda store, ids: store.move(ids[n], stage)


def _logger(n: int, kind: str, text: str) -> Step:
    return lambda store, ids: store.log(ids[n], kind, text)


def build_demo(store: BoardStore) -> list[str]:
    """Add the sample cards to `store`, their history ending at the store's 'now'; returns ids."""
    stamper = store.stamper
    real_clock = stamper.clock
    base = real_clock()
    cards = demo_cards()
    events = _events(base, cards)
    ids = [""] * len(cards)
    try:
        for when, _order, step in events:
            stamper.clock = partial(_constant, when)
            step(store, ids)
    finally:
        stamper.clock = real_clock
    store.set_settings(**DEMO_SETTINGS["fr" if is_french() else "en"])
    return ids


def _constant(moment: datetime) -> datetime:
    return moment
