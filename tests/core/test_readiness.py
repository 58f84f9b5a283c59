"""The readiness rule: what a card lacks before it is team-owned (an owner, a work standard, every
standard ticked, an absence answer that is not 'stops') and the warnings (recent errors, doubts)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from delegate_tui.core.model import Card, LogEntry, Standard
from delegate_tui.core.readiness import (
    ABSENCE_STOPS,
    NO_OWNER,
    NO_STANDARD,
    gaps_text,
    missing_for_team,
    not_ready,
    readiness,
    unticked,
)
from delegate_tui.core.times import format_time

STEP = Standard(id="s1", text="Send the reminders on the 5th", done=True)
OPEN = Standard(id="s2", text="Check the totals", done=False)
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def entry(kind: str, days_ago: float, text: str = "Sent twice") -> LogEntry:
    return LogEntry(id=f"l{kind}{days_ago}", at=format_time(NOW - timedelta(days=days_ago)),
                    kind=kind, text=text)  # fmt: skip


def test_a_card_with_an_owner_and_a_ticked_standard_lacks_nothing():
    assert missing_for_team(Card(id="c1", title="Invoicing", owner="Marie", standards=[STEP])) == []


def test_a_bare_card_lacks_both_owner_first():
    assert missing_for_team(Card(id="c1", title="Invoicing")) == ["no owner", "no work standard"]


def test_an_owner_without_a_standard_lacks_the_standard():
    assert missing_for_team(Card(id="c1", title="Invoicing", owner="Marie")) == [NO_STANDARD]


def test_a_blank_owner_is_no_owner():
    card = Card(id="c1", title="Invoicing", owner=" \t ", standards=[STEP])
    assert missing_for_team(card) == [NO_OWNER]


def test_an_unticked_standard_is_a_gap_counted():
    card = Card(id="c1", title="Invoicing", owner="Karim", standards=[STEP, OPEN, OPEN])
    assert missing_for_team(card) == ["2 work standards not ticked"]
    card = Card(id="c1", title="Invoicing", owner="Karim", standards=[OPEN])
    assert missing_for_team(card) == ["1 work standard not ticked"]


def test_the_absence_answer_stops_is_a_gap_the_others_are_not():
    for answer in ("", "struggles", "runs"):
        card = Card(id="c1", title="T", owner="K", standards=[STEP], absence=answer)
        assert missing_for_team(card) == [], answer
    card = Card(id="c1", title="T", owner="K", standards=[STEP], absence="stops")
    assert missing_for_team(card) == [ABSENCE_STOPS]


def test_a_recent_error_or_doubt_warns_but_is_not_a_gap():
    log = [entry("error", 6.9), entry("doubt", 1, "Not sure of the VAT"), entry("adjustment", 0)]
    card = Card(id="c1", title="T", owner="K", standards=[STEP], log=log)
    found = readiness(card, NOW)
    assert found.ready and found.missing == ()
    assert found.warnings == (
        "doubt logged 2026-11-01: Not sure of the VAT",
        "error logged 2026-10-26: Sent twice",
    )


def test_an_error_older_than_seven_days_no_longer_warns():
    card = Card(id="c1", title="T", owner="K", standards=[STEP], log=[entry("error", 7.01)])
    assert readiness(card, NOW).warnings == ()


def test_not_ready_lists_only_live_team_owned_cards_that_lack_something():
    ready = Card(id="a", title="A", stage="team-owned", owner="K", standards=[STEP])
    bare = Card(id="b", title="B", stage="team-owned")
    archived = Card(id="c", title="C", stage="team-owned", archived_at=format_time(NOW))
    elsewhere = Card(id="d", title="D", stage="delegating")
    assert not_ready([ready, bare, archived, elsewhere]) == [(bare, [NO_OWNER, NO_STANDARD])]


def test_gaps_read_as_one_phrase():
    assert gaps_text([NO_OWNER]) == "no owner"
    assert gaps_text([NO_OWNER, NO_STANDARD, ABSENCE_STOPS]) == (
        "no owner, no work standard and 'stops' as its absence answer"
    )


@given(
    owner=st.text(max_size=8),
    ticked=st.integers(min_value=0, max_value=3),
    open_steps=st.integers(min_value=0, max_value=3),
    absence=st.sampled_from(["", "stops", "struggles", "runs"]),
)
def test_the_gaps_are_exactly_what_is_missing(
    owner: str, ticked: int, open_steps: int, absence: str
):
    card = Card(id="c1", title="T", owner=owner, standards=[STEP] * ticked + [OPEN] * open_steps,
                absence=absence)  # fmt: skip
    expected = (
        [NO_OWNER] * (not owner.strip())
        + [NO_STANDARD] * (ticked + open_steps == 0)
        + [unticked(open_steps)] * (open_steps > 0)
        + [ABSENCE_STOPS] * (absence == "stops")
    )
    assert missing_for_team(card) == expected
    assert readiness(card, NOW).ready == (expected == [])
