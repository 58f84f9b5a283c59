"""Provides the card commands of `delegate`: add, list, show, move, edit, import, log, archive
(standard, note, decision and delete live in items.py). Each parses and validates everything
before it changes the board."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from delegate_tui.board.store import BoardStore
from delegate_tui.cli import items as items_cli
from delegate_tui.cli import log_fixes
from delegate_tui.cli.parsing import Commands
from delegate_tui.core.card_fields import PLAIN_FIELDS, SPECS_BY_NAME, FieldSpec, edit_flags
from delegate_tui.core.csv_import import read_rows
from delegate_tui.core.display import block, line
from delegate_tui.core.errors import UsageError, ValidationError
from delegate_tui.core.fields import parse_field
from delegate_tui.core.insight import card_checkin
from delegate_tui.core.json_text import dumps
from delegate_tui.core.model import Card
from delegate_tui.core.readiness import missing_for_team, not_ready, require_ready
from delegate_tui.core.vocabulary import (
    LOG_KINDS,
    STAGE_LABELS,
    STAGES,
    parse_area,
    parse_hours,
    parse_log_kind,
    parse_name,
    parse_stage,
    parse_text,
    parse_title,
)


def _print_json(value: Any) -> None:
    print(dumps(value))


def _line(card: Card) -> str:
    hours = f"{card.hours_per_week:g}h" if card.hours_per_week else "-"
    owner = line(card.owner) or "-"
    return f"{line(card.id)[:8]}  {line(card.stage):<10}  {owner[:16]:<16}  {hours:>6}  {line(card.title)}"


def _indented(text: str, first: str, rest: str) -> str:
    """Multi-line text from the file: `first` before its first line, `rest` before the others."""
    return first + ("\n" + rest).join(block(text).split("\n"))


def cmd_add(args: argparse.Namespace, store: BoardStore) -> int:
    title, stage, owner = parse_title(args.title), parse_stage(args.stage), parse_name(args.owner)
    forced = stage == "team-owned" and args.force
    if stage == "team-owned":
        require_ready(Card(id="", title=title, stage=stage, owner=owner), args.force)
    card = store.add(
        title,
        stage,
        owner=owner,
        hours_per_week=parse_hours(args.hours),
        area=parse_area(args.area),
        **({"forced": True} if forced else {}),
    )
    if args.json:
        _print_json(card.to_json())
    else:
        print(f"added {card.id[:8]}  {line(card.title)}  ({card.stage})")
    return 0


def cmd_list(args: argparse.Namespace, store: BoardStore) -> int:
    stage = parse_stage(args.stage) if args.stage else None
    cards = [c for c in store.cards(archived=args.archived) if stage is None or c.stage == stage]
    if args.json:
        _print_json([c.to_json() for c in cards])
        return 0
    if not cards:
        print(
            "no cards" + (f" in {stage}" if stage else "") + ": add one with 'delegate add TITLE'"
        )
    for card in cards:
        print(_line(card))
    return 0


def cmd_show(args: argparse.Namespace, store: BoardStore) -> int:
    card = store.card(store.resolve(args.card))
    if args.json:
        _print_json(card.to_json())
        return 0
    t = line
    print(t(card.title))
    print(f"  id           {t(card.id)}")
    stage = STAGE_LABELS.get(card.stage, t(card.stage))  # a hand-edited file may hold any stage
    print(f"  stage        {stage} since {t(card.stage_since[:10])}")
    print(f"  owner        {t(card.owner) or '-'}   accountable {t(card.accountable) or '-'}")
    print(f"  hours/week   {card.hours_per_week:g}   area {t(card.area) or '-'}")
    levels = f"{card.level or '-'} -> {card.target_level or '-'}"
    print(
        f"  away 2 weeks {t(card.absence) or '-'}   level {levels}   reason {t(card.reason) or '-'}"
    )
    for name in PLAIN_FIELDS:
        label = SPECS_BY_NAME[name].label.lower() or name
        print(_indented(str(card.value(name)) or "-", f"  {label:<12} ", " " * 15))
    if card.provider:
        print(_indented(card.confidentiality or "-", "  provider     confidentiality: ", " " * 15))
        print(_indented(card.reporting or "-", "               reporting: ", " " * 15))
    check = card_checkin(card, store.stamper.clock())
    if check:
        late = " (overdue)" if check.overdue else ""
        print(
            f"  check-ins    {t(card.checkin)}, last {check.last:%Y-%m-%d}, next {check.next:%Y-%m-%d}{late}"
        )
    if card.archived_at:
        print(f"  archived     {t(card.archived_at[:10])}")
    if block(card.description):
        print(_indented(card.description, "  ", "  "))
    print(f"Work standards ({card.standards_done}/{len(card.standards)} done)")
    for s in card.standards:  # each item's id, as --tick/--edit/--remove take it
        print(_indented(s.text, f"  [{'x' if s.done else ' '}] {t(s.id)[:8]}  ", " " * 16))
    print("Responsibility notes")
    for n in card.notes:
        print(_indented(n.text, f"  - {t(n.id)[:8]}  ", " " * 14))
    print("Decisions handed over")
    for d in card.decisions:
        limit = f" (limit: {t(d.limit)})" if d.limit else ""
        print(_indented(d.text, f"  - {t(d.id)[:8]}  ", " " * 14) + limit)
    print("Transition log")
    for e in reversed(card.log):  # each entry's id, as fix-log takes it
        entry = f"  {t(e.id)[:8]}  {t(e.at[:10])}  {t(e.kind):<15} "
        fixed = (
            f", corrected by {t(e.corrected_by)} on {t(e.corrected_at[:10])}"
            if e.corrected_at
            else ""
        )
        print(_indented(e.text, entry, " " * len(entry)) + f"  — {t(e.by)}{fixed}")
    print("Stage history")
    for h in card.history:
        print(
            f"  {t(h.at[:16]).replace('T', ' ')}  {t(h.from_stage or 'new')} -> {t(h.to_stage)}  — {t(h.by)}"
            + ("  (forced: it was not ready)" if h.forced else "")
        )
    return 0


def _why(args: argparse.Namespace) -> tuple[str, str] | None:
    """The log entry `move --why TEXT [--kind KIND]` asks for, read before anything changes."""
    if args.why is None:
        if args.kind is not None:
            raise UsageError("--kind goes with --why TEXT: say what happened")
        return None
    return parse_log_kind(args.kind or "adjustment"), parse_text(args.why, "--why text")


def _is_back(old: str, new: str) -> bool:
    """Whether moving from stage `old` to `new` takes the task back (a hand-edited file may hold
    a stage that is none of ours: that is no step back)."""
    return old in STAGES and STAGES.index(new) < STAGES.index(old)


def cmd_move(args: argparse.Namespace, store: BoardStore) -> int:
    card_id = store.resolve(args.card)
    stage = parse_stage(args.stage)
    why = _why(args)
    card = store.card(card_id)
    forced = stage == "team-owned" and card.stage != stage and bool(missing_for_team(card))
    if forced:
        require_ready(card, args.force)
    if not store.move(card_id, stage, forced=forced, why=why):
        nothing = ": nothing logged" if why else ""
        print(f"{card_id[:8]} is already in {stage}{nothing}")
        return 0
    print(f"moved {card_id[:8]} to {stage}" + (f", logged {why[0]}" if why else ""))
    if why is None and _is_back(card.stage, stage):
        print(
            f"delegate: taken back without a word of why: 'delegate log {card_id[:8]} KIND TEXT' "
            "says what happened (or next time: move … --why TEXT)",
            file=sys.stderr,
        )
    return 0


EDIT_FLAGS: tuple[FieldSpec, ...] = tuple(edit_flags())
"""The fields `delegate edit` sets, in `--help` order (from the field table)."""

EDIT_OPTIONS: dict[str, str] = {
    s.flag.dest: s.name for s in EDIT_FLAGS if s.flag is not None and not s.flag.boolean
}
"""`delegate edit` options read as the card screen reads them, and the card fields they set."""

EDIT_SWITCHES: dict[str, str] = {
    s.flag.dest: s.name for s in EDIT_FLAGS if s.flag is not None and s.flag.boolean
}
"""`--x/--no-x` options and the flags they set (set after the others)."""


def cmd_edit(args: argparse.Namespace, store: BoardStore) -> int:
    card_id = store.resolve(args.card)
    now = store.stamper.clock()
    changes: dict[str, Any] = {
        name: parse_field(name, getattr(args, option), now, args.dayfirst)
        for option, name in EDIT_OPTIONS.items()
        if getattr(args, option) is not None
    }
    changes.update(
        (name, getattr(args, option))
        for option, name in EDIT_SWITCHES.items()
        if getattr(args, option) is not None
    )
    if not changes:
        raise ValidationError(
            "nothing to change: give --title, --owner, --accountable, --hours, --area, "
            "--description, --absence, --level, --reason, --provider, --checkin … (see --help)"
        )
    store.edit(card_id, **changes)
    print(f"edited {card_id[:8]}: {', '.join(changes)}")
    return 0


def cmd_import(args: argparse.Namespace, store: BoardStore) -> int:
    rows = read_rows(Path(args.file))
    ids = store.add_many(rows)
    print(f"imported {len(ids)} card{'s' if len(ids) != 1 else ''} from {args.file}")
    unready = not_ready(store.card(i) for i in ids)  # kept: an existing list, not a move
    if unready:
        print(f"{len(unready)} of them team-owned but not ready: see 'delegate status'")
    return 0


def cmd_log(args: argparse.Namespace, store: BoardStore) -> int:
    kind = parse_log_kind(args.kind)
    text = parse_text(args.text, "log entry")
    card_id = store.resolve(args.card)
    store.log(card_id, kind, text)
    print(f"logged {kind} on {card_id[:8]}")
    return 0


def cmd_archive(args: argparse.Namespace, store: BoardStore) -> int:
    card_id = store.resolve(args.card)
    store.archive(card_id, not args.restore)
    print(f"{'restored' if args.restore else 'archived'} {card_id[:8]}")
    return 0


FORCE_HELP = "make it team-owned even if it is not ready (the history says it was forced)"


def _command(
    commands: Commands,
    name: str,
    handler: Any,
    help_text: str,
) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = commands.add_parser(name, help=help_text, description=help_text)
    sub.set_defaults(handler=handler)
    return sub


def _add_edit_flags(p: argparse.ArgumentParser) -> None:
    """`delegate edit`'s options, one per field of the table that has a flag."""
    for spec in EDIT_FLAGS:
        flag = spec.flag
        if flag is None:
            continue
        if flag.boolean:
            p.add_argument(flag.option, action=argparse.BooleanOptionalAction, help=flag.help)
        else:
            p.add_argument(flag.option, metavar=flag.metavar, help=flag.help)


def _register_cards(commands: Commands, stages: str) -> None:
    """add, list, show, move and edit."""
    p = _command(commands, "add", cmd_add, "add a card")
    p.add_argument("title")
    p.add_argument("--stage", default="only-me", help=f"{stages} (default: only-me)")
    p.add_argument("--owner", default="", help="who does it")
    p.add_argument("--hours", default="0", help="hours per week it takes")
    p.add_argument(
        "--area",
        default="",
        help="direction, finance, sales-marketing, hr-legal, logistics, production or quality",
    )
    p.add_argument("--json", action="store_true", help="print the card as JSON")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)

    p = _command(commands, "list", cmd_list, "list the cards")
    p.add_argument("--stage", help=stages)
    p.add_argument("--archived", action="store_true", help="list archived cards instead")
    p.add_argument("--json", action="store_true", help="print the cards as JSON")

    p = _command(commands, "show", cmd_show, "show one card")
    p.add_argument("card", help="card id or a unique prefix of it (4+ characters)")
    p.add_argument("--json", action="store_true", help="print the card as JSON")

    p = _command(commands, "move", cmd_move, "move a card to a stage")
    p.add_argument("card")
    p.add_argument("stage", help=stages)
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.add_argument(
        "--why",
        metavar="TEXT",
        help="what happened: logged on the card with the move (say it when taking a task back)",
    )
    p.add_argument(
        "--kind",
        help=f"the log entry's kind, with --why: {' | '.join(LOG_KINDS)} (default: adjustment)",
    )

    p = _command(commands, "edit", cmd_edit, "change a card's fields")
    p.add_argument("card")
    _add_edit_flags(p)


def _register_parts(commands: Commands) -> None:
    """import, standard, note, decision, delete, log and archive."""
    p = _command(
        commands,
        "import",
        cmd_import,
        "add cards from a CSV file (header: title,stage,owner,hours_per_week,area)",
    )
    p.add_argument("file", metavar="FILE.csv")

    items_cli.register(commands)  # standard, note, decision, delete
    log_fixes.register(commands)  # fix-log

    p = _command(commands, "log", cmd_log, "add to a card's transition log")
    p.add_argument("card")
    p.add_argument("kind", help=" | ".join(LOG_KINDS))
    p.add_argument("text")

    p = _command(commands, "archive", cmd_archive, "archive a card (or --restore it)")
    p.add_argument("card")
    p.add_argument("--restore", action="store_true", help="bring an archived card back")


def register(commands: Commands) -> None:
    """Add the card commands to the `delegate` parser."""
    _register_cards(commands, "|".join(STAGES))
    _register_parts(commands)
