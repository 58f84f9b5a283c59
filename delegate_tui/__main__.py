"""Provides `python -m delegate_tui`, the same as the `delegate` command."""

from delegate_tui.command import main

main()
