"""Shared fixtures: a frozen clock, a fixed identity, a real board file in tmp_path, the CLI.

The helpers they are made of are in tests/kit/. Every test under tests/system/ carries the
`system` marker (real tmux, Syncthing, Chromium, kill -9, several processes).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from delegate_tui import locale
from delegate_tui.board.open_store import open_store
from delegate_tui.board.store import BoardStore
from delegate_tui.cli import main as cli
from delegate_tui.command import open_ui
from delegate_tui.config import Config
from delegate_tui.core import language
from delegate_tui.core.records import Identity
from tests.kit.basics import CliResult, FrozenClock


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test away from the real config, data folder and $DELEGATE_BOARD."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("DELEGATE_BOARD", raising=False)


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test speaks English unless it asks for French (`french`), whatever this
    machine's locale; a subprocess inherits the same environment."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    locale.install(language.ENGLISH)
    yield
    locale.install(language.ENGLISH)


@pytest.fixture
def french() -> None:
    """This test runs in French (in this process; a subprocess: pass `--lang fr`)."""
    locale.install(language.FRENCH)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def alice() -> Identity:
    return Identity(user="alice", device="dev-alice")


@pytest.fixture
def bob() -> Identity:
    return Identity(user="bob", device="dev-bob")


@pytest.fixture
def board_path(tmp_path: Path) -> Path:
    return tmp_path / "board.json"


@pytest.fixture
def store(
    board_path: Path,
    alice: Identity,
    clock: FrozenClock,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[BoardStore]:
    """Alice's store on the board, opened as the CLI and the app open it. Her backups go to a
    folder of her own, away from the board's: the data folder's are those the test's CLI makes."""
    backups = tmp_path_factory.mktemp("alice-backups")
    board = open_store(board_path, Config(), identity=alice, clock=clock, backup_dir=backups)
    yield board
    board.close()


@pytest.fixture
def run_cli(board_path: Path, capsys: pytest.CaptureFixture[str]):
    """Run `delegate --board <board_path> ARGS…` in this process."""

    def run(*args: str, board: Path | None = None) -> CliResult:
        code = cli.run(["--board", str(board or board_path), *args], launch=open_ui)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    system = Path(__file__).parent / "system"
    for item in items:
        if system in item.path.parents:
            item.add_marker(pytest.mark.system)
