"""Provides delegate-tui: a kanban board in the terminal for handing work over to your team.

The version has one source, `version` in pyproject.toml, read back from the installed package's
metadata. `delegate_tui.__version__` is looked up on first use: importing `importlib.metadata`
costs ~20 ms, which `delegate list` and the board's start should not pay.
"""

from __future__ import annotations

from functools import cache

DISTRIBUTION = "delegate-tui"
"""The name the package is installed under (pyproject's `name`)."""

UNKNOWN_VERSION = "0+unknown"
"""The version reported when the package is imported without being installed: it claims none."""


@cache
def installed_version() -> str:
    """The installed package's version (pyproject's `version`), else UNKNOWN_VERSION."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return UNKNOWN_VERSION


def __getattr__(name: str) -> str:
    if name == "__version__":
        return installed_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
