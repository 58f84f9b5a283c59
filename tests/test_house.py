"""House rules that keep the code base tidy: lint, format, and a Textual-free core."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]])
def test_ruff_is_clean(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_type_hints_check() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


PROBE = """
import importlib, sys
from pathlib import Path
import delegate_tui

package = Path(delegate_tui.__file__).parent
UI = ("delegate_tui.ui", "delegate_tui.app", "delegate_tui.__main__")
names = []
for path in sorted(package.rglob("*.py")):
    parts = path.relative_to(package.parent).with_suffix("").parts
    name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    if not any(name == ui or name.startswith(ui + ".") for ui in UI):
        names.append(name)
for name in names:
    importlib.import_module(name)
    loaded = [m for m in ("textual", "rich") if m in sys.modules]
    if loaded:
        print(f"importing {name} loads {' and '.join(loaded)}")
        sys.exit(1)
print(f"{len(names)} modules, none loads textual or rich")
"""
"""Imports every module outside the UI, found by walking the package, one after the other in
one fresh interpreter, and names the first one after which Textual or rich is loaded."""


def _run(command: list[str], package_root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    return subprocess.run(command, cwd=package_root, env=env, capture_output=True, text=True)


def _lint_imports(package_root: Path) -> subprocess.CompletedProcess[str]:
    config = str(ROOT / "pyproject.toml")
    command = [sys.executable, "-c", LINT_IMPORTS, "--config", config, "--no-cache"]
    return _run(command, package_root)


LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"


def test_the_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def test_no_module_outside_the_ui_loads_textual_or_rich() -> None:
    result = _run([sys.executable, "-c", PROBE], ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.split()[0]) > 40  # the walk found the package's modules


@pytest.mark.parametrize(
    ("where", "source"),
    [
        ("core/throwaway.py", "import textual\n"),
        ("board/throwaway.py", "from delegate_tui.ui import themes\n"),  # Textual, indirectly
        ("cli/throwaway.py", "def later():\n    import rich\n\n\nimport rich.text\n"),
    ],
)
def test_both_guards_catch_textual_outside_the_ui(tmp_path: Path, where: str, source: str) -> None:
    """A throw-away copy of the package with one module that breaks the rule: both fail."""
    shutil.copytree(
        ROOT / "delegate_tui",
        tmp_path / "delegate_tui",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (tmp_path / "delegate_tui" / where).write_text(source, encoding="utf-8")
    name = "delegate_tui." + where.removesuffix(".py").replace("/", ".")
    probed = _run([sys.executable, "-c", PROBE], tmp_path)
    assert probed.returncode == 1 and f"importing {name} loads" in probed.stdout, probed.stdout
    linted = _lint_imports(tmp_path)
    assert linted.returncode == 1 and "BROKEN" in linted.stdout, linted.stdout
    assert name in linted.stdout


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "delegate_tui").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_no_function_is_over_60_lines_without_a_reason() -> None:
    """A longer function says why in a `# long: …` comment on the line above its `def`."""
    long = []
    for path in sorted((ROOT / "delegate_tui").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            reason = first >= 2 and lines[first - 2].strip().startswith("# long:")
            if size > 60 and not reason:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({size} lines)")
    assert long == []
