"""One version source: pyproject's `version`, read back from the installed package's metadata
by `delegate --version` and `delegate_tui.__version__`."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import delegate_tui
from tests.kit.basics import delegate_process

ROOT = Path(__file__).resolve().parents[2]


def _fresh_python(*args: str, code: str) -> str:
    done = subprocess.run(
        [sys.executable, *args, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return done.stdout.strip()


def test_delegate_version_prints_the_installed_version_and_exits_0(tmp_path: Path) -> None:
    process = delegate_process("--version", env={"DELEGATE_BOARD": str(tmp_path / "b.json")})
    out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (0, f"delegate {version('delegate-tui')}\n", "")
    assert not (tmp_path / "b.json").exists()  # no board is opened, let alone made


def test_the_installed_version_is_pyprojects() -> None:
    """Fails when the install is older than pyproject.toml: `pip install -e .` again."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert version("delegate-tui") == pyproject["project"]["version"]
    assert delegate_tui.__version__ == pyproject["project"]["version"]


def test_version_is_in_the_help() -> None:
    process = delegate_process("--help")
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    assert "--version" in out and "print the version and exit" in out


def test_without_an_install_the_version_claims_none() -> None:
    """-S leaves site-packages (and the installed metadata) out; the package is found in ROOT."""
    code = "import delegate_tui; print(delegate_tui.__version__)"
    assert _fresh_python("-S", code=code) == "0+unknown"
    assert _fresh_python(code=code) == version("delegate-tui")


def test_importing_the_package_does_not_look_the_version_up() -> None:
    """importlib.metadata costs every command ~20 ms: it is loaded only for the version."""
    code = "import sys, delegate_tui.cli.main; print('importlib.metadata' in sys.modules)"
    assert _fresh_python(code=code) == "False"
