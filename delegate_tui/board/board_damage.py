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

from delegate_tui.core.merge import META
from delegate_tui.core.stored_shape import APP, MISSING, Damage, locate
from delegate_tui.core.stored_types import UUID_PATTERN

CARDS = "cards"
SHOWN = 60
"""The most characters of a damaged value a message shows."""

FIX = "fix it in the file or restore a backup"
LISTS = "'delegate check' lists every damaged card"

SINGULAR = {
    "standards": "standard",
    "notes": "note",
    "decisions": "decision",
    "log": "log entry",
    "history": "history entry",
}

_LONG_NUMBER = re.compile(r"\d{4000,}")


def read_loosely(text: str) -> tuple[Any, str | None]:
    """The parsed JSON, or None and why it cannot be parsed (after the path, a sentence)."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, (
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}): "
            "fix it or restore a backup"
        )
    except RecursionError:
        return None, f"nests its values too deeply to be a board: {FIX}"
    except ValueError:  # an integer past Python's digit limit
        found = _LONG_NUMBER.search(text)
        line = f" (line {text.count(chr(10), 0, found.start()) + 1})" if found else ""
        return None, f"holds a number thousands of digits long{line}: {FIX}"


def header_problem(data: Any, path: object, newest: int) -> str | None:
    """Why parsed JSON is not a board this version may read (None if it may be one)."""
    if not isinstance(data, dict):
        return f"{path} is JSON but not a delegate board (it holds no '_meta' header)"
    meta = data.get(META, {}).get("board") if isinstance(data.get(META), dict) else None
    if not isinstance(meta, dict) or meta.get("app") != APP:
        return (
            f"{path} is JSON but not a delegate board (no '_meta' header of {APP}): "
            "point --board at a board file or a new file name"
        )
    version = meta.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return f"{path} has an unreadable format version {shown(version)}: {FIX}"
    if version > newest:
        return (
            f"{path} was written by a newer delegate-tui (format {version}, this one reads up "
            f"to {newest}): upgrade with 'pip install -U delegate-tui'; the file is left as is"
        )
    board_id = meta.get("board_id")
    if not isinstance(board_id, str):
        return f"{path} has no board id in its '_meta' header: {FIX}"
    if not re.match(UUID_PATTERN, board_id):
        return (
            f"{path} has a board id {shown(board_id)} that is not a UUID in canonical form "
            f"(like 0b6e7c2a-3d4f-4a1b-9c8d-7e6f5a4b3c2d): {FIX}"
        )
    if not isinstance(data.get(CARDS, {}), dict):
        return f"{path} has a 'cards' table that is not a set of cards keyed by id: {FIX}"
    return None


def shown(value: Any) -> str:
    """A damaged value as a message shows it: escaped, at most SHOWN characters."""
    if isinstance(value, str):
        text = repr(value)  # escapes control characters and lone surrogates
    else:
        try:
            text = json.dumps(value, ensure_ascii=True)  # NaN, Infinity, true, null, as in the file
        except (RecursionError, ValueError, TypeError):
            text = "a deeply nested value"
    return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."


_PLAIN_ID = re.compile(r"\A[0-9A-Za-z._-]+\Z")


def short(key: str) -> str:
    """A card's, item's or entry's id as messages name it: its first 8 characters."""
    return key[:8] if _PLAIN_ID.match(key) else shown(key[:20])


def words(damage: Damage) -> str:
    """One damaged value in words: card, field, what it holds, what it should hold."""
    where, expected = damage.where, damage.expected
    if len(where) < 2 or where[0] != CARDS:
        name = ".".join(where) if where else "the file"
        if damage.value is MISSING:
            return f"{name} is missing ({expected})"
        return f"{name} holds {shown(damage.value)}, not {expected}"
    card, rest = f"card {short(where[1])}", where[2:]
    if not rest:
        if damage.key:
            return f"a card is filed under {shown(where[1])}, which is not {expected}"
        return f"{card} holds {shown(damage.value)}, not a card ({expected})"
    thing, field = "", rest[0]
    if rest[0] in SINGULAR and len(rest) >= 2:
        thing, field = f"{SINGULAR[rest[0]]} {short(rest[1])}", ".".join(rest[2:])
        if damage.key and len(rest) == 2:
            return f"{card}: one of its {rest[0]} is filed under {shown(rest[1])}, not {expected}"
        if damage.key and rest[2:3] == ("_stamps",):
            return f"{card}: its {thing} has a stamp for {shown(rest[-1])}, not {expected}"
        if not field:
            return f"{card}: its {thing} holds {shown(damage.value)}, not {expected}"
    elif len(rest) > 1:
        field = ".".join(rest)
    if field.startswith("_stamps."):
        field = f"stamp of {field.removeprefix('_stamps.')!r}"
        if thing:
            return f"{card}: the {field} of its {thing} holds {shown(damage.value)}, not {expected}"
    owner = f"{card}: its {thing}" if thing else card
    if damage.value is MISSING:
        return f"{owner} has no {field} ({expected})"
    if expected.startswith("one of ") and isinstance(damage.value, str):
        return f"{owner} has an unknown {field} {shown(damage.value)} (use {expected})"
    of = f"the {field!r} of its {thing}" if thing else f"its {field}"
    return f"{card}: {of} holds {shown(damage.value)}, not {expected}"


def damages(data: Any) -> list[str]:
    """Every damaged value of a parsed board, one line each, in file order."""
    return [words(damage) for damage in locate(data)]


def one_line(path: object, found: list[str]) -> str:
    """The message of a board refused for damaged values: the first one, and how to fix it."""
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return f"{path}: {found[0]}{more}: {FIX}; {LISTS}"
