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

`gc` is process-wide and the file layer parses on the save and reload threads too: rests are
counted across threads, so the collector is off while any rest is on and comes back on when the
last one ends (if it was on when the first began). No Textual.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator


class _Rests:
    """How many rests are on now, on every thread: the collector is off while any is, and on
    again when the last ends, if it was on when the first began."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0
        self._was_enabled = False

    def begin(self) -> None:
        with self._lock:
            if self._count == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._count += 1

    def end(self) -> None:
        with self._lock:
            self._count -= 1
            if self._count == 0 and self._was_enabled:
                gc.enable()


_RESTS = _Rests()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Rest the cycle collector while many acyclic objects are built (a board's JSON).

    Reference counting still frees everything as usual; the collector is on again after the
    last rest ends, if it was on when the first began.
    """
    _RESTS.begin()
    try:
        yield
    finally:
        _RESTS.end()


def set_aside() -> None:
    """Freeze every object alive now: later collections no longer walk them."""
    gc.freeze()


class StartupRest:
    """The collector rests from `begin()` (before the first frame) to `end()` (after it)."""

    def __init__(self) -> None:
        self._resting = False

    def begin(self) -> None:
        """Rest the collector until `end()` (other rests may begin and end meanwhile)."""
        if not self._resting:
            self._resting = True
            _RESTS.begin()

    def end(self) -> None:
        """One collection, startup's survivors set aside, then this rest ends.

        Safe to call more than once (and without `begin()`): only the first call after a
        `begin()` does anything.
        """
        if self._resting:
            self._resting = False
            gc.collect()
            gc.freeze()
            _RESTS.end()
