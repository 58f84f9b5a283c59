"""Provides resolve_item: the one live item of a card (standard, note, decision) whose id starts
with a prefix, as `delegate show` prints them. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from delegate_tui.core.errors import ValidationError

MIN_ITEM_PREFIX = 4
"""Characters of an item's id a command needs, as for cards."""


class HasId(Protocol):
    @property
    def id(self) -> str: ...


def resolve_item(items: Iterable[HasId], prefix: str, word: str) -> str:
    """The id of the one item of `items` whose id starts with `prefix` (4+ characters).

    `word` names the items in the error ("work standard", "note", "decision").
    """
    key = prefix.strip().lower()
    if len(key) < MIN_ITEM_PREFIX:
        raise ValidationError(
            f"{word} {prefix!r} is too short: give at least {MIN_ITEM_PREFIX} characters of "
            "its id ('delegate show CARD' shows them)"
        )
    found = [item.id for item in items if item.id.lower().startswith(key)]
    if not found:
        raise ValidationError(
            f"no {word} with an id starting {prefix!r} on this card: 'delegate show CARD' "
            "shows them"
        )
    if len(found) > 1:
        raise ValidationError(
            f"{word} {prefix!r} is ambiguous ({len(found)} match): give more characters"
        )
    return found[0]
