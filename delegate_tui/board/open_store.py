"""Provides open_store: "open the board for this user", the one composition of a live store.

The user's settings name who edits (the stamp on every change); their data folder holds the
backups and this machine's memory of which board lives where (see `known_boards.py`). The CLI,
the terminal UI and the tests all open a board this way; tests pass their own identity and clock
so that files and screens come out the same on every run. No Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from delegate_tui import config
from delegate_tui.board.known_boards import KnownBoards
from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Clock, Identity, utc_now


def open_store(
    path: str | Path,
    settings: config.Config,
    *,
    identity: Identity | None = None,
    clock: Clock = utc_now,
    config_folder: Path | None = None,
    backup_dir: Path | None = None,
    background: bool = False,
    on_save_error: Callable[[str], None] | None = None,
    create: bool = False,
) -> BoardStore:
    """The store on the board at `path`, for the user `settings` describe.

    `identity` defaults to the one the settings name (and this machine's device id, kept in
    `config_folder`); `backup_dir` to `config.backup_folder()`. The default board's folder is made on
    first use; any other path's folder must exist. `background` saves on a thread (the terminal
    UI), reporting failures to `on_save_error`; `create` makes a new board even where this
    machine knew one (`delegate init`). Raises BoardError (BoardMissing for a known board that
    is away) as `BoardStore` does.
    """
    if Path(path) == config.default_board():
        config.default_board().parent.mkdir(parents=True, exist_ok=True)
    return BoardStore(
        path,
        identity or config.identity(settings, config_folder),
        clock=clock,
        backup_dir=backup_dir if backup_dir is not None else config.backup_folder(),
        background=background,
        on_save_error=on_save_error,
        known=KnownBoards(config.data_dir()),
        create=create,
    )
