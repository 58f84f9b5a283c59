"""Provides the cycle-collector policy: the one module that switches Python's `gc`.

A board is a great many small acyclic objects (dicts and strings from the JSON) that reference
counting frees on its own; the cycle collector only ever walks them and finds nothing. So:

- `paused()`: while a board is parsed or its records turned into many objects, the collector
  rests (each allocation burst would otherwise start full collections: they tripled the load
  time of a 10,000-card board). Used by the file layer, on any thread.
- `set_aside()`: what was just built to last (an open board's records) is frozen, out of every
  later collection's walk (with 10,000 cards that walk took longer than a keypress).
- `StartupRest`: a terminal UI starting up builds tens of thousands of lasting objects (screens,
  styles, the first strips): the collector rests from `begin()` until `end()` after the first
  frame, which runs one collection and sets startup's survivors aside.

`gc` is process-wide: a pause nested in another (or in `StartupRest`) leaves the collector as the
outer one wants it. No Textual.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Rest the cycle collector while many acyclic objects are built (a board's JSON).

    Reference counting still frees everything as usual; the collector is on again after only
    if it was on before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def set_aside() -> None:
    """Freeze every object alive now: later collections no longer walk them."""
    gc.freeze()


class StartupRest:
    """The collector rests from `begin()` (before the first frame) to `end()` (after it)."""

    def __init__(self) -> None:
        self._resting = False

    def begin(self) -> None:
        """Rest the collector (a no-op if someone else already paused it)."""
        self._resting = gc.isenabled()
        gc.disable()

    def end(self) -> None:
        """One collection, startup's survivors set aside, then the collector as usual.

        Safe to call more than once (and without `begin()`): only the first call after a
        `begin()` that paused the collector does anything.
        """
        if self._resting:
            self._resting = False
            gc.collect()
            gc.freeze()
            gc.enable()
