"""Provides `delegate check`: validate the board, fold in conflict copies, clean stale temp files,
retract the moves from a stage to itself that undo wrote before it retracted moves.

It prints what it found and what it did. A file that is not a usable board is a one-line error
with exit code 1, and the file is left byte-for-byte as it was; a board with damaged records
gets one line per damaged value (see `report_damage`), exit code 1, the file untouched.
"""

from __future__ import annotations

import argparse
import sys

from delegate_tui import config
from delegate_tui.board import boardfile
from delegate_tui.board.conflicts import (
    MERGED_FOLDER,
    FoldReport,
    fold_conflict_copies,
    fold_copies,
)
from delegate_tui.board.rescue import MERGED, rescue_copies
from delegate_tui.board.store import BoardStore
from delegate_tui.cli.parsing import Commands
from delegate_tui.cli.status import not_ready_lines
from delegate_tui.core.display import line
from delegate_tui.core.errors import BoardError, DamagedBoard
from delegate_tui.core.formats import quoted
from delegate_tui.core.language import N_, _, is_french, ngettext
from delegate_tui.core.readiness import not_ready
from delegate_tui.core.records import is_live

LISTED = 50
"""The most damaged values `delegate check` lists one by one."""


def _board_name(name: str) -> str:
    """The board's name inside a sentence: 'Ann' / « Ann »."""
    return quoted(line(name)) if is_french() else repr(line(name))


def report_damage(args: argparse.Namespace, exc: DamagedBoard) -> int:
    """A board refused for damaged records: `delegate check` lists each damaged value on a line
    of its own (then how to fix them); any other command says the first in one line."""
    if getattr(args, "command", None) != "check":
        print(f"delegate: {exc}", file=sys.stderr)
        return 1
    folder = config.backup_folder() / exc.board_id
    backups = (
        _("restore a backup from {folder}").format(folder=folder)
        if folder.is_dir()
        else _("restore a backup")
    )
    found = exc.damages
    if len(found) == 1:
        fix = _("{damage}: fix it in the file or {backups}")
        print(
            f"delegate: {exc.path}: {fix.format(damage=line(found[0]), backups=backups)}",
            file=sys.stderr,
        )
        return 1
    for damage in found[:LISTED]:
        print(f"delegate: {exc.path}: {line(damage)}", file=sys.stderr)
    if len(found) > LISTED:
        more = _("... and {count} more").format(count=len(found) - LISTED)
        print(f"delegate: {exc.path}: {more}", file=sys.stderr)
    fix = ngettext(
        "{count} damaged value: fix them in the file or {backups}",
        "{count} damaged values: fix them in the file or {backups}",
        len(found),
    )
    print(f"delegate: {exc.path}: {fix.format(count=len(found), backups=backups)}", file=sys.stderr)
    return 1


def cmd_check(args: argparse.Namespace, store: BoardStore) -> int:
    path = store.path
    if not path.exists():
        raise BoardError(
            _(
                "{path} does not exist: check the path, or create a board with 'delegate add TITLE'"
            ).format(path=path)
        )
    # A damaged record refuses the board as it opens: see report_damage.
    _say_summary(store)
    # Before the fold: a save it causes would clean them up silently.
    removed = [line(temp.name) for temp in boardfile.remove_stale_temps(path)]
    _say_folded(fold_conflict_copies(store), N_("conflict copies"), always=True)
    rescue_folder = config.rescue_folder()
    rescued = fold_copies(
        store, rescue_copies(rescue_folder, store.board_id), rescue_folder / MERGED
    )
    _say_folded(rescued, N_("rescue copies"), always=False)
    # After the folds, so that the copies' own fake moves go too.
    idle = store.retract_idle_moves()
    if idle:
        taken = ngettext(
            "stage history: {count} move from a stage to itself taken out",
            "stage history: {count} moves from a stage to itself taken out",
            idle,
        )
        print(taken.format(count=idle))
    if removed:
        print(
            ngettext(
                "temp files: removed {count} left over from a crash: {names}",
                "temp files: removed {count} left over from a crash: {names}",
                len(removed),
            ).format(count=len(removed), names=", ".join(removed))
        )
    else:
        print(_("temp files: none left over"))
    _say_kept(store)
    for found in not_ready_lines(not_ready(store.cards())):  # said, not refused: a warning
        print(found)
    return 0


def _say_summary(store: BoardStore) -> None:
    records = store.raw_cards()
    live = [r for r in records.values() if is_live(r)]
    archived = sum(1 for r in live if r.get("archived_at"))
    deleted = len(records) - len(live)
    print(
        _("{path}: a valid board, {name} (id {id})").format(
            path=store.path, name=_board_name(store.name), id=store.board_id
        )
    )
    cards = ngettext("{count} card", "{count} cards", len(live) - archived)
    counts = _("{cards}, {archived} archived, {deleted} deleted (kept as tombstones)").format(
        cards=cards.format(count=len(live) - archived), archived=archived, deleted=deleted
    )
    print(f"  {counts}")


def _say_folded(report: FoldReport, what: str, always: bool) -> None:
    """The copies a fold found (names of files a sync tool, or anyone, made), and its count."""
    for found in report.lines():
        print(f"  {line(found)}")
    if report.found:
        counts = _("{found} found, {merged} merged, {refused} left in place").format(
            found=len(report.found), merged=len(report.merged), refused=len(report.refused)
        )
        print(f"{_(what)}: {counts}")
    elif always:
        print(_("{what}: none").format(what=_(what)))


def _say_kept(store: BoardStore) -> None:
    """The backups, and the merged copies kept beside the board."""
    backups = store.backups.list()
    if backups:
        print(
            _("backups: {count}, newest {name}").format(
                count=len(backups), name=line(str(backups[-1]))
            )
        )
    else:
        print(_("backups: none yet (one is kept at the first save of each session)"))
    merged_folder = store.path.parent / MERGED_FOLDER
    if merged_folder.is_dir():
        count = sum(1 for _ in merged_folder.iterdir())
        print(
            _("merged copies kept in {folder}: {count} (safe to delete)").format(
                folder=merged_folder, count=count
            )
        )


def cmd_init(args: argparse.Namespace, store: BoardStore) -> int:
    """Write a new, empty board where there is none (even where this machine knew one)."""
    if not store.is_new:
        raise BoardError(
            _("{path} already holds the board {name} (id {id}): nothing to do").format(
                path=store.path, name=_board_name(store.name), id=store.board_id
            )
        )
    store.save_now()
    print(_("created a new board at {path} (id {id})").format(path=store.path, id=store.board_id))
    return 0


def register(commands: Commands) -> None:
    """Add `delegate check` and `delegate init` to the `delegate` parser."""
    text = _("create a new, empty board at the board path (refused where a board is)")
    sub_init: argparse.ArgumentParser = commands.add_parser("init", help=text, description=text)
    sub_init.set_defaults(handler=cmd_init)
    text = _("validate the board file, fold in conflict copies, clean stale temp files")
    sub: argparse.ArgumentParser = commands.add_parser("check", help=text, description=text)
    sub.set_defaults(handler=cmd_check)
