"""Provides the `delegate` command: the scriptable front of the board.

Every command works on the store directly; Textual is imported only to open the terminal UI.
A user mistake prints one line on stderr and exits 1 with the board file untouched.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from delegate_tui import config, locale
from delegate_tui.board.open_store import open_store
from delegate_tui.board.store import BoardStore
from delegate_tui.cli import board_settings as board_cli
from delegate_tui.cli import cards as cards_cli
from delegate_tui.cli import check as check_cli
from delegate_tui.cli import export as export_cli
from delegate_tui.cli import status as status_cli
from delegate_tui.cli.parsing import Parser
from delegate_tui.cli.version import ShowVersion
from delegate_tui.core import language
from delegate_tui.core.display import line
from delegate_tui.core.errors import DamagedBoard, DelegateError, UsageError
from delegate_tui.core.formats import NARROW
from delegate_tui.core.language import _, parse_language

KEPT = "\ue000"
"""A private-use character (neither a space nor a control) that stands for U+202F while `line`
cleans a message."""

Handler = Callable[[argparse.Namespace, BoardStore], int]
Launcher = Callable[[argparse.Namespace, config.Config, Path], int]
"""Opens the terminal UI on a board (plugged in by `delegate_tui.command`: this layer never
imports Textual)."""


def board_path(args: argparse.Namespace, settings: config.Config) -> Path:
    """--board, else $DELEGATE_BOARD, else the config file's board, else the default."""
    chosen = args.board or os.environ.get("DELEGATE_BOARD") or settings.board
    return Path(chosen).expanduser() if chosen else config.default_board()


def chosen_language(argv: Sequence[str] | None, settings: config.Config) -> str:
    """The language of this run: `--lang` (read before anything else is built, so that the
    help text is in it too), else the config file, else the locale."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    flag = early.parse_known_args(sys.argv[1:] if argv is None else argv)[0].lang
    code = parse_language(flag) if flag is not None else None
    if flag is not None and code is None:
        locale.install(language.choose(None, settings.language, os.environ))  # for the message
        raise UsageError(
            _("unknown language '{given}': use --lang fr or --lang en").format(given=flag)
        )
    return language.choose(code, settings.language, os.environ)


def one_line_message(text: str) -> str:
    """An error on one line, cleaned as board text is (it may quote the file's text), with
    French typography kept: `line` makes every space but ' ' one ' ', and French puts a narrow
    no-break space before : ; ! ? and inside « »."""
    return line(text.replace(NARROW, KEPT)).replace(KEPT, NARROW)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="delegate",
        description=_(
            "A kanban board in the terminal for handing work over to your team: "
            "only me -> delegating -> team-owned. With no command, opens the board."
        ),
    )
    parser.add_argument(
        "--board",
        metavar=_("PATH"),
        help=_(
            "the board file (default: $DELEGATE_BOARD, "
            "then 'board' in the config file, then board.json in your data folder)"
        ),
    )
    parser.add_argument("--theme", metavar=_("NAME"), help=_("colour theme for this run"))
    parser.add_argument(
        "--lang",
        metavar="fr|en",
        help=_(
            "the language of this run (default: 'language' in the config file, then the locale)"
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("open a sample board in a temporary folder, to try things out"),
    )
    parser.add_argument("--version", action=ShowVersion, help=_("print the version and exit"))
    parser.set_defaults(dayfirst=None)  # how dates are read: `run` sets it from the config
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)
    cards_cli.register(commands)
    board_cli.register(commands)
    check_cli.register(commands)
    export_cli.register(commands)
    status_cli.register(commands)
    return parser


def _open_store(args: argparse.Namespace, settings: config.Config) -> BoardStore:
    return open_store(board_path(args, settings), settings, create=args.command == "init")


def run(argv: Sequence[str] | None = None, launch: Launcher | None = None) -> int:
    """Run the CLI; returns the exit code. With no command, `launch` opens the board."""
    try:
        settings = config.load_config()
        locale.install(chosen_language(argv, settings))
        parser = build_parser()
        args = parser.parse_args(argv)
        for problem in settings.problems:
            print(f"delegate: {problem}", file=sys.stderr)
        args.dayfirst = config.dayfirst(settings)
        if args.command is None:
            if launch is None:
                raise UsageError(_("name a command (see 'delegate --help')"))
            return launch(args, settings, board_path(args, settings))
        handler: Handler = args.handler
        return handler(args, _open_store(args, settings))
    except DamagedBoard as exc:  # `delegate check` lists every damaged value
        return check_cli.report_damage(args, exc)
    except DelegateError as exc:
        print(f"delegate: {one_line_message(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def main(launch: Launcher | None = None) -> None:
    try:
        code = run(launch=launch)
        sys.stdout.flush()
    except BrokenPipeError:  # `delegate list | head` closed the pipe early: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    sys.exit(code)
