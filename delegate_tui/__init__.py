"""delegate-tui: a kanban board in the terminal for handing work over to your team."""

__version__ = "0.3.0"
