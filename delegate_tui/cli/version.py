"""Provides `delegate --version`: the installed version, looked up only when it is asked for."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn

from delegate_tui import installed_version


class ShowVersion(argparse.Action):
    """Prints `delegate 0.3.0` on stdout and exits 0, as argparse's "version" action does, but
    reads the version only when the option is given: importlib.metadata costs ~20 ms a run."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        print(f"{parser.prog} {installed_version()}")
        parser.exit()
