"""The stored shape's rules, one by one: what each field of a board file may hold, checked in
the one decode of the file, and the one line that names a damaged value."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from delegate_tui.board.boardfile import parse
from delegate_tui.core import stored_shape, stored_types
from delegate_tui.core.errors import BoardError, DamagedBoard
from delegate_tui.core.records import CARD_FIELDS, ITEM_FIELDS, Identity, Stamper
from delegate_tui.core.stored_shape import CARD_TYPES, ITEM_TYPES, decode_board
from delegate_tui.core.stored_types import MAX_STORED_TEXT
from delegate_tui.core.times import LATEST, format_time, parse_time

BOARD_ID = "0b6e7c2a-3d4f-4a1b-9c8d-7e6f5a4b3c2d"
CARD = "c0ffee00-0000-4000-8000-000000000001"
AT = "2026-11-02T09:00:00.000000Z"
STAMP = [AT, "alice", "dev-a"]
PATH = Path("board.json")


def board(card: dict[str, Any] | None = None, **meta: Any) -> dict[str, Any]:
    record = {"title": "Invoicing", "stage": "only-me", "_stamps": {"*": STAMP}}
    header = {"app": "delegate-tui", "format": 3, "board_id": BOARD_ID, "name": "b", **meta}
    return {"_meta": {"board": header}, "cards": {CARD: {**record, **(card or {})}}}


def text_of(data: dict[str, Any], **raw: str) -> str:
    """The board as JSON text, each `"@name@"` string replaced by raw JSON text."""
    text = json.dumps(data)
    for name, value in raw.items():
        text = text.replace(f'"@{name}@"', value)
    return text


def accepted(data: dict[str, Any] | str) -> dict[str, Any]:
    return parse(data if isinstance(data, str) else json.dumps(data), PATH)


def refused(data: dict[str, Any] | str, *words: str) -> str:
    with pytest.raises(BoardError) as caught:
        accepted(data)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message
    return message


# ---------------------------------------------------------------- the tables


def test_every_field_of_the_records_has_a_type() -> None:
    assert set(CARD_TYPES) == set(CARD_FIELDS)
    assert set(ITEM_TYPES) == {name for fields in ITEM_FIELDS.values() for name in fields}


def test_a_field_without_a_type_fails_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CARD_FIELDS, "colour", "")
    with pytest.raises(TypeError, match="colour"):
        stored_shape._check_tables()


def test_the_types_are_typed_dicts_the_next_table_can_build_on() -> None:
    assert set(stored_shape.Card.__annotations__) >= set(CARD_FIELDS) | {"_stamps", "history"}
    extended = stored_shape.typed_dict("Wider", {**CARD_TYPES, "colour": stored_shape.Text})
    assert msgspec.convert({"colour": "red", "stage": "only-me"}, extended)["colour"] == "red"


def test_keys_no_type_knows_are_dropped() -> None:
    data = accepted(board({"colour": "red"}, theme="dark"))
    assert "colour" not in data["cards"][CARD] and "theme" not in data["_meta"]["board"]


# ---------------------------------------------------------------- text


def test_text_is_bounded() -> None:
    accepted(board({"description": "a" * MAX_STORED_TEXT}))
    refused(board({"description": "a" * (MAX_STORED_TEXT + 1)}), "its description", "100,000")


@pytest.mark.parametrize("field", ["title", "owner"])
def test_a_lone_surrogate_is_refused_with_a_clear_message(field: str) -> None:
    text = text_of(board({field: "@bad@"}), bad='"ab\\ud800"')
    refused(text, f"card {CARD[:8]}: its {field} holds 'ab\\ud800'", "not valid Unicode")


def test_text_of_another_type_is_refused() -> None:
    refused(board({"owner": 5}), "its owner holds 5, not text")
    refused(board({"title": None}), "its title holds null")


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize("hours", [0, 168, 2, 2.5, -0.0, None])
def test_hours_in_a_week_are_accepted(hours: Any) -> None:
    card = accepted(board({"hours_per_week": hours}))["cards"][CARD]
    assert card["hours_per_week"] == hours and type(card["hours_per_week"]) is type(hours)


@pytest.mark.parametrize("raw", ["-1", "169", "168.01", "1e400", "true", '"2"', "NaN", "-Infinity"])
def test_hours_beyond_a_week_or_not_a_number_are_refused(raw: str) -> None:
    refused(text_of(board({"hours_per_week": "@h@"}), h=raw), "its hours_per_week", "0 to 168")


def test_a_number_of_thousands_of_digits_is_one_line() -> None:
    text = text_of(board({"hours_per_week": "@h@"}), h="9" * 5000)
    refused(text, "thousands of digits", "(line 1)")


@pytest.mark.parametrize("position", [0, -3, 2.5, 1e300, -1.7976931348623157e308, 2**53, None])
def test_any_finite_position_is_accepted(position: Any) -> None:
    assert accepted(board({"position": position}))["cards"][CARD]["position"] == position


@pytest.mark.parametrize("raw", ["1e400", "Infinity", "NaN", str(2**53 + 1), '"1"', "[]"])
def test_a_position_that_is_no_finite_number_is_refused(raw: str) -> None:
    refused(text_of(board({"position": "@p@"}), p=raw), "its position")


@pytest.mark.parametrize("level", [1, 7, None])
def test_a_level_is_1_to_7_or_null(level: Any) -> None:
    accepted(board({"level": level, "target_level": level}))


@pytest.mark.parametrize("level", [0, 8, True, "3", 2.0])
def test_another_level_is_refused(level: Any) -> None:
    refused(board({"target_level": level}), "its target_level", "1 to 7")


@pytest.mark.parametrize("flag", [1, "yes", None])
def test_a_flag_is_true_or_false(flag: Any) -> None:
    accepted(board({"provider": True}))
    refused(board({"provider": flag}), "its provider", "true or false")


# ---------------------------------------------------------------- choices


def test_an_unknown_stage_is_damage() -> None:
    refused(board({"stage": "done"}), f"card {CARD[:8]} has an unknown stage 'done'", "only-me")


@pytest.mark.parametrize(
    ("field", "good", "bad"),
    [("area", "finance", "moon"), ("absence", "runs", "maybe"), ("reason", "low-value", "fun")],
)
def test_choices_are_their_words_or_none(field: str, good: str, bad: str) -> None:
    accepted(board({field: good}))
    accepted(board({field: ""}))
    refused(board({field: bad}), f"has an unknown {field} {bad!r}")


def test_a_log_entry_has_a_known_kind_and_a_time() -> None:
    entry = {"at": AT, "by": "alice", "kind": "doubt", "text": "Ready?"}
    accepted(board({"log": {"l1": entry}}))
    refused(board({"log": {"l1": {**entry, "kind": "panic"}}}), "log entry l1 has an unknown kind")
    refused(board({"log": {"l1": {**entry, "kind": ""}}}), "unknown kind ''")
    refused(board({"log": {"l1": {**entry, "by": 5}}}), "the 'by' of its log entry l1 holds 5")
    del entry["at"]
    refused(board({"log": {"l1": entry}}), "its log entry l1 has no at")


def test_history_moves_between_stages_and_may_come_from_none() -> None:
    entry = {"at": AT, "by": "alice", "from": "only-me", "to": "delegating"}
    accepted(board({"history": {"h1": entry, "h0": {**entry, "from": None, "to": "only-me"}}}))
    refused(board({"history": {"h1": {**entry, "to": None}}}), "history entry h1", "'to'")
    refused(board({"history": {"h1": {**entry, "from": "later"}}}), "unknown from 'later'")


def test_a_history_entry_stamps_its_retraction_and_nothing_else() -> None:
    entry = {"at": AT, "by": "alice", "from": "only-me", "to": "delegating"}
    undone = {**entry, "deleted_at": AT, "_stamps": {"deleted_at": STAMP}}
    accepted(board({"history": {"h1": undone}}))
    for key in ("*", "to", "at"):  # a stamp there would make the move itself look editable
        bad = board({"history": {"h1": {**entry, "_stamps": {key: STAMP}}}})
        refused(bad, f"its history entry h1 has a stamp for '{key}', not one of deleted_at")


# ---------------------------------------------------------------- times


@pytest.mark.parametrize(
    "at",
    [
        "1970-01-01T00:00:00.000000Z",
        "2024-02-29T12:00:00.000000Z",
        "2000-02-29T00:00:00.000000Z",
        "2400-02-29T00:00:00.000000Z",
        "2026-04-30T23:59:59.999999Z",
        "2999-12-31T23:59:59.999999Z",
    ],
)
def test_a_stored_time_is_a_real_utc_moment(at: str) -> None:
    accepted(board({"archived_at": at, "_stamps": {"*": [at, "a", "d"]}}))
    assert format_time(parse_time(at)) == at


@pytest.mark.parametrize(
    "at",
    [
        "2025-02-29T12:00:00.000000Z",  # not a leap year
        "2100-02-29T12:00:00.000000Z",  # a century that is not a leap year
        "2026-04-31T12:00:00.000000Z",
        "2026-13-01T12:00:00.000000Z",
        "2026-00-10T12:00:00.000000Z",
        "2026-01-00T12:00:00.000000Z",
        "2026-01-01T24:00:00.000000Z",
        "2026-01-01T23:60:00.000000Z",
        "2026-01-01T23:59:60.000000Z",
        "1969-12-31T23:59:59.999999Z",
        "3000-01-01T00:00:00.000000Z",
        "9999-12-31T23:59:59.999999Z",
        "2026-01-01T12:00:00Z",
        "2026-01-01T12:00:00.000Z",
        "2026-01-01 12:00:00.000000Z",
        "2026-01-01T12:00:00.000000+00:00",
        "2026-01-01T12:00:00.000000z",
        "2026-01-01T12:00:00.000000Z\n",
        "",
    ],
)
def test_anything_else_is_not_a_stored_time(at: str) -> None:
    refused(board({"created_at": at}), "its created_at", "a UTC time like")
    refused(board({"_stamps": {"*": [at, "a", "d"]}}), "its stamp of '*'")


@given(st.datetimes(datetime(1970, 1, 1), datetime(2999, 12, 31, 23, 59, 59, 999999)))
def test_every_moment_of_the_years_is_a_stored_time(moment: datetime) -> None:
    at = format_time(moment.replace(tzinfo=UTC))
    assert decode_board(json.dumps(board({"created_at": at})))


@given(st.text(alphabet="0123456789-:.TZ ", min_size=20, max_size=28))
def test_parse_time_never_fails_on_what_the_decode_accepts(at: str) -> None:
    try:
        decode_board(json.dumps(board({"created_at": at})))
    except stored_shape.DecodeFailure:
        return
    assert parse_time(at).year >= 1970


NEAR_TIMES = st.one_of(
    st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31)).map(
        lambda moment: f"{moment:%Y-%m-%dT%H:%M:%S.%f}Z"
    ),
    st.text(alphabet="0123456789", min_size=21, max_size=21).map(
        lambda d: f"{d[:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:14]}.{d[14:20]}Z"
    ),
    st.text(alphabet="0123456789-:.TZ", min_size=25, max_size=29),
)


@given(st.lists(NEAR_TIMES, min_size=1, max_size=3))
def test_the_stamps_check_of_all_times_at_once_is_the_pattern(times: list[str]) -> None:
    """The decode checks stamps' times in one pass (fast), everything else by TIME_PATTERN."""
    assert stored_shape.times_ok(times) == all(
        re.match(stored_types.TIME_PATTERN, t) for t in times
    )


def test_a_time_that_may_be_unset_is_a_time_or_empty_or_null() -> None:
    for unset in ("", None, AT):
        accepted(board({"archived_at": unset, "deleted_at": unset, "checked_in_at": unset}))
    refused(board({"deleted_at": True}), "its deleted_at holds true")


def test_a_stamp_after_the_last_storable_moment_is_that_moment() -> None:
    """A file may hold a stamp at the last moment of 2999: the next edit must not write 3000."""
    stamper = Stamper(Identity("a", "d"), lambda: datetime(2026, 1, 1, tzinfo=UTC))
    last = format_time(LATEST)
    assert stamper.at(last) == last
    assert stamper.at(format_time(LATEST - timedelta(microseconds=1))) == last


# ---------------------------------------------------------------- stamps


@pytest.mark.parametrize(
    "stamp", [[AT, "a"], [AT, "a", "d", "x"], [AT, 5, "d"], [5, "a", "d"], "odd", None, {}]
)
def test_a_stamp_is_a_time_and_two_texts(stamp: Any) -> None:
    refused(board({"_stamps": {"*": STAMP, "title": stamp}}), "its stamp of 'title'")


def test_decoded_stamps_are_lists_as_the_records_code_compares_them() -> None:
    item = {"text": "x", "_stamps": {"*": STAMP}}
    data = accepted(board({"standards": {"s1": item}}))
    card = data["cards"][CARD]
    assert card["_stamps"]["*"] == STAMP and type(card["_stamps"]["*"]) is list
    assert type(card["standards"]["s1"]["_stamps"]["*"]) is list


# ---------------------------------------------------------------- ids and the header


def test_an_inner_id_of_an_older_format_is_kept_as_text() -> None:
    assert accepted(board({"id": "another"}))["cards"][CARD]["id"] == "another"
    refused(board({"id": 5}), "its id holds 5")


@pytest.mark.parametrize("key", ["", "\x1b[2J", "a b", "x/y", "é" * 3, "a" * 201])
def test_a_card_id_is_letters_digits_and_dashes(key: str) -> None:
    data = board()
    data["cards"] = {key: data["cards"][CARD]}
    refused(data, "a card is filed under", "not a card id")


@pytest.mark.parametrize(
    "board_id", ["../../etc", "B6E7C2A0-3D4F-4A1B-9C8D-7E6F5A4B3C2D", "b-1", "", f"{BOARD_ID}\n"]
)
def test_the_board_id_is_a_canonical_uuid(board_id: str) -> None:
    refused(board(board_id=board_id), f"board id {board_id!r}", "not a UUID")


def test_a_board_id_of_another_type_is_refused() -> None:
    refused(board(board_id=5), "no board id")


def test_an_older_format_the_decode_accepts_is_still_migrated() -> None:
    old = board({"id": CARD, "created_at": AT}, format=2)
    data = accepted(old)
    assert data["_meta"]["board"]["format"] == 5
    assert "id" not in data["cards"][CARD] and "created_at" not in data["cards"][CARD]


def test_a_newer_format_is_refused_even_when_it_decodes() -> None:
    refused(board(format=6), "newer delegate-tui", "left as is")


# ---------------------------------------------------------------- damage in words


def test_deep_nesting_is_one_line() -> None:
    text = text_of(board({"colour": "@deep@"}), deep="[" * 100_000 + "]" * 100_000)
    refused(text, "nests its values too deeply")


def test_the_message_names_the_card_the_field_and_what_it_holds_and_how_to_fix_it() -> None:
    message = refused(board({"hours_per_week": -1, "owner": 5}))
    assert message == (
        f"board.json: card {CARD[:8]}: its hours_per_week holds -1, not a number from 0 to 168 "
        "or null (and 1 more): fix it in the file or restore a backup; 'delegate check' lists "
        "every damaged card"
    )


def test_a_damaged_board_lists_every_damaged_value() -> None:
    data = board({"hours_per_week": -1, "stage": "later"})
    data["cards"]["c2"] = copy.deepcopy(data["cards"][CARD])
    data["cards"]["c2"]["log"] = {"l1": {"at": AT, "kind": "doubt", "by": 5}}
    with pytest.raises(DamagedBoard) as caught:
        accepted(data)
    assert caught.value.board_id == BOARD_ID
    assert caught.value.damages == [
        f"card {CARD[:8]} has an unknown stage 'later' (use one of only-me, delegating, team-owned)",
        f"card {CARD[:8]}: its hours_per_week holds -1, not a number from 0 to 168 or null",
        "card c2 has an unknown stage 'later' (use one of only-me, delegating, team-owned)",
        "card c2: its hours_per_week holds -1, not a number from 0 to 168 or null",
        "card c2: the 'by' of its log entry l1 holds 5, not text of at most 100,000 characters",
    ]


def test_a_long_value_is_shown_short_and_escaped() -> None:
    message = refused(board({"owner": ["\x1b[2J" * 40]}))
    assert "\x1b" not in message and "..." in message and "\\u001b[2J" in message


# ---------------------------------------------------------------- the readiness gate's mark


def _moved(**extra: Any) -> dict[str, Any]:
    entry = {"at": AT, "by": "alice", "from": "only-me", "to": "team-owned", **extra}
    return board({"stage": "team-owned", "history": {"h1": entry}})


def test_a_forced_history_entry_is_kept_and_an_unmarked_one_stays_valid() -> None:
    forced = accepted(_moved(forced=True))["cards"][CARD]["history"]["h1"]
    assert forced["forced"] is True
    plain = accepted(_moved())["cards"][CARD]["history"]["h1"]
    assert "forced" not in plain


def test_a_forced_mark_that_is_not_a_boolean_is_refused() -> None:
    refused(_moved(forced="yes"), "forced")
