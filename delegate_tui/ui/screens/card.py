"""Provides CardScreen: one card in full, every part editable by keyboard.

Sections (tab and shift+tab move between them; j/k or the arrows inside one): overview, work
standards, responsibility notes, decisions handed over, the transition log (newest first) and the stage history. Keys act on the focused
section: a add · e or enter edit · space tick a standard (or flip the provider flag) · c checked
in now · d delete · escape back to the board. The card follows outside changes while it is open;
a prompt being typed in keeps its text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from delegate_tui import config
from delegate_tui.core.display import block, line
from delegate_tui.core.errors import CardNotFound
from delegate_tui.core.field_values import parse_description
from delegate_tui.core.fields import FIELDS_BY_NAME, field_text, parse_field
from delegate_tui.core.insight import card_checkin
from delegate_tui.core.language import N_, _
from delegate_tui.core.model import Card
from delegate_tui.core.times import format_time
from delegate_tui.core.vocabulary import parse_text, stage_label
from delegate_tui.ui.screens import card_log
from delegate_tui.ui.screens.card_rows import LIST_SECTIONS, SECTIONS, TITLES, day, rows, words
from delegate_tui.ui.screens.prompt import PromptScreen
from delegate_tui.ui.widgets.bars import KeyBar
from delegate_tui.ui.widgets.card_lines import age_label
from delegate_tui.ui.words import translate_bindings

if TYPE_CHECKING:
    from delegate_tui.ui.app import DelegateApp


class CardScreen(Screen[None]):
    """Everything about one card."""

    CSS_PATH = "card.tcss"
    BINDINGS = [
        Binding("escape", "back", N_("Board"), id="card-back", tooltip=N_("Back to the board")),
        Binding("tab", "app.focus_next", N_("Section"), id="card-next-section",
                tooltip=N_("Next section (shift+tab: back)")),
        Binding("j", "line(1)", N_("Next line"), show=False, id="card-line-down",
                tooltip=N_("Next line (as ↓)")),
        Binding("k", "line(-1)", N_("Previous line"), show=False, id="card-line-up",
                tooltip=N_("Previous line (as ↑)")),
        Binding("a", "add", N_("Add"), id="card-add", tooltip=N_("Add to the focused section")),
        Binding("e,enter", "edit", N_("Edit"), id="card-edit", tooltip=N_("Edit the highlighted line")),
        Binding("space", "toggle_item", N_("Tick"), id="card-toggle",
                tooltip=N_("Tick a work standard (or flip the provider flag)")),
        Binding("c", "checked_in", N_("Checked in"), id="card-checked-in", tooltip=N_("Checked in now")),
        Binding("d", "delete", N_("Delete"), id="card-delete", tooltip=N_("Delete the highlighted line")),
    ]  # fmt: skip

    def __init__(self, card_id: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.card_id = card_id
        self._left = False

    @property
    def board(self) -> DelegateApp:
        return cast("DelegateApp", self.app)

    @property
    def card(self) -> Card:
        return self.board.store.card(self.card_id)

    def compose(self) -> ComposeResult:
        yield Static(id="card-title")
        with Horizontal(id="card-body"):
            with VerticalScroll(id="card-left"):
                for name in SECTIONS[:4]:
                    yield Static(Content(_(TITLES[name])), classes="section-title")
                    yield OptionList(id=name, classes="section")
            with VerticalScroll(id="card-right"):
                for name in SECTIONS[4:]:
                    yield Static(Content(_(TITLES[name])), classes="section-title")
                    yield OptionList(id=name, classes="section")
        yield KeyBar()

    def on_mount(self) -> None:
        for column in self.query(VerticalScroll):
            column.can_focus = False  # tab stops on the sections only, not on their columns
        self.refresh_view()
        self.query_one("#overview", OptionList).focus()

    # ------------------------------------------------------------ showing

    def refresh_view(self, keep: str | None = None) -> None:
        try:
            card = self.card
        except CardNotFound:
            self._leave()  # the card is gone (undone, deleted elsewhere)
            return
        since, now = card.stage_since, self.board.clock()
        self.query_one("#card-title", Static).update(
            Content.assemble(
                (line(card.title), "bold"),
                _("   {stage} since {day} ({age})").format(
                    stage=stage_label(card.stage), day=day(since), age=age_label(since, now)
                ),
            )
        )
        for name, options in rows(card, now).items():
            self._fill(self.query_one(f"#{name}", OptionList), options, keep)

    def _fill(self, box: OptionList, options: list[Option], keep: str | None) -> None:
        old = box.highlighted_option.id if box.highlighted_option else None
        index = box.highlighted
        box.clear_options()
        box.add_options(
            options or [Option(Content(_("(none yet: a adds one)")), "", disabled=True)]
        )
        ids = [o.id for o in options]
        if keep in ids or old in ids:
            box.highlighted = ids.index(keep if keep in ids else old)
        elif options:
            box.highlighted = min(index or 0, len(options) - 1)

    @property
    def section(self) -> str:
        focused = self.focused
        return focused.id if isinstance(focused, OptionList) and focused.id else "overview"

    def _highlighted(self) -> str | None:
        box = self.query_one(f"#{self.section}", OptionList)
        option = box.highlighted_option
        return option.id if option is not None and option.id else None

    def _leave(self) -> None:
        """Back to the board, once: at once if this screen is on top, else when it is again."""
        if self.app.screen is self and not self._left:
            self._left = True
            self.dismiss(None)

    def on_screen_resume(self) -> None:
        try:
            self.board.store.card(self.card_id)
        except CardNotFound:
            self._leave()

    def _change(self, label: str, apply: Callable[[], object], keep: str | None = None) -> None:
        """Run one change of this card through the undo history, then redraw."""
        try:
            self.board.history.change(label, [self.card_id], apply)
        except CardNotFound:
            self.notify(_("This card was deleted meanwhile: the change was not made"), markup=False)
            self._leave()
            return
        self.board.refresh_views(self.card_id, [self.card_id])
        self.refresh_view(keep)

    async def _ask(
        self, question: str, value: str = "", hint: str = "", check: Any = None
    ) -> str | None:
        return await self.app.push_screen_wait(
            PromptScreen(question, value, placeholder=hint, check=check)
        )

    # ------------------------------------------------------------ keys

    def action_line(self, step: int) -> None:
        """j and k: what down and up do in the focused section."""
        box = self.focused
        if isinstance(box, OptionList):
            (box.action_cursor_down if step > 0 else box.action_cursor_up)()

    def action_back(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    @work(exclusive=True, group="card-edit")
    async def action_add(self) -> None:
        section, store, card_id = self.section, self.board.store, self.card_id
        if section in ("overview", "history"):
            self.notify(_("Tab to standards, notes, decisions or the log to add to them"))
            return
        if section == "log":
            await card_log.add_entry(self)
            return
        text = await self._ask(words("new", section), check=parse_text)
        if not text:
            return
        fields = {"text": parse_text(text)}
        if section == "decisions":
            fields["limit"] = parse_description(
                await self._ask(_("Its limit (optional)"), hint=_("e.g. refunds up to 200 €")) or ""
            )
        made: list[str] = []
        self._change(
            words("add step", section),
            lambda: made.append(store.add_item(card_id, section, **fields)),
        )
        self.refresh_view(made[0])

    @work(exclusive=True, group="card-edit")
    async def action_edit(self) -> None:
        section, store, card_id, item = (
            self.section,
            self.board.store,
            self.card_id,
            self._highlighted(),
        )
        if section == "log" and item is not None:
            await card_log.edit_entry(self, item)
            return
        if item is None or section == "history":
            if section == "history":
                self.notify(_("The stage history is kept as it happened (u undoes a move)"))
            return
        card = self.card
        if section == "overview":
            field = FIELDS_BY_NAME[item]
            if field.name == "provider":
                self.action_toggle_item()
                return
            clock, dayfirst = self.board.clock, config.dayfirst(self.board.settings)

            def parse(text: str) -> Any:
                return parse_field(field.name, text, clock(), dayfirst)

            value = await self._ask(
                _(field.label), field_text(card, field.name, typing=True), _(field.hint), parse
            )
            if value is not None:
                self._change(
                    _("edit {field}").format(field=_(field.label).lower()),
                    lambda: store.edit(card_id, **{field.name: parse(value)}),
                    item,
                )
            return
        current = next(i for i in getattr(card, section) if i.id == item)
        text = await self._ask(words("edit", section), block(current.text), check=parse_text)
        if text is None:
            return
        changes = {"text": parse_text(text)}
        if section == "decisions":
            limit = await self._ask(_("Its limit (optional)"), line(current.limit))
            if limit is not None:
                changes["limit"] = parse_description(limit)
        self._change(
            words("edit step", section),
            lambda: store.edit_item(card_id, section, item, **changes),
            item,
        )

    def action_toggle_item(self) -> None:
        item = self._highlighted()
        store, card_id = self.board.store, self.card_id
        if self.section == "overview" and item == "provider":
            flag = not self.card.provider
            self._change(
                _("flip the provider flag"), lambda: store.edit(card_id, provider=flag), item
            )
            return
        if self.section != "standards" or item is None:
            return
        done = next(s.done for s in self.card.standards if s.id == item)
        self._change(
            _("tick a standard"),
            lambda: store.edit_item(card_id, "standards", item, done=not done),
            item,
        )

    def action_checked_in(self) -> None:
        """Record a check-in with the card's owner now."""
        store, card_id = self.board.store, self.card_id
        at = format_time(self.board.clock())
        self._change(_("check in"), lambda: store.edit(card_id, checked_in_at=at), "checked_in_at")
        check = card_checkin(self.card, self.board.clock())
        if check:
            said = _("Checked in: next {day}").format(day=f"{check.next:%Y-%m-%d}")
        else:
            said = _("Checked in (no cadence set)")
        self.notify(said, markup=False)

    def action_delete(self) -> None:
        section, item = self.section, self._highlighted()
        if section == "log" and item is not None:
            card_log.remove_entry(self, item)
            return
        if section not in LIST_SECTIONS or item is None:
            return
        store, card_id = self.board.store, self.card_id
        self._change(
            words("delete step", section), lambda: store.delete_item(card_id, section, item)
        )
        self.notify(words("deleted", section))
