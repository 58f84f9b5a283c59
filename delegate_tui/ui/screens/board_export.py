"""Provides the board's `x`: ask for a format, then write a status snapshot beside the board,
off the UI thread, and say where it went (or why it could not)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from delegate_tui.core.errors import BoardError, ValidationError
from delegate_tui.core.language import _
from delegate_tui.snapshots.write import write_snapshot
from delegate_tui.ui.screens.export import ExportScreen

if TYPE_CHECKING:
    from delegate_tui.ui.screens.board import BoardScreen


def ask_and_export(screen: BoardScreen) -> None:
    """Ask for a format, then write the snapshot in a worker thread."""

    def chosen(fmt: str | None) -> None:
        if fmt is not None:
            screen.run_worker(lambda: _export(screen, fmt), thread=True, group="export")

    screen.app.push_screen(ExportScreen(), chosen)


def _export(screen: BoardScreen, fmt: str) -> None:
    """In a thread: write the snapshot, then notify on the UI thread."""
    board, app = screen.board, screen.app
    try:
        path = write_snapshot(board.store, fmt, now=board.clock().astimezone())
    except (BoardError, ValidationError, OSError) as exc:
        app.call_from_thread(
            screen.notify, str(exc), title=_("Export failed"), severity="error", markup=False
        )
        return
    app.call_from_thread(
        screen.notify,
        _("Snapshot written to {path}").format(path=path),
        title=_("Export"),
        markup=False,
        timeout=10,
    )
