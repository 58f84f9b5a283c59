"""A fuzzer of board files: junk put at random places in a real board (wrong types, NaN and
Infinity, numbers of 5,000 digits, lone surrogates, impossible dates, year 9999, deep nesting,
unknown stages, flipped bytes) never gets a traceback out of any command, a failed command
leaves the file byte for byte, and a board of odd but valid values opens and works, in the CLI
and in the terminal UI. `tests/benchmarks/fuzz_boards.py N` runs the same checks longer.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.kit.hostile import (
    check_every_command,
    check_the_app,
    hostile_text,
    make_board,
    odd_text,
    run_cli,
)

FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str]]:
    path = tmp_path_factory.mktemp("template") / "board.json"
    ids = make_board(path)
    return path.read_text(encoding="utf-8"), ids


def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "board.json"


@FUZZ
@given(data=st.data())
def test_every_command_on_a_hostile_board(data, template, tmp_path_factory) -> None:
    text, ids = template
    path = fresh(tmp_path_factory)
    path.write_bytes(hostile_text(text, data.draw))
    check_every_command(path, ids[0][:8], Counter())


@FUZZ
@given(data=st.data())
def test_every_command_on_a_board_of_odd_values(data, template, tmp_path_factory) -> None:
    text, ids = template
    path = fresh(tmp_path_factory)
    path.write_text(odd_text(text, data.draw), encoding="utf-8")
    code, _out, err = run_cli(path, ("list",))
    assert code == 0, err  # odd values are still values a board may hold
    check_every_command(path, ids[0][:8], Counter())


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_app_on_a_board_of_odd_values(data, template, tmp_path_factory) -> None:
    text, _ids = template
    path = fresh(tmp_path_factory)
    path.write_text(odd_text(text, data.draw), encoding="utf-8")
    counts: Counter[str] = Counter()
    asyncio.run(check_the_app(path, counts))
    assert counts["app opened"] == 1


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_app_on_a_hostile_board(data, template, tmp_path_factory) -> None:
    text, _ids = template
    path = fresh(tmp_path_factory)
    path.write_bytes(hostile_text(text, data.draw))
    asyncio.run(check_the_app(path, Counter()))
