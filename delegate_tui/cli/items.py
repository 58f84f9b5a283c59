"""Provides the item commands of `delegate`: standard, note and decision (add, tick, untick,
edit, remove an item, as the card screen does) and delete (a card). Each parses and validates
everything before it changes the board."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from delegate_tui.board.store import BoardStore
from delegate_tui.cli.parsing import Commands
from delegate_tui.core.display import line
from delegate_tui.core.errors import UsageError, ValidationError
from delegate_tui.core.id_prefix import one_by_prefix
from delegate_tui.core.language import N_, _
from delegate_tui.core.vocabulary import parse_note, parse_text

WORDS = {"standards": "work standard", "notes": "responsibility note", "decisions": "decision"}
"""How each collection's items are named in the messages of core/id_prefix.py."""

TEXT_WORDS = {"standards": N_("standard"), "notes": N_("note"), "decisions": N_("decision")}
"""How each collection's text is named when it is empty (as `standard CARD TEXT` always said)."""

ADDED = {
    "standards": N_("added a work standard to {id}"),
    "notes": N_("added a responsibility note to {id}"),
    "decisions": N_("handed a decision over on {id}"),
}

DONE = {
    ("standards", "remove"): N_("removed the work standard {item} from {id}"),
    ("standards", "edit"): N_("edited the work standard {item} on {id}"),
    ("standards", "tick"): N_("ticked the work standard {item} on {id}"),
    ("standards", "untick"): N_("unticked the work standard {item} on {id}"),
    ("notes", "remove"): N_("removed the responsibility note {item} from {id}"),
    ("notes", "edit"): N_("edited the responsibility note {item} on {id}"),
    ("decisions", "remove"): N_("removed the decision {item} from {id}"),
    ("decisions", "edit"): N_("edited the decision {item} on {id}"),
}
"""What a change to an item says it did, by collection and action."""

CHANGES = {
    ("standard", "tick"): N_("tick the standard ITEM (done)"),
    ("standard", "untick"): N_("untick the standard ITEM"),
    ("standard", "edit"): N_("change the text of the standard ITEM"),
    ("standard", "remove"): N_("remove the standard ITEM"),
    ("note", "edit"): N_("change the text of the note ITEM"),
    ("note", "remove"): N_("remove the note ITEM"),
    ("decision", "edit"): N_("change the text of the decision ITEM"),
    ("decision", "remove"): N_("remove the decision ITEM"),
}
"""The help of the options that change one item."""

MISSING = {
    "standards": N_("give the standard's TEXT, or --tick, --untick, --edit or --remove ITEM"),
    "notes": N_("give the note's TEXT, or --edit or --remove ITEM"),
    "decisions": N_("give the decision's TEXT, or --edit or --remove ITEM"),
}
"""What `standard`, `note` and `decision` say when given neither TEXT nor an option."""


def _actions(args: argparse.Namespace) -> list[str]:
    """The item options given (--tick, --untick, --edit, --remove)."""
    return [
        name
        for name in ("tick", "untick", "edit", "remove")
        if getattr(args, name, None) is not None
    ]


def _item(store: BoardStore, card_id: str, collection: str, prefix: str) -> str:
    items = getattr(store.card(card_id), collection)
    return one_by_prefix(
        (item.id for item in items),
        prefix,
        word=WORDS[collection],
        shown_by=N_("'delegate show CARD'"),
        where=N_(" on this card"),
    )


def _run(args: argparse.Namespace, store: BoardStore, collection: str) -> int:
    """Add an item (TEXT given) or change one (an option given): exactly one of them."""
    actions = _actions(args)
    if args.text is not None and actions:
        raise UsageError(
            _("give TEXT to add, or --{action} ITEM, not both (see --help)").format(
                action=actions[0]
            )
        )
    if args.text is None and not actions:
        raise UsageError(_(MISSING[collection]))
    limit = parse_note(args.limit) if getattr(args, "limit", None) is not None else None
    if actions and limit is not None and actions[0] != "edit":
        raise UsageError(_("--limit goes with TEXT or --edit, not with --remove"))
    card_id = store.resolve(args.card)
    if not actions:
        fields: dict[str, Any] = {"text": parse_text(args.text, _(TEXT_WORDS[collection]))}
        if collection == "decisions":
            fields["limit"] = limit or ""
        store.add_item(card_id, collection, **fields)
        print(_(ADDED[collection]).format(id=card_id[:8]))
        return 0
    action = actions[0]
    if action == "edit":
        prefix, text = args.edit
        changes: dict[str, Any] = {"text": parse_text(text, _(TEXT_WORDS[collection]))}
        if limit is not None:
            changes["limit"] = limit
    else:
        prefix = getattr(args, action)
    item_id = _item(store, card_id, collection, prefix)
    if action == "remove":
        store.delete_item(card_id, collection, item_id)
    elif action == "edit":
        store.edit_item(card_id, collection, item_id, **changes)
    else:
        store.edit_item(card_id, collection, item_id, done=action == "tick")
    print(_(DONE[collection, action]).format(item=item_id[:8], id=card_id[:8]))
    return 0


def cmd_standard(args: argparse.Namespace, store: BoardStore) -> int:
    return _run(args, store, "standards")


def cmd_note(args: argparse.Namespace, store: BoardStore) -> int:
    return _run(args, store, "notes")


def cmd_decision(args: argparse.Namespace, store: BoardStore) -> int:
    return _run(args, store, "decisions")


def _confirmed(title: str) -> bool:
    """Ask on the terminal whether to delete; refuse when nobody is there to answer."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise ValidationError(_("add --yes to delete without asking"))
    try:
        answer = input(_("Delete '{title}'? [y/N] ").format(title=title))
    except EOFError:
        return False
    # TRANSLATORS: the words that answer yes to 'Delete …? [y/N]', separated by spaces
    return answer.strip().lower() in _("y yes").split()


def cmd_delete(args: argparse.Namespace, store: BoardStore) -> int:
    card_id = store.resolve(args.card)
    title = line(store.card(card_id).title)
    if not args.yes and not _confirmed(title):
        raise ValidationError(_("not deleted: '{title}' is still on the board").format(title=title))
    store.delete(card_id)
    print(_("deleted {id}  {title}").format(id=card_id[:8], title=title))
    return 0


def _parser(commands: Commands, name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = commands.add_parser(name, help=help_text, description=help_text)
    sub.set_defaults(handler=handler)
    sub.add_argument(
        "card", metavar=_("card"), help=_("card id or a unique prefix of it (4+ characters)")
    )
    sub.add_argument("text", metavar=_("text"), nargs="?", help=_("the text of a new item"))
    return sub


def _changes(sub: argparse.ArgumentParser, word: str, tick: bool) -> None:
    """The options that change one item (ITEM: its id or a 4+ character prefix, see `show`)."""
    group = sub.add_mutually_exclusive_group()
    item = _("ITEM")
    if tick:
        group.add_argument("--tick", metavar=item, help=_(CHANGES[word, "tick"]))
        group.add_argument("--untick", metavar=item, help=_(CHANGES[word, "untick"]))
    group.add_argument("--edit", nargs=2, metavar=(item, _("TEXT")), help=_(CHANGES[word, "edit"]))
    group.add_argument("--remove", metavar=item, help=_(CHANGES[word, "remove"]))


def register(commands: Commands) -> None:
    """Add standard, note, decision and delete to the `delegate` parser."""
    p = _parser(
        commands,
        "standard",
        cmd_standard,
        _("add a work standard to a card, or tick, untick, edit or remove one"),
    )
    _changes(p, "standard", tick=True)
    p = _parser(
        commands, "note", cmd_note, _("add a responsibility note to a card, or edit or remove one")
    )
    _changes(p, "note", tick=False)
    p = _parser(
        commands,
        "decision",
        cmd_decision,
        _("hand a decision over, with its limit, or edit or remove one"),
    )
    _changes(p, "decision", tick=False)
    p.add_argument(
        "--limit", metavar=_("LIMIT"), help=_("e.g. 'refunds up to 200 EUR' (with TEXT or --edit)")
    )

    text = _("delete a card (asks first)")
    p = commands.add_parser("delete", help=text, description=text)
    p.set_defaults(handler=cmd_delete)
    p.add_argument(
        "card", metavar=_("card"), help=_("card id or a unique prefix of it (4+ characters)")
    )
    p.add_argument("--yes", action="store_true", help=_("delete without asking"))
