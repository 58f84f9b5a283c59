"""`delegate edit --checked-in` and `export --since` read a date that could be read two ways
only as the config's `date_order` or the locale decides; otherwise one line, exit 1, the file
untouched. The locale is set in the environment only: no installed locale is needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from delegate_tui import config
from tests.kit.basics import delegate_process, file_hash

REFUSAL = "delegate: 05/11/2026 could be 5 November or 11 May: write 2026-11-05\n"


def _locale(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)


def _config(text: str) -> None:
    folder = config.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / config.CONFIG_NAME).write_text(text, encoding="utf-8")


def _card(run_cli) -> str:
    card_id: str = json.loads(run_cli("add", "Bookkeeping", "--json").out)["id"]
    return card_id


def _checked_in(run_cli, card_id: str) -> str:
    checked: str = json.loads(run_cli("show", card_id, "--json").out)["checked_in_at"]
    return checked[:10]


@pytest.mark.parametrize("env", [{"LC_ALL": "C"}, {"LANG": "C.UTF-8"}, {"LANG": "POSIX"}, {}])
def test_refused_where_the_locale_does_not_decide(
    run_cli, board_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    _locale(monkeypatch, **env)
    card_id = _card(run_cli)
    before = file_hash(board_path)
    result = run_cli("edit", card_id, "--checked-in", "05/11/2026")
    assert (result.code, result.out, result.err) == (1, "", REFUSAL)
    assert file_hash(board_path) == before


@pytest.mark.parametrize(
    ("env", "day"),
    [
        ({"LANG": "en_GB.UTF-8"}, "2026-11-05"),
        ({"LANG": "fr_FR.UTF-8"}, "2026-11-05"),
        ({"LC_ALL": "en_US.UTF-8"}, "2026-05-11"),
        ({"LC_ALL": "C", "LANG": "en_GB.UTF-8"}, None),  # LC_ALL wins: C does not decide
        ({"LC_TIME": "en_GB.UTF-8", "LANG": "en_US.UTF-8"}, "2026-11-05"),
    ],
)
def test_read_in_the_locale_order(
    run_cli, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], day: str | None
) -> None:
    _locale(monkeypatch, **env)
    card_id = _card(run_cli)
    result = run_cli("edit", card_id, "--checked-in", "05/11/2026")
    if day is None:
        assert (result.code, result.err) == (1, REFUSAL)
        return
    assert result.code == 0, result.err
    assert _checked_in(run_cli, card_id) == day


@pytest.mark.parametrize(
    ("order", "day"), [("day-first", "2026-11-05"), ("month-first", "2026-05-11")]
)
@pytest.mark.parametrize("env", [{"LC_ALL": "C"}, {"LANG": "en_US.UTF-8"}, {"LANG": "en_GB"}])
def test_the_config_date_order_wins_over_the_locale(
    run_cli, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], order: str, day: str
) -> None:
    _locale(monkeypatch, **env)
    _config(f'date_order = "{order}"\n')
    card_id = _card(run_cli)
    result = run_cli("edit", card_id, "--checked-in", "05/11/2026")
    assert (result.code, result.err) == (0, "")
    assert _checked_in(run_cli, card_id) == day


@pytest.mark.parametrize("value", ['"dmy"', '"Day-First"', "1", "true"])
def test_a_bad_date_order_is_a_problem_line_and_the_locale_decides(
    run_cli, board_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    _locale(monkeypatch, LC_ALL="C")
    _config(f"date_order = {value}\n")
    card_id = _card(run_cli)
    before = file_hash(board_path)
    result = run_cli("edit", card_id, "--checked-in", "05/11/2026")
    problem = '\'date_order\' should be "day-first" or "month-first"; ignored\n'
    assert result.code == 1
    assert result.err.endswith(problem + REFUSAL)
    assert file_hash(board_path) == before


@pytest.mark.parametrize("env", [{"LC_ALL": "C"}, {"LANG": "en_US.UTF-8"}, {"LANG": "en_GB"}])
def test_unambiguous_and_iso_dates_are_always_read(
    run_cli, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    _locale(monkeypatch, **env)
    card_id = _card(run_cli)
    for text, day in [("13/11/2026", "2026-11-13"), ("2026-11-05", "2026-11-05")]:
        assert run_cli("edit", card_id, "--checked-in", text).code == 0
        assert _checked_in(run_cli, card_id) == day


def test_export_since_is_refused_too(
    run_cli, board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _locale(monkeypatch, LC_ALL="C")
    _card(run_cli)
    before = file_hash(board_path)
    result = run_cli("export", "--since", "05/11/2026")
    assert (result.code, result.out, result.err) == (1, "", REFUSAL)
    assert file_hash(board_path) == before
    assert not (board_path.parent / "snapshots").exists()


def test_the_real_command_refuses_under_lc_all_c(run_cli, board_path: Path) -> None:
    card_id = _card(run_cli)
    before = file_hash(board_path)
    env = {"LC_ALL": "C", "LC_TIME": "en_GB.UTF-8", "LANG": "en_GB.UTF-8"}
    process = delegate_process(
        "--board", str(board_path), "edit", card_id, "--checked-in", "05/11/2026", env=env
    )
    out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (1, "", REFUSAL)
    assert file_hash(board_path) == before
