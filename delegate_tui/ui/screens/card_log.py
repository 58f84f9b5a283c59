"""Provides the card screen's transition-log keys: `a` adds an entry, `e` corrects one (the kind
chooser, then the text, both prefilled; escape cancels), `d` removes one; each goes through the
undo history like any change of the card, so `u` undoes it and redo does it again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from delegate_tui.core.display import block
from delegate_tui.core.language import _
from delegate_tui.core.vocabulary import LOG_KINDS, log_kind_label, log_kind_name, parse_text
from delegate_tui.ui.screens.choice import ChoiceScreen

if TYPE_CHECKING:
    from delegate_tui.ui.screens.card import CardScreen


def kinds() -> list[tuple[str, str]]:
    """The kind chooser's options: each kind and its name, in the run's language."""
    return [(k, log_kind_name(k)) for k in LOG_KINDS]


async def _kind_and_text(
    screen: CardScreen, kind: str | None = None, text: str = ""
) -> tuple[str, str] | None:
    """What happened: a kind from the chooser, then a line of text (None on escape)."""
    chosen = await screen.app.push_screen_wait(ChoiceScreen(_("What happened?"), kinds(), kind))
    if not chosen:
        return None
    question = _("{kind}: what happened?").format(kind=log_kind_label(chosen))
    said = await screen._ask(question, text, check=parse_text)
    return (chosen, parse_text(said)) if said else None


async def add_entry(screen: CardScreen) -> None:
    store, card_id = screen.board.store, screen.card_id
    answer = await _kind_and_text(screen)
    if answer is None:
        return
    made: list[str] = []
    screen._change(_("add a log entry"), lambda: made.append(store.log(card_id, *answer)))
    if made:
        screen.refresh_view(made[0])
        screen.notify(_("Logged (u takes it back)"))


async def edit_entry(screen: CardScreen, entry_id: str) -> None:
    store, card_id = screen.board.store, screen.card_id
    entry = next((e for e in screen.card.log if e.id == entry_id), None)
    if entry is None:
        return
    answer = await _kind_and_text(screen, entry.kind, block(entry.text))
    if answer is None or answer == (entry.kind, entry.text):
        return
    kind, text = answer
    screen._change(
        _("correct a log entry"),
        lambda: store.correct_log(card_id, entry_id, kind=kind, text=text),
        entry_id,
    )
    screen.notify(_("Corrected: the entry says who corrected it and when (u undoes it)"))


def remove_entry(screen: CardScreen, entry_id: str) -> None:
    store, card_id = screen.board.store, screen.card_id
    screen._change(_("remove a log entry"), lambda: store.remove_log(card_id, entry_id))
    screen.notify(_("Removed the log entry: u brings it back"))
