"""The sample board tells issue 16's story, in English and in French: the bank, the prices and
the marketing budget are the leader's missions; some cards have a backup; one teammate owns
several cards and nobody backs them up (their absence lands hours back on the leader); the board
has a name, a leader and the leader's 50 hours a week."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from delegate_tui.board.demo import build_demo
from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from tests.kit.basics import FrozenClock

MISSIONS = {
    "en": {"Negotiate with the bank", "Set next year's prices", "Plan the marketing budget"},
    "fr": {
        "Négocier avec la banque",
        "Fixer les prix de l'an prochain",
        "Établir le budget de communication",
    },
}


@pytest.fixture(params=["en", "fr"])
def demo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, BoardStore]]:
    if request.param == "fr":
        request.getfixturevalue("french")
    store = BoardStore(tmp_path / "demo.json", Identity("sam", "dev-sam"), clock=FrozenClock())
    try:
        build_demo(store)
        store.flush()
        yield request.param, store
    finally:
        store.close()


def test_the_bank_the_prices_and_the_marketing_budget_are_leader_missions(demo):
    language, store = demo
    missions = {c.title for c in store.cards() if c.leader_mission}
    assert missions == MISSIONS[language]
    assert all(c.stage == "only-me" for c in store.cards() if c.leader_mission)


def test_some_cards_have_a_backup_who_is_not_their_owner(demo):
    _language, store = demo
    backed = [c for c in store.cards() if c.backup]
    assert len(backed) >= 3
    assert all(c.owner and c.backup != c.owner for c in backed)


def test_one_teammate_owns_several_cards_with_no_backup(demo):
    _language, store = demo
    alone: dict[str, float] = {}
    for card in store.cards():
        if card.owner and not card.backup and card.stage != "only-me":
            alone[card.owner] = alone.get(card.owner, 0.0) + card.hours_per_week
    owners = {c.owner for c in store.cards() if c.owner}
    backups = {c.backup for c in store.cards() if c.backup}
    lone = [name for name in owners - backups if name in alone]
    assert lone == ["Karim"], "one teammate nobody backs up"
    karim = [c for c in store.cards() if c.owner == "Karim"]
    assert len(karim) >= 3 and not any(c.backup for c in karim)
    assert alone["Karim"] > 0


def test_the_demo_names_the_board_and_its_leader(demo):
    language, store = demo
    settings = store.settings()
    assert settings.name == {"en": "Harper Renovations", "fr": "Boulangerie Lefèvre"}[language]
    assert settings.leader and settings.leader_hours == 50.0
