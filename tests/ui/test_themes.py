"""Theme files, the user's own themes, broken ones, the config file and the saved choice."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from delegate_tui.config import load_config, save_setting
from delegate_tui.ui.themes import (
    APP_VARIABLES,
    DEFAULT_THEME,
    load_all_themes,
    load_theme_file,
    load_themes,
    shipped_themes_dir,
    theme_names,
)
from tests.kit.themes import MY_THEME

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = {"delegate-dark", "delegate-light", "delegate-high-contrast", "delegate-colourblind"}


def test_every_shipped_theme_loads_and_sets_every_app_variable() -> None:
    found = load_themes(shipped_themes_dir())
    assert found.problems == []
    assert set(found.themes) == SHIPPED
    assert DEFAULT_THEME in found.themes
    for theme in found.themes.values():
        assert set(APP_VARIABLES) <= set(theme.variables), theme.name


def test_a_user_theme_is_loaded_next_to_the_shipped_ones(tmp_path: Path) -> None:
    (tmp_path / "my-shop.toml").write_text(MY_THEME)
    found = load_themes(shipped_themes_dir(), tmp_path)
    assert found.problems == []
    theme = found.themes["my-shop"]
    assert theme.primary == "#336699" and theme.dark is False
    assert theme.variables["stage-only-me"] == "#990000"
    assert set(found.themes) >= SHIPPED


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("name = 'x'\nprimary = ", "not readable TOML"),
        ('name = "Bad Name"\nprimary = "#fff"', "'name' should be"),
        ('name = "nocolour"', "'primary' colour is missing"),
        ('name = "t"\nprimary = "not-a-colour"', "'primary' = 'not-a-colour' is not a colour"),
        ('name = "t"\nprimary = "#fff"\nshiny = true', "unknown key 'shiny'"),
        ('name = "t"\nprimary = "#fff"\n[variables]\nstage-delegating = "nope"', "not a colour"),
        ('name = "t"\nprimary = "#fff"\ntext_alpha = 3', "'text_alpha' should be a number"),
    ],
)
def test_a_broken_theme_is_reported_and_skipped(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "broken.toml").write_text(text)
    (tmp_path / "fine.toml").write_text(MY_THEME)
    found = load_themes(tmp_path)
    assert list(found.themes) == ["my-shop"]
    assert len(found.problems) == 1
    assert found.problems[0].startswith("broken.toml: ") and problem in found.problems[0]


def test_theme_file_error_is_a_value_error(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(ValueError, match="not readable TOML"):
        load_theme_file(path)


def test_missing_config_means_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert (config.theme, config.user, config.board, config.keymap, config.problems) == (
        "",
        "",
        "",
        {},
        [],
    )


def test_malformed_config_gives_one_message_and_defaults(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('theme = "delegate-light"\nuser = \n')
    config = load_config(tmp_path)
    assert config.theme == ""
    assert len(config.problems) == 1 and "not valid TOML" in config.problems[0]


def test_wrong_types_in_config_are_ignored_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('theme = 3\nuser = "Ann"\nkeymap = "j"\n')
    config = load_config(tmp_path)
    assert config.user == "Ann" and config.theme == "" and config.keymap == {}
    assert len(config.problems) == 2


def test_saved_choice_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        '# my settings\nuser = "Ann"\ntheme = "old"\n\n[keymap]\n"board.next-stage" = "ctrl+n"\n'
    )
    save_setting("theme", "delegate-light", tmp_path)
    text = (tmp_path / "config.toml").read_text()
    assert "# my settings" in text and 'theme = "old"' not in text
    config = load_config(tmp_path)
    assert config.theme == "delegate-light" and config.user == "Ann"
    assert config.keymap == {"board.next-stage": "ctrl+n"}


def test_saved_choice_creates_the_file_and_folder(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "delegate-tui"
    save_setting("theme", 'odd "name"', folder)
    assert load_config(folder).theme == 'odd "name"'


def test_the_wheel_ships_the_themes_and_the_catalog(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("delegate_tui-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for theme in SHIPPED:
        assert f"delegate_tui/ui/builtin_themes/{theme}.toml" in names
    assert any(n.endswith(".tcss") for n in names)
    assert "delegate_tui/locale/fr/LC_MESSAGES/delegate_tui.mo" in names  # the French catalog


@pytest.mark.parametrize(
    ("variables", "problem"),
    [
        ('block-cursor-background = "nope"', "'variables.block-cursor-background' = 'nope'"),
        ('footer-key-foreground = "$primary"', "is not a colour"),
        ('border = "red; } Screen { display: none"', "is not a colour"),
        ('block-cursor-text-style = "shiny"', 'is not a text style such as "bold"'),
    ],
)
def test_a_bad_textual_variable_is_a_problem_not_a_crash(
    tmp_path: Path, variables: str, problem: str
) -> None:
    (tmp_path / "odd.toml").write_text(
        f'name = "odd"\nprimary = "#123456"\n[variables]\n{variables}\n'
    )
    found = load_themes(tmp_path)
    assert found.themes == {}
    assert len(found.problems) == 1 and problem in found.problems[0]


def test_textual_variables_that_css_accepts_are_kept(tmp_path: Path) -> None:
    (tmp_path / "fine.toml").write_text(
        'name = "fine"\nprimary = "#123456"\n[variables]\n'
        'input-selection-background = "#81a1c1 35%"\nblock-cursor-text-style = "b reverse"\n'
        'footer-key-background = "transparent"\n'
    )
    found = load_themes(tmp_path)
    assert found.problems == [] and "fine" in found.themes


def test_theme_names_are_ours_the_users_and_textuals(tmp_path: Path) -> None:
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "my-shop.toml").write_text(MY_THEME)
    names = theme_names(load_all_themes(tmp_path))
    assert SHIPPED | {"my-shop", "textual-dark", "nord"} <= set(names)
    assert names == sorted(names)


def _readme_block(after: str) -> str:
    text = (ROOT / "docs" / "themes-and-config.md").read_text(encoding="utf-8")
    start = text.index("```toml\n", text.index(after)) + len("```toml\n")
    return text[start : text.index("```", start)]


def test_the_readme_theme_example_is_a_working_theme(tmp_path: Path) -> None:
    (tmp_path / "my-shop.toml").write_text(_readme_block("**Writing your own theme:**"))
    found = load_themes(tmp_path)
    assert found.problems == []
    theme = found.themes["my-shop"]
    assert set(APP_VARIABLES) <= set(theme.variables)
    assert theme.luminosity_spread == 0.15 and theme.dark is False


def test_the_readme_config_example_loads_without_problems(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(_readme_block("**The config file**"))
    config = load_config(tmp_path)
    assert config.problems == []
    assert (config.theme, config.user) == ("delegate-light", "Sam")
    assert config.keymap["theme"] == "T"
