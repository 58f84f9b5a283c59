"""Provides the readiness rule: what a card still lacks before the team can own it.

A card handed over to the team needs someone who owns it and at least one work standard (the
playbook the team follows). Moving it anyway stays the user's call: the rule only names the
gaps, in words the screens and commands show as they are. Pure.
"""

from __future__ import annotations

from delegate_tui.core.model import Card

NO_OWNER = "no owner"
NO_STANDARD = "no work standard"


def missing_for_team(card: Card) -> list[str]:
    """What `card` lacks before it is team-owned, in the order to say it (empty: ready)."""
    missing = []
    if not card.owner.strip():
        missing.append(NO_OWNER)
    if not card.standards:
        missing.append(NO_STANDARD)
    return missing
