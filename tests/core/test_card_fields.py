"""The field table ties the card together: every row of `card_fields.CARD_SPECS` is in the stored
defaults, the stored types, the Card model, `delegate edit`'s flags, the card screen and the
snapshot columns it says, and nothing else is there."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
from pathlib import Path

from textual.widgets import OptionList

from delegate_tui.board.store import BoardStore
from delegate_tui.cli import main as cli
from delegate_tui.cli.cards import EDIT_OPTIONS, EDIT_SWITCHES
from delegate_tui.core.card_fields import CARD_SPECS, PLAIN_COLUMNS, PLAIN_FIELDS, edit_flags
from delegate_tui.core.model import Card
from delegate_tui.core.records import CARD_FIELDS, ITEM_COLLECTIONS, card_from_record
from delegate_tui.core.stored_shape import CARD_TYPES
from delegate_tui.snapshots import csv as csv_export
from delegate_tui.snapshots import html, markdown
from delegate_tui.snapshots.cells import PLAIN_HEADINGS
from delegate_tui.snapshots.json import as_json
from delegate_tui.snapshots.snapshot import build_snapshot
from tests.kit.app import SIZE, make_app, open_card
from tests.kit.sample_board import NOW, build_board

NAMES = [spec.name for spec in CARD_SPECS]
TYPED = [spec.name for spec in CARD_SPECS if not spec.plain]

NOT_ON_THE_MODEL = {"deleted_at"}
"""Stored fields the model has no attribute for: a deleted card is not a Card at all."""

CARD_PARTS = {
    "id",
    *ITEM_COLLECTIONS,
    "log",
    "history",
    "created_at",
    "updated_at",
    "absence_at",
    "plain",
}
"""The Card's attributes that are not scalar fields of the table."""

COMPUTED_COLUMNS = {
    "id",
    "standards_done",
    "standards_total",
    "in_stage_since",
    "days_in_stage",
    "delegating_over_4_weeks",
    "log_entries_in_period",
    "since_last_snapshot",
    "absence_set",
    "next_checkin",
    "checkin_overdue",
}
"""Snapshot columns that are figures computed from the card, not one of its fields."""


def test_the_stored_defaults_and_types_are_the_table_in_its_order():
    assert list(CARD_FIELDS) == NAMES
    assert list(CARD_TYPES) == NAMES
    for spec in CARD_SPECS:
        assert CARD_FIELDS[spec.name] == spec.default and CARD_TYPES[spec.name] is spec.stored


def test_the_card_model_has_an_attribute_per_typed_field_with_its_default():
    fields = {f.name: f for f in dataclasses.fields(Card)}
    assert set(fields) - CARD_PARTS == set(TYPED) - NOT_ON_THE_MODEL
    for spec in CARD_SPECS:
        if spec.name in fields and spec.name != "title":  # a Card is made with its title
            assert fields[spec.name].default == spec.default, spec.name
    assert set(PLAIN_FIELDS).isdisjoint(fields)


def test_every_field_reads_from_a_record_and_shows_in_the_cards_json():
    record = {spec.name: spec.default for spec in CARD_SPECS}
    card = card_from_record("c1", record)
    assert set(card.plain) == set(PLAIN_FIELDS)
    for name in set(NAMES) - NOT_ON_THE_MODEL:
        assert card.value(name) == (CARD_FIELDS[name] if name not in PLAIN_FIELDS else "")
    shown = card.to_json()
    assert set(shown) - CARD_PARTS - {"created_at", "updated_at"} == set(NAMES) - NOT_ON_THE_MODEL
    if PLAIN_FIELDS:  # after the typed fields, in table order
        assert list(shown)[-len(PLAIN_FIELDS) :] == list(PLAIN_FIELDS)


def _edit_parser() -> argparse.ArgumentParser:
    commands = next(
        a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    )
    return commands.choices["edit"]


def test_delegate_edit_has_a_flag_per_field_with_one_and_no_other():
    dests = [a.dest for a in _edit_parser()._actions if a.dest not in ("help", "card")]
    flagged = {spec.flag.dest: spec.name for spec in CARD_SPECS if spec.flag is not None}
    assert set(dests) == set(flagged) and len(dests) == len(flagged)
    assert dests == [spec.flag.dest for spec in edit_flags() if spec.flag is not None]
    assert flagged == {**EDIT_OPTIONS, **EDIT_SWITCHES}


async def test_the_card_screen_edits_the_fields_with_a_label(tmp_path: Path, clock, alice):
    path = tmp_path / "board.json"
    BoardStore(path, alice, clock=clock).add("Invoicing", "only-me")
    app = make_app(path, clock, alice)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot)
        box = screen.query_one("#overview", OptionList)
        rows = [box.get_option_at_index(i).id for i in range(box.option_count)]
    assert rows == [spec.name for spec in CARD_SPECS if spec.label]


def test_the_snapshot_columns_are_the_tables_and_the_computed_figures(tmp_path: Path):
    store = build_board(tmp_path / "board.json")
    snap = build_snapshot(store.cards(), board="b", board_id=store.board_id, now=NOW)
    columns = {spec.column for spec in CARD_SPECS if spec.column}
    assert set(csv_export.COLUMNS) == columns | COMPUTED_COLUMNS
    rows = list(csv.reader(io.StringIO(csv_export.render(snap))))
    assert len(rows) > 1 and {len(row) for row in rows} == {len(csv_export.COLUMNS)}
    for card in as_json(snap)["cards"]:
        assert set(card) - {"moved_from"} == columns | COMPUTED_COLUMNS
    plain_columns = [spec.column for spec in PLAIN_COLUMNS]
    assert list(csv_export.COLUMNS)[len(csv_export.COLUMNS) - len(plain_columns) :] == plain_columns
    assert tuple(s.heading for s in PLAIN_COLUMNS if s.heading) == PLAIN_HEADINGS
    for heading in PLAIN_HEADINGS:
        assert heading in markdown.render(snap) and heading in html.render(snap)


def test_provider_notes_have_no_snapshot_column():
    private = {"confidentiality", "reporting"}
    assert all(spec.column is None for spec in CARD_SPECS if spec.name in private)
