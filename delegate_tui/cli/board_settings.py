"""Provides `delegate board`: show and set the board settings (the board's name, the leader's
name and the leader's working hours a week), stored in the board file (see
core/board_settings.py). Bad input is one line and exit 1, the file left as it was: every
value is checked before anything is written."""

from __future__ import annotations

import argparse
from dataclasses import replace

from delegate_tui.board.store import BoardStore
from delegate_tui.cli.json_out import print_json
from delegate_tui.cli.parsing import Commands
from delegate_tui.core.board_settings import BoardSettings
from delegate_tui.core.display import line
from delegate_tui.core.errors import BoardError
from delegate_tui.core.formats import hours
from delegate_tui.core.language import _


def settings_lines(settings: BoardSettings) -> list[str]:
    """The settings as `delegate board` prints them, one a line."""
    not_set = _("(not set)")
    week = (
        _("{hours} a week").format(hours=hours(settings.leader_hours))
        if settings.leader_hours is not None
        else not_set
    )
    return [
        _("board: {name}").format(name=line(settings.name) or not_set),
        _("leader: {name}").format(name=line(settings.leader) or not_set),
        _("leader's hours: {week}").format(week=week),
    ]


def cmd_board(args: argparse.Namespace, store: BoardStore) -> int:
    if store.is_new:
        raise BoardError(
            _(
                "there is no board at {path} yet: add a card first ('delegate add TITLE') "
                "or give --board"
            ).format(path=store.path)
        )
    changes = {"name": args.name, "leader": args.leader, "leader_hours": args.leader_hours}
    asked = any(value is not None for value in changes.values())
    shown = store.set_settings(**changes) if asked else store.settings()
    shown = replace(shown, name=shown.name or store.name)  # unset: the file's name, as titles
    if args.json:
        print_json(shown.as_json())
    else:
        print("\n".join(settings_lines(shown)))
    return 0


def register(commands: Commands) -> None:
    """Add `delegate board` to the `delegate` parser."""
    text = _("show or set the board's name, the leader's name and the leader's hours a week")
    sub: argparse.ArgumentParser = commands.add_parser("board", help=text, description=text)
    sub.set_defaults(handler=cmd_board)
    sub.add_argument("--name", metavar=_("NAME"), help=_("the board's name (titles, snapshots)"))
    sub.add_argument("--leader", metavar=_("NAME"), help=_("the leader's name ('' for none)"))
    sub.add_argument(
        "--leader-hours",
        metavar=_("HOURS"),
        help=_("the leader's working hours a week: more than 0, at most 168"),
    )
    sub.add_argument("--json", action="store_true", help=_("print JSON for programs"))
