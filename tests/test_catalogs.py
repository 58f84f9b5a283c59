"""The French catalog is whole, honest and compiled: every word the code marks has a French
translation (not fuzzy, the same placeholders), French typography, and the committed .mo is the
one its .po files compile to."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "tools" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogs"] = module
    spec.loader.exec_module(module)
    return module


catalogs = _tool()


def test_every_marked_word_has_a_french_translation():
    assert list(catalogs.problems("fr")) == []


def test_the_committed_catalog_is_the_compiled_po_files():
    committed = catalogs.mo_path("fr").read_bytes()
    assert committed == catalogs.compiled("fr"), "run: python tools/catalogs.py compile"


def test_no_po_file_keeps_words_the_code_no_longer_has():
    for layer in catalogs.LAYERS:
        wanted = {(m.id, m.context) for m in catalogs.template(layer) if m.id}
        kept = {(m.id, m.context) for m in catalogs.read("fr", layer) if m.id}
        assert kept <= wanted, f"{layer}.po: run python tools/catalogs.py update"


def _french() -> list[tuple[str, str]]:
    found = []
    for layer in catalogs.LAYERS:
        for message in catalogs.read("fr", layer):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            found.extend((f"{layer}.po {message.id!r}", s) for s in strings if s)
    return found


@pytest.mark.parametrize(
    ("rule", "wrong"),
    [
        ("a narrow no-break space (U+202F) before : ; ! ?", re.compile(r"[ \u00a0][:;!?](?!\S*/)")),
        ('French quotes « » rather than "…"', re.compile(r'"')),
        ("a narrow no-break space inside « »", re.compile(r"«(?!\u202f)|(?<!\u202f)»")),
    ],
)
def test_french_typography(rule, wrong):
    bad = [f"{where}: {text!r}" for where, text in _french() if wrong.search(text)]
    assert bad == [], f"French wants {rule}"


def test_the_catalogs_count_plurals_as_french_does():
    for layer in catalogs.LAYERS:
        assert catalogs.read("fr", layer).num_plurals == 2
