"""Provides how the CLI prints JSON for programs: English keys and stable values whatever the
language of the run, and, at the top of an object, `"language"`: the language the run spoke
(`"en"` or `"fr"`), so that a program knows in which language any free text around it was."""

from __future__ import annotations

from typing import Any

from delegate_tui.core.json_text import dumps
from delegate_tui.core.language import current


def said(value: dict[str, Any]) -> dict[str, Any]:
    """`value` with the run's `language` at its top level (the last key)."""
    return {**value, "language": current()}


def print_json(value: dict[str, Any] | list[Any]) -> None:
    """An object with its `language`; a list (`list --json`) as it is: an array has no top
    level to hold it, and programs read it as an array."""
    print(dumps(said(value) if isinstance(value, dict) else value))
