"""Provides one_by_prefix: the one id among some that starts with what the user typed (a card's
id for every card command, an item's for `standard --tick` and the like). Pure: no I/O."""

from __future__ import annotations

from collections.abc import Iterable

from delegate_tui.core.display import line
from delegate_tui.core.errors import DelegateError, ValidationError
from delegate_tui.core.formats import quoted
from delegate_tui.core.language import N_, _, is_french

MIN_PREFIX = 4
"""Characters of an id a command needs (cards and items alike)."""


def one_by_prefix(
    ids: Iterable[str],
    prefix: str,
    *,
    word: str,
    shown_by: str,
    where: str = "",
    matching: str = N_("match"),
    missing: type[DelegateError] = ValidationError,
) -> str:
    """The one of `ids` that starts with `prefix` (4+ characters, any case).

    `word` names what the ids are ("card", "work standard"), `shown_by` the command that lists
    them, `where` where they were looked for (" on this card"), `matching` how the ambiguous
    count reads ("cards match"); no match raises `missing`, the rest ValidationError. The four
    are English words marked for the catalog (`N_`) where the caller writes them: they are
    translated here, when the message is made.
    """
    key = prefix.strip().lower()
    typed = quoted(line(prefix)) if is_french() else repr(prefix)
    if len(key) < MIN_PREFIX:
        raise ValidationError(
            _(
                "{word} {prefix} is too short: give at least {count} characters of "
                "its id ({shown_by} shows them)"
            ).format(word=_(word), prefix=typed, count=MIN_PREFIX, shown_by=_(shown_by))
        )
    found = [i for i in ids if i.lower().startswith(key)]
    if not found:
        raise missing(
            _("no {word} with an id starting {prefix}{where}: {shown_by} shows them").format(
                word=_(word), prefix=typed, where=_(where) if where else "", shown_by=_(shown_by)
            )
        )
    if len(found) > 1:
        raise ValidationError(
            _("{word} {prefix} is ambiguous ({count} {matching}): give more characters").format(
                word=_(word), prefix=typed, count=len(found), matching=_(matching)
            )
        )
    return found[0]
