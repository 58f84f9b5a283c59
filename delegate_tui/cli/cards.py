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
from delegate_tui.cli.json_out import print_json
from delegate_tui.cli.parsing import Commands
from delegate_tui.cli.show import cmd_show
from delegate_tui.core.card_fields import FieldSpec, edit_flags
from delegate_tui.core.csv_import import read_rows
from delegate_tui.core.display import line
from delegate_tui.core.errors import UsageError, ValidationError
from delegate_tui.core.fields import parse_field
from delegate_tui.core.formats import hours as show_hours
from delegate_tui.core.language import N_, _, is_french, ngettext
from delegate_tui.core.model import Card
from delegate_tui.core.readiness import missing_for_team, not_ready, require_ready
from delegate_tui.core.vocabulary import (
    STAGES,
    log_kind_name,
    parse_area,
    parse_hours,
    parse_log_kind,
    parse_name,
    parse_stage,
    parse_text,
    parse_title,
    stage_label,
)


def stage_word(stage: str) -> str:
    """A stage as a message names it: its id in English (as it always was, and as `move`
    takes it), its French name in French ('Moi seul')."""
    return stage_label(stage) if is_french() else stage


def _line(card: Card) -> str:
    hours = show_hours(card.hours_per_week) if card.hours_per_week else "-"
    owner = line(card.owner) or "-"
    stage = f"{line(stage_word(card.stage)):<17}" if is_french() else f"{line(card.stage):<10}"
    return f"{line(card.id)[:8]}  {stage}  {owner[:16]:<16}  {hours:>6}  {line(card.title)}"


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
        print_json(card.to_json())
    else:
        print(
            _("added {id}  {title}  ({stage})").format(
                id=card.id[:8], title=line(card.title), stage=stage_word(card.stage)
            )
        )
    return 0


def cmd_list(args: argparse.Namespace, store: BoardStore) -> int:
    stage = parse_stage(args.stage) if args.stage else None
    area = parse_area(args.area) if getattr(args, "area", None) is not None else None
    cards = [c for c in store.cards(archived=args.archived) if stage is None or c.stage == stage]
    cards = [c for c in cards if area is None or c.area == area]  # 'none': the cards without
    if args.json:
        print_json([c.to_json() for c in cards])
        return 0
    if not cards:
        print(
            _("no cards in {stage}: add one with 'delegate add TITLE'").format(
                stage=stage_word(stage)
            )
            if stage
            else _("no cards: add one with 'delegate add TITLE'")
        )
    for card in cards:
        print(_line(card))
    return 0


def _why(args: argparse.Namespace) -> tuple[str, str] | None:
    """The log entry `move --why TEXT [--kind KIND]` asks for, read before anything changes."""
    if args.why is None:
        if args.kind is not None:
            raise UsageError(_("--kind goes with --why TEXT: say what happened"))
        return None
    return parse_log_kind(args.kind or "adjustment"), parse_text(args.why, _("--why text"))


def kind_word(kind: str) -> str:
    """A log kind as a message names it: its id in English, its French name in French."""
    return log_kind_name(kind).lower() if is_french() else kind


def _is_back(old: str, new: str) -> bool:
    """Whether moving from stage `old` to `new` takes the task back (a hand-edited file may hold
    a stage that is none of ours: that is no step back)."""
    return old in STAGES and STAGES.index(new) < STAGES.index(old)


def cmd_move(args: argparse.Namespace, store: BoardStore) -> int:
    card_id = store.resolve(args.card)
    stage = parse_stage(args.stage)
    why = _why(args)
    card = store.card(card_id)
    if card.leader_mission and stage == "delegating" and card.stage != stage and not args.force:
        raise ValidationError(
            _("{id} is one of your missions: --force hands it over anyway").format(id=card_id[:8])
        )
    forced = stage == "team-owned" and card.stage != stage and bool(missing_for_team(card))
    if forced:
        require_ready(card, args.force)
    short, word = card_id[:8], stage_word(stage)
    if not store.move(card_id, stage, forced=forced, why=why):
        already = (
            _("{id} is already in {stage}: nothing logged")
            if why
            else _("{id} is already in {stage}")
        )
        print(already.format(id=short, stage=word))
        return 0
    if why:
        print(
            _("moved {id} to {stage}, logged {kind}").format(
                id=short, stage=word, kind=kind_word(why[0])
            )
        )
    else:
        print(_("moved {id} to {stage}").format(id=short, stage=word))
    if why is None and _is_back(card.stage, stage):
        taken_back = _(
            "taken back without a word of why: 'delegate log {id} KIND TEXT' "
            "says what happened (or next time: move … --why TEXT)"
        )
        print(f"delegate: {taken_back.format(id=short)}", file=sys.stderr)
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
            _(
                "nothing to change: give --title, --owner, --accountable, --hours, --area, "
                "--description, --absence, --level, --reason, --provider, --checkin … (see --help)"
            )
        )
    _check_leader_fields(store.card(card_id), changes)
    store.edit(card_id, **changes)
    print(_("edited {id}: {fields}").format(id=card_id[:8], fields=", ".join(changes)))
    return 0


def _check_leader_fields(card: Card, changes: dict[str, Any]) -> None:
    """Refuse marking an archived card as a leader mission; warn (stderr, exit 0) of a backup
    who is the owner: a person may be written down as their own backup, but it covers nothing."""
    if changes.get("leader_mission") and card.archived_at:
        raise ValidationError(
            _("{id} is archived: restore it first to mark it as one of your missions").format(
                id=card.id[:8]
            )
        )
    backup = changes.get("backup", card.backup)
    owner = changes.get("owner", card.owner)
    if backup and backup.casefold() == owner.casefold() and {"backup", "owner"} & changes.keys():
        said = _("{name} owns the card and is its own backup: nobody covers when they are away")
        print(f"delegate: {said.format(name=line(backup))}", file=sys.stderr)


def cmd_import(args: argparse.Namespace, store: BoardStore) -> int:
    rows = read_rows(Path(args.file))
    ids = store.add_many(rows)
    imported = ngettext(
        "imported {count} card from {file}", "imported {count} cards from {file}", len(ids)
    )
    print(imported.format(count=len(ids), file=args.file))
    unready = not_ready(store.card(i) for i in ids)  # kept: an existing list, not a move
    if unready:
        print(
            ngettext(
                "{count} of them team-owned but not ready: see 'delegate status'",
                "{count} of them team-owned but not ready: see 'delegate status'",
                len(unready),
            ).format(count=len(unready))
        )
    return 0


def cmd_log(args: argparse.Namespace, store: BoardStore) -> int:
    kind = parse_log_kind(args.kind)
    text = parse_text(args.text, _("log entry"))
    card_id = store.resolve(args.card)
    store.log(card_id, kind, text)
    print(_("logged {kind} on {id}").format(kind=kind_word(kind), id=card_id[:8]))
    return 0


def cmd_archive(args: argparse.Namespace, store: BoardStore) -> int:
    card_id = store.resolve(args.card)
    store.archive(card_id, not args.restore)
    done = _("restored {id}") if args.restore else _("archived {id}")
    print(done.format(id=card_id[:8]))
    return 0


FORCE_HELP = N_("make it team-owned even if it is not ready (the history says it was forced)")


def _command(
    commands: Commands,
    name: str,
    handler: Any,
    help_text: str,
) -> argparse.ArgumentParser:
    said = _(help_text)
    sub: argparse.ArgumentParser = commands.add_parser(name, help=said, description=said)
    sub.set_defaults(handler=handler)
    return sub


def _add_edit_flags(p: argparse.ArgumentParser) -> None:
    """`delegate edit`'s options, one per field of the table that has a flag."""
    for spec in EDIT_FLAGS:
        flag = spec.flag
        if flag is None:
            continue
        if flag.boolean:
            p.add_argument(
                flag.option, action=argparse.BooleanOptionalAction, help=_said(flag.help)
            )
        else:
            p.add_argument(flag.option, metavar=_metavar(spec), help=_said(flag.help))


def _metavar(spec: FieldSpec) -> str | None:
    """The flag's value as `--help` names it: the table's, else (in French) the field's label
    in capitals; English keeps argparse's own (the option's name in capitals)."""
    assert spec.flag is not None
    if spec.flag.metavar or not is_french() or not spec.label:
        return _said(spec.flag.metavar)
    return _(spec.label).upper().replace(" ", "_").replace("'", "_")


def _said(text: str | None) -> str | None:
    """A word of the field table (core/card_fields.py) in the language of the run."""
    return _(text) if text else text


def _register_cards(commands: Commands) -> None:
    """add, list, show, move and edit."""
    stages = _("only-me|delegating|team-owned")
    card_help = _("card id or a unique prefix of it (4+ characters)")
    p = _command(commands, "add", cmd_add, N_("add a card"))
    p.add_argument("title", metavar=_("title"))
    p.add_argument(
        "--stage",
        default="only-me",
        metavar=_("STAGE"),
        help=_("only-me|delegating|team-owned (default: only-me)"),
    )
    p.add_argument("--owner", default="", metavar=_("OWNER"), help=_("who does it"))
    p.add_argument("--hours", default="0", metavar=_("HOURS"), help=_("hours per week it takes"))
    p.add_argument(
        "--area",
        default="",
        metavar=_("AREA"),
        help=_("direction, finance, sales-marketing, hr-legal, logistics, production or quality"),
    )
    p.add_argument("--json", action="store_true", help=_("print the card as JSON"))
    p.add_argument("--force", action="store_true", help=_(FORCE_HELP))

    p = _command(commands, "list", cmd_list, N_("list the cards"))
    p.add_argument("--stage", metavar=_("STAGE"), help=stages)
    p.add_argument("--archived", action="store_true", help=_("list archived cards instead"))
    p.add_argument(
        "--area", metavar=_("AREA"), help=_("only the cards of this area (a hat), or 'none'")
    )
    p.add_argument("--json", action="store_true", help=_("print the cards as JSON"))

    p = _command(commands, "show", cmd_show, N_("show one card"))
    p.add_argument("card", metavar=_("card"), help=card_help)
    p.add_argument("--json", action="store_true", help=_("print the card as JSON"))

    p = _command(commands, "move", cmd_move, N_("move a card to a stage"))
    p.add_argument("card", metavar=_("card"))
    p.add_argument("stage", metavar=_("stage"), help=stages)
    p.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    p.add_argument(
        "--why",
        metavar=_("TEXT"),
        help=_("what happened: logged on the card with the move (say it when taking a task back)"),
    )
    p.add_argument(
        "--kind",
        metavar=_("KIND"),
        help=_(
            "the log entry's kind, with --why: error | adjustment | efficiency-loss | doubt "
            "(default: adjustment)"
        ),
    )

    p = _command(commands, "edit", cmd_edit, N_("change a card's fields"))
    p.add_argument("card", metavar=_("card"))
    _add_edit_flags(p)


def _register_parts(commands: Commands) -> None:
    """import, standard, note, decision, delete, log and archive."""
    p = _command(
        commands,
        "import",
        cmd_import,
        N_("add cards from a CSV file (header: title,stage,owner,hours_per_week,area)"),
    )
    p.add_argument("file", metavar=_("FILE.csv"))

    items_cli.register(commands)  # standard, note, decision, delete
    log_fixes.register(commands)  # fix-log

    p = _command(commands, "log", cmd_log, N_("add to a card's transition log"))
    p.add_argument("card", metavar=_("card"))
    p.add_argument(
        "kind", metavar=_("kind"), help=_("error | adjustment | efficiency-loss | doubt")
    )
    p.add_argument("text", metavar=_("text"))

    p = _command(commands, "archive", cmd_archive, N_("archive a card (or --restore it)"))
    p.add_argument("card", metavar=_("card"))
    p.add_argument("--restore", action="store_true", help=_("bring an archived card back"))


def register(commands: Commands) -> None:
    """Add the card commands to the `delegate` parser."""
    _register_cards(commands)
    _register_parts(commands)
