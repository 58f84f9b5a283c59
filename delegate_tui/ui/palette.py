"""Provides the command palette's words for Textual's own commands (theme, quit, keys …).

Textual writes its system commands in English; their titles and help are marked here with `N_`
so the catalog has them, and `system_command` gives a command back in the language of the run.
"""

from __future__ import annotations

from textual.app import SystemCommand

from delegate_tui.core.language import N_, _

TEXTUAL_WORDS: tuple[str, ...] = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)
"""The titles and help of Textual's system commands, as Textual writes them (for the catalog)."""


def system_command(command: SystemCommand) -> SystemCommand:
    """`command` with its title and help in the language of this run."""
    return command._replace(title=_(command.title), help=_(command.help))
