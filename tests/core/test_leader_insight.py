"""The figures of issue 16 on hand-built boards: the leader's week, each teammate's absence and
the absence test week by week, a real BoardStore and a frozen clock moved between changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delegate_tui.board.store import BoardStore
from delegate_tui.core import insight
from delegate_tui.core.absence_weeks import AbsenceWeek, projection
from delegate_tui.core.insight import Figures
from delegate_tui.core.leader_insight import build_leader
from delegate_tui.core.leader_week import LEADER_HOURS, ONLY_ME_HOURS, leader_week
from delegate_tui.core.model import Card
from delegate_tui.core.people import people
from delegate_tui.core.vocabulary import AREAS, ROLES, STAGES
from tests.kit.basics import START, FrozenClock


def figures(store: BoardStore, clock: FrozenClock, leader_hours: float | None = None):
    found = insight.build(store.cards(), clock())
    return found, build_leader(found, leader_hours)


def test_only_leader_missions_in_only_me_and_the_rest_running_is_scenario_3(
    store: BoardStore, clock: FrozenClock
) -> None:
    bank = store.add("Negotiate with the bank", hours_per_week=2, leader_mission=True)
    store.add("Set next year's prices", hours_per_week=1, leader_mission=True, absence="stops")
    store.add("Payroll", "team-owned", hours_per_week=3, owner="Marie", backup="Paul")
    store.add("Orders", "delegating", hours_per_week=4, owner="Paul", absence="runs")
    found, _more = figures(store, clock)
    assert (found.verdict.scenario, found.verdict.causes) == (3, ())
    assert [c.title for c in found.verdict.waiting] == [bank.title, "Set next year's prices"]
    assert found.priority == ()
    assert found.answers["waits"] == Figures(2, 3.0)


def test_leader_missions_never_in_delegate_next_even_as_the_only_only_me_cards(
    store: BoardStore, clock: FrozenClock
) -> None:
    store.add(
        "Plan the marketing budget", hours_per_week=5, leader_mission=True, reason="repetitive"
    )
    store.add("Quotes", hours_per_week=1)
    found, _more = figures(store, clock)
    assert [c.title for c in found.priority] == ["Quotes"]
    assert [c.title for c in found.verdict.causes] == ["Quotes"]


@pytest.fixture
def week_board(store: BoardStore) -> BoardStore:
    store.add("Bank", hours_per_week=2, leader_mission=True, area="finance")
    store.add("Budget", hours_per_week=1.5, leader_mission=True, role="manager", area="finance")
    store.add("Quotes", hours_per_week=4, area="sales-marketing")
    store.add("Team meeting", hours_per_week=1, role="manager")
    store.add("Invoices", "delegating", hours_per_week=3, area="finance", owner="Marie")
    store.add("Deliveries", "team-owned", hours_per_week=6, area="logistics", owner="Paul")
    return store


def test_the_leaders_week_by_role_and_hat(week_board: BoardStore, clock: FrozenClock) -> None:
    week = figures(week_board, clock, 40)[1].week
    assert week.only_me == Figures(4, 8.5)
    assert week.mission_hours == Figures(2, 3.5)
    assert week.roles == {
        "entrepreneur": Figures(1, 2.0),
        "manager": Figures(2, 2.5),
        "technician": Figures(1, 4.0),
    }
    assert list(week.hats) == ["finance", "sales-marketing", "logistics", ""]
    assert week.hats["finance"] == {
        "only-me": Figures(2, 3.5),
        "delegating": Figures(1, 3.0),
        "team-owned": Figures(0, 0.0),
    }
    assert (week.unaccounted, week.share_of, week.technician_share) == (31.5, LEADER_HOURS, 0.1)


def test_unknown_or_short_leader_hours(week_board: BoardStore, clock: FrozenClock) -> None:
    unknown = figures(week_board, clock)[1].week
    assert (unknown.leader_hours, unknown.unaccounted, unknown.share_of) == (
        None,
        None,
        ONLY_ME_HOURS,
    )
    assert unknown.technician_share == round(4 / 8.5, 3)
    assert figures(week_board, clock, 5)[1].week.unaccounted == 0.0  # never negative


def _card(index: int, stage: str, hours: float, area: int, role: int, mission: bool) -> Card:
    areas = ("", *AREAS)
    return Card(
        id=str(index),
        title=str(index),
        stage=stage,
        hours_per_week=hours,
        area=areas[area % len(areas)],
        role=("", *ROLES)[role % 4],
        leader_mission=mission,
    )


cards_strategy = st.lists(
    st.tuples(
        st.sampled_from(STAGES),
        st.floats(0, 60, allow_nan=False).map(lambda h: round(h, 2)),
        st.integers(0, 10),
        st.integers(0, 3),
        st.booleans(),
    ),
    max_size=30,
).map(lambda rows: [_card(i, *row) for i, row in enumerate(rows)])


@given(cards_strategy)
def test_role_hat_and_week_sums_equal_the_cards_hours(cards: list[Card]) -> None:
    week = leader_week(cards, 45)
    only_me = [c for c in cards if c.stage == "only-me"]
    total = sum(c.hours_per_week for c in only_me)
    assert week.only_me.cards == len(only_me)
    assert week.only_me.hours == pytest.approx(total, abs=0.01)
    assert sum(f.hours for f in week.roles.values()) == pytest.approx(total, abs=0.05)
    assert sum(f.cards for f in week.roles.values()) == len(only_me)
    for stage in STAGES:
        in_stage = sum(c.hours_per_week for c in cards if c.stage == stage)
        worn = sum(hat[stage].hours for hat in week.hats.values())
        assert worn == pytest.approx(in_stage, abs=0.05)
    assert sum(h[s].cards for h in week.hats.values() for s in STAGES) == len(cards)
    assert week.unaccounted == pytest.approx(max(0.0, 45 - week.only_me.hours))


def test_each_teammates_absence(store: BoardStore, clock: FrozenClock) -> None:
    store.add("Payroll", "team-owned", hours_per_week=3, owner="Marie", backup="Paul")
    store.add("Invoices", "delegating", hours_per_week=2, owner="Marie")
    store.add("Supplier calls", "team-owned", hours_per_week=4, owner="marie ", backup="Marie")
    store.add("Deliveries", "team-owned", hours_per_week=6, owner="Paul", backup="Marie")
    store.add("Stock", "team-owned", hours_per_week=1, owner="Paul")
    store.add("Cleaning", "team-owned", hours_per_week=9, owner="Lea", backup="Paul")
    store.add("Quotes", hours_per_week=5, owner="Zoe")  # only me: the leader's
    found = people(store.cards())
    assert [p.name for p in found] == ["Marie", "Paul", "Lea"]
    marie, paul, lea = found
    assert (len(marie.owned), marie.hours_owned, marie.hours_back_on_leader) == (3, 9.0, 6.0)
    assert [c.title for c in marie.back_on_leader] == ["Supplier calls", "Invoices"]
    assert [c.title for c in marie.backs_up] == ["Deliveries"]
    assert (paul.hours_owned, paul.hours_back_on_leader) == (7.0, 1.0)
    assert sorted(c.title for c in paul.backs_up) == ["Cleaning", "Payroll"]
    assert (lea.hours_owned, lea.hours_back_on_leader, lea.back_on_leader) == (9.0, 0.0, ())
    data = build_leader(insight.build(store.cards(), clock()))
    first = data.to_json()["people"][0]
    assert (first["name"], first["cards_owned"], first["hours_owned"]) == ("Marie", 3, 9.0)
    assert first["hours_back_on_leader"] == 6.0
    assert [c["back_on_leader"] for c in first["cards"]] == [True, False, True]


def test_the_weekly_strip_from_a_hand_built_history(store: BoardStore, clock: FrozenClock) -> None:
    """Week 0: two Only-me cards (scenario 1). Week 1: Invoicing delegating. Week 2: Orders
    answered 'runs' (scenario 2). Week 3: Invoicing team-owned: scenario 3. The leader mission
    waits all along."""
    invoicing = store.add("Invoicing", hours_per_week=3).id
    orders = store.add("Orders", hours_per_week=5).id
    store.add("Strategy", hours_per_week=2, leader_mission=True)
    clock.advance(days=7)
    store.move(invoicing, "delegating")
    clock.advance(days=7)
    store.edit(orders, absence="runs")
    clock.advance(days=7)
    store.move(invoicing, "team-owned")
    clock.advance(hours=1)
    weeks = figures(store, clock)[1].weeks
    assert [w.scenario for w in weeks] == [1, 1, 2, 3]
    assert [w.hours["stops"] for w in weeks] == [8.0, 5.0, 0.0, 0.0]
    assert [w.hours["struggles"] for w in weeks] == [0.0, 3.0, 3.0, 0.0]
    assert [w.hours["runs"] for w in weeks] == [0.0, 0.0, 5.0, 8.0]
    assert {w.hours["waits"] for w in weeks} == {2.0}
    assert weeks[-1].at == START + timedelta(days=21, hours=1)


def test_the_strip_of_a_board_still_stopping_and_its_projection(
    store: BoardStore, clock: FrozenClock
) -> None:
    ids = [store.add(f"Task {n}", hours_per_week=2).id for n in range(5)]
    for card_id in ids[:2]:
        clock.advance(days=7)
        store.move(card_id, "delegating")
    clock.advance(hours=1)
    data = figures(store, clock)[1]
    assert [w.hours["stops"] for w in data.weeks] == [10.0, 8.0, 6.0]
    ahead = data.projection
    assert (ahead.stops_hours, ahead.pace, ahead.weeks) == (6.0, 2.0, 3)
    assert ahead.at == clock() + timedelta(weeks=3)
    json = data.to_json()
    assert json["absence_projection"]["weeks"] == 3
    assert [w["scenario"] for w in json["absence_by_week"]] == [1, 1, 1]


def _week(stops: float) -> AbsenceWeek:
    return AbsenceWeek(START, 1, {}, {"stops": stops})


def test_not_at_this_pace() -> None:
    assert projection([_week(4), _week(4)]).weeks is None
    assert projection([_week(3), _week(4)]).pace == -1.0
    assert projection([_week(4)]).weeks is None  # one week: no pace yet
    assert projection([_week(4), _week(0)]).weeks == 0
    assert projection([_week(20)] + [_week(10 - n) for n in range(9)]).pace == 1.0  # last 8
    assert projection([]).weeks == 0
