"""Provides the loading of the compiled message catalogs shipped inside the package.

`fr/LC_MESSAGES/delegate_tui.mo` is compiled from the .po files beside it (one per layer, see
tools/catalogs.py) and committed; English needs no catalog (the words are written in English).
"""

from __future__ import annotations

import gettext
import io
from importlib import resources

from delegate_tui.core import language

DOMAIN = "delegate_tui"


def catalog(code: str) -> gettext.NullTranslations | None:
    """The compiled catalog of `code`, or None for English (or a catalog that is missing)."""
    if code == language.ENGLISH:
        return None
    try:
        data = resources.files(__name__).joinpath(code, "LC_MESSAGES", f"{DOMAIN}.mo").read_bytes()
    except OSError:
        return None
    return gettext.GNUTranslations(io.BytesIO(data))


def install(code: str) -> None:
    """Make `code` the language of this run."""
    language.use(code, catalog(code))
