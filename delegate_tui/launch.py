"""Provides open_board: what `delegate` with no command runs (the only Textual import path)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from delegate_tui import config
from delegate_tui.app import DelegateApp
from delegate_tui.demo import build_demo
from delegate_tui.records import Clock, Identity, utc_now
from delegate_tui.store import BoardStore
from delegate_tui.themes import load_all_themes, theme_names, unknown_theme_message

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
        print(f"delegate: the sample board is {path}", file=sys.stderr)
    elif path == config.default_board():
        path.parent.mkdir(parents=True, exist_ok=True)
    app = DelegateApp(path, settings=settings, theme=theme)  # BoardError here
    try:
        app.run()
    finally:
        app.store.close()
    for error in app.save_errors:
        print(f"delegate: not saved: {error}", file=sys.stderr)
    return app.return_code or 0
