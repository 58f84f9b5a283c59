"""Every key the READMEs list (the English one and the French one) is a key the app binds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding, BindingType

from delegate_tui.ui.app import DelegateApp
from delegate_tui.ui.screens.board import BoardScreen
from delegate_tui.ui.screens.card import CardScreen

ROOT = Path(__file__).parents[2]

SHOWN_AS = {
    "←": "left",
    "→": "right",
    "↑": "up",
    "↓": "down",
    "pgup": "pageup",
    "pgdn": "pagedown",
    "/": "slash",
    "?": "question_mark",
    ">": "greater_than_sign",
    "<": "less_than_sign",
}
"""The README writes keys as a person reads them; Textual names them."""

CARD_PARAGRAPH = {"README.md": "In a card (`enter`)", "README.fr.md": "Dans une carte (`enter`)"}
"""Where each README says the keys of a card."""


def bound(*owners: list[BindingType]) -> set[str]:
    keys: set[str] = set()
    for bindings in owners:
        for binding in Binding.make_bindings(bindings):
            keys.update(k.strip() for k in binding.key.split(","))
    return keys


def key_name(shown: str) -> str:
    """`shift+→` → `shift+right`, `?` → `question_mark`, `q` → `q`."""
    *modifiers, key = shown.split("+")
    return "+".join([*modifiers, SHOWN_AS.get(key, key)])


def table_keys(text: str) -> list[str]:
    """The keys in the first column of the keys table."""
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    return [k for row in rows for k in re.findall(r"`([^`]+)`", row.split("|")[1])]


def card_keys(text: str, start: str) -> list[str]:
    paragraph = text.split(start, 1)[1].split("\n\n", 1)[0]
    return ["enter", *re.findall(r"`([^`]+)`", paragraph)]


def unbound(shown: list[str], keys: set[str]) -> list[str]:
    return [k for k in shown if key_name(k) not in keys]


@pytest.mark.parametrize("readme", ["README.md", "README.fr.md"])
def test_every_board_key_the_readme_lists_is_bound(readme):
    shown = table_keys((ROOT / readme).read_text(encoding="utf-8"))
    assert len(shown) >= 30
    assert unbound(shown, bound(DelegateApp.BINDINGS, BoardScreen.BINDINGS)) == []


@pytest.mark.parametrize("readme", ["README.md", "README.fr.md"])
def test_every_card_key_the_readme_lists_is_bound(readme):
    text = (ROOT / readme).read_text(encoding="utf-8")
    shown = card_keys(text, CARD_PARAGRAPH[readme])
    assert len(shown) >= 5
    assert unbound(shown, bound(DelegateApp.BINDINGS, CardScreen.BINDINGS)) == []


def test_a_key_the_app_does_not_bind_is_caught():
    keys = bound(DelegateApp.BINDINGS, BoardScreen.BINDINGS)
    assert unbound(["shift+→", "pgup", "?", "z", "ctrl+→"], keys) == ["z", "ctrl+→"]
