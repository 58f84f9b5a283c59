"""Provides the JSON text every JSON output prints or writes (`--json`, the JSON snapshot).

`json.dumps` with `ensure_ascii=False` keeps French readable ("réglée", not "r\\u00e9gl\\u00e9e")
and escapes the C0 controls, but writes DEL, the C1 controls (U+009B is a CSI on many
terminals), U+2028/U+2029 and the bidi controls as they are, and a lone surrogate (from a
`\\ud800` escape in the board file) cannot be written at all. `dumps` writes all of them as
`\\uXXXX`: still valid JSON that reads back to the exact text. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import json
import re
from typing import Any

from delegate_tui.core.display import BIDI_CONTROLS

_UNSAFE = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}\ud800-\udfff]")
"""What json.dumps leaves raw and a terminal (or a UTF-8 writer) must not get. These characters
can only be inside JSON strings, where a \\u escape stands for them."""


def escape_controls(text: str) -> str:
    """JSON text with the characters above written as \\u escapes."""
    return _UNSAFE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def dumps(value: Any, indent: int | None = 2) -> str:
    """`value` as JSON text, readable French, no raw control character."""
    return escape_controls(json.dumps(value, ensure_ascii=False, indent=indent))
