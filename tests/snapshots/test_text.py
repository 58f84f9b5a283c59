"""Snapshots of a board whose text was written to fool a reader: CSV cells cannot start a
formula whatever separator the spreadsheet splits on, and bidi controls never make a title read
backwards in HTML or Markdown (they show as markers; JSON keeps them, escaped)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import markdown_it
import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.snapshots import csv as csv_format
from delegate_tui.snapshots.write import write_snapshot
from tests.kit.sample_board import NOW

SPLIT = 'Invoicing;=HYPERLINK("http://evil.example";"x")'
"""One cell for a comma reader; a formula in the second cell for a spreadsheet splitting on ';'."""
QUOTED = 'Orders;"=1+1";@SUM(2)\t-3\t+cmd'
REVERSED = "Invoice \u202egnp.exe"
"""Reads 'Invoice exe.png' where the right-to-left override is honoured."""


def _export(store: BoardStore, tmp_path: Path, fmt: str) -> str:
    out = tmp_path / f"s.{fmt}"
    return write_snapshot(store, fmt, out=out, now=NOW).read_text("utf-8-sig")


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_no_csv_cell_starts_a_formula_whatever_the_separator(
    separator: str, store: BoardStore, tmp_path: Path
):
    store.add(SPLIT, owner="Marie;+33 1 23")
    store.add(QUOTED, owner="Paul;-1")
    text = _export(store, tmp_path, "csv")
    cells = [c for row in csv.reader(io.StringIO(text), delimiter=separator) for c in row]
    assert not [c for c in cells if c.lstrip('"').startswith(csv_format.FORMULA_START)]


def test_a_comma_reader_still_reads_the_text(store: BoardStore, tmp_path: Path):
    store.add(SPLIT, owner="=Marie")
    rows = list(csv.DictReader(io.StringIO(_export(store, tmp_path, "csv"))))
    assert rows[0]["title"] == 'Invoicing;\'=HYPERLINK("http://evil.example";\'"x")'
    assert rows[0]["owner"] == "'=Marie"


def test_html_shows_bidi_controls_as_markers(store: BoardStore, tmp_path: Path):
    store.add(REVERSED, owner="\u2067Bob\u2069")
    text = _export(store, tmp_path, "html")
    assert not re.search("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", text)
    assert "Invoice &lt;U+202E&gt;gnp.exe" in text
    assert "&lt;U+2067&gt;Bob&lt;U+2069&gt;" in text


def test_markdown_shows_bidi_controls_as_markers(store: BoardStore, tmp_path: Path):
    store.add(REVERSED)
    text = _export(store, tmp_path, "md")
    assert not re.search("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", text)
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(text)
    assert "Invoice &lt;U+202E&gt;gnp.exe" in rendered


def test_json_snapshot_escapes_bidi_and_keeps_the_title(store: BoardStore, tmp_path: Path):
    store.add(REVERSED + " \u2028 réglée")
    text = _export(store, tmp_path, "json")
    assert not re.search(
        "[\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", text
    )
    assert "gnp\\u202e" not in text and "\\u202egnp.exe" in text and "réglée" in text
    assert json.loads(text)["cards"][0]["title"] == REVERSED + " réglée"
