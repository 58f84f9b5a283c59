"""The readiness rule: what a card lacks before it is team-owned (an owner, a work standard)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from delegate_tui.core.model import Card, Standard
from delegate_tui.core.readiness import NO_OWNER, NO_STANDARD, missing_for_team

STEP = Standard(id="s1", text="Send the reminders on the 5th")


def test_a_card_with_an_owner_and_a_standard_lacks_nothing():
    assert missing_for_team(Card(id="c1", title="Invoicing", owner="Marie", standards=[STEP])) == []


def test_a_bare_card_lacks_both_owner_first():
    assert missing_for_team(Card(id="c1", title="Invoicing")) == ["no owner", "no work standard"]


def test_an_owner_without_a_standard_lacks_the_standard():
    assert missing_for_team(Card(id="c1", title="Invoicing", owner="Marie")) == [NO_STANDARD]


def test_a_blank_owner_is_no_owner():
    card = Card(id="c1", title="Invoicing", owner=" \t ", standards=[STEP])
    assert missing_for_team(card) == [NO_OWNER]


def test_done_or_not_any_standard_counts():
    done = Standard(id="s2", text="Checked", done=True)
    assert missing_for_team(Card(id="c1", title="Invoicing", owner="Karim", standards=[done])) == []


@given(owner=st.text(max_size=8), standards=st.integers(min_value=0, max_value=3))
def test_the_gaps_are_exactly_what_is_missing(owner: str, standards: int):
    card = Card(id="c1", title="T", owner=owner, standards=[STEP] * standards)
    expected = [NO_OWNER] * (not owner.strip()) + [NO_STANDARD] * (standards == 0)
    assert missing_for_team(card) == expected
