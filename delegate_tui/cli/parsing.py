"""Provides the CLI's argument parser: argparse with one-line errors and exit code 1, as the
CLI contract asks, speaking the language of the run (its own words included), and the type of
the set of commands each module registers into."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, NoReturn

from delegate_tui.core import language
from delegate_tui.core.errors import UsageError
from delegate_tui.core.language import N_, _, ngettext

ARGPARSE_WORDS: tuple[str, ...] = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("unexpected option string: %s"),
)
"""argparse's own words that a `delegate` run may show, marked for the catalog: argparse looks
them up through its module's `_` when it shows them, which `Parser` points at ours."""


def argparse_plurals(count: int) -> tuple[str, ...]:
    """argparse's counted words (marked here for the catalog, as argparse writes them)."""
    return (ngettext("expected %s argument", "expected %s arguments", count),)


def _speak_our_language() -> None:
    """argparse reads `_` and `ngettext` from its module when it shows a word (usage, options,
    its errors): point them at the run's catalog. In English they give argparse's words as
    they are; looked up at call time, so the language chosen before the parser is built rules."""
    setattr(argparse, "_", language._)  # noqa: B010 - argparse's module global, not an attribute
    setattr(argparse, "ngettext", language.ngettext)  # noqa: B010


class Parser(argparse.ArgumentParser):
    """argparse whose mistakes are a UsageError (one line on stderr, exit 1), not exit 2, and
    whose own words ("usage:", "options", its errors) are in the language of the run."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        _speak_our_language()  # before argparse names its groups ("options") in __init__
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            _("{message} (see '{prog} --help')").format(message=message, prog=self.prog)
        )


if TYPE_CHECKING:  # argparse's class takes no type argument at run time
    Commands = argparse._SubParsersAction[Parser]
else:
    Commands = argparse._SubParsersAction
"""The `delegate` subcommands, which cards.py, check.py, export.py and status.py register into."""
