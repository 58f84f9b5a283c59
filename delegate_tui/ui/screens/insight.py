"""Provides InsightScreen: the two-week absence test for the whole business, hours bought back,
what to delegate next, delegating ages, check-ins and a cumulative-flow chart.

The figures come from `delegate_tui.insight` (pure); this screen only lays them out. Card titles
are data: they go into `rich.text.Text` cleaned by `display.line`, never into markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from delegate_tui.board.store import BoardStore
from delegate_tui.core import insight
from delegate_tui.core.dates import show_cadence
from delegate_tui.core.display import line
from delegate_tui.core.formats import hours
from delegate_tui.core.language import N_, _, ngettext
from delegate_tui.core.leader_insight import build_leader
from delegate_tui.core.model import Card
from delegate_tui.core.readiness import gaps_text
from delegate_tui.core.vocabulary import STAGES, absence_label, reason_label, stage_label
from delegate_tui.ui.screens import insight_leader as leader
from delegate_tui.ui.screens import insight_words as words
from delegate_tui.ui.screens.board_settings import edit_settings
from delegate_tui.ui.widgets.bars import KeyBar
from delegate_tui.ui.words import translate_bindings

Clock = Callable[[], datetime]

CHART_HEIGHT = 8
"""Rows of the cumulative-flow chart."""

SPARKS = " ▁▂▃▄▅▆▇█"
BLOCK = "█"
BAR = 10
"""Width of a full hours bar."""
STACK = ("team-owned", "delegating", "only-me")
"""Bands of the flow chart from the bottom up: what is done settles at the bottom."""


def _title(card: Card, width: int = 34) -> str:
    title = line(card.title)
    return title if len(title) <= width else title[: width - 1] + "…"


def sparkline(values: Sequence[float]) -> str:
    """One character per value, its height relative to the largest one."""
    top = max(values, default=0.0)
    if top <= 0:
        return SPARKS[1] * len(values)
    return "".join(SPARKS[max(1, round(v / top * (len(SPARKS) - 1)))] for v in values)


def flow_rows(points: Sequence[insight.FlowPoint], height: int = CHART_HEIGHT) -> list[list[str]]:
    """The chart as rows of stage names per column, top row first ('' for empty cells).

    Each week is a column whose height is its number of cards, stacked team-owned, delegating,
    only-me from the bottom; bands are rounded on their running totals so they never drift.
    """
    top = max((sum(p.counts.values()) for p in points), default=0)
    columns = []
    for point in points:
        cells: list[str] = []
        running = 0
        for stage in STACK:
            running += point.counts[stage]
            level = round(running * height / top) if top else 0
            cells += [stage] * (level - len(cells))
        columns.append(cells + [""] * (height - len(cells)))
    return [[column[row] for column in columns] for row in reversed(range(height))]


class InsightScreen(Screen[None]):
    """The delegation insight of a board at the clock's 'now'; escape closes it."""

    CSS_PATH = "insight.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close"), id="insight.close"),
        Binding("r", "refresh_figures", N_("Refresh"), id="insight.refresh"),
        Binding("b", "board_settings", N_("Board settings"), id="insight.board-settings"),
    ]
    """Escape goes back to the board; r recomputes the figures from the store."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "insight--only-me",
        "insight--delegating",
        "insight--team-owned",
        "insight--muted",
        "insight--alert",
        "insight--strong",
    }
    """Styles for the chart bands and the text, set in insight.tcss from the theme."""

    def __init__(self, store: BoardStore, clock: Clock) -> None:
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.clock = clock

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="insight-body"):
            yield Static(id="insight-title")
            yield Static(id="insight-verdict", classes="insight-panel")
            yield Static(id="insight-leader-week", classes="insight-panel")
            with Horizontal(id="insight-team"):
                yield Static(id="insight-people", classes="insight-panel")
                yield Static(id="insight-strip", classes="insight-panel")
            with Horizontal(id="insight-hours"):
                yield Static(id="insight-stages", classes="insight-panel")
                yield Static(id="insight-answers", classes="insight-panel")
            yield Static(id="insight-bought-back", classes="insight-panel")
            with Horizontal(id="insight-lists"):
                yield Static(id="insight-priority", classes="insight-panel")
                yield Static(id="insight-delegating", classes="insight-panel")
            yield Static(id="insight-checkins", classes="insight-panel")
            yield Static(id="insight-flow", classes="insight-panel")
            yield Static(id="insight-times", classes="insight-panel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._restyle, init=False)

    def on_screen_resume(self) -> None:
        self._restyle()

    def _restyle(self, _theme: str = "") -> None:
        """Recompute after the next refresh, once the (new) theme's styles are in place."""
        self.call_after_refresh(self.refresh_figures)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_board_settings(self) -> None:
        edit_settings(self.app, self.store)

    def action_refresh_figures(self) -> None:
        self.refresh_figures()

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"insight--{name}")

    def refresh_figures(self) -> None:
        """Recompute every figure from the store's live cards and show them."""
        found = insight.build(self.store.cards(), self.clock())
        more = build_leader(found, self.store.settings().leader_hours)
        name = line(self.store.name)
        title = self._heading(_("Delegation insight — {board}").format(board=name))
        title.rstrip()
        when = _("as of {when}").format(when=words.as_of(found.now))
        title.append(f"   {when}", self._style("muted"))
        panels = {
            "title": title,
            "verdict": self._verdict(found),
            "leader-week": leader.week_panel(more.week, self._style),
            "people": leader.people_panel(more, self._style),
            "strip": leader.strip_panel(more, self._style),
            "stages": self._stages(found),
            "answers": self._answers(found),
            "bought-back": self._bought_back(found),
            "priority": self._priority(found),
            "delegating": self._delegating(found),
            "checkins": self._checkins(found),
            "flow": self._flow(found),
            "times": self._times(found),
        }
        for name, text in panels.items():
            text.rstrip()
            self.query_one(f"#insight-{name}", Static).update(text)

    def _heading(self, text: str) -> Text:
        heading = Text()
        heading.append(text + "\n", self._style("strong"))
        return heading

    def _verdict(self, found: insight.Insight) -> Text:
        verdict = found.verdict
        text = self._heading(_("If you are away for two weeks"))
        if verdict.scenario is None:
            text.append(_(words.UNKNOWN), self._style("muted"))
            return text
        stage = {1: "only-me", 2: "delegating", 3: "team-owned"}[verdict.scenario]
        scenario = _(words.SCENARIO_LINES[verdict.scenario])
        text.append(scenario, self._style(stage) + Style(bold=True))
        if verdict.causes:
            count = len(verdict.causes)
            because = ngettext("because of {count} card:", "because of {count} cards:", count)
            text.append("\n" + because.format(count=count), self._style("muted"))
        for card in verdict.causes[:8]:
            answer = absence_label(insight.absence_answer(card)).lower()
            text.append("\n  • ")
            text.append(_title(card))
            text.append(
                f"  {stage_label(card.stage).lower()}, {answer}, {hours(card.hours_per_week)}",
                self._style("muted"),
            )
        if len(verdict.causes) > 8:
            text.append(f"\n  {words.more(len(verdict.causes) - 8)}", self._style("muted"))
        return text

    def _bar_rows(self, rows: Sequence[tuple[str, str, insight.Figures]], total: float) -> Text:
        text = Text()
        column = max((len(label) for label, _style, _figures in rows), default=0)
        for label, style, figures in rows:
            width = round(figures.hours / total * BAR) if total else 0
            text.append("\n" + label.ljust(max(23, column)))
            text.append(f"{words.cards(figures.cards):>9} {hours(figures.hours):>7} ")
            text.append(BLOCK * width, self._style(style))
        return text

    def _stages(self, found: insight.Insight) -> Text:
        rows = [(stage_label(s), s, found.stages[s]) for s in STAGES]
        return self._heading(_("Hours a week by stage")) + self._bar_rows(rows, found.total_hours)

    def _answers(self, found: insight.Insight) -> Text:
        styles = dict(zip(("stops", "struggles", "runs"), STAGES, strict=True)) | {
            "waits": "team-owned"  # the business runs: it waits for the leader's return
        }
        rows = [(absence_label(a), styles[a], f) for a, f in found.answers.items()]
        return self._heading(_("Hours a week by absence answer")) + self._bar_rows(
            rows, found.total_hours
        )

    def _bought_back(self, found: insight.Insight) -> Text:
        text = self._heading(_("Hours bought back"))
        weekly_hours = _("{hours} a week")
        text.append(weekly_hours.format(hours=hours(found.bought_back)), self._style("team-owned"))
        text.append(
            _(" run without you ({share} of {total}); ").format(
                share=words.share(found.share), total=hours(found.total_hours)
            )
        )
        text.append(weekly_hours.format(hours=hours(found.in_progress)), self._style("delegating"))
        text.append(_(" being handed over"))
        weekly = [p.hours["team-owned"] for p in found.flow]
        text.append("\n" + _("week by week") + "  ", self._style("muted"))
        text.append(sparkline(weekly), self._style("team-owned"))
        text.append(f"  {hours(weekly[0])} → {hours(weekly[-1])}", self._style("muted"))
        unready = found.not_ready
        if unready:
            heading = _("Team-owned but not ready ({count}):").format(count=len(unready))
            text.append("\n" + heading, self._style("alert"))
        for card, gaps in unready[:8]:
            text.append(f"\n  {_title(card, 28)}")
            text.append(f"  {gaps_text(gaps)}", self._style("muted"))
        if len(unready) > 8:
            text.append(f"\n  {words.more(len(unready) - 8)}", self._style("muted"))
        return text

    def _priority(self, found: insight.Insight) -> Text:
        text = self._heading(_("Delegate next (only me, by priority)"))
        if not found.priority:
            text.append(_("Nothing left that only you do."), self._style("muted"))
        for rank, card in enumerate(found.priority[:10], start=1):
            text.append(f"{rank:>2}. ")
            text.append(_title(card, 28))
            reason = reason_label(card.reason) or _("no reason")
            text.append(f"  {reason}, {hours(card.hours_per_week)}\n", self._style("muted"))
        return text

    def _delegating(self, found: insight.Insight) -> Text:
        text = self._heading(_("Delegating for"))
        if not found.delegating:
            text.append(_("No card is being handed over."), self._style("muted"))
        for card, age in found.delegating[:10]:
            text.append(f"{words.days(age):>12}  ", self._style("delegating"))
            text.append(_title(card, 28) + "\n")
        return text

    def _checkins(self, found: insight.Insight) -> Text:
        text = self._heading(_("Check-ins"))
        if not found.checkins:
            text.append(_("No card has a check-in cadence."), self._style("muted"))
        for check in found.checkins[:12]:
            if check.overdue:
                late = words.days(found.now - check.next).ljust(9)
                text.append(_("overdue {age}").format(age=late), self._style("alert"))
            else:
                coming = _("next {day}").format(day=words.weekday_date(check.next))
                text.append(coming + " ", self._style("muted"))
            text.append(f"  {_title(check.card)}")
            text.append(f"  {line(show_cadence(check.cadence))}\n", self._style("muted"))
        return text

    def _flow(self, found: insight.Insight) -> Text:
        text = self._heading(_("Cumulative flow (cards per stage, week by week)"))
        top = max((sum(p.counts.values()) for p in found.flow), default=0)
        width = max(2, min(6, 52 // len(found.flow)))  # wider weeks when there are few
        for index, row in enumerate(flow_rows(found.flow)):
            label = str(top) if index == 0 else "0" if index == CHART_HEIGHT - 1 else ""
            text.append(f"{label:>4} │", self._style("muted"))
            for cell in row:
                text.append((BLOCK if cell else " ") * width, self._style(cell) if cell else None)
            text.append("\n")
        span = width * len(found.flow)
        first, last = words.axis_date(found.flow[0].at), words.axis_date(found.flow[-1].at)
        axis = first.ljust(max(span - len(last), len(first) + 1)) + last if span > 6 else last
        text.append("     └" + "─" * span + "\n", self._style("muted"))
        text.append(f"      {axis}\n", self._style("muted"))
        for stage in reversed(STACK):
            text.append(f"{BLOCK * 2} ", self._style(stage))
            text.append(f"{stage_label(stage)}   ")
        return text

    def _times(self, found: insight.Insight) -> Text:
        text = self._heading(_("Days in each stage"))
        labels = [stage_label(stage).lower() for stage in STAGES]
        widths = [max(w, len(label) + 2) for w, label in zip((10, 12, 12), labels, strict=True)]
        heads = "".join(label.rjust(w) for label, w in zip(labels, widths, strict=True))
        text.append(" " * 30 + heads, self._style("muted"))
        for card, spent in found.time_in_stage:
            text.append("\n" + _title(card, 28).ljust(30))
            for stage, width in zip(STAGES, widths, strict=True):
                days = spent[stage].total_seconds() / 86400
                text.append((words.tenths(days) if days else "-").rjust(width))
        return text
