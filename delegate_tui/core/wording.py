"""Provides the human wording of times, hours, ages and answers shared by the Markdown and HTML
snapshots, in the language of this run (English as it has always been written; French by
`core.formats`: `3 déc. 2026 14:05 CET`, `2,5`).

Pure: no I/O, no Textual.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from delegate_tui.core import formats
from delegate_tui.core.language import N_, _, is_french, ngettext, pgettext
from delegate_tui.core.vocabulary import LEVELS, level_label, stage_label

NOTHING = "—"

SCENARIO_WORDS: dict[int | None, str] = {
    None: N_("not known yet: the board has no cards"),
    1: N_("everything stops"),
    2: N_("it runs with difficulty"),
    3: N_("it runs normally"),
}
"""The verdict of the absence test for the business, by scenario (None: an empty board), in the
words `core.insight` gives it."""


def when(moment: datetime) -> str:
    """'2026-11-23 14:05 UTC' / '23 nov. 2026 14:05 UTC': minutes and the snapshot's zone."""
    if is_french():
        return f"{formats.long_date(moment)} {formats.clock_time(moment)}"
    zone = moment.strftime("%Z")
    return moment.strftime("%Y-%m-%d %H:%M") + (f" {zone}" if zone else "")


def day(moment: datetime) -> str:
    """'2026-11-23' / '23 nov. 2026'."""
    return formats.long_date(moment) if is_french() else moment.strftime("%Y-%m-%d")


def hours(value: float) -> str:
    """Hours per week without trailing zeros: 3, 1.5 / 1,5."""
    return formats.number(value)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def age(delta: timedelta) -> str:
    """How long, in whole days (rounded): 'under a day', '1 day', '29 days'."""
    days = round(delta.total_seconds() / 86400)
    if not days:
        return _("under a day")
    return ngettext("{count} day", "{count} days", days).format(count=days)


def stage(name: str) -> str:
    """'Only me' / 'Moi seul' (a stage a newer version wrote, as spelled)."""
    return stage_label(name)


def answer(absence: str) -> str:
    """A card's absence answer as its table cell shows it: 'stops' / 'tout s'arrête'."""
    known = {
        "stops": pgettext("absence answer", "stops"),
        "struggles": pgettext("absence answer", "struggles"),
        "runs": pgettext("absence answer", "runs"),
        "waits": pgettext("absence answer", "waits for you"),
    }
    return known.get(absence, absence)


def scenario(number: int | None, label: str) -> str:
    """The absence verdict `core.insight` words as `label`: 'everything stops' / 'tout
    s'arrête' (a scenario this version does not know, as worded)."""
    return _(label) if number in SCENARIO_WORDS else label


def levels(now: int | None, target: int | None) -> str:
    """Delegation level now→target: '3→6', '7' (no target, or reached), '—→6', or '—'."""
    if now is None and target is None:
        return NOTHING
    if target is None or target == now:
        return str(now)
    return f"{NOTHING if now is None else now}→{target}"


def legend() -> str:
    """The note under the cards heading that explains the two insight columns."""
    names = ", ".join(f"{n} {level_label(n)}" for n in range(1, len(LEVELS) + 1))
    return _(
        "Away 2 wks: what happens to the task if the leader is away two weeks (in italics where "
        "the leader has not answered and the stage implies it). Level: delegation level "
        "now→target ({levels})."
    ).format(levels=names)
