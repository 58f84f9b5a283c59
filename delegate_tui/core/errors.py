"""Provides the errors a user can meet: one base class, one class per kind of trouble.

Every message is one line that says what is wrong and how to fix it; the CLI prints it after
`delegate: ` and exits 1, the app shows it in a notification. Text quoted from the board file
is cleaned where it is shown (`display.line`), never here.
"""

from __future__ import annotations

from pathlib import Path


class DelegateError(Exception):
    """A problem the user can fix; the message says what and how."""


class UsageError(DelegateError):
    """A mistake in how a command was called (an unknown option, a missing argument)."""


class ValidationError(DelegateError, ValueError):
    """A value given by the user, or read from the board file, that is not valid."""


class CardNotFound(DelegateError, LookupError):
    """No live card has that id (it was never there, was deleted, or the prefix matches none)."""


class BoardError(DelegateError):
    """The board file cannot be used as it is: unreadable, unwritable, of another kind."""


class DamagedBoard(BoardError):
    """A board file with damaged records, refused whole: `damages` names each, one line each
    (what `delegate check` lists), and `message` is the one line for the first."""

    def __init__(self, message: str, path: Path, damages: list[str], board_id: str) -> None:
        super().__init__(message)
        self.path = path
        self.damages = damages
        self.board_id = board_id


class BoardMissing(BoardError):
    """A board this machine knew at the path is not there (a sync tool may be moving it)."""


class MergeError(DelegateError, ValueError):
    """Two states that cannot be merged: they are not the same board."""
