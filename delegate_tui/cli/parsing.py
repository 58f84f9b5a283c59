"""Provides the CLI's argument parser: argparse with one-line errors and exit code 1, as the
CLI contract asks, and the type of the set of commands each module registers into."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, NoReturn

from delegate_tui.core.errors import UsageError


class Parser(argparse.ArgumentParser):
    """argparse whose mistakes are a UsageError (one line on stderr, exit 1), not exit 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


if TYPE_CHECKING:  # argparse's class takes no type argument at run time
    Commands = argparse._SubParsersAction[Parser]
else:
    Commands = argparse._SubParsersAction
"""The `delegate` subcommands, which cards.py, check.py, export.py and status.py register into."""
