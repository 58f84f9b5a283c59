"""The board settings (name, leader, leader's hours) in the board file's header: each copy of a
board sets some of them from its own identity and clock; the merge of the headers is a join
(commutative, associative, idempotent), keeps each setting's newest write, writes the settings
in one order whatever the order of the merge, and an older header (an unstamped name, no other
setting) still merges and loses to any stamped write."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from delegate_tui.board.boardfile import new_state, serialize
from delegate_tui.core.board_settings import (
    BoardSettings,
    parse_settings,
    settings_of,
    with_settings,
)
from delegate_tui.core.codec import STAMPS
from delegate_tui.core.errors import ValidationError
from delegate_tui.core.merge import META, merge_boards
from delegate_tui.core.records import Identity, Record, Stamper, stamp_key
from delegate_tui.core.stored_shape import DecodeFailure, decode_board
from delegate_tui.core.vocabulary import parse_leader_hours
from tests.kit.basics import FrozenClock
from tests.kit.merge_laws import check_associative, check_idempotent

PEOPLE = [Identity("ann", "dev-a"), Identity("ben", "dev-b"), Identity("cat", "dev-c")]
VALUES: dict[str, list[Any]] = {
    "name": ["Atelier", "Boulangerie", "Garage"],
    "leader": ["Marie", "Paul", ""],
    "leader_hours": [35.0, 50.0, 60.5],
}
change = st.tuples(
    st.sampled_from(sorted(VALUES)),
    st.integers(0, 2),  # which value
    st.sampled_from([0, 0, 1]),  # seconds the clock moves first (0: stamps tie across copies)
)
SETTINGS = settings(max_examples=150, deadline=None)
BASE = new_state("board", board_id="0b6e7c2a-3d4f-4a1b-9c8d-7e6f5a4b3c2d")


def apply(changes: list[tuple[str, int, int]], who: Identity) -> Record:
    """A copy of the base board after `who` set `changes`, one at a time."""
    state = copy.deepcopy(BASE)
    clock = FrozenClock()
    stamper = Stamper(who, clock)
    for name, value, seconds in changes:
        clock.advance(seconds=seconds)
        meta = state[META]["board"]
        state[META]["board"] = with_settings(meta, {name: VALUES[name][value]}, stamper)
    return state


def sides(count: int) -> st.SearchStrategy[list[Record]]:
    return st.tuples(*[st.lists(change, max_size=6)] * count).map(
        lambda all_changes: [apply(c, PEOPLE[i]) for i, c in enumerate(all_changes)]
    )


def header(state: Record) -> Record:
    meta: Record = state[META]["board"]
    return meta


@SETTINGS
@given(sides(2))
def test_the_merge_of_settings_is_commutative(boards: list[Record]) -> None:
    a, b = boards
    one, other = merge_boards(a, b), merge_boards(b, a)
    assert one == other
    assert serialize(one) == serialize(other)  # the same bytes: the settings in one order


@SETTINGS
@given(sides(3))
def test_the_merge_of_settings_is_associative(boards: list[Record]) -> None:
    check_associative(merge_boards, *boards)


@SETTINGS
@given(sides(2))
def test_the_merge_of_settings_is_idempotent(boards: list[Record]) -> None:
    check_idempotent(merge_boards, *boards)


@SETTINGS
@given(sides(3))
def test_each_setting_is_the_newest_write_of_any_side(boards: list[Record]) -> None:
    merged = header(merge_boards(merge_boards(boards[0], boards[1]), boards[2]))
    for name in VALUES:
        written = [
            (stamp_key(header(b)[STAMPS][name]), header(b)[name])
            for b in boards
            if name in header(b).get(STAMPS, {})
        ]
        if not written:
            unset = getattr(settings_of(header(BASE)), name)
            assert getattr(settings_of(merged), name) == unset
            continue
        newest = max(key for key, _value in written)
        assert stamp_key(merged[STAMPS][name]) == newest
        assert merged[name] in [value for key, value in written if key == newest]


@SETTINGS
@given(sides(2))
def test_merged_settings_are_a_valid_header(boards: list[Record]) -> None:
    merged = merge_boards(*boards)
    decoded = decode_board(serialize(merged))
    assert decoded[META] == merged[META]


def test_two_machines_setting_different_settings_both_keep_theirs() -> None:
    ann = apply([("leader", 0, 1)], PEOPLE[0])
    ben = apply([("leader_hours", 1, 5), ("name", 0, 0)], PEOPLE[1])
    assert settings_of(header(merge_boards(ann, ben))) == BoardSettings("Atelier", "Marie", 50.0)


def test_an_older_header_loses_its_unstamped_name_to_any_stamped_one() -> None:
    old = copy.deepcopy(BASE)
    old[META]["board"]["name"] = "zzz old name"  # larger in the fixed order: it would win a tie
    new = apply([("name", 1, 0)], PEOPLE[0])
    assert settings_of(header(merge_boards(old, new))).name == "Boulangerie"
    assert merge_boards(old, old) == old


def test_a_first_change_writes_every_setting_in_one_order() -> None:
    meta = with_settings(header(BASE), {"leader_hours": 40.0}, Stamper(PEOPLE[0], FrozenClock()))
    keys = [k for k in meta if k in VALUES or k == STAMPS]
    assert keys == ["name", "leader", "leader_hours", STAMPS]
    assert list(meta[STAMPS]) == ["leader_hours"]  # only what was set is stamped
    assert header(BASE) == {**header(BASE)}  # (the input is left as it was)
    assert "leader" not in header(BASE)


def test_an_unchanged_setting_is_not_stamped_again() -> None:
    stamper = Stamper(PEOPLE[0], FrozenClock())
    meta = with_settings(header(BASE), {"leader": "Marie"}, stamper)
    assert with_settings(meta, {"leader": "Marie"}, stamper) == meta


@pytest.mark.parametrize("value", ["0", "-1", "168.5", "169", "abc", "", "nan", "inf", 0, 200])
def test_the_leaders_hours_are_more_than_0_and_at_most_168(value: Any) -> None:
    with pytest.raises(ValidationError, match="more than 0 and at most 168"):
        parse_leader_hours(value)


@pytest.mark.parametrize(
    ("value", "hours"), [("50", 50.0), ("37,5", 37.5), (168, 168.0), ("0.5", 0.5)]
)
def test_the_leaders_hours_read_a_number(value: Any, hours: float) -> None:
    assert parse_leader_hours(value) == hours


def test_an_empty_board_name_is_refused_and_none_leaves_a_setting_as_it_is() -> None:
    with pytest.raises(ValidationError, match="name is empty"):
        parse_settings({"name": "  "})
    assert parse_settings({"name": None, "leader": " Marie  Curie ", "leader_hours": "40"}) == {
        "leader": "Marie Curie",
        "leader_hours": 40.0,
    }


def test_a_damaged_setting_or_its_stamp_is_refused_by_the_decode() -> None:
    good = apply([("leader_hours", 0, 0)], PEOPLE[0])
    text = serialize(good)
    decode_board(text)
    for bad in (
        text.replace('"leader_hours":35.0', '"leader_hours":500'),
        text.replace('"leader":""', '"leader":5'),
        text.replace("2026-", "1900-", 1),
    ):
        assert bad != text
        with pytest.raises(DecodeFailure):
            decode_board(bad)
    assert json.loads(text)[META]["board"]["leader_hours"] == 35.0
