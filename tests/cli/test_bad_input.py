"""Every user mistake: one line on stderr naming it, exit 1, no traceback, the file untouched."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from delegate_tui.board.boardfile import FORMAT_VERSION
from delegate_tui.board.store import BoardStore
from tests.kit.basics import delegate_process, file_hash

CARD_A = "abcd0000-0000-4000-8000-000000000001"
CARD_B = "abcd1111-0000-4000-8000-000000000002"


def refused(result, board: Path, before: str | None, *words: str) -> None:
    """The contract for bad input, checked in one place."""
    assert result.code == 1, (result.out, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert result.err.endswith("\n")
    assert "Traceback" not in result.err + result.out
    for word in words:
        assert word in lines[0], lines[0]
    assert file_hash(board) == before


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    """A board with two cards whose ids share the prefix 'abcd'."""
    store.add_many(
        [{"title": "Invoicing", "owner": "Marie"}, {"title": "Quotes", "stage": "delegating"}],
        ids=[CARD_A, CARD_B],
    )
    return board_path


# ---------------------------------------------------------------- stages


def test_add_with_unknown_stage(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("add", "Payroll", "--stage", "later"), board, before, "unknown stage 'later'")


def test_move_to_unknown_stage(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("move", "abcd0", "done"), board, before, "unknown stage 'done'", "only-me")


def test_list_unknown_stage(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("list", "--stage", "nope"), board, before, "unknown stage 'nope'")


# ---------------------------------------------------------------- card prefixes


def test_unknown_card_prefix(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("show", "ffff"), board, before, "no card", "'ffff'")


def test_unknown_card_prefix_on_a_change(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("move", "ffff", "delegating"), board, before, "no card", "'ffff'")


def test_ambiguous_card_prefix(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("move", "abcd", "team-owned"), board, before, "ambiguous", "2 cards")
    # one more character tells them apart
    assert run_cli("show", "abcd1", "--json").code == 0


def test_card_prefix_shorter_than_four(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("show", "abc"), board, before, "too short", "4 characters")


# ---------------------------------------------------------------- values


@pytest.mark.parametrize("title", ["", "   ", "\t \n", "\x1b\x07"])
def test_empty_title(run_cli, board: Path, title: str) -> None:
    before = file_hash(board)
    refused(run_cli("add", title), board, before, "title is empty")


def test_empty_title_on_edit(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("edit", "abcd0", "--title", "  "), board, before, "title is empty")


@pytest.mark.parametrize(
    ("hours", "words"),
    [
        ("abc", "not a number"),
        ("two", "not a number"),
        ("-1", "negative"),
        ("-0.5", "negative"),
        ("nan", "not a number"),
        ("169", "more than a week"),
        ("1e9", "more than a week"),
    ],
)
def test_bad_hours(run_cli, board: Path, hours: str, words: str) -> None:
    before = file_hash(board)
    refused(run_cli("add", "Payroll", f"--hours={hours}"), board, before, words, repr(hours))


def test_bad_hours_on_edit(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("edit", "abcd0", "--hours=-3"), board, before, "negative")


def test_unknown_log_kind(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("log", "abcd0", "panic", "it broke"), board, before, "unknown log kind 'panic'")


def test_unknown_area(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("add", "Payroll", "--area", "moon"), board, before, "unknown area 'moon'")


def test_unknown_area_on_edit(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("edit", "abcd0", "--area", "space"), board, before, "unknown area 'space'")


def test_edit_with_nothing_to_change(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("edit", "abcd0"), board, before, "nothing to change")


def test_empty_note(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("note", "abcd0", " "), board, before, "note is empty")


def test_unknown_command(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("frobnicate"), board, before, "invalid choice: 'frobnicate'")


def test_unknown_option(run_cli, board: Path) -> None:
    before = file_hash(board)
    refused(run_cli("add", "Payroll", "--colour", "red"), board, before, "--colour")


# ---------------------------------------------------------------- CSV import


def write_csv(folder: Path, text: str) -> Path:
    path = folder / "tasks.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_with_a_missing_column(run_cli, board: Path, tmp_path: Path) -> None:
    csv = write_csv(tmp_path, "title,stage,owner,area\nInvoicing,only-me,Marie,finance\n")
    before = file_hash(board)
    refused(run_cli("import", str(csv)), board, before, "no column hours_per_week")


@pytest.mark.parametrize(
    ("bad_row", "words"),
    [
        ("Payroll,someday,,2,", "unknown stage 'someday'"),
        ("Payroll,only-me,,lots,", "not a number"),
        ("Payroll,only-me,,200,", "more than a week"),
        (",only-me,,2,", "title is empty"),
        ("Payroll,only-me,,2,moon", "unknown area"),
        ("Payroll,only-me,2", "3 values for 5 columns"),
    ],
)
def test_csv_with_a_bad_row_imports_nothing(
    run_cli, board: Path, tmp_path: Path, bad_row: str, words: str
) -> None:
    csv = write_csv(
        tmp_path,
        "title,stage,owner,hours_per_week,area\n"
        "Supplier orders,only-me,,2,logistics\n"
        "Quotes,delegating,Paul,1.5,sales\n"
        f"{bad_row}\n"
        "Stock count,team-owned,Ana,1,\n",
    )
    before = file_hash(board)
    refused(run_cli("import", str(csv)), board, before, "line 4", words, "nothing imported")


def test_csv_that_does_not_exist(run_cli, board: Path, tmp_path: Path) -> None:
    before = file_hash(board)
    refused(run_cli("import", str(tmp_path / "none.csv")), board, before, "does not exist")


def test_csv_on_a_missing_board_creates_nothing(run_cli, board_path: Path, tmp_path: Path) -> None:
    csv = write_csv(tmp_path, "title,stage,owner,hours_per_week,area\nA,x,,,\n")
    refused(run_cli("import", str(csv)), board_path, None, "line 2")
    assert not board_path.exists()


# ---------------------------------------------------------------- the board file itself


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("this is not json", "not valid JSON"),
        ('{"_meta": {"board": ', "not valid JSON"),
        ("", "is empty"),
        ("[]", "not a delegate board"),
        ("{}", "not a delegate board"),
        ('{"_default": {}}', "not a delegate board"),  # what stock TinyDB writes
        ('{"_default": {"1": {"title": "x"}}}', "not a delegate board"),
        ('{"_meta": {"board": {"app": "other-app", "format": 1}}}', "not a delegate board"),
    ],
)
@pytest.mark.parametrize("command", [("list",), ("add", "Payroll")])
def test_a_file_that_is_not_a_board(
    run_cli, board_path: Path, text: str, words: str, command: tuple[str, ...]
) -> None:
    board_path.write_text(text, encoding="utf-8")
    before = file_hash(board_path)
    refused(run_cli(*command), board_path, before, str(board_path), words)


def test_a_binary_file(run_cli, board_path: Path) -> None:
    board_path.write_bytes(b"\xff\xfe\x00garbage\x80")
    before = file_hash(board_path)
    refused(run_cli("add", "Payroll"), board_path, before, "not a text file")


@pytest.mark.parametrize(
    "command", [("list",), ("add", "Payroll"), ("move", "abcd0", "delegating")]
)
def test_a_board_from_a_newer_format(run_cli, board: Path, command: tuple[str, ...]) -> None:
    data = json.loads(board.read_text())
    data["_meta"]["board"]["format"] = FORMAT_VERSION + 1
    board.write_text(json.dumps(data), encoding="utf-8")
    before = file_hash(board)
    refused(run_cli(*command), board, before, "newer delegate-tui", f"format {FORMAT_VERSION + 1}")


def test_a_read_only_board(run_cli, board: Path) -> None:
    board.chmod(0o444)
    # the tests may run as root, who may write anyway: the store must look at the mode bits
    before = file_hash(board)
    refused(run_cli("add", "Payroll"), board, before, "read-only", "chmod")
    refused(run_cli("move", "abcd0", "delegating"), board, before, "read-only")
    assert stat.S_IMODE(board.stat().st_mode) == 0o444
    # reading a read-only board is fine
    listed = run_cli("list")
    assert listed.code == 0 and "Invoicing" in listed.out


@pytest.mark.parametrize("command", [("list",), ("add", "Payroll")])
def test_board_in_a_folder_that_does_not_exist(
    run_cli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "no-such-folder" / "board.json"
    refused(run_cli(*command, board=missing), missing, None, "does not exist", "no-such-folder")
    assert not missing.parent.exists()


def test_board_that_is_a_folder(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    result = run_cli("add", "Payroll", board=folder)
    assert result.code == 1 and len(result.err.splitlines()) == 1 and "is a folder" in result.err
    assert list(folder.iterdir()) == []


def test_reading_a_missing_board_does_not_create_it(run_cli, board_path: Path) -> None:
    listed = run_cli("list")
    assert listed.code == 0 and "no cards" in listed.out
    assert run_cli("list", "--json").out.strip() == "[]"
    refused(run_cli("show", "abcd"), board_path, None, "no card")
    assert not board_path.exists()
    assert [p.name for p in board_path.parent.iterdir()] == []  # no temp file either


# ---------------------------------------------------------------- the real command


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("frobnicate",), "invalid choice"),
        (("move", "zzzz", "delegating"), "no card"),
        (("add", "x", "--hours", "abc"), "not a number"),
    ],
)
def test_the_real_command_prints_one_line_and_no_traceback(
    board: Path, args: tuple[str, ...], words: str
) -> None:
    before = file_hash(board)
    process = delegate_process("--board", str(board), *args)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 1
    assert len(err.splitlines()) == 1 and words in err and "Traceback" not in err + out
    assert file_hash(board) == before


def test_the_real_command_on_a_broken_file(board_path: Path) -> None:
    board_path.write_text("[1, 2", encoding="utf-8")
    before = file_hash(board_path)
    process = delegate_process("--board", str(board_path), "add", "Payroll")
    out, err = process.communicate(timeout=30)
    assert process.returncode == 1
    assert len(err.splitlines()) == 1 and "not valid JSON" in err and "Traceback" not in err + out
    assert file_hash(board_path) == before
