"""Provides HelpScreen: every key, read from the bindings themselves so the list cannot go stale."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from delegate_tui.core.language import N_, _
from delegate_tui.ui.words import translate_bindings

Section = tuple[str, list[tuple[str, str]]]
"""A heading and its (keys, what they do) rows; the screen translates the heading."""

HEADINGS: tuple[str, ...] = (
    # TRANSLATORS: the headings of the help screen's key table (the app names its sections)
    N_("On the board"),
    N_("In a card"),
    N_("Everywhere"),
)
"""The sections' headings, marked here for the catalog: the screen translates them."""

NOTES = (
    N_("● on a card: its transition log has an entry from the last 7 days."),
    N_("★ before a title: one of your missions, which only you must do (m marks or unmarks it)."),
    N_("3d, 5w, 4mo on a card: how long it has been in its stage."),
    N_(
        "Archived cards leave the board: 'delegate list --archived' lists them and "
        "'delegate archive CARD --restore' brings one back."
    ),
    N_('Keys can be changed in the config file\'s [keymap] table: binding id = "keys".'),
)


def key_rows(
    bindings: Iterable[BindingType],
    keymap: Mapping[str, str],
    display: Callable[[Binding], str],
) -> list[tuple[str, str]]:
    """(keys, description) for each binding, with the keymap's keys where it remaps one; the
    description in the language of the run."""
    rows = []
    for entry in bindings:
        binding = entry if isinstance(entry, Binding) else Binding(*entry)
        keys = keymap.get(binding.id or "", binding.key)
        shown = " ".join(display(binding.with_key(k.strip())) for k in keys.split(","))
        what = _(binding.tooltip or binding.description)
        rows.append((shown, f"{what}  [{binding.id}]" if binding.id else what))
    return rows


class HelpScreen(ModalScreen[None]):
    """The key table; any of escape, q or ? closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "close", N_("Close"), id="help-close")]

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__()
        translate_bindings(self)
        self.sections = list(sections)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Content.styled(_("Keys"), "bold"), id="help-title")
            with Horizontal(id="help-columns"):
                first, rest = self.sections[:1], self.sections[1:]
                with VerticalScroll(classes="help-column", id="help-left"):
                    yield from self._sections(first)
                with VerticalScroll(classes="help-column"):
                    yield from self._sections(rest)
                    yield Static(Content.styled(_("Good to know"), "bold"), classes="help-heading")
                    yield Static(
                        Content("\n").join(Content(_(n)) for n in NOTES), classes="help-keys"
                    )

    def _sections(self, sections: Sequence[Section]) -> ComposeResult:
        for title, rows in sections:
            yield Static(Content.styled(_(title), "bold"), classes="help-heading")
            width = max((len(keys) for keys, _ in rows), default=0) + 2
            lines = [Content.assemble((keys.ljust(width), "bold"), what) for keys, what in rows]
            yield Static(Content("\n").join(lines), classes="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)
