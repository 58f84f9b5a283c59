"""Provides open_board: what `delegate` with no command runs (the only Textual import path)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from delegate_tui import config
from delegate_tui.board.demo import build_demo
from delegate_tui.board.store import BoardStore
from delegate_tui.core.display import line
from delegate_tui.core.errors import BoardMissing
from delegate_tui.core.language import _
from delegate_tui.core.records import Clock, Identity, utc_now
from delegate_tui.ui.app import DelegateApp
from delegate_tui.ui.themes import load_all_themes, theme_names, unknown_theme_message

DEMO_NAME = "demo-board.json"


def make_demo_board(folder: Path, identity: Identity, clock: Clock = utc_now) -> Path:
    """Write the sample board into `folder`; returns its path."""
    path = folder / DEMO_NAME
    store = BoardStore(path, identity, clock=clock, background=True)
    try:
        build_demo(store)
    finally:
        store.close()
    return path


def open_board(args: argparse.Namespace, settings: config.Config, path: Path) -> int:
    """Open the board at `path` (or, with --demo, a fresh sample board) in the terminal UI."""
    theme = getattr(args, "theme", None)
    if theme:
        names = theme_names(load_all_themes(config.config_dir()))
        if theme not in names:  # checked before anything opens: the board stays untouched
            print(f"delegate: {unknown_theme_message(theme, names)}", file=sys.stderr)
            return 1
    if getattr(args, "demo", False):
        folder = Path(tempfile.mkdtemp(prefix="delegate-demo-"))
        path = make_demo_board(folder, config.identity(settings))
        said = _("the sample board is {path}").format(path=path)
        print(f"delegate: {said}", file=sys.stderr)
    app = _build_app(path, settings, theme)  # BoardError here
    if app is None:
        return 1
    try:
        app.run()
    finally:
        app.store.close()
    return finish(app)


def finish(app: DelegateApp) -> int:
    """After the app ends: say what was not saved, and the exit code (non-zero if anything)."""
    for error in dict.fromkeys(app.save_errors):
        said = _("not saved: {error}").format(error=error)
        print(f"delegate: {said}", file=sys.stderr)
    if app.store.unsaved:
        if app.rescued is not None:
            message = _(
                "changes not saved to {path} are in the rescue copy {copy}: "
                "run 'delegate --board {board} check' to merge it back"
            )
            said = message.format(path=app.store.path, copy=app.rescued, board=app.store.given)
        else:
            said = _("changes not saved to {path} were lost").format(path=app.store.path)
        print(f"delegate: {said}", file=sys.stderr)
        return app.return_code or 1
    return app.return_code or 0


def _build_app(path: Path, settings: config.Config, theme: str | None) -> DelegateApp | None:
    """The app on the board at `path`; a known board that is missing is started anew only if
    the user says so at the prompt (None: they did not, and were told why)."""
    try:
        return DelegateApp(path, settings=settings, theme=theme)
    except BoardMissing as exc:
        print(f"delegate: {line(str(exc))}", file=sys.stderr)
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            return None
        try:
            answer = input(_("Start a new, empty board at {path}? [y/N] ").format(path=path))
        except EOFError:
            return None
        if answer.strip().lower() not in ("y", "yes", "o", "oui"):
            return None
        return DelegateApp(path, settings=settings, theme=theme, create=True)
