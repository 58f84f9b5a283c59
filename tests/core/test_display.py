"""The one cleaning of board-file text for people, and the JSON escaping of controls, on any
text (surrogates included: a `\\ud800` escape in the file gives a lone one)."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from delegate_tui.core.display import block, line, one_line, show_bidi
from delegate_tui.core.json_text import dumps

ANY = st.text(st.characters(exclude_categories=()), max_size=60)
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""What never reaches a terminal (or a JSON output) raw."""
BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


@given(ANY)
def test_line_is_one_line_of_inert_text(text: str):
    shown = line(text)
    assert not UNSAFE.search(shown)
    assert shown == shown.strip() and "  " not in shown


@given(ANY)
def test_block_keeps_only_its_line_breaks(text: str):
    shown = block(text)
    assert not UNSAFE.search(shown.replace("\n", ""))
    assert shown.count("\n") <= len(BREAKS.findall(text))


@given(ANY)
def test_one_line_keeps_bidi_controls_for_the_data_formats(text: str):
    assert show_bidi(one_line(text)) == line(text)


def test_bidi_controls_become_markers_in_file_order():
    assert line("Invoice \u202egnp.exe\u202c") == "Invoice <U+202E>gnp.exe<U+202C>"
    assert (
        block("\u2067\u05e9\u05dc\u05d5\u05dd\u2069\nsuite")
        == "<U+2067>\u05e9\u05dc\u05d5\u05dd<U+2069>\nsuite"
    )
    assert line("Dépôt\tbancaire\r\n") == "Dépôt bancaire"


@given(st.recursive(ANY, lambda inner: st.lists(inner) | st.dictionaries(ANY, inner), max_leaves=8))
def test_json_escapes_every_control_and_reads_back(value: object):
    text = dumps(value)
    assert not UNSAFE.search(text.replace("\n", ""))
    assert json.loads(text) == value


def test_json_keeps_french_readable():
    assert dumps({"title": "Réglée \u202e"}, indent=None) == '{"title": "Réglée \\u202e"}'
