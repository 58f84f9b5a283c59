"""Provides `delegate export`: write a status snapshot of the board (Markdown, HTML, JSON or
CSV) and print the path written. The board file is only read."""

from __future__ import annotations

import argparse
from datetime import datetime

from delegate_tui.board.store import BoardStore
from delegate_tui.cli.parsing import Commands
from delegate_tui.core.dates import parse_when
from delegate_tui.core.errors import BoardError
from delegate_tui.core.language import _
from delegate_tui.snapshots.write import format_of, parse_format, write_snapshot


def cmd_export(args: argparse.Namespace, store: BoardStore, now: datetime | None = None) -> int:
    """Export the board; `now` (default: the store's clock in local time) is for tests."""
    if args.format is not None:
        fmt = parse_format(args.format)
    else:
        fmt = (format_of(args.out) if args.out else None) or "md"
    moment = now if now is not None else store.stamper.clock().astimezone()
    since = parse_when(args.since, moment, args.dayfirst) if args.since is not None else None
    if not store.path.exists():
        raise BoardError(
            _(
                "there is no board at {path} yet: add a card first ('delegate add TITLE') "
                "or give --board"
            ).format(path=store.path)
        )
    print(write_snapshot(store, fmt, out=args.out, since=since, now=moment))
    return 0


def register(commands: Commands) -> None:
    """Add the `export` command to the `delegate` parser."""
    help_text = _("write a status snapshot (Markdown, HTML, JSON or CSV) and print its path")
    p: argparse.ArgumentParser = commands.add_parser(
        "export", help=help_text, description=help_text
    )
    p.set_defaults(handler=cmd_export)
    p.add_argument(
        "--format",
        metavar="md|html|json|csv",
        help=_("default: from the --out file's extension, else md"),
    )
    p.add_argument(
        "--out",
        metavar=_("PATH"),
        help=_("file or folder to write to (default: snapshots/ beside the board, dated name)"),
    )
    p.add_argument(
        "--since",
        metavar=_("WHEN"),
        help=_(
            "start of the period, e.g. 'last monday', '2 weeks ago', 2026-11-01 "
            "(default: the previous snapshot in this format, else 7 days ago)"
        ),
    )
