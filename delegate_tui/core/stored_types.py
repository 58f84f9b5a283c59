"""Provides the stored shape's vocabulary of types: what a text, a stored time, a number of
hours, a level or a stage may be in a board file, as msgspec types (the field table
`card_fields.py` names one per card field; `stored_shape.py` builds the board's types from
them and says the rules). Pure: no I/O, no Textual.
"""

from __future__ import annotations

import sys
from typing import Annotated, Literal, Union

from msgspec import Meta

from delegate_tui.core.vocabulary import (
    ABSENCE_ANSWERS,
    AREAS,
    LEVELS,
    LOG_KINDS,
    MAX_HOURS,
    REASONS,
    ROLES,
    STAGES,
)

MAX_STORED_TEXT = 100_000
"""The longest text a field may hold (the model's own limits are far lower)."""

MAX_INT = 2**53
"""The largest whole number (either sign) a position may be: beyond, a float cannot hold it."""

_YEAR = r"(?:19[7-9]\d|2\d\d\d)"
_LEAP = r"(?:19(?:7[26]|8[048]|9[26])|2\d(?:0[48]|[2468][048]|[13579][26])|2[048]00)"
_DAY = (
    r"(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)"
    r"|(?:0[13578]|1[02])-31)"
)
_TIME = rf"(?:{_YEAR}-{_DAY}|{_LEAP}-02-29)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{{6}}Z"
TIME_PATTERN = rf"\A{_TIME}\Z"
"""A stored time: `times.TIME_FORMAT` of a real moment in the years 1970 to 2999."""

UUID_PATTERN = r"\A[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z"
CARD_ID_PATTERN = r"\A[0-9A-Za-z._-]+\Z"

Text = Annotated[str, Meta(max_length=MAX_STORED_TEXT)]
Key = Annotated[str, Meta(min_length=1, max_length=200)]
CardId = Annotated[str, Meta(min_length=1, max_length=200, pattern=CARD_ID_PATTERN)]
Time = Annotated[str, Meta(pattern=TIME_PATTERN)]
WhenSet = Annotated[str, Meta(pattern=rf"\A(?:{_TIME})?\Z")] | None
"""When something was set (archived, deleted, checked in): a stored time, or '' or null for
never (what the code reads as never)."""
Hours = Union[  # noqa: UP007  (an int stays an int: the file is not rewritten by reading it)
    Annotated[int, Meta(ge=0, le=int(MAX_HOURS))], Annotated[float, Meta(ge=0, le=MAX_HOURS)]
]
Position = Union[  # noqa: UP007
    Annotated[int, Meta(ge=-MAX_INT, le=MAX_INT)],
    Annotated[float, Meta(ge=-sys.float_info.max, le=sys.float_info.max)],
]
"""Null reads as 0 for a position and for hours (see records.card_from_record)."""
Level = Annotated[int, Meta(ge=1, le=len(LEVELS))]
Stage = Literal[STAGES]  # type: ignore[valid-type]
Area = Literal[("", *AREAS)]  # type: ignore[valid-type]
Absence = Literal[("", *ABSENCE_ANSWERS)]  # type: ignore[valid-type]
Reason = Literal[("", *REASONS)]  # type: ignore[valid-type]
Role = Literal[("", *ROLES)]  # type: ignore[valid-type]
LogKind = Literal[LOG_KINDS]  # type: ignore[valid-type]
Stamp = tuple[Time, Text, Text]
"""`[at, user, device]` (the rule; the decode reads a list: see StampAsRead)."""
