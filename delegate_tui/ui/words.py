"""Provides the translation of the key bindings' descriptions when a screen or the app is made.

Textual reads `BINDINGS` when a class is defined, long before the language of the run is
chosen, so the descriptions there are the English words (marked with `N_` for the catalog); each
node's own copy of its bindings (`_bindings`, the one Textual's keymap rewrites too) is
translated when the node is made, in the language of that moment.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from delegate_tui.core.language import _


def translate_bindings(node: DOMNode) -> None:
    """Put the descriptions of `node`'s bindings in the language of this run."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(
                b,
                description=_(b.description) if b.description else b.description,
                tooltip=_(b.tooltip) if b.tooltip else b.tooltip,
            )
            for b in bindings
        ]
