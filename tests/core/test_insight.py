"""The delegation insight on hand-built boards: a real BoardStore, a frozen clock moved between
changes, and the figures checked one by one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delegate_tui.board.store import BoardStore
from delegate_tui.core import insight
from delegate_tui.core.merge import merge_card
from delegate_tui.core.model import Card, StageChange, role_of
from delegate_tui.core.records import Identity, Stamper, card_from_record, new_card
from delegate_tui.core.times import format_time
from delegate_tui.core.vocabulary import ABSENCE_ANSWERS, STAGES
from tests.kit.basics import START, FrozenClock


def days(delta: timedelta) -> float:
    return round(delta.total_seconds() / 86400, 3)


def titles(cards) -> list[str]:
    return [c.title for c in cards]


@pytest.fixture
def board(store: BoardStore, clock: FrozenClock) -> BoardStore:
    """Six only-me tasks on Monday 2 Nov; Invoicing is handed over over two weeks, Orders
    starts being delegated on the 16th; 'now' is Thursday 19 Nov."""
    ids = {}
    for title, hours, reason in [
        ("Invoicing", 3, "repetitive"),
        ("Payroll", 4, "emergency"),
        ("Quotes", 2, ""),
        ("Orders", 5, "repetitive"),
        ("Reports", 1, "standardised"),
        ("Filing", 1, "low-value"),
    ]:
        ids[title] = store.add(title, hours_per_week=hours, reason=reason).id
    clock.advance(days=7)
    store.move(ids["Invoicing"], "delegating")
    clock.advance(days=7)
    store.move(ids["Invoicing"], "team-owned")
    store.move(ids["Orders"], "delegating")
    store.edit(ids["Orders"], checkin="every monday")
    store.edit(
        ids["Invoicing"], checkin="weekly", checked_in_at=format_time(START + timedelta(days=8))
    )
    clock.advance(days=3)
    return store


def test_hours_by_stage_and_by_absence_answer(board: BoardStore, clock: FrozenClock) -> None:
    found = insight.build(board.cards(), clock())
    assert found.stages == {
        "only-me": insight.Figures(4, 8.0),
        "delegating": insight.Figures(1, 5.0),
        "team-owned": insight.Figures(1, 3.0),
    }
    assert found.answers == {
        "stops": insight.Figures(4, 8.0),
        "struggles": insight.Figures(1, 5.0),
        "runs": insight.Figures(1, 3.0),
        "waits": insight.Figures(0, 0.0),
    }
    assert found.total_hours == 16.0


def test_any_only_me_task_means_everything_stops(board: BoardStore, clock: FrozenClock) -> None:
    verdict = insight.build(board.cards(), clock()).verdict
    assert (verdict.scenario, verdict.label) == (1, "everything stops")
    assert titles(verdict.causes) == ["Payroll", "Quotes", "Reports", "Filing"]


def test_the_leaders_own_answer_overrides_the_stage(board: BoardStore, clock: FrozenClock) -> None:
    for card in board.cards():
        if card.stage == "only-me":
            board.edit(card.id, absence="runs")  # it can wait two weeks
    verdict = insight.verdict(board.cards())
    assert (verdict.scenario, titles(verdict.causes)) == (2, ["Orders"])
    team_owned = next(c for c in board.cards() if c.stage == "team-owned")
    board.edit(team_owned.id, absence="stops")  # only one person knows it, and she is away
    verdict = insight.verdict(board.cards())
    assert (verdict.scenario, titles(verdict.causes)) == (1, ["Invoicing"])


def test_hours_bought_back_so_far_and_week_by_week(board: BoardStore, clock: FrozenClock) -> None:
    found = insight.build(board.cards(), clock())
    assert (found.bought_back, found.in_progress) == (3.0, 5.0)
    assert found.share == pytest.approx(3 / 16, abs=0.001)
    weekly = [(p.at, p.hours["team-owned"]) for p in found.flow]
    now = clock()
    assert weekly == [(now - timedelta(weeks=2), 0.0), (now - timedelta(weeks=1), 0.0), (now, 3.0)]


def test_only_me_column_in_delegation_priority(board: BoardStore, clock: FrozenClock) -> None:
    quotes = next(c for c in board.cards() if c.title == "Quotes")
    board.add("Stock count", hours_per_week=6, reason="repetitive")
    found = insight.build(board.cards(), clock())
    assert titles(found.priority) == [
        "Stock count",  # repetitive, 6h
        "Reports",  # standardised
        "Filing",  # low-value
        "Payroll",  # emergency
        "Quotes",  # no reason marked
    ]
    assert quotes.reason == ""


def test_time_in_each_stage_and_age_in_delegating(board: BoardStore, clock: FrozenClock) -> None:
    found = insight.build(board.cards(), clock())
    times = {card.title: spent for card, spent in found.time_in_stage}
    assert {s: days(t) for s, t in times["Invoicing"].items()} == {
        "only-me": 7.0,
        "delegating": 7.0,
        "team-owned": 3.0,
    }
    assert {s: days(t) for s, t in times["Payroll"].items()} == {
        "only-me": 17.0,
        "delegating": 0.0,
        "team-owned": 0.0,
    }
    assert [(c.title, days(age)) for c, age in found.delegating] == [("Orders", 3.0)]


def test_moving_back_and_forth_adds_up(store: BoardStore, clock: FrozenClock) -> None:
    card = store.add("Supplier calls")
    for stage in ("delegating", "only-me", "delegating"):
        clock.advance(days=2)
        store.move(card.id, stage)
    clock.advance(days=1)
    spent = insight.time_in_stage(insight.spans(store.card(card.id), clock()))
    assert {s: days(t) for s, t in spent.items()} == {
        "only-me": 4.0,
        "delegating": 3.0,
        "team-owned": 0.0,
    }
    [(_, age)] = insight.delegating_ages(store.cards(), clock())
    assert days(age) == 1.0  # this stay in delegating, not the first one


def test_cumulative_flow_counts_each_stage_every_week(
    board: BoardStore, clock: FrozenClock
) -> None:
    flow = insight.build(board.cards(), clock()).flow
    assert [p.counts for p in flow] == [
        {"only-me": 6, "delegating": 0, "team-owned": 0},
        {"only-me": 5, "delegating": 1, "team-owned": 0},
        {"only-me": 4, "delegating": 1, "team-owned": 1},
    ]
    assert len(insight.flow(board.cards(), clock(), weeks=2)) == 2


def test_cards_added_later_are_absent_from_earlier_weeks(
    store: BoardStore, clock: FrozenClock
) -> None:
    store.add("Early")
    clock.advance(days=10)
    store.add("Late", stage="team-owned")
    flow = insight.flow(store.cards(), clock())
    assert [sum(p.counts.values()) for p in flow] == [1, 2]


def test_overdue_checkins(board: BoardStore, clock: FrozenClock) -> None:
    found = insight.build(board.cards(), clock())
    checks = [(c.card.title, c.next, c.overdue) for c in found.checkins]
    assert checks == [
        ("Invoicing", START + timedelta(days=15), True),  # weekly since the 10th: due the 17th
        ("Orders", START + timedelta(days=21), False),  # every monday since it started on the 16th
    ]
    assert [c.card.title for c in found.overdue] == ["Invoicing"]
    clock.advance(days=4)  # Monday 23rd, after the 09:00 check-in time
    assert [c.card.title for c in insight.checkins(board.cards(), clock()) if c.overdue] == [
        "Invoicing",
        "Orders",
    ]


def test_an_empty_board(store: BoardStore, clock: FrozenClock) -> None:
    found = insight.build(store.cards(), clock())
    assert found.verdict == insight.Verdict(None, insight.UNKNOWN_VERDICT)
    assert found.stages == dict.fromkeys(STAGES, insight.Figures(0, 0.0))
    assert (found.bought_back, found.in_progress, found.share) == (0.0, 0.0, 0.0)
    assert found.priority == found.delegating == found.checkins == ()
    assert [p.counts for p in found.flow] == [dict.fromkeys(STAGES, 0)]
    data = found.to_json()
    assert data["absence"] == {"scenario": None, "label": insight.UNKNOWN_VERDICT, "cards": []}
    assert data["only-me"] == {"label": "Only me", "cards": 0, "hours_per_week": 0.0}


def test_a_board_where_every_card_is_team_owned(store: BoardStore, clock: FrozenClock) -> None:
    for title, hours in [("Payroll", 4), ("Orders", 5)]:
        store.add(title, stage="team-owned", hours_per_week=hours)
    clock.advance(days=1)
    found = insight.build(store.cards(), clock())
    assert (found.verdict.scenario, found.verdict.label) == (3, "it runs normally")
    assert found.verdict.causes == ()
    assert (found.bought_back, found.in_progress, found.share) == (9.0, 0.0, 1.0)
    assert found.priority == () and found.delegating == ()
    assert found.answers["runs"] == insight.Figures(2, 9.0)


def test_status_json_shape(board: BoardStore, clock: FrozenClock) -> None:
    data = insight.build(board.cards(), clock()).to_json()
    assert data["only-me"]["hours_per_week"] == 8.0
    assert data["delegating"] == {"label": "Delegating", "cards": 1, "hours_per_week": 5.0}
    assert data["team-owned"]["cards"] == 1
    assert data["absence"]["scenario"] == 1
    assert [c["title"] for c in data["absence"]["cards"]] == [
        "Payroll",
        "Quotes",
        "Reports",
        "Filing",
    ]
    assert data["bought_back"]["hours_per_week"] == 3.0
    assert [w["hours_per_week"] for w in data["bought_back"]["weekly"]] == [0.0, 0.0, 3.0]
    assert [c["title"] for c in data["overdue_checkins"]] == ["Invoicing"]
    assert data["flow"][-1] == {
        "at": format_time(clock()),
        "only-me": 4,
        "delegating": 1,
        "team-owned": 1,
    }
    assert data["delegating_ages"][0]["days"] == 3.0


def test_new_fields_merge_field_by_field(clock: FrozenClock) -> None:
    bob = Stamper(Identity("bob", "dev-bob"), clock)
    base = new_card({"title": "Payroll"}, bob)
    mine, theirs = dict(base), dict(base)
    mine["_stamps"], theirs["_stamps"] = dict(base["_stamps"]), dict(base["_stamps"])
    clock.advance(minutes=1)
    mine.update(absence="struggles", level=3)
    mine["_stamps"].update(absence=bob.stamp(), level=bob.stamp())
    clock.advance(minutes=1)
    theirs.update(checkin="monthly", provider=True)
    theirs["_stamps"].update(checkin=bob.stamp(), provider=bob.stamp())
    merged = card_from_record("c1", merge_card(mine, theirs))
    assert (merged.absence, merged.level, merged.checkin, merged.provider) == (
        "struggles",
        3,
        "monthly",
        True,
    )


def test_junk_values_from_a_hand_edited_file_are_ignored(board_path: Path, alice) -> None:
    record = new_card({"title": "Odd"}, Stamper(alice))
    record.update(absence="maybe", level=99, target_level="7", reason=5, provider="yes")
    card = card_from_record("c1", record)
    assert (card.absence, card.level, card.target_level, card.reason, card.provider) == (
        "",
        None,
        None,
        "",
        False,
    )
    odd = BoardStore(board_path, alice)
    added = odd.add("Weekly call", checkin="whenever")  # a cadence this version cannot read
    assert insight.checkins([added], START) == []


NOW = datetime(2026, 6, 1, tzinfo=UTC)
made_cards = st.builds(
    lambda i, stage, answer, hours, back: Card(
        id=f"c{i}",
        title=f"Card {i}",
        stage=stage,
        hours_per_week=float(hours),
        absence=answer,
        created_at=format_time(NOW - timedelta(days=back)),
        history=[StageChange(f"h{i}", format_time(NOW - timedelta(days=back)), None, stage)],
    ),
    st.integers(0, 10**6),
    st.sampled_from(STAGES),
    st.sampled_from(("", *ABSENCE_ANSWERS)),
    st.integers(0, 40),
    st.integers(0, 400),
)


@given(st.lists(made_cards, max_size=30, unique_by=lambda c: c.id))
def test_figures_add_up_on_any_board(cards: list[Card]) -> None:
    found = insight.build(cards, NOW)
    total = sum(c.hours_per_week for c in cards)
    assert sum(f.hours for f in found.stages.values()) == pytest.approx(total)
    assert sum(f.hours for f in found.answers.values()) == pytest.approx(total)
    assert sum(f.cards for f in found.answers.values()) == len(cards)
    assert found.flow[-1].counts == {s: f.cards for s, f in found.stages.items()}
    sizes = [sum(p.counts.values()) for p in found.flow]
    assert sizes == sorted(sizes)  # cards never leave the flow, they only arrive
    worst = min((insight.ANSWER_SCENARIO[insight.absence_answer(c)] for c in cards), default=None)
    assert found.verdict.scenario == worst
    assert 0.0 <= found.share <= 1.0


def test_the_stage_field_wins_over_a_history_that_disagrees() -> None:
    moved = format_time(NOW - timedelta(days=2))
    card = Card(
        id="c1",
        title="Hand-edited",
        stage="team-owned",
        created_at=format_time(NOW - timedelta(days=5)),
        history=[
            StageChange("h1", format_time(NOW - timedelta(days=5)), None, "only-me"),
            StageChange("h2", moved, "only-me", "delegating"),
            StageChange("h3", "not a time", "delegating", "only-me"),
        ],
    )
    found = insight.spans(card, NOW)
    assert [(s.stage, days(s.end - s.start)) for s in found] == [
        ("only-me", 3.0),
        ("team-owned", 2.0),
    ]


moved_cards = st.builds(
    lambda i, moves, hours: Card(
        id=f"c{i}",
        title=f"Card {i}",
        stage=moves[-1][1],
        hours_per_week=float(hours),
        created_at=format_time(NOW - timedelta(hours=moves[0][0])),
        history=[
            StageChange(f"h{i}-{n}", format_time(NOW - timedelta(hours=back)), None, stage)
            for n, (back, stage) in enumerate(moves)
        ],
    ),
    st.integers(0, 10**6),
    st.lists(
        st.tuples(st.integers(0, 24 * 200), st.sampled_from(STAGES)), min_size=1, max_size=6
    ).map(lambda moves: sorted(moves, reverse=True)),
    st.integers(0, 40),
)


@given(st.lists(moved_cards, max_size=20, unique_by=lambda c: c.id), st.integers(1, 30))
def test_flow_matches_asking_each_card_its_stage_at_each_point(
    cards: list[Card], weeks: int
) -> None:
    points = insight.flow(cards, NOW, weeks)
    assert len(points) <= weeks and points[-1].at == NOW
    for point in points:
        stages = [insight.stage_at(insight.spans(c, NOW), point.at) for c in cards]
        assert point.counts == {s: stages.count(s) for s in STAGES}
        expected = {
            s: sum(c.hours_per_week for c, st_ in zip(cards, stages, strict=True) if st_ == s)
            for s in STAGES
        }
        assert point.hours == pytest.approx(expected)


# ---------------------------------------------------------------- the leader's missions (issue 16)


def _mission(title: str, **fields: object) -> Card:
    return Card(id=title, title=title, stage="only-me", leader_mission=True, **fields)  # type: ignore[arg-type]


def test_a_leader_mission_waits_and_is_never_a_cause() -> None:
    bank = _mission("Negotiate with the bank", hours_per_week=2.0)
    payroll = Card(id="p", title="Payroll", stage="team-owned", hours_per_week=3.0)
    assert insight.absence_answer(bank) == "waits"
    found = insight.verdict([bank, payroll])
    assert found.scenario == 3 and found.causes == ()
    assert insight.by_answer([bank, payroll])["waits"] == insight.Figures(1, 2.0)


def test_a_leader_mission_always_waits_whatever_was_answered() -> None:
    bank = _mission("Negotiate with the bank", absence="stops")
    assert insight.absence_answer(bank) == "waits"
    assert insight.verdict([bank]) == insight.Verdict(3, "it runs normally", (), (bank,))


def test_an_answered_waits_on_an_ordinary_card_is_no_cause_either() -> None:
    card = Card(id="q", title="Quotes", stage="only-me", absence="waits")
    assert insight.verdict([card]).scenario == 3


def test_leader_missions_are_never_candidates_to_delegate_next() -> None:
    bank = _mission("Negotiate with the bank", reason="repetitive", hours_per_week=9.0)
    quotes = Card(id="q", title="Quotes", stage="only-me", hours_per_week=1.0)
    assert insight.priority([bank, quotes]) == [quotes]


def test_the_role_in_effect() -> None:
    assert role_of(Card(id="a", title="a")) == "technician"
    assert role_of(_mission("b")) == "entrepreneur"
    assert role_of(_mission("c", role="manager")) == "manager"
    assert role_of(Card(id="d", title="d", role="entrepreneur")) == "entrepreneur"
