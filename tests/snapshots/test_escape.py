"""Text from the board comes out inert in every snapshot format: a hostile card title, and
property tests of each format's escaping on any text."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

import markdown_it  # comes with Textual: the escaping tests must never skip
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from delegate_tui.board.store import BoardStore
from delegate_tui.core.display import line
from delegate_tui.snapshots import csv as csv_format
from delegate_tui.snapshots import html as html_format
from delegate_tui.snapshots import markdown
from delegate_tui.snapshots.cells import PLAIN_HEADINGS
from delegate_tui.snapshots.snapshot import one_line
from delegate_tui.snapshots.write import write_snapshot
from tests.kit.sample_board import HOSTILE, HOSTILE_CADENCE, IDS, NOW, build_board


def _markdown_html(text: str) -> str:
    return markdown_it.MarkdownIt("commonmark").enable("table").render(text)


@pytest.fixture
def board(tmp_path: Path) -> BoardStore:
    return build_board(tmp_path / "acme.json")


def _export(board: BoardStore, tmp_path: Path, fmt: str) -> str:
    return write_snapshot(board, fmt, out=tmp_path / f"s.{fmt}", now=NOW).read_text("utf-8-sig")


def test_markdown_hostile_title_is_literal_text(board: BoardStore, tmp_path: Path):
    text = _export(board, tmp_path, "md")
    escaped = r'\<script\>alert(1)\</script\> \| \# =HYPERLINK("x")'
    assert f"| {escaped} | @SUM(1+1) | *stops* | — | 0/0 | 63 days | 1 |" in text
    assert not re.search(r"(?<!\\)[<>]", text)  # every angle bracket is backslash-escaped
    rendered = _markdown_html(text)
    assert "<script" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | # =HYPERLINK(&quot;x&quot;)" in rendered
    row = next(r for r in rendered.split("<tr>") if "alert(1)" in r)
    # the pipe in the title did not split the row: 7 cells, and one per plain field shown
    assert row.count("<td") == 7 + len(PLAIN_HEADINGS)


def test_html_hostile_title_is_escaped(board: BoardStore, tmp_path: Path):
    text = _export(board, tmp_path, "html")
    assert "<script" not in text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | # =HYPERLINK(&quot;x&quot;)" in text
    assert "&lt;b&gt;|&lt;/b&gt;" in text  # the log entry's markup too
    assert "<b>" not in text  # nor the unreadable cadence's (it is not shown at all)
    assert "http:" not in text and "https:" not in text and "src=" not in text
    assert "default-src 'none'" in text


def test_json_hostile_title_has_no_angle_brackets_and_reads_back(board: BoardStore, tmp_path: Path):
    text = _export(board, tmp_path, "json")
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    card = next(c for c in data["cards"] if c["id"] == IDS["hostile"])
    assert card["title"] == HOSTILE
    assert card["owner"] == "@SUM(1+1)"  # JSON is data, not a spreadsheet: kept exact
    assert card["checkin"] == HOSTILE_CADENCE


def test_csv_hostile_cells_cannot_run_as_formulas(board: BoardStore, tmp_path: Path):
    text = _export(board, tmp_path, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    hostile = next(r for r in rows if r["id"] == IDS["hostile"])
    assert hostile["title"] == HOSTILE  # starts with '<': a spreadsheet shows it as text
    assert hostile["owner"] == "'@SUM(1+1)"
    assert hostile["checkin"] == "'" + HOSTILE_CADENCE
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [c for c in cells if c.startswith(csv_format.FORMULA_START)]


def test_a_title_that_is_a_formula_is_neutralised(store: BoardStore, tmp_path: Path):
    store.add('=HYPERLINK("http://evil.example","click")', owner="+1-2", hours_per_week=1)
    store.add("-3+cmd|' /C calc'!A0", owner="\tTabbed")
    text = write_snapshot(store, "csv", out=tmp_path / "s.csv", now=NOW).read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["title"] for r in rows] == [
        '\'=HYPERLINK("http://evil.example","click")',
        "'-3+cmd|' /C calc'!A0",
    ]
    assert [r["owner"] for r in rows] == ["'+1-2", "Tabbed"]  # the tab was cleaned away


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60).filter(
    lambda t: one_line(t) != ""
)


@given(TEXT)
@example("\u061c")  # a bidi control: it reads back as its marker, <U+061C>
@example("pay \u202eevil")
def test_markdown_escape_reads_back_as_the_text(text: str):
    """In a paragraph, a list item in bold and a table cell, escaped text renders as the line
    the board shows (bidi controls as markers)."""
    flat = line(text)
    escaped = markdown.escape(text)
    assert "\n" not in escaped
    paragraph = _markdown_html(escaped)
    assert paragraph == f"<p>{_html_text(flat)}</p>\n"
    item = _markdown_html(f"- **{escaped}**: x")
    assert item == f"<ul>\n<li><strong>{_html_text(flat)}</strong>: x</li>\n</ul>\n"
    table = _markdown_html(f"| A | B |\n| --- | --- |\n| {escaped} | z |\n")
    cells = re.findall(r"<td>(.*?)</td>", table, re.S)
    assert [unescape(c) for c in cells] == [flat, "z"]


def _html_text(text: str) -> str:
    """How markdown-it writes literal text: &, <, > and " escaped."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


@given(st.text(max_size=80))
def test_html_escape_leaves_no_markup(text: str):
    escaped = html_format.escape(text)
    assert not set("<>\"'") & set(escaped)
    assert unescape(escaped) == text


CSV_TEXT = st.lists(
    st.sampled_from(list(";,\t\r\n\"'=+-@a")) | st.text(max_size=4), max_size=30
).map("".join)
"""Any text, rich in separators, quotes and formula signs."""


@given(CSV_TEXT)
def test_csv_cell_is_text_in_a_spreadsheet(text: str):
    """Also for a spreadsheet splitting on ';' or tabs, which starts cells inside ours."""
    cell = csv_format.cell(text)
    first, *inner = re.split(r"[;\t\r\n]", cell)
    assert not first.startswith(csv_format.FORMULA_START)
    assert not [p for p in inner if p.startswith((*csv_format.FORMULA_START, '"'))]
    assert cell.replace("'", "") == text.replace("'", "")  # only apostrophes were added
