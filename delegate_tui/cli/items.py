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
from delegate_tui.core.vocabulary import parse_note, parse_text

WORDS = {"standards": "work standard", "notes": "responsibility note", "decisions": "decision"}
"""How each collection's items are named in messages."""

TEXT_WORDS = {"standards": "standard", "notes": "note", "decisions": "decision"}
"""How each collection's text is named when it is empty (as `standard CARD TEXT` always said)."""

ADDED = {
    "standards": "added a work standard to {}",
    "notes": "added a responsibility note to {}",
    "decisions": "handed a decision over on {}",
}


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
        shown_by="'delegate show CARD'",
        where=" on this card",
    )


def _run(args: argparse.Namespace, store: BoardStore, collection: str) -> int:
    """Add an item (TEXT given) or change one (an option given): exactly one of them."""
    actions = _actions(args)
    if args.text is not None and actions:
        raise UsageError(f"give TEXT to add, or --{actions[0]} ITEM, not both (see --help)")
    if args.text is None and not actions:
        options = (
            "--tick, --untick, --edit or --remove"
            if collection == "standards"
            else ("--edit or --remove")
        )
        raise UsageError(f"give the {TEXT_WORDS[collection]}'s TEXT, or {options} ITEM")
    limit = parse_note(args.limit) if getattr(args, "limit", None) is not None else None
    if actions and limit is not None and actions[0] != "edit":
        raise UsageError("--limit goes with TEXT or --edit, not with --remove")
    card_id = store.resolve(args.card)
    if not actions:
        fields: dict[str, Any] = {"text": parse_text(args.text, TEXT_WORDS[collection])}
        if collection == "decisions":
            fields["limit"] = limit or ""
        store.add_item(card_id, collection, **fields)
        print(ADDED[collection].format(card_id[:8]))
        return 0
    action = actions[0]
    if action == "edit":
        prefix, text = args.edit
        changes: dict[str, Any] = {"text": parse_text(text, TEXT_WORDS[collection])}
        if limit is not None:
            changes["limit"] = limit
    else:
        prefix = getattr(args, action)
    item_id = _item(store, card_id, collection, prefix)
    word = WORDS[collection]
    if action == "remove":
        store.delete_item(card_id, collection, item_id)
        print(f"removed the {word} {item_id[:8]} from {card_id[:8]}")
    elif action == "edit":
        store.edit_item(card_id, collection, item_id, **changes)
        print(f"edited the {word} {item_id[:8]} on {card_id[:8]}")
    else:
        store.edit_item(card_id, collection, item_id, done=action == "tick")
        print(f"{action}ed the {word} {item_id[:8]} on {card_id[:8]}")
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
        raise ValidationError("add --yes to delete without asking")
    try:
        answer = input(f"Delete '{title}'? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def cmd_delete(args: argparse.Namespace, store: BoardStore) -> int:
    card_id = store.resolve(args.card)
    title = line(store.card(card_id).title)
    if not args.yes and not _confirmed(title):
        raise ValidationError(f"not deleted: '{title}' is still on the board")
    store.delete(card_id)
    print(f"deleted {card_id[:8]}  {title}")
    return 0


def _parser(commands: Commands, name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = commands.add_parser(name, help=help_text, description=help_text)
    sub.set_defaults(handler=handler)
    sub.add_argument("card", help="card id or a unique prefix of it (4+ characters)")
    sub.add_argument("text", nargs="?", help="the text of a new item")
    return sub


def _changes(sub: argparse.ArgumentParser, word: str, tick: bool) -> None:
    """The options that change one item (ITEM: its id or a 4+ character prefix, see `show`)."""
    group = sub.add_mutually_exclusive_group()
    if tick:
        group.add_argument("--tick", metavar="ITEM", help=f"tick the {word} ITEM (done)")
        group.add_argument("--untick", metavar="ITEM", help=f"untick the {word} ITEM")
    group.add_argument(
        "--edit", nargs=2, metavar=("ITEM", "TEXT"), help=f"change the text of the {word} ITEM"
    )
    group.add_argument("--remove", metavar="ITEM", help=f"remove the {word} ITEM")


def register(commands: Commands) -> None:
    """Add standard, note, decision and delete to the `delegate` parser."""
    p = _parser(
        commands,
        "standard",
        cmd_standard,
        "add a work standard to a card, or tick, untick, edit or remove one",
    )
    _changes(p, "standard", tick=True)
    p = _parser(
        commands, "note", cmd_note, "add a responsibility note to a card, or edit or remove one"
    )
    _changes(p, "note", tick=False)
    p = _parser(
        commands,
        "decision",
        cmd_decision,
        "hand a decision over, with its limit, or edit or remove one",
    )
    _changes(p, "decision", tick=False)
    p.add_argument("--limit", help="e.g. 'refunds up to 200 EUR' (with TEXT or --edit)")

    p = commands.add_parser(
        "delete", help="delete a card (asks first)", description="delete a card (asks first)"
    )
    p.set_defaults(handler=cmd_delete)
    p.add_argument("card", help="card id or a unique prefix of it (4+ characters)")
    p.add_argument("--yes", action="store_true", help="delete without asking")
