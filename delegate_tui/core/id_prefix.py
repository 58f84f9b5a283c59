"""Provides one_by_prefix: the one id among some that starts with what the user typed (a card's
id for every card command, an item's for `standard --tick` and the like). Pure: no I/O."""

from __future__ import annotations

from collections.abc import Iterable

from delegate_tui.core.errors import DelegateError, ValidationError

MIN_PREFIX = 4
"""Characters of an id a command needs (cards and items alike)."""


def one_by_prefix(
    ids: Iterable[str],
    prefix: str,
    *,
    word: str,
    shown_by: str,
    where: str = "",
    matching: str = "match",
    missing: type[DelegateError] = ValidationError,
) -> str:
    """The one of `ids` that starts with `prefix` (4+ characters, any case).

    `word` names what the ids are ("card", "work standard"), `shown_by` the command that lists
    them, `where` where they were looked for (" on this card"), `matching` how the ambiguous
    count reads ("cards match"); no match raises `missing`, the rest ValidationError.
    """
    key = prefix.strip().lower()
    if len(key) < MIN_PREFIX:
        raise ValidationError(
            f"{word} {prefix!r} is too short: give at least {MIN_PREFIX} characters of "
            f"its id ({shown_by} shows them)"
        )
    found = [i for i in ids if i.lower().startswith(key)]
    if not found:
        raise missing(f"no {word} with an id starting {prefix!r}{where}: {shown_by} shows them")
    if len(found) > 1:
        raise ValidationError(
            f"{word} {prefix!r} is ambiguous ({len(found)} {matching}): give more characters"
        )
    return found[0]
