"""Provides `delegate fix-log`: correct the kind or text of a transition-log entry, or remove
it (ENTRY: its id or a unique 4+ character prefix, as `show` prints it). Everything is parsed
and checked before the board changes."""

from __future__ import annotations

import argparse

from delegate_tui.board.store import BoardStore
from delegate_tui.cli.parsing import Commands
from delegate_tui.core.errors import UsageError
from delegate_tui.core.id_prefix import one_by_prefix
from delegate_tui.core.language import N_, _
from delegate_tui.core.vocabulary import parse_log_kind, parse_text


def _checked(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """The new kind and text, checked; what is wrong with the options said in one line."""
    if args.remove and (args.kind is not None or args.text is not None):
        raise UsageError(_("--remove goes alone: give --remove, or --kind/--text to correct"))
    if not args.remove and args.kind is None and args.text is None:
        raise UsageError(_("nothing to do: give --kind KIND, --text TEXT or --remove (see --help)"))
    kind = parse_log_kind(args.kind) if args.kind is not None else None
    text = parse_text(args.text, _("log entry")) if args.text is not None else None
    return kind, text


def cmd_fix_log(args: argparse.Namespace, store: BoardStore) -> int:
    kind, text = _checked(args)
    card_id = store.resolve(args.card)
    entry_id = one_by_prefix(
        (entry.id for entry in store.card(card_id).log),
        args.entry,
        word="log entry",
        shown_by=N_("'delegate show CARD'"),
        where=N_(" on this card"),
        matching="entries match",
    )
    if args.remove:
        store.remove_log(card_id, entry_id)
        print(
            _("removed the log entry {entry} from {id}").format(entry=entry_id[:8], id=card_id[:8])
        )
        return 0
    if store.correct_log(card_id, entry_id, kind=kind, text=text):
        print(
            _("corrected the log entry {entry} on {id}").format(entry=entry_id[:8], id=card_id[:8])
        )
    else:
        message = _("the log entry {entry} already says that: nothing to correct")
        print(message.format(entry=entry_id[:8]))
    return 0


def register(commands: Commands) -> None:
    """Add fix-log to the `delegate` parser."""
    help_text = _("correct the kind or text of a transition-log entry, or remove it")
    p = commands.add_parser("fix-log", help=help_text, description=help_text)
    p.set_defaults(handler=cmd_fix_log)
    p.add_argument(
        "card", metavar=_("card"), help=_("card id or a unique prefix of it (4+ characters)")
    )
    p.add_argument(
        "entry",
        metavar=_("entry"),
        help=_("log entry id or a unique prefix of it (see 'delegate show')"),
    )
    p.add_argument(
        "--kind",
        metavar=_("KIND"),
        help=_("the right kind: error | adjustment | efficiency-loss | doubt"),
    )
    p.add_argument("--text", metavar=_("TEXT"), help=_("the right text"))
    p.add_argument("--remove", action="store_true", help=_("remove the entry from every view"))
