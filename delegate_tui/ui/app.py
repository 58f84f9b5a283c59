"""Provides DelegateApp: the terminal UI over one board file, shared by the CLI and the tests.

The app is thin: it owns the store (saving on a background thread), the undo history, the keys
that work everywhere, the command palette entries and the live reload of outside changes. The
screens in `screens/` do the rest.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from textual import constants
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.reactive import Initialize, Reactive
from textual.screen import Screen

from delegate_tui import config
from delegate_tui.board import collector
from delegate_tui.board.conflicts import ConflictWatcher, FoldReport
from delegate_tui.board.open_store import open_store
from delegate_tui.board.rescue import write_rescue
from delegate_tui.board.stage_lists import StageLists
from delegate_tui.board.undo import Step, UndoHistory
from delegate_tui.core.display import line
from delegate_tui.core.errors import BoardError, MergeError
from delegate_tui.core.language import N_, _
from delegate_tui.core.merge import Changes
from delegate_tui.core.records import Clock, Identity, utc_now
from delegate_tui.ui.palette import system_command
from delegate_tui.ui.screens.board import BoardScreen
from delegate_tui.ui.screens.board_settings import edit_settings
from delegate_tui.ui.screens.card import CardScreen
from delegate_tui.ui.screens.choice import ChoiceScreen
from delegate_tui.ui.screens.help import HelpScreen, Section, key_rows
from delegate_tui.ui.screens.theme_picker import ThemePicker
from delegate_tui.ui.themes import (
    APP_VARIABLES,
    DEFAULT_THEME,
    load_all_themes,
    unknown_theme_message,
)
from delegate_tui.ui.words import translate_bindings

RELOAD_EVERY = 1.0
"""Seconds between two looks at the board file for outside changes."""


class DelegateApp(App[None]):
    """The board in the terminal."""

    TITLE = "delegate"
    CSS_PATH = ["app.tcss", "widgets/bars.tcss", "screens/board.tcss"]
    """The board's styles load with the app's: it is the first screen (see get_default_screen)."""
    BINDINGS = [
        Binding("q", "quit", N_("Quit"), id="quit"),
        Binding("question_mark", "help", N_("Help"), id="help", tooltip=N_("Show every key")),
        Binding("u", "undo", N_("Undo"), id="undo", tooltip=N_("Undo the last change")),
        Binding(
            "ctrl+r", "redo", N_("Redo"), show=False, id="redo", tooltip=N_("Redo what undo undid")
        ),
        Binding("t", "pick_theme", N_("Theme"), show=False, id="theme", tooltip=N_("Choose theme")),
        Binding(
            "ctrl+p",
            "command_palette",
            N_("Commands"),
            show=False,
            priority=True,
            id="command-palette",
            tooltip=N_("Command palette: every action by name"),
        ),
    ]

    def _first_theme(self) -> str:
        """The theme to start in: --theme, else the config's theme, else the default; an
        unknown one falls back to the default, with a problem to show.

        The app's `theme` starts from this (`Initialize`): `App.__init__` reads it before it
        builds the ANSI colour filter, the light/dark classes and the stylesheet's variables,
        so the first CSS pass is already in this theme. Set on mount, the board was styled and
        drawn twice, first in Textual's default theme; set as `self.theme = …` in `__init__`,
        a full CSS reparse (~7 ms) ran before the first pass made its own.
        """
        for own_theme in self._theme_files.themes.values():
            self.register_theme(own_theme)
        wanted = self.requested_theme or DEFAULT_THEME
        if wanted in self.available_themes:
            return wanted
        message = unknown_theme_message(wanted, list(self.available_themes))
        self.problems.append(
            _("{message}; using {theme}").format(message=message, theme=DEFAULT_THEME)
        )
        return DEFAULT_THEME if DEFAULT_THEME in self.available_themes else constants.DEFAULT_THEME

    theme: Reactive[str] = Reactive(Initialize(_first_theme))
    """The current theme's name (as `App.theme`), starting in the one `_first_theme` picks."""

    def __init__(
        self,
        board_path: str | Path,
        *,
        identity: Identity | None = None,
        clock: Clock | None = None,
        settings: config.Config | None = None,
        theme: str | None = None,
        backup_dir: Path | None = None,
        config_folder: Path | None = None,
        create: bool = False,
    ) -> None:
        self.config_folder = config_folder if config_folder is not None else config.config_dir()
        self.settings = settings or config.load_config(self.config_folder)
        self.requested_theme = theme or self.settings.theme or None
        self._theme_files = load_all_themes(self.config_folder)
        self.problems = [
            *self.settings.problems,
            *(_("theme file {problem}").format(problem=p) for p in self._theme_files.problems),
        ]
        """What was wrong with the settings and theme files: shown once, in one notification."""
        super().__init__()  # it reads `theme` first: `_first_theme` (above) decides it
        translate_bindings(self)
        self.set_class(True, f"-theme-{self.theme}", update=False)  # as setting `theme` does
        self.clock: Clock = clock or utc_now
        self.save_errors: list[str] = []
        self.rescued: Path | None = None
        """Where quitting wrote a rescue copy of changes the board file could not take."""
        self._startup_rest = collector.StartupRest()
        # The board's records live as long as the app: they are set aside from the cycle
        # collector's walks (with 10,000 cards a walk took longer than a keypress), starting
        # with the first one after the parse (~15 ms at 10,000 cards).
        with collector.paused():
            self.store = open_store(
                board_path,
                self.settings,
                identity=identity,
                clock=self.clock,
                config_folder=self.config_folder,
                backup_dir=backup_dir,
                background=True,
                on_save_error=self.save_errors.append,  # read on the UI thread by _poll
                create=create,
            )
            # Read while the records are fresh from the parse: at 10,000 cards this took
            # ~14 ms here and ~21 ms when the board screen mounted 40 ms later.
            self.lists = StageLists(self.store)
            """The board's cards per stage, in board order (the board screen keeps them)."""
            self.lists.load()
            collector.set_aside()
        self.history = UndoHistory(self.store)
        self._reloading = False
        self.conflicts = ConflictWatcher(self.store)

    def get_default_screen(self) -> Screen[None]:
        """The board, as Textual's own first screen.

        As a mode (MODES) it would cost two more passes over all the CSS before the first
        frame: one for its own CSS file, one because a new mode's screen always restyles.
        """
        return BoardScreen()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(APP_VARIABLES)

    def on_load(self) -> None:
        # Starting up builds tens of thousands of lasting objects (the screen, its styles, the
        # first strips): the collector walked them ~80 times before the first frame, ~15 ms of
        # a 10,000-card board's open. It rests until that frame is on screen.
        self._startup_rest.begin()

    def on_mount(self) -> None:
        self.call_after_refresh(self._startup_rest.end)
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        if self.problems:
            lines = "\n".join(f"• {problem}" for problem in self.problems)
            self.notify(
                _("Using defaults for what could not be read:") + f"\n{lines}",
                title=_("Settings"),
                severity="warning",
                timeout=15,
                markup=False,
            )
        self.set_interval(RELOAD_EVERY, self._poll)

    def on_unmount(self) -> None:
        self._startup_rest.end()  # an app that ends before its first frame
        self.store.close()

    # ------------------------------------------------------------ themes

    def action_pick_theme(self) -> None:
        if not isinstance(self.screen, ThemePicker):
            picker = ThemePicker(list(self.available_themes), self.theme)
            self.push_screen(picker, self._theme_chosen)

    def _theme_chosen(self, name: str | None) -> None:
        if not name:
            return  # escape: the picker has put the old theme back; the config stays as it is
        self.theme = name
        try:
            config.save_setting("theme", name, self.config_folder)
        except OSError as exc:
            self.notify(
                _("Theme {name} is on for now but not saved: {error}").format(name=name, error=exc),
                severity="error",
                markup=False,
            )
            return
        self.settings.theme = name
        self.notify(
            _("Theme {name} saved to {path}").format(
                name=name, path=self.config_folder / config.CONFIG_NAME
            ),
            markup=False,
        )

    # ------------------------------------------------------------ keys everywhere

    def refresh_views(self, keep: str | None = None, changed: Iterable[str] | None = None) -> None:
        """Redraw every open screen that shows the board (after undo, redo, reload, edits)."""
        for screen in self.screen_stack:
            if isinstance(screen, BoardScreen):
                screen.refresh_view(keep, changed)
            elif isinstance(screen, CardScreen):
                screen.refresh_view(keep)

    def action_undo(self) -> None:
        self._replayed(
            self.history.undo(), _("Nothing to undo"), _("Undone: {step} (ctrl+r redoes it)")
        )

    def action_redo(self) -> None:
        self._replayed(self.history.redo(), _("Nothing to redo"), _("Redone: {step}"))

    def _replayed(self, step: Step | None, nothing: str, done: str) -> None:
        """Show what undo or redo did (`done` names the step's label), or that it had nothing."""
        if step is None:
            self.notify(nothing)
            return
        self.refresh_views(step.cards[0][0], [c[0] for c in step.cards])
        self.notify(done.format(step=step.label), markup=False)

    def key_sections(self) -> list[Section]:
        """The key table, generated from the bindings and the keymap."""
        keymap, display = self.settings.keymap, self.get_key_display
        return [
            (_("On the board"), key_rows(BoardScreen.BINDINGS, keymap, display)),
            (_("In a card"), key_rows(CardScreen.BINDINGS, keymap, display)),
            (_("Everywhere"), key_rows(self.BINDINGS, keymap, display)),
        ]

    def action_board_settings(self) -> None:
        edit_settings(self, self.store)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_sections()))

    def _commands(self, screen: Screen[Any]) -> Iterable[tuple[DOMNode, Binding]]:
        own: list[BindingType] = list(getattr(type(screen), "BINDINGS", []))
        for binding in Binding.make_bindings(own):
            yield screen, binding
        for binding in Binding.make_bindings(self.BINDINGS):
            yield self, binding

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        ours = isinstance(screen, BoardScreen | CardScreen)
        for command in super().get_system_commands(screen):
            if not (ours and command.callback == self.action_change_theme):
                yield system_command(
                    command
                )  # on the board, "Choose theme" (t) replaces Textual's unsaved one
        if not ours:
            return
        about = _("The board's name, the leader's name and the leader's hours a week")
        yield SystemCommand(_("Board settings"), about, self.action_board_settings)
        for node, binding in self._commands(screen):
            if binding.action in ("quit", "command_palette"):
                continue
            keys = self.settings.keymap.get(binding.id or "", binding.key).replace(",", " / ")
            title = _(binding.tooltip or binding.description)
            yield SystemCommand(title, keys, partial(self.run_action, binding.action, node))

    # ------------------------------------------------------------ quitting

    QUIT_CHOICES = (
        ("retry", N_("Try to save again")),
        ("rescue", N_("Write a rescue copy in your data folder ('delegate check' merges it back)")),
        ("lose", N_("Quit and lose them")),
    )

    async def action_quit(self) -> None:
        """Quit, unless changes are not in the board file: then ask what to do with them."""
        self.store.flush(timeout=10.0)
        if not self.store.unsaved:
            self.exit()
            return
        detail = self.save_errors[-1] if self.save_errors else _("the board file did not take them")
        question = _("Changes are not saved ({detail}). What now? (escape: back to the board)")
        choices = [(key, _(label)) for key, label in self.QUIT_CHOICES]
        self.push_screen(ChoiceScreen(question.format(detail=detail), choices), self._quit_chosen)

    def _quit_chosen(self, choice: str | None) -> None:
        if choice == "retry":
            try:
                self.store.save_now()
            except BoardError as exc:
                self.notify(
                    _("Still not saved: {error}").format(error=exc), severity="error", markup=False
                )
                return
            self.exit()
        elif choice == "rescue":
            try:
                self.rescued = write_rescue(self.store, config.rescue_folder())
            except BoardError as exc:
                self.notify(
                    _("No rescue copy either: {error}").format(error=exc),
                    severity="error",
                    markup=False,
                )
                return
            self.exit(return_code=1)
        elif choice == "lose":
            self.exit(return_code=1)

    # ------------------------------------------------------------ outside changes

    def _poll(self) -> None:
        while self.save_errors:
            error = self.save_errors.pop(0)
            self.notify(
                _("Not saved: {error}").format(error=error),
                severity="error",
                timeout=10,
                markup=False,
            )
        if not self._reloading:
            self._reloading = True
            self.run_worker(self._reload, thread=True, group="reload", exit_on_error=False)

    def _reload(self) -> None:
        """In a thread: take in changes others made to the file, then fold conflict copies.

        Whatever the file or a copy holds, the poll goes on: a surprise is reported, not fatal.
        """
        changes, problem, titles, folded = None, "", {}, None
        try:
            changes = self.store.reload()
            for card_id in changes:
                with contextlib.suppress(BoardError):  # deleted cards have no title to show
                    titles[card_id] = self.store.card(card_id).title
            folded = self.conflicts.poll()
        except (BoardError, MergeError) as exc:
            problem = str(exc)
        except Exception as exc:  # the watcher must outlive anything a file holds
            problem = f"{self.store.path}: {type(exc).__name__}"
        try:
            self.call_from_thread(self._reloaded, changes, titles, problem, folded)
        except RuntimeError:  # the app is closing
            self._reloading = False

    def _reloaded(
        self,
        changes: Changes | None,
        titles: dict[str, str],
        problem: str,
        folded: FoldReport | None = None,
    ) -> None:
        self._reloading = False
        if problem:
            self.notify(
                _("Could not read outside changes: {problem}").format(problem=line(problem)),
                severity="warning",
                markup=False,
            )
        if changes:
            self.refresh_views(changed=list(changes))
            self.notify(changes.summary(titles), markup=False)
        if folded:
            if folded.changes:
                self.refresh_views(changed=list(folded.changes))
            self.notify(
                line(folded.summary()),  # copies' names and authors come from others
                severity="information" if folded.merged else "warning",
                timeout=8,
                markup=False,
            )
