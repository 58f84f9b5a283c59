"""Provides main, the `delegate` command: the CLI, with the terminal UI plugged in.

The CLI layer never imports Textual; this entry point hands it the one way to open the board,
imported only when a run opens it, so `delegate list` starts without loading Textual.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from delegate_tui import config
from delegate_tui.cli import main as cli


def open_ui(args: argparse.Namespace, settings: config.Config, path: Path) -> int:
    """Open the terminal UI on the board at `path`."""
    from delegate_tui.ui.launch import open_board  # Textual is imported only here

    return open_board(args, settings, path)


def main() -> None:
    cli.main(launch=open_ui)
