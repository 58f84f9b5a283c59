"""Provides the language of this run and the lookups every word a person reads goes through.

One language per run, chosen once (`choose`) before any text is built; `_`, `ngettext` and
`pgettext` look the text up in the catalog of that language when they are called, never at
import time. A module-level table of words marks them with `N_` (for the extractor) and
translates them where they are shown. The catalog itself is loaded by `delegate_tui.locale`;
this module holds it. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping

ENGLISH = "en"
FRENCH = "fr"
LANGUAGES: tuple[str, ...] = (ENGLISH, FRENCH)
"""The languages the product speaks, by their ISO 639-1 code."""

LOCALE_VARIABLES: tuple[str, ...] = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The environment variables that name the user's language, strongest first (as POSIX)."""

_catalog: gettext.NullTranslations = gettext.NullTranslations()
_code: str = ENGLISH


def choose(flag: str | None, configured: str | None, env: Mapping[str, str]) -> str:
    """The language of a run: `--lang`, else the config file's `language`, else the locale
    (`fr_*` is French), else English. `flag` and `configured` are already validated codes."""
    if flag:
        return flag
    if configured:
        return configured
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:  # the first one set decides, as for the C library (LC_ALL=C means C)
            return FRENCH if value.lower().startswith("fr") else ENGLISH
    return ENGLISH


def parse_language(text: str) -> str | None:
    """A language code from what a person typed (`fr`, `FR`, `fr_FR`, `français`), or None."""
    word = text.strip().lower().replace("-", "_")
    if word in ("fr", "french", "français", "francais") or word.startswith("fr_"):
        return FRENCH
    if word in ("en", "english", "anglais") or word.startswith("en_"):
        return ENGLISH
    return None


def use(code: str, catalog: gettext.NullTranslations | None = None) -> None:
    """Make `code` the language of this run, with its catalog (None: the words as written)."""
    global _catalog, _code
    _code = code
    _catalog = catalog if catalog is not None else gettext.NullTranslations()


def current() -> str:
    """The language of this run: 'en' or 'fr'."""
    return _code


def is_french() -> bool:
    return _code == FRENCH


def _(message: str) -> str:
    """`message` in the language of this run."""
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for `count` (French: 0 and 1 take the singular)."""
    return _catalog.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` in the sense `context` gives it (one English word, two French ones)."""
    return _catalog.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a word for the catalog without looking it up: it is translated where shown."""
    return message
