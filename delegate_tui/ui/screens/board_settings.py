"""Provides the board settings dialog: the board's name, the leader's name and the leader's
working hours a week, asked one after the other (one prompt each, the current value filled in),
then set at once in the board file (one save); escape at any prompt changes nothing.

Opened from the command palette ("Board settings") and from the insight screen (`b`). Not in
undo: the undo history holds card changes (a setting is set again just as quickly here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from delegate_tui.board.store import BoardStore
from delegate_tui.core.board_settings import BoardSettings, parse_board_name
from delegate_tui.core.display import line
from delegate_tui.core.formats import number
from delegate_tui.core.language import _
from delegate_tui.core.vocabulary import parse_leader_hours
from delegate_tui.ui.screens.prompt import PromptScreen


def _check_hours(value: str) -> object:
    """Empty leaves the hours as they are; anything else must be more than 0 and at most 168."""
    return parse_leader_hours(value) if value.strip() else None


class SettingsDialog:
    """The three prompts in turn over `app`; `done` is called with the settings once set."""

    def __init__(
        self, app: App[Any], store: BoardStore, done: Callable[[BoardSettings], None]
    ) -> None:
        self.app, self.store, self.done = app, store, done
        self.current = store.settings()
        self.answers: dict[str, str] = {}

    def start(self) -> None:
        name = self.current.name or self.store.name
        question = _("The board's name (the title bar and the snapshots show it)")
        self.app.push_screen(PromptScreen(question, name, check=parse_board_name), self._named)

    def _named(self, value: str | None) -> None:
        if value is None:
            return
        self.answers["name"] = value
        question = _("The leader's name (empty: none)")
        self.app.push_screen(PromptScreen(question, self.current.leader), self._led)

    def _led(self, value: str | None) -> None:
        if value is None:
            return
        self.answers["leader"] = value
        hours = self.current.leader_hours
        question = _("The leader's working hours a week (more than 0, at most 168)")
        shown = number(hours) if hours is not None else ""
        prompt = PromptScreen(question, shown, placeholder="50", check=_check_hours)
        self.app.push_screen(prompt, self._timed)

    def _timed(self, value: str | None) -> None:
        if value is None:
            return
        hours = value if value.strip() else None
        settings = self.store.set_settings(
            name=self.answers["name"], leader=self.answers["leader"], leader_hours=hours
        )
        self.done(settings)


def edit_settings(app: App[Any], store: BoardStore) -> None:
    """Ask for the settings over `app`; once set, the open screens show the new name (the
    board's title bar, the insight screen's heading) and a notification says what was set."""
    old_name = line(store.name)

    def done(settings: BoardSettings) -> None:
        for screen in app.screen_stack:
            if screen.sub_title == old_name:
                screen.sub_title = line(store.name)
            refresh = getattr(screen, "refresh_figures", None)
            if callable(refresh):
                refresh()
        app.notify(_("Board settings saved"), markup=False)

    SettingsDialog(app, store, done).start()
