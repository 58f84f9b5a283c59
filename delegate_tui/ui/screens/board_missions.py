"""Provides the board's leader-mission keys and questions: `m` marks or unmarks the selected card
as one of the missions only the leader must do (one undo step), and a forward move asks first
when it would hand a leader mission over, then goes through the readiness gate as before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from delegate_tui.core.language import _, pgettext
from delegate_tui.core.model import Card
from delegate_tui.core.readiness import readiness
from delegate_tui.ui.screens.board_words import quoted
from delegate_tui.ui.screens.confirm import ConfirmScreen, gate_screen

if TYPE_CHECKING:
    from delegate_tui.ui.screens.board import BoardScreen


def toggle_mission(screen: BoardScreen) -> None:
    """Mark the selected card as a leader mission, or unmark it: one save, one undo step."""
    card = screen.current
    if card is None:
        return
    store, marked = screen.board.store, not card.leader_mission
    screen.board.history.change(
        pgettext("undo step", "leader mission"),
        [card.id],
        lambda: store.edit(card.id, leader_mission=marked),
    )
    screen.refresh_view(card.id, [card.id])
    said = (
        _("{card} is one of your missions: it stays with you (u undoes it)")
        if marked
        else _("{card} is no longer one of your missions (u undoes it)")
    )
    screen.notify(said.format(card=quoted(card)), markup=False)


def mission_screen(card: Card) -> ConfirmScreen:
    """The question before a leader mission leaves Only me, the y/n keys on the buttons."""
    return ConfirmScreen(
        _("This is one of your missions: hand it over anyway?"),
        _("{card} is marked as a mission only you must do.").format(card=quoted(card)),
        yes=_("y  Hand it over"),
        no=_("n  Keep it"),
    )


def move_forward(screen: BoardScreen, card: Card, stage: str) -> None:
    """Move `card` one stage on: a leader mission going to Delegating asks first; Team-owned
    goes through the readiness gate."""
    if card.leader_mission and stage == "delegating":
        screen.app.push_screen(
            mission_screen(card), lambda yes: _past_gate(screen, card, stage) if yes else None
        )
        return
    _past_gate(screen, card, stage)


def _past_gate(screen: BoardScreen, card: Card, stage: str) -> None:
    """Move the card, asking the readiness gate's question first on the way into Team-owned."""
    if stage != "team-owned":
        screen.move_card(card.id, stage)
        return
    found = readiness(card, screen.board.clock())
    if not found.missing and not found.warnings:
        screen.move_card(card.id, stage)
        return
    screen.app.push_screen(
        gate_screen(_("Hand {card} over to the team?").format(card=quoted(card)), found),
        lambda yes: screen.move_card(card.id, stage, forced=not found.ready) if yes else None,
    )
