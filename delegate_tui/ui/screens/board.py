"""Provides BoardScreen: the three stages side by side, where a leader spends the day.

Every change goes through the store (which saves on its own thread) and the undo history; the
screen then redraws from the store. Nothing here waits for the disk.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Input

from delegate_tui.board.stage_lists import StageLists, record_matches
from delegate_tui.core.display import line
from delegate_tui.core.errors import CardNotFound
from delegate_tui.core.language import N_, _, pgettext
from delegate_tui.core.model import Card
from delegate_tui.core.readiness import readiness
from delegate_tui.core.vocabulary import (
    STAGES,
    log_kind_name,
    next_stage,
    parse_title,
    stage_label,
)
from delegate_tui.ui.screens.board_export import ask_and_export
from delegate_tui.ui.screens.board_missions import move_forward, toggle_mission
from delegate_tui.ui.screens.board_words import quoted, stage_head
from delegate_tui.ui.screens.card import CardScreen
from delegate_tui.ui.screens.confirm import ConfirmScreen, gate_screen
from delegate_tui.ui.screens.insight import InsightScreen
from delegate_tui.ui.screens.prompt import PromptScreen
from delegate_tui.ui.screens.take_back import Why, ask_why
from delegate_tui.ui.widgets.bars import KeyBar, TitleBar
from delegate_tui.ui.widgets.column import Column, StageHead
from delegate_tui.ui.words import translate_bindings

if TYPE_CHECKING:
    from delegate_tui.ui.app import DelegateApp


AGE_REFRESH = 60.0
"""Seconds between two redraws of an idle board, so ages and overdue markers stay true."""


class BoardScreen(Screen[None]):
    """The board: one column per stage."""

    # Its styles (board.tcss) are part of the app's CSS_PATH: the board is the first screen.
    AUTO_FOCUS = ""  # the screen itself has the keys; the filter box takes focus only on /
    BINDINGS = [
        Binding("left,h", "column(-1)", N_("Previous column"), show=False, id="column-left"),
        Binding("right,l", "column(1)", N_("Next column"), show=False, id="column-right"),
        Binding("up,k", "cursor(-1)", N_("Previous card"), show=False, id="card-up"),
        Binding("down,j", "cursor(1)", N_("Next card"), show=False, id="card-down"),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="page-up"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="page-down"),
        Binding("home", "cursor_to(0)", N_("First card"), show=False, id="card-first"),
        Binding("end", "cursor_to(-1)", N_("Last card"), show=False, id="card-last"),
        Binding("shift+right,L,greater_than_sign", "move(1)", N_("Move →"), id="move-next",
                tooltip=N_("Move the card to the next stage")),
        Binding("shift+left,H,less_than_sign", "move(-1)", N_("Move ←"), id="move-back",
                tooltip=N_("Move the card back to the previous stage")),
        Binding("shift+up,K", "reorder(-1)", N_("Card up"), show=False, id="reorder-up",
                tooltip=N_("Move the card up in its column")),
        Binding("shift+down,J", "reorder(1)", N_("Card down"), show=False, id="reorder-down",
                tooltip=N_("Move the card down in its column")),
        Binding("n", "new_card", N_("New"), id="new-card", tooltip=N_("New card in this column")),
        Binding("enter", "open_card", N_("Open"), id="open-card",
                tooltip=N_("Open the card: standards, notes, log")),
        Binding("m", "mission", N_("Mission"), show=False, id="leader-mission",
                tooltip=N_("Mark or unmark one of your missions")),
        Binding("e", "rename", N_("Rename"), show=False, id="rename", tooltip=N_("Rename the card")),
        Binding("a", "archive", N_("Archive"), show=False, id="archive",
                tooltip=N_("Archive the card (u brings it back)")),
        Binding("d", "delete_card", N_("Delete"), show=False, id="delete-card",
                tooltip=N_("Delete the card (asks first)")),
        Binding("slash", "filter", N_("Filter"), id="filter",
                tooltip=N_("Filter cards by title, owner or notes")),
        Binding("escape", "clear_filter", N_("Clear filter"), show=False, id="clear-filter"),
        Binding("x", "export", N_("Export"), id="export", tooltip=N_("Write a status snapshot")),
        Binding("i", "insight", N_("Insight"), id="insight",
                tooltip=N_("The two-week absence test, hours bought back, flow")),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.query_text = ""
        self.lists: StageLists = self.board.lists
        self._columns: list[Column] = []
        self._heads: dict[str | None, StageHead] = {}
        self._filter: Input | None = None
        """The filter box, made on the first / (most sessions never filter: it opens quicker)."""
        self.active = 0
        """Index of the column the keys act on (columns never take the focus)."""

    @property
    def board(self) -> DelegateApp:
        return cast("DelegateApp", self.app)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        # One grid: the three heads on its first row, the columns under them (a container per
        # stage would be three more widgets to mount, style and lay out before the first frame).
        with Grid(id="stages"):
            for stage in STAGES:
                yield StageHead(id=f"head-{stage}", classes=f"stage-head stage-{stage}")
            for stage in STAGES:
                yield Column(stage, self.model, id=f"column-{stage}")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = line(self.board.store.name)
        self._columns = list(self.query(Column))
        self._heads = {head.id: head for head in self.query(StageHead)}
        self.refresh_view(changed=() if self.lists.loaded else None)  # the app read them
        self.activate(next((i for i, c in enumerate(self.columns) if c.ids), 0))
        # Ages ("3d") and overdue check-ins move with the clock even when nothing changes.
        self.set_interval(AGE_REFRESH, lambda: self.refresh_view(changed=()))

    # ------------------------------------------------------------ reading the board

    @property
    def columns(self) -> list[Column]:
        return self._columns

    @property
    def column(self) -> Column:
        """The column the keys act on."""
        return self.columns[self.active]

    def activate(self, index: int) -> None:
        self.active = index
        for n, column in enumerate(self.columns):
            column.set_active(n == index)

    def on_column_picked(self, event: Column.Picked) -> None:
        self.activate(self.columns.index(event.column))
        self.set_focus(None)

    @property
    def current(self) -> Card | None:
        return self.column.current

    def model(self, card_id: str) -> Card | None:
        """A card's model (built once by the store and kept); None if it is gone."""
        try:
            return self.board.store.card(card_id)
        except CardNotFound:
            return None

    def _matching(self, ids: list[str], query: str) -> list[str]:
        """The cards the filter keeps, read from the records (no model is built for them)."""
        records = self.board.store.raw_cards()
        return [i for i in ids if (r := records.get(i)) is not None and record_matches(r, query)]

    def refresh_view(self, keep: str | None = None, changed: Iterable[str] | None = None) -> None:
        """Redraw, keeping the selection on card `keep` (else on the same card).

        `changed` names the cards that changed: only they are read again and only their
        columns redrawn. None reads every card; () redraws every column (a new filter).
        """
        keep = keep or self.column.current_id
        if changed is None:
            self.lists.load()
            stages = set(STAGES)
        else:
            changed = list(changed)
            stages = self.lists.update(changed) if changed else set(STAGES)
        home = self.lists.stage_of(keep) if keep else None
        now = self.board.clock()
        query = self.query_text.strip().lower()
        for index, column in enumerate(self.columns):
            if column.stage not in stages:
                continue
            every = self.lists.by_stage[column.stage]
            shown = self._matching(every, query) if query else every
            column.show(shown, now, keep if column.stage == home else None, changed)
            hours = self.lists.hours(column.stage)
            head = stage_head(column.stage, len(shown), len(every), hours, bool(query))
            self._heads[f"head-{column.stage}"].show(head)
            if keep and column.current_id == keep and index != self.active:
                self.activate(index)  # the card moved: the keys follow it

    # ------------------------------------------------------------ moving around

    def action_column(self, step: int) -> None:
        index = self.active + step
        if 0 <= index < len(self.columns):
            self.activate(index)

    def action_cursor(self, step: int) -> None:
        self.column.select(self.column.index + step)

    def action_page(self, step: int) -> None:
        self.column.select(self.column.index + step * self.column.page)

    def action_cursor_to(self, index: int) -> None:
        self.column.select(index if index >= 0 else len(self.column.ids) - 1)

    # ------------------------------------------------------------ changing cards

    def action_move(self, step: int) -> None:
        card = self.current
        if card is None:
            return
        stage = next_stage(card.stage, step)
        if stage is None:
            said = _("{card} is already {stage}").format(
                card=quoted(card), stage=stage_label(card.stage)
            )
            self.notify(said, markup=False)
            return
        if step < 0:
            question = _("What happened? {card} goes back to {stage}").format(
                card=quoted(card), stage=stage_label(stage)
            )
            ask_why(self.app, question, lambda why: self.move_card(card.id, stage, why=why))
            return
        move_forward(self, card, stage)

    def move_card(
        self, card_id: str, stage: str, forced: bool = False, why: Why | None = None
    ) -> None:
        """Move the card, with the log entry `why` if given: one save, one undo step."""
        store = self.board.store
        try:
            self.board.history.change(
                pgettext("undo step", "move"),
                [card_id],
                lambda: store.move(card_id, stage, forced=forced, why=why),
            )
        except CardNotFound:  # deleted elsewhere while "What happened?" was open
            self.refresh_view(changed=[card_id])
            return
        self.refresh_view(card_id, [card_id])
        if why is not None:
            said = _("Logged on the card: {kind}").format(kind=log_kind_name(why[0]))
            self.notify(said, markup=False)

    def action_reorder(self, step: int) -> None:
        card = self.current
        if card is None:
            return
        column = self.lists.by_stage[card.stage]
        index = column.index(card.id)
        if not 0 <= index + step < len(column):
            return
        other = column[index + step]
        store = self.board.store
        self.board.history.change(
            pgettext("undo step", "reorder"), [card.id, other], lambda: store.reorder(card.id, step)
        )
        self.refresh_view(card.id, [card.id, other])

    def action_new_card(self) -> None:
        stage = self.column.stage
        prompt = PromptScreen(
            _("New card in {stage}").format(stage=stage_label(stage)),
            placeholder=_("The task, e.g. Send the monthly invoices"),
            check=parse_title,
        )
        self.app.push_screen(prompt, lambda title: self._add(stage, title) if title else None)

    def _add(self, stage: str, title: str) -> None:
        if stage != "team-owned":
            self._add_now(stage, title)
            return
        found = readiness(Card(id="", title=parse_title(title), stage=stage), self.board.clock())
        question = _("Add {card} straight to the team?").format(
            card=quoted(Card(id="", title=parse_title(title), stage=stage))
        )
        self.app.push_screen(
            gate_screen(question, found, adding=True),
            lambda yes: self._add_now(stage, title, forced=True) if yes else None,
        )

    def _add_now(self, stage: str, title: str, forced: bool = False) -> None:
        fields = {"forced": True} if forced else {}
        card = self.board.store.add(parse_title(title), stage, **fields)
        self.board.history.added(pgettext("undo step", "new card"), card.id)
        self.refresh_view(card.id, [card.id])

    def action_open_card(self) -> None:
        card = self.current
        if card is not None:
            screen = CardScreen(card.id)
            self.app.push_screen(screen, lambda _: self.refresh_view(card.id, [card.id]))

    def action_mission(self) -> None:
        toggle_mission(self)

    def action_rename(self) -> None:
        card = self.current
        if card is None:
            return
        prompt = PromptScreen(_("Rename the card"), line(card.title), check=parse_title)
        self.app.push_screen(prompt, lambda title: self._rename(card.id, title) if title else None)

    def _rename(self, card_id: str, title: str) -> None:
        store = self.board.store
        self.board.history.change(
            pgettext("undo step", "rename"),
            [card_id],
            lambda: store.edit(card_id, title=parse_title(title)),
        )
        self.refresh_view(card_id, [card_id])

    def action_archive(self) -> None:
        card = self.current
        if card is None:
            return
        store = self.board.store
        self.board.history.change(
            pgettext("undo step", "archive"), [card.id], lambda: store.archive(card.id)
        )
        self.refresh_view(changed=[card.id])
        self.notify(
            _(
                "Archived {card}. u brings it back; 'delegate list --archived' lists archived cards."
            ).format(card=quoted(card)),
            markup=False,
        )

    def action_delete_card(self) -> None:
        card = self.current
        if card is None:
            return
        question = _("Delete {card}?").format(card=quoted(card))
        detail = _("It leaves the board and every copy of the file; u brings it back.")
        self.app.push_screen(
            ConfirmScreen(question, detail, yes=pgettext("button", "Delete"), no=_("Keep it")),
            lambda yes: self._delete(card) if yes else None,
        )

    def _delete(self, card: Card) -> None:
        store = self.board.store
        try:
            self.board.history.change(
                pgettext("undo step", "delete"), [card.id], lambda: store.delete(card.id)
            )
        except CardNotFound:  # deleted elsewhere while the question was open
            self.refresh_view(changed=[card.id])
            return
        self.refresh_view(changed=[card.id])
        self.notify(_("Deleted {card}: u brings it back").format(card=quoted(card)), markup=False)

    # ------------------------------------------------------------ filtering

    async def action_filter(self) -> None:
        box = self._filter
        if box is None:
            box = Input(placeholder=_("Filter by title, owner or notes"), id="filter")
            await self.mount(box, after=self.query_one("#stages"))
            self._filter = box
        box.display = True
        self.set_focus(box)  # at once: the keys typed next go to the box

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.query_text = event.value
            self.refresh_view(changed=())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.set_focus(None)

    def action_clear_filter(self) -> None:
        box = self._filter
        if box is None or (not box.display and not self.query_text):
            return
        box.value = ""
        box.display = False
        self.query_text = ""
        self.refresh_view(changed=())
        self.set_focus(None)

    # ------------------------------------------------------------ snapshots and insight

    def action_export(self) -> None:
        """Ask for a format, then write a status snapshot beside the board (off the UI thread)."""
        ask_and_export(self)

    def action_insight(self) -> None:
        self.app.push_screen(
            InsightScreen(self.board.store, self.board.clock),
            lambda _: self.refresh_view(),
        )
