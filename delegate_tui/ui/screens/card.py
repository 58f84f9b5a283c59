"""Provides CardScreen: one card in full, every part editable by keyboard.

Sections (tab and shift+tab move between them; j/k or the arrows inside one): overview, work
standards, responsibility notes, decisions handed over, the transition log (newest first) and the stage history. Keys act on the focused
section: a add · e or enter edit · space tick a standard (or flip the provider flag) · c checked
in now · d delete · escape back to the board. The card follows outside changes while it is open;
a prompt being typed in keeps its text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
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
from delegate_tui.core.card_fields import parse_description
from delegate_tui.core.display import block, line
from delegate_tui.core.errors import CardNotFound
from delegate_tui.core.fields import FIELDS, FIELDS_BY_NAME, field_extra, field_text, parse_field
from delegate_tui.core.insight import card_checkin
from delegate_tui.core.model import Card, LogEntry
from delegate_tui.core.times import format_time
from delegate_tui.core.vocabulary import LOG_KIND_LABELS, STAGE_LABELS, parse_text
from delegate_tui.ui.screens import card_log
from delegate_tui.ui.screens.prompt import PromptScreen
from delegate_tui.ui.widgets.bars import KeyBar
from delegate_tui.ui.widgets.card_lines import age_label

if TYPE_CHECKING:
    from delegate_tui.ui.app import DelegateApp


SECTIONS = ("overview", "standards", "notes", "decisions", "log", "history")
TITLES = {
    "overview": "Overview",
    "standards": "Work standards",
    "notes": "Responsibility notes",
    "decisions": "Decisions handed over",
    "log": "Transition log (newest first)",
    "history": "Stage history",
}
ITEM_WORD = {"standards": "work standard", "notes": "responsibility note", "decisions": "decision"}


def _day(at: str) -> str:
    return at[:10]


def _overview(card: Card, now: datetime) -> list[Option]:
    """A row per field of the field table the card screen edits."""
    return [
        Option(
            Content.assemble(
                (f"{f.label:<14}", "dim"),
                field_text(card, f.name) or "—",
                *field_extra(card, f.name, now),
            ),
            f.name,
        )
        for f in FIELDS
    ]


def _items(card: Card) -> dict[str, list[Option]]:
    """The rows of the standards, notes and decisions."""
    return {
        "standards": [
            Option(Content(f"[{'x' if s.done else ' '}] {block(s.text)}"), s.id)
            for s in card.standards
        ],
        "notes": [Option(Content(block(n.text)), n.id) for n in card.notes],
        "decisions": [
            Option(
                Content.assemble(block(d.text), (f"  limit: {line(d.limit) or '—'}", "dim")), d.id
            )
            for d in card.decisions
        ],
    }


def _corrected(entry: LogEntry) -> str:
    """'  corrected by X on DATE' for a corrected log entry, else ''."""
    if not entry.corrected_at:
        return ""
    return f"  corrected by {line(entry.corrected_by)} on {_day(entry.corrected_at)}"


def _entries(card: Card) -> dict[str, list[Option]]:
    """The rows of the transition log (newest first) and of the stage history."""
    return {
        "log": [
            Option(
                Content.assemble(
                    (f"{_day(e.at)}  {LOG_KIND_LABELS.get(e.kind, line(e.kind)):<16}", "dim"),
                    block(e.text),
                    (f"  ({line(e.by)})" if e.by else "", "dim"),
                    (_corrected(e), "dim italic"),
                ),
                e.id,
            )
            for e in reversed(card.log)
        ],
        "history": [
            Option(
                Content(
                    f"{_day(h.at)}  "
                    + (f"{STAGE_LABELS.get(h.from_stage, line(h.from_stage))} → " if h.from_stage else "created in ")
                    + f"{STAGE_LABELS.get(h.to_stage, line(h.to_stage))}"
                    + (f"  ({line(h.by)})" if h.by else "")
                ),
                h.id,
            )
            for h in card.history
        ],
    }  # fmt: skip


def _rows(card: Card, now: datetime) -> dict[str, list[Option]]:
    """Every section's rows, by section."""
    return {"overview": _overview(card, now), **_items(card), **_entries(card)}


class CardScreen(Screen[None]):
    """Everything about one card."""

    CSS_PATH = "card.tcss"
    BINDINGS = [
        Binding("escape", "back", "Board", id="card-back", tooltip="Back to the board"),
        Binding("tab", "app.focus_next", "Section", id="card-next-section",
                tooltip="Next section (shift+tab: back)"),
        Binding("j", "line(1)", "Next line", show=False, id="card-line-down",
                tooltip="Next line (as ↓)"),
        Binding("k", "line(-1)", "Previous line", show=False, id="card-line-up",
                tooltip="Previous line (as ↑)"),
        Binding("a", "add", "Add", id="card-add", tooltip="Add to the focused section"),
        Binding("e,enter", "edit", "Edit", id="card-edit", tooltip="Edit the highlighted line"),
        Binding("space", "toggle_item", "Tick", id="card-toggle",
                tooltip="Tick a work standard (or flip the provider flag)"),
        Binding("c", "checked_in", "Checked in", id="card-checked-in", tooltip="Checked in now"),
        Binding("d", "delete", "Delete", id="card-delete", tooltip="Delete the highlighted line"),
    ]  # fmt: skip

    def __init__(self, card_id: str) -> None:
        super().__init__()
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
                    yield Static(Content(TITLES[name]), classes="section-title")
                    yield OptionList(id=name, classes="section")
            with VerticalScroll(id="card-right"):
                for name in SECTIONS[4:]:
                    yield Static(Content(TITLES[name]), classes="section-title")
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
                f"   {STAGE_LABELS[card.stage]} since {_day(since)} ({age_label(since, now)})",
            )
        )
        for name, options in _rows(card, now).items():
            self._fill(self.query_one(f"#{name}", OptionList), options, keep)

    def _fill(self, box: OptionList, options: list[Option], keep: str | None) -> None:
        old = box.highlighted_option.id if box.highlighted_option else None
        index = box.highlighted
        box.clear_options()
        box.add_options(options or [Option(Content("(none yet: a adds one)"), "", disabled=True)])
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
            self.notify("This card was deleted meanwhile: the change was not made")
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
            self.notify("Tab to standards, notes, decisions or the log to add to them")
            return
        if section == "log":
            await card_log.add_entry(self)
            return
        text = await self._ask(f"New {ITEM_WORD[section]}", check=parse_text)
        if not text:
            return
        fields = {"text": parse_text(text)}
        if section == "decisions":
            fields["limit"] = parse_description(
                await self._ask("Its limit (optional)", hint="e.g. refunds up to 200 €") or ""
            )
        made: list[str] = []
        self._change(
            f"add {ITEM_WORD[section]}",
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
                self.notify("The stage history is kept as it happened (u undoes a move)")
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
                field.label, field_text(card, field.name, typing=True), field.hint, parse
            )
            if value is not None:
                self._change(
                    f"edit {field.label.lower()}",
                    lambda: store.edit(card_id, **{field.name: parse(value)}),
                    item,
                )
            return
        current = next(i for i in getattr(card, section) if i.id == item)
        text = await self._ask(
            f"Edit the {ITEM_WORD[section]}", block(current.text), check=parse_text
        )
        if text is None:
            return
        changes = {"text": parse_text(text)}
        if section == "decisions":
            limit = await self._ask("Its limit (optional)", line(current.limit))
            if limit is not None:
                changes["limit"] = parse_description(limit)
        self._change(
            f"edit {ITEM_WORD[section]}",
            lambda: store.edit_item(card_id, section, item, **changes),
            item,
        )

    def action_toggle_item(self) -> None:
        item = self._highlighted()
        store, card_id = self.board.store, self.card_id
        if self.section == "overview" and item == "provider":
            flag = not self.card.provider
            self._change("flip the provider flag", lambda: store.edit(card_id, provider=flag), item)
            return
        if self.section != "standards" or item is None:
            return
        done = next(s.done for s in self.card.standards if s.id == item)
        self._change(
            "tick a standard",
            lambda: store.edit_item(card_id, "standards", item, done=not done),
            item,
        )

    def action_checked_in(self) -> None:
        """Record a check-in with the card's owner now."""
        store, card_id = self.board.store, self.card_id
        at = format_time(self.board.clock())
        self._change("check in", lambda: store.edit(card_id, checked_in_at=at), "checked_in_at")
        check = card_checkin(self.card, self.board.clock())
        nxt = f": next {check.next:%Y-%m-%d}" if check else " (no cadence set)"
        self.notify(f"Checked in{nxt}", markup=False)

    def action_delete(self) -> None:
        section, item = self.section, self._highlighted()
        if section == "log" and item is not None:
            card_log.remove_entry(self, item)
            return
        if section not in ITEM_WORD or item is None:
            return
        store, card_id = self.board.store, self.card_id
        self._change(
            f"delete {ITEM_WORD[section]}", lambda: store.delete_item(card_id, section, item)
        )
        self.notify(f"Deleted the {ITEM_WORD[section]}: u brings it back")
