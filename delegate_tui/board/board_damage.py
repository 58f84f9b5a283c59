"""Provides the words for a board file that the typed decode refused: what is wrong, where.

The rare path of `boardfile.parse`. The text is read again loosely (plain json, with deep
nesting and numbers of thousands of digits turned into one line), then judged in order: not
JSON, not a board, a format newer than this version reads, a bad board id, and last the damaged
values, each named by its card (the first 8 characters of its id), its field and what it holds
(see `stored_shape.locate`). Pure: no I/O, no Textual.
"""

from __future__ import annotations

import json
import re
from typing import Any

from delegate_tui.core.language import N_, _, ngettext
from delegate_tui.core.merge import META
from delegate_tui.core.stored_shape import APP, MISSING, Damage, is_choice, locate
from delegate_tui.core.stored_types import UUID_PATTERN

CARDS = "cards"
SHOWN = 60
"""The most characters of a damaged value a message shows."""

FIX = N_("fix it in the file or restore a backup")
LISTS = N_("'delegate check' lists every damaged card")

SINGULAR = {
    "standards": N_("standard"),
    "notes": N_("note"),
    "decisions": N_("decision"),
    "log": N_("log entry"),
    "history": N_("history entry"),
}
"""What one item of each collection of a card is called (translated where shown)."""

_LONG_NUMBER = re.compile(r"\d{4000,}")


def read_loosely(text: str) -> tuple[Any, str | None]:
    """The parsed JSON, or None and why it cannot be parsed (after the path, a sentence)."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, _(
            "is not valid JSON (line {line}, column {column}: {why}): fix it or restore a backup"
        ).format(line=exc.lineno, column=exc.colno, why=exc.msg)
    except RecursionError:
        return None, _("nests its values too deeply to be a board: {fix}").format(fix=_(FIX))
    except ValueError:  # an integer past Python's digit limit
        found = _LONG_NUMBER.search(text)
        if found:
            at = text.count(chr(10), 0, found.start()) + 1
            return None, _("holds a number thousands of digits long (line {line}): {fix}").format(
                line=at, fix=_(FIX)
            )
        return None, _("holds a number thousands of digits long: {fix}").format(fix=_(FIX))


def header_problem(data: Any, path: object, newest: int) -> str | None:
    """Why parsed JSON is not a board this version may read (None if it may be one)."""
    if not isinstance(data, dict):
        return _("{path} is JSON but not a delegate board (it holds no '_meta' header)").format(
            path=path
        )
    meta = data.get(META, {}).get("board") if isinstance(data.get(META), dict) else None
    if not isinstance(meta, dict) or meta.get("app") != APP:
        return _(
            "{path} is JSON but not a delegate board (no '_meta' header of {app}): "
            "point --board at a board file or a new file name"
        ).format(path=path, app=APP)
    version = meta.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return _("{path} has an unreadable format version {version}: {fix}").format(
            path=path, version=shown(version), fix=_(FIX)
        )
    if version > newest:
        return _(
            "{path} was written by a newer delegate-tui (format {version}, this one reads up "
            "to {newest}): upgrade with 'pip install -U delegate-tui'; the file is left as is"
        ).format(path=path, version=version, newest=newest)
    board_id = meta.get("board_id")
    if not isinstance(board_id, str):
        return _("{path} has no board id in its '_meta' header: {fix}").format(
            path=path, fix=_(FIX)
        )
    if not re.match(UUID_PATTERN, board_id):
        return _(
            "{path} has a board id {id} that is not a UUID in canonical form "
            "(like 0b6e7c2a-3d4f-4a1b-9c8d-7e6f5a4b3c2d): {fix}"
        ).format(path=path, id=shown(board_id), fix=_(FIX))
    if not isinstance(data.get(CARDS, {}), dict):
        return _("{path} has a 'cards' table that is not a set of cards keyed by id: {fix}").format(
            path=path, fix=_(FIX)
        )
    return None


def shown(value: Any) -> str:
    """A damaged value as a message shows it: escaped, at most SHOWN characters."""
    if isinstance(value, str):
        text = repr(value)  # escapes control characters and lone surrogates
    else:
        try:
            text = json.dumps(value, ensure_ascii=True)  # NaN, Infinity, true, null, as in the file
        except (RecursionError, ValueError, TypeError):
            text = _("a deeply nested value")
    return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."


_PLAIN_ID = re.compile(r"\A[0-9A-Za-z._-]+\Z")


def short(key: str) -> str:
    """A card's, item's or entry's id as messages name it: its first 8 characters."""
    return key[:8] if _PLAIN_ID.match(key) else shown(key[:20])


def words(damage: Damage) -> str:
    """One damaged value in words: card, field, what it holds, what it should hold."""
    where, expected = damage.where, damage.expected
    if len(where) < 2 or where[0] != CARDS:
        return _outside_cards(damage)
    card, rest = _("card {id}").format(id=short(where[1])), where[2:]
    value = shown(damage.value)
    if not rest:
        if damage.key:
            return _("a card is filed under {key}, which is not {expected}").format(
                key=shown(where[1]), expected=expected
            )
        return _("{card} holds {value}, not a card ({expected})").format(
            card=card, value=value, expected=expected
        )
    thing, field = "", rest[0]
    if rest[0] in SINGULAR and len(rest) >= 2:
        thing, field = f"{_(SINGULAR[rest[0]])} {short(rest[1])}", ".".join(rest[2:])
        if damage.key and len(rest) == 2:
            return _("{card}: one of its {items} is filed under {key}, not {expected}").format(
                card=card, items=rest[0], key=shown(rest[1]), expected=expected
            )
        if damage.key and rest[2:3] == ("_stamps",):
            return _("{card}: its {thing} has a stamp for {key}, not {expected}").format(
                card=card, thing=thing, key=shown(rest[-1]), expected=expected
            )
        if not field:
            return _("{card}: its {thing} holds {value}, not {expected}").format(
                card=card, thing=thing, value=value, expected=expected
            )
    elif len(rest) > 1:
        field = ".".join(rest)
    return _field_words(damage, card, thing, field)


def _outside_cards(damage: Damage) -> str:
    name = ".".join(damage.where) if damage.where else _("the file")
    if damage.value is MISSING:
        return _("{name} is missing ({expected})").format(name=name, expected=damage.expected)
    return _("{name} holds {value}, not {expected}").format(
        name=name, value=shown(damage.value), expected=damage.expected
    )


def _field_words(damage: Damage, card: str, thing: str, field: str) -> str:
    """A damaged field of a card (`thing` empty) or of one of its items."""
    value, expected = shown(damage.value), damage.expected
    if field.startswith("_stamps."):
        field = _("stamp of {field}").format(field=repr(field.removeprefix("_stamps.")))
        if thing:
            return _("{card}: the {field} of its {thing} holds {value}, not {expected}").format(
                card=card, field=field, thing=thing, value=value, expected=expected
            )
    owner = _("{card}: its {thing}").format(card=card, thing=thing) if thing else card
    if damage.value is MISSING:
        return _("{owner} has no {field} ({expected})").format(
            owner=owner, field=field, expected=expected
        )
    if is_choice(expected) and isinstance(damage.value, str):
        return _("{owner} has an unknown {field} {value} (use {expected})").format(
            owner=owner, field=field, value=value, expected=expected
        )
    if thing:
        return _("{card}: the {field} of its {thing} holds {value}, not {expected}").format(
            card=card, field=repr(field), thing=thing, value=value, expected=expected
        )
    return _("{card}: its {field} holds {value}, not {expected}").format(
        card=card, field=field, value=value, expected=expected
    )


def damages(data: Any) -> list[str]:
    """Every damaged value of a parsed board, one line each, in file order."""
    return [words(damage) for damage in locate(data)]


def one_line(path: object, found: list[str]) -> str:
    """The message of a board refused for damaged values: the first one, and how to fix it."""
    if len(found) > 1:
        more = len(found) - 1
        first = ngettext("{first} (and {count} more)", "{first} (and {count} more)", more).format(
            first=found[0], count=more
        )
    else:
        first = found[0]
    return _("{path}: {damage}: {fix}; {lists}").format(
        path=path, damage=first, fix=_(FIX), lists=_(LISTS)
    )
