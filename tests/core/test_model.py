"""The card model's parsers and helpers: examples plus hypothesis properties."""

from __future__ import annotations

import math
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delegate_tui.core.errors import ValidationError
from delegate_tui.core.model import Card, StageChange
from delegate_tui.core.vocabulary import (
    AREAS,
    LOG_KINDS,
    MAX_HOURS,
    MAX_TEXT,
    MAX_TITLE,
    STAGES,
    clean_text,
    next_stage,
    parse_area,
    parse_hours,
    parse_log_kind,
    parse_name,
    parse_stage,
    parse_text,
    parse_title,
)

# ---------------------------------------------------------------- stages


@pytest.mark.parametrize(
    ("typed", "stage"),
    [
        ("only-me", "only-me"),
        ("Only Me", "only-me"),
        ("ONLY_ME", "only-me"),
        (" delegating ", "delegating"),
        ("team owned", "team-owned"),
        ("Team-Owned", "team-owned"),
    ],
)
def test_parse_stage_accepts_spellings(typed: str, stage: str) -> None:
    assert parse_stage(typed) == stage


@pytest.mark.parametrize("typed", ["", "done", "onlyme", "delegated", "team"])
def test_parse_stage_refuses_with_the_choices(typed: str) -> None:
    with pytest.raises(ValidationError, match="only-me, delegating, team-owned"):
        parse_stage(typed)


def test_next_stage() -> None:
    assert next_stage("only-me", 1) == "delegating"
    assert next_stage("delegating", 1) == "team-owned"
    assert next_stage("team-owned", 1) is None
    assert next_stage("only-me", -1) is None
    assert next_stage("team-owned", -2) == "only-me"


@given(st.sampled_from(STAGES), st.integers(-3, 3))
def test_next_stage_stays_on_the_board(stage: str, step: int) -> None:
    result = next_stage(stage, step)
    index = STAGES.index(stage) + step
    assert result == (STAGES[index] if 0 <= index < len(STAGES) else None)


# ---------------------------------------------------------------- text


def test_parse_title_cleans_and_collapses() -> None:
    assert parse_title("  Pay\tthe \n suppliers ") == "Pay the suppliers"
    assert parse_title("Invoices\x1b[31m red") == "Invoices[31m red"  # the escape is gone
    with pytest.raises(ValidationError, match="under 200"):
        parse_title("x" * (MAX_TITLE + 1))
    assert parse_title("x" * MAX_TITLE) == "x" * MAX_TITLE


@given(st.text())
def test_parse_title_never_returns_control_characters(text: str) -> None:
    try:
        title = parse_title(text)
    except ValidationError:
        return
    assert title
    assert not any(unicodedata.category(c) == "Cc" for c in title)
    assert title == title.strip() and "  " not in title
    assert len(title) <= MAX_TITLE
    assert parse_title(title) == title  # idempotent


@given(st.text())
def test_parse_title_refuses_only_empty_or_long(text: str) -> None:
    words = clean_text(text).split()
    expected_length = len(" ".join(words))
    if not words or expected_length > MAX_TITLE:
        with pytest.raises(ValidationError):
            parse_title(text)
    else:
        assert len(parse_title(text)) == expected_length


@given(st.text())
def test_clean_text_strips_every_control_but_tab_and_newline(text: str) -> None:
    cleaned = clean_text(text)
    assert all(c in "\t\n" or unicodedata.category(c) != "Cc" for c in cleaned)
    assert clean_text(cleaned) == cleaned


@given(st.text())
def test_parse_text_keeps_lines_and_drops_controls(text: str) -> None:
    try:
        result = parse_text(text, "note")
    except ValidationError as exc:
        assert "note" in str(exc)
        return
    assert result == result.strip() and "\r" not in result
    assert all(c in "\t\n" or unicodedata.category(c) != "Cc" for c in result)
    assert len(result) <= MAX_TEXT


def test_parse_text_refuses_empty_with_its_name() -> None:
    with pytest.raises(ValidationError, match="the standard is empty"):
        parse_text(" \n ", "standard")


@given(st.one_of(st.none(), st.text()))
def test_parse_name_is_clean_and_trimmed(value: str | None) -> None:
    name = parse_name(value)
    assert name == name.strip() and "  " not in name and len(name) <= MAX_TITLE
    assert not any(unicodedata.category(c) == "Cc" for c in name)
    assert parse_name(name) == name


def test_parse_name_cut_at_a_space_has_no_trailing_space() -> None:
    assert parse_name("a" * (MAX_TITLE - 1) + " bcd") == "a" * (MAX_TITLE - 1)


# ---------------------------------------------------------------- hours


@pytest.mark.parametrize(
    ("typed", "hours"),
    [("2", 2.0), ("1.5", 1.5), ("1,5", 1.5), (" 0 ", 0.0), ("", 0.0), (None, 0.0), (3, 3.0)],
)
def test_parse_hours_examples(typed: str | int | None, hours: float) -> None:
    assert parse_hours(typed) == hours


def test_parse_hours_never_gives_negative_zero() -> None:
    assert math.copysign(1.0, parse_hours("-0")) == 1.0
    assert math.copysign(1.0, parse_hours("0,001")) == 1.0  # rounds to 0.0, not -0.0


@given(st.floats(min_value=0, max_value=MAX_HOURS), st.sampled_from([".", ","]))
def test_parse_hours_accepts_every_hour_of_the_week(hours: float, point: str) -> None:
    written = repr(hours).replace(".", point)
    parsed = parse_hours(written)
    assert parsed == round(hours, 2)
    assert 0.0 <= parsed <= MAX_HOURS
    assert math.copysign(1.0, parsed) == 1.0


@given(st.floats(min_value=0, max_value=MAX_HOURS))
def test_parse_hours_is_idempotent(hours: float) -> None:
    once = parse_hours(hours)
    assert parse_hours(once) == once == parse_hours(str(once))


@given(
    st.one_of(
        st.floats(max_value=-0.01, allow_nan=False),
        st.floats(min_value=MAX_HOURS, exclude_min=True),
        st.just(math.nan),
    )
)
def test_parse_hours_refuses_outside_the_week(hours: float) -> None:
    with pytest.raises(ValidationError, match="0 to 168"):
        parse_hours(str(hours))


@given(st.text(alphabet=st.characters(categories=["L", "P", "S"]), min_size=1))
def test_parse_hours_refuses_words(text: str) -> None:
    try:
        float(text.strip().replace(",", "."))
    except ValueError:
        with pytest.raises(ValidationError, match="hours"):
            parse_hours(text)


# ---------------------------------------------------------------- areas and log kinds


@pytest.mark.parametrize(
    ("typed", "area"),
    [
        ("finance", "finance"),
        ("Sales", "sales-marketing"),
        ("marketing", "sales-marketing"),
        ("HR", "hr-legal"),
        ("hr_legal", "hr-legal"),
        ("", ""),
        (None, ""),
        ("none", ""),
    ],
)
def test_parse_area(typed: str | None, area: str) -> None:
    assert parse_area(typed) == area


@given(st.sampled_from(AREAS))
def test_every_area_parses_to_itself(area: str) -> None:
    assert parse_area(area) == area == parse_area(area.upper().replace("-", " "))


def test_parse_area_refuses_with_the_choices() -> None:
    with pytest.raises(ValidationError, match="direction, finance"):
        parse_area("moon")


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("error", "error"), ("Errors", "error"), ("dip", "efficiency-loss"), ("Doubt", "doubt")],
)
def test_parse_log_kind(typed: str, kind: str) -> None:
    assert parse_log_kind(typed) == kind


@given(st.sampled_from(LOG_KINDS))
def test_every_log_kind_parses_to_itself(kind: str) -> None:
    assert parse_log_kind(kind) == kind


@given(st.text())
def test_parse_log_kind_gives_a_kind_or_refuses(text: str) -> None:
    try:
        assert parse_log_kind(text) in LOG_KINDS
    except ValidationError as exc:
        assert "error, adjustment, efficiency-loss, doubt" in str(exc)


# ---------------------------------------------------------------- the card


def test_card_stage_since_and_json() -> None:
    card = Card(
        id="c1",
        title="Invoicing",
        stage="delegating",
        created_at="2026-11-02T09:00:00.000000Z",
        history=[
            StageChange("h1", "2026-11-02T09:00:00.000000Z", None, "only-me"),
            StageChange("h2", "2026-11-05T09:00:00.000000Z", "only-me", "delegating"),
        ],
    )
    assert card.stage_since == "2026-11-05T09:00:00.000000Z"
    assert Card(id="c2", title="x", created_at="then").stage_since == "then"
    data = card.to_json()
    assert data["history"][1] == {
        "id": "h2",
        "at": "2026-11-05T09:00:00.000000Z",
        "from": "only-me",
        "to": "delegating",
        "by": "",
    }
    assert data["area"] is None and data["standards"] == [] and data["archived_at"] is None
