"""Provides `python -m delegate_tui`, the same as the `delegate` command."""

from delegate_tui.cli import main

main()
