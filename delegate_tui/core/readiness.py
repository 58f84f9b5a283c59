"""Provides the readiness rule: what a card still lacks before the team can own it.

One rule, used by every path into Team-owned (the board's keys, `n` in that column, `delegate
move`, `delegate add --stage team-owned`) and by the lists of team-owned cards that are not ready
(`delegate check`, `delegate status`, the insight screen, `delegate import`).

A card is ready for the team when it has an owner, at least one work standard, every standard
ticked, and an absence answer that is not "stops" (unanswered is fine). A transition-log error or
doubt in the last seven days is a warning, not a gap: it is shown with its reasons, the card may
still move. Moving a card that is not ready stays the user's call (the dialog's `y`, the CLI's
`--force`): the rule only names the gaps, in words the screens and commands show as they are.
Pure: `now` is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from delegate_tui.core.display import line
from delegate_tui.core.errors import ValidationError
from delegate_tui.core.formats import long_date, quoted
from delegate_tui.core.language import N_, _, is_french, ngettext
from delegate_tui.core.model import Card
from delegate_tui.core.times import parse_time

NO_OWNER = N_("no owner")
NO_STANDARD = N_("no work standard")
ABSENCE_STOPS = N_("'stops' as its absence answer")
"""The gaps in English, marked for the catalog: `missing_for_team` says them in the language of
the run (`stable=True`: in English, for JSON)."""

RECENT = timedelta(days=7)
"""How far back a logged error or doubt warns."""

WARNING_KINDS: tuple[str, ...] = ("error", "doubt")
"""The log kinds that warn when they are recent."""

WARNING_WORDS: dict[str, str] = {"error": N_("error"), "doubt": N_("doubt")}
"""How a warning names the kind of its entry (translated where it is said)."""


@dataclass(frozen=True, slots=True)
class Readiness:
    """What a card lacks before it is team-owned (`missing`), and what to know (`warnings`)."""

    missing: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ready(self) -> bool:
        return not self.missing


def unticked(count: int, stable: bool = False) -> str:
    """The gap of `count` work standards not ticked yet (`stable`: in English)."""
    if stable:
        return f"{count} work standard{'s' if count != 1 else ''} not ticked"
    return ngettext(
        "{count} work standard not ticked", "{count} work standards not ticked", count
    ).format(count=count)


def missing_for_team(card: Card, stable: bool = False) -> list[str]:
    """What `card` lacks before it is team-owned, in the order to say it (empty: ready), in the
    language of the run (`stable`: in English, as JSON says it)."""
    say = (lambda words: words) if stable else _
    missing = []
    if not card.owner.strip():
        missing.append(say(NO_OWNER))
    if not card.standards:
        missing.append(say(NO_STANDARD))
    open_steps = sum(not s.done for s in card.standards)
    if open_steps:
        missing.append(unticked(open_steps, stable))
    if card.absence == "stops":
        missing.append(say(ABSENCE_STOPS))
    return missing


def warnings_for_team(card: Card, now: datetime) -> list[str]:
    """The recent errors and doubts of `card`'s log (newest first), one line each."""
    since = now - RECENT
    found = []
    for entry in reversed(card.log):
        if entry.kind not in WARNING_KINDS:
            continue
        try:
            at = parse_time(entry.at)
        except ValueError:
            continue
        if at >= since:
            found.append(
                _("{kind} logged {date}: {text}").format(
                    kind=_(WARNING_WORDS[entry.kind]), date=_day(at, entry.at), text=entry.text
                )
            )
    return found


def readiness(card: Card, now: datetime) -> Readiness:
    """The rule for `card` at `now`: its gaps and its warnings."""
    return Readiness(tuple(missing_for_team(card)), tuple(warnings_for_team(card, now)))


def _day(at: datetime, stored: str) -> str:
    """The day of a log entry as a warning names it: `2026-11-02` / `2 nov. 2026`."""
    return long_date(at.date()) if is_french() else stored[:10]


def not_ready(cards: Iterable[Card], stable: bool = False) -> list[tuple[Card, list[str]]]:
    """The team-owned cards of `cards` that are not ready, each with what it lacks (`stable`:
    in English, for JSON)."""
    return [
        (card, gaps)
        for card in cards
        if card.stage == "team-owned"
        and not card.archived_at
        and (gaps := missing_for_team(card, stable))
    ]


def gaps_text(gaps: Iterable[str]) -> str:
    """The gaps as one phrase: 'no owner, no work standard and …'."""
    words = list(gaps)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + _(" and ") + words[-1]


def require_ready(card: Card, forced: bool = False) -> None:
    """Refuse (ValidationError, one line) to make `card` team-owned while it lacks something,
    unless `forced`."""
    gaps = missing_for_team(card)
    if gaps and not forced:
        title = quoted(line(card.title)) if is_french() else f"'{line(card.title)}'"
        raise ValidationError(
            _("{title} is not ready for team-owned: {gaps} (--force moves it anyway)").format(
                title=title, gaps=gaps_text(gaps)
            )
        )
