"""Provides colour themes from TOML files: the shipped ones and the user's own.

A theme file names its colours (the keys of `textual.theme.Theme`) and may set variables,
among them the app's own: one colour per stage and the card markers. A broken file never
stops the app: every problem is gathered into one list and the default theme is used.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.css.stylesheet import Stylesheet, StylesheetParseError
from textual.css.tokenizer import TokenError
from textual.theme import BUILTIN_THEMES, Theme

from delegate_tui.core.formats import quoted
from delegate_tui.core.language import _, is_french

DEFAULT_THEME = "delegate-dark"

APP_VARIABLES: dict[str, str] = {
    "stage-only-me": "#E5565B",
    "stage-delegating": "#F2A541",
    "stage-team-owned": "#4CB782",
    "marker-recent-log": "#F2A541",
    "marker-overdue": "#E5565B",
}
"""The app's theme variables and their defaults (so Textual's built-in themes work too)."""

COLOUR_KEYS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
NUMBER_KEYS = ("luminosity_spread", "text_alpha")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
_PLAIN = re.compile(r"^[A-Za-z0-9#%. _-]+$")
"""What a variable's value may hold: no CSS punctuation, no references to other variables."""


@dataclass(slots=True)
class ThemeSet:
    """The themes found, and what was wrong with the files that were not."""

    themes: dict[str, Theme] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def shipped_themes_dir() -> Path:
    """The themes that ship inside the package."""
    return Path(__file__).resolve().parent / "builtin_themes"


def user_themes_dir(config_folder: Path) -> Path:
    return config_folder / "themes"


def _said(value: Any) -> str:
    """A value of the theme file inside a message: 'x' / « x »."""
    return quoted(str(value)) if is_french() else repr(value)


def _colour(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise ValueError(_("'{key}' should be a colour such as \"#4C8DF6\"").format(key=key))
    try:
        Color.parse(value)
    except ColorParseError:
        message = _("'{key}' = {value} is not a colour")
        raise ValueError(message.format(key=key, value=_said(value))) from None
    return value


def theme_from_table(raw: dict[str, Any]) -> Theme:
    """A Theme from a parsed theme file; ValueError says what is wrong."""
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(_("'name' should be lower-case letters, digits and dashes"))
    if "primary" not in raw:
        raise ValueError(_("'primary' colour is missing"))
    known = {"name", "dark", "variables", *COLOUR_KEYS, *NUMBER_KEYS}
    unknown = sorted(set(raw) - known)
    if unknown:
        message = _("unknown key '{key}' (known: {known})")
        raise ValueError(message.format(key=unknown[0], known=", ".join(sorted(known))))
    colours = {key: _colour(raw[key], key) for key in COLOUR_KEYS if key in raw}
    numbers: dict[str, float] = {}
    for key in NUMBER_KEYS:
        if key in raw:
            if not isinstance(raw[key], int | float) or not 0 <= raw[key] <= 1:
                raise ValueError(_("'{key}' should be a number from 0 to 1").format(key=key))
            numbers[key] = float(raw[key])
    dark = raw.get("dark", True)
    if not isinstance(dark, bool):
        raise ValueError(_("'dark' should be true or false"))
    variables = raw.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise ValueError(_("[variables] should map names to text values"))
    for key, value in variables.items():
        if key in APP_VARIABLES:
            _colour(value, f"variables.{key}")
        else:
            _css_value(key, value)
    return Theme(
        name=name,
        primary=colours["primary"],
        secondary=colours.get("secondary"),
        warning=colours.get("warning"),
        error=colours.get("error"),
        success=colours.get("success"),
        accent=colours.get("accent"),
        foreground=colours.get("foreground"),
        background=colours.get("background"),
        surface=colours.get("surface"),
        panel=colours.get("panel"),
        boost=colours.get("boost"),
        dark=dark,
        luminosity_spread=numbers.get("luminosity_spread", 0.15),
        text_alpha=numbers.get("text_alpha", 0.95),
        variables=dict(variables),
    )


def _css_value(key: str, value: str) -> None:
    """Check one of Textual's variables the way its CSS will read it (a bad one would crash)."""
    prop = "text-style" if key.endswith("-style") else "color"
    if _PLAIN.match(value):
        sheet = Stylesheet()
        sheet.add_source(f"Widget {{ {prop}: {value}; }}", read_from=("theme", key))
        try:
            sheet.parse()
            return
        except (StylesheetParseError, TokenError):
            pass
    if prop == "text-style":
        message = _("'variables.{key}' = {value} is not a text style such as \"bold\"")
    else:
        message = _("'variables.{key}' = {value} is not a colour")
    raise ValueError(message.format(key=key, value=_said(value)))


def load_theme_file(path: Path) -> Theme:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(_("not readable TOML ({reason})").format(reason=exc)) from None
    return theme_from_table(raw)


def load_themes(*folders: Path) -> ThemeSet:
    """Every `*.toml` theme in the folders, later folders overriding earlier ones by name."""
    found = ThemeSet()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                theme = load_theme_file(path)
            except ValueError as exc:
                found.problems.append(f"{path.name}: {exc}")
                continue
            found.themes[theme.name] = theme
    return found


def load_all_themes(config_folder: Path) -> ThemeSet:
    """The shipped themes, then the user's own (which may replace one of the same name)."""
    return load_themes(shipped_themes_dir(), user_themes_dir(config_folder))


def theme_names(found: ThemeSet) -> list[str]:
    """Every theme a user can choose: ours, the user's and Textual's built-in ones."""
    return sorted(set(found.themes) | set(BUILTIN_THEMES))


def unknown_theme_message(name: str, available: list[str]) -> str:
    message = _("unknown theme {name}: available themes are {names}")
    return message.format(name=_said(name), names=", ".join(sorted(available)))
