"""Provides the board screen's words that are built from a card or a column: a card's title
quoted in a sentence and a column's heading (its stage, its cards and their hours per week), in
the language of this run."""

from __future__ import annotations

from textual.content import Content

from delegate_tui.core.display import line
from delegate_tui.core.formats import number
from delegate_tui.core.formats import quoted as quote
from delegate_tui.core.language import is_french, ngettext
from delegate_tui.core.model import Card
from delegate_tui.core.vocabulary import stage_label


def quoted(card: Card) -> str:
    """The card's title inside a sentence: “Invoicing” / « Facturation »."""
    title = line(card.title)
    return quote(title) if is_french() else f"“{title}”"


def stage_head(stage: str, shown: int, every: int, hours: float, filtered: bool) -> Content:
    """A column's heading: 'Only me  3 cards · 2.5 h/wk', '2 of 3 cards' while filtering."""
    count = (
        ngettext("{shown} of {every}", "{shown} of {every}", every).format(shown=shown, every=every)
        if filtered
        else str(every)
    )
    # TRANSLATORS: a column's heading after the stage's name: its cards and their hours a week
    words = ngettext("{count} cards · {hours} h/wk", "{count} cards · {hours} h/wk", every)
    return Content.assemble(
        (stage_label(stage), "bold"), "  " + words.format(count=count, hours=number(hours))
    )
