"""Themes in the real app: the picker, the saved choice, user and broken theme files, --theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.command import CommandPalette

from delegate_tui import config
from delegate_tui.board.store import BoardStore
from delegate_tui.config import load_config
from delegate_tui.ui.screens.help import HelpScreen
from delegate_tui.ui.screens.theme_picker import ThemePicker
from delegate_tui.ui.themes import APP_VARIABLES, DEFAULT_THEME, load_all_themes
from delegate_tui.ui.widgets.column import Column, StageHead
from tests.kit.app import SIZE, make_app, messages, screen_text, type_text
from tests.kit.basics import file_hash
from tests.kit.themes import MY_THEME


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    card = store.add("Invoicing", "only-me", owner="Marie", hours_per_week=3)
    store.log(card.id, "adjustment", "Marie did the reminders")
    store.add("Supplier orders", "delegating", owner="Karim")
    return board_path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The app's config folder for the test (config.toml and themes/ go here)."""
    return tmp_path / "config"


def head_colour(app, stage: str) -> Color:
    return app.screen.query_one(f"#head-{stage}", StageHead).styles.border_left[1]


def recent_marker_colour(app) -> Color:
    """The colour the first card of Only me draws its recent-log marker (●) in, as shown."""
    column = app.screen.query_one("#column-only-me", Column)
    for segment in column.render_line(1):
        if "●" in segment.text:
            return Color.from_rich_color(segment.style.color)
    raise AssertionError("no recent-log marker on screen")


async def choose(pilot, app, name: str) -> None:
    """Open the picker with t and move down to `name` (without choosing it)."""
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(app.screen, ThemePicker)
    names = app.screen.names
    steps = names.index(name) - names.index(app.theme)
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps))
    await pilot.pause()


async def test_the_default_theme_is_delegate_dark(board, clock, alice, folder):
    app = make_app(board, clock, alice, config_folder=folder)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        assert head_colour(app, "only-me") == Color.parse("#E5565B")
        assert messages(app) == []


async def test_t_down_enter_previews_then_saves_the_choice(board, clock, alice, folder):
    app = make_app(board, clock, alice, config_folder=folder)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("t")
        await pilot.pause()
        names = app.screen.names
        following = names[names.index(DEFAULT_THEME) + 1]
        await pilot.press("down")
        await pilot.pause()
        assert app.theme == following  # the preview
        assert not (folder / "config.toml").exists()  # nothing saved while previewing
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ThemePicker)
        assert app.theme == following
    assert load_config(folder).theme == following


async def test_t_down_escape_puts_the_old_theme_back_and_saves_nothing(board, clock, alice, folder):
    folder.mkdir()
    (folder / "config.toml").write_text('user = "Ann"\ntheme = "delegate-light"\n')
    before = file_hash(folder / "config.toml")
    app = make_app(board, clock, alice, config_folder=folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "delegate-light"
        await pilot.press("t", "down")
        await pilot.pause()
        assert app.theme != "delegate-light"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ThemePicker)
        assert app.theme == "delegate-light"
        assert head_colour(app, "only-me") == Color.parse("#B3261E")
    assert file_hash(folder / "config.toml") == before


async def test_a_user_theme_is_offered_and_applied(board, clock, alice, folder):
    (folder / "themes").mkdir(parents=True)
    (folder / "themes" / "my-shop.toml").write_text(MY_THEME)
    app = make_app(board, clock, alice, config_folder=folder)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await choose(pilot, app, "my-shop")
        assert "my-shop" in screen_text(app)  # listed in the picker
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "my-shop"
        assert head_colour(app, "only-me") == Color.parse("#990000")
        assert recent_marker_colour(app) == Color.parse("#0000AA")
        # What the user's file leaves out comes from the app's defaults.
        assert head_colour(app, "team-owned") == Color.parse(APP_VARIABLES["stage-team-owned"])
        assert messages(app) == ["Theme my-shop saved to " + str(folder / "config.toml")]
    assert load_config(folder).theme == "my-shop"


async def test_stage_colours_and_markers_follow_the_theme(board, clock, alice, folder):
    themes = load_all_themes(folder).themes
    app = make_app(board, clock, alice, config_folder=folder)
    async with app.run_test(size=SIZE) as pilot:
        for name in ("delegate-dark", "delegate-light", "delegate-colourblind"):
            app.theme = name
            await pilot.pause()
            wanted = themes[name].variables
            for stage in ("only-me", "delegating", "team-owned"):
                assert head_colour(app, stage) == Color.parse(wanted[f"stage-{stage}"]), name
            assert recent_marker_colour(app) == Color.parse(wanted["marker-recent-log"]), name


async def test_textual_built_in_themes_still_work_with_the_stage_colours(
    board, clock, alice, folder
):
    app = make_app(board, clock, alice, config_folder=folder, theme="nord")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        assert head_colour(app, "delegating") == Color.parse(APP_VARIABLES["stage-delegating"])
        assert "Invoicing" in screen_text(app)


async def test_broken_theme_files_give_one_notification_and_the_default_theme(
    board, clock, alice, folder
):
    (folder / "themes").mkdir(parents=True)
    (folder / "themes" / "nocolour.toml").write_text('name = "nocolour"\n')
    (folder / "themes" / "badvar.toml").write_text(
        'name = "badvar"\nprimary = "#123456"\n[variables]\nblock-cursor-background = "nope"\n'
    )
    (folder / "themes" / "my-shop.toml").write_text(MY_THEME)
    folder.joinpath("config.toml").write_text('theme = "nocolour"\n')
    app = make_app(board, clock, alice, config_folder=folder)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        [message] = messages(app)
        assert "nocolour.toml: 'primary' colour is missing" in message
        assert (
            "badvar.toml: 'variables.block-cursor-background' = 'nope' is not a colour" in message
        )
        assert "unknown theme 'nocolour'" in message and "my-shop" in message
        assert "my-shop" in app.available_themes and "badvar" not in app.available_themes
        await pilot.press("j", "t")  # the app still runs
        await pilot.pause()
        assert isinstance(app.screen, ThemePicker)


async def test_a_malformed_config_gives_one_message_and_defaults(board, clock, alice, folder):
    folder.mkdir()
    (folder / "config.toml").write_text('theme = "delegate-light"\nuser = \n')
    app = make_app(board, clock, alice, config_folder=folder)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        [message] = messages(app)
        assert "config.toml is not valid TOML" in message and "using defaults" in message
        assert "Invoicing" in screen_text(app)


async def test_theme_for_one_run_wins_over_the_config_and_is_not_saved(board, clock, alice, folder):
    folder.mkdir()
    (folder / "config.toml").write_text('theme = "delegate-colourblind"\n')
    before = file_hash(folder / "config.toml")
    app = make_app(board, clock, alice, config_folder=folder, theme="delegate-high-contrast")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "delegate-high-contrast"
        assert head_colour(app, "team-owned") == Color.parse("#00FF00")
    assert file_hash(folder / "config.toml") == before


async def test_t_is_in_the_key_table_and_the_palette_offers_choose_theme(
    board, clock, alice, folder
):
    app = make_app(board, clock, alice, config_folder=folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict(app.key_sections()[-1][1])
        assert rows["t"] == "Choose theme  [theme]"
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "theme")
        await pilot.pause(0.5)
        text = screen_text(app)
        assert "Choose theme" in text
        assert "Change the current theme" not in text  # Textual's own does not save the choice
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ThemePicker)


async def test_t_works_on_the_card_screen_too(board, clock, alice, folder):
    app = make_app(board, clock, alice, config_folder=folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ThemePicker)
        await pilot.press("t")  # no second picker on top of the first
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, ThemePicker)]) == 1


def test_unknown_theme_on_the_command_line_lists_the_names_and_exits_1(store, board_path, run_cli):
    store.add("Invoicing", "only-me")
    store.close()
    user_themes = config.config_dir() / "themes"
    user_themes.mkdir(parents=True)
    (user_themes / "my-shop.toml").write_text(MY_THEME)
    before = file_hash(board_path)
    result = run_cli("--theme", "nope")
    assert result.code == 1
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("delegate: unknown theme 'nope': available themes are ")
    for name in ("delegate-dark", "delegate-colourblind", "my-shop", "nord", "textual-light"):
        assert name in lines[0]
    assert file_hash(board_path) == before


def test_unknown_theme_opens_nothing_even_for_a_new_board(tmp_path, run_cli):
    board = tmp_path / "new-board.json"
    result = run_cli("--theme", "nope", board=board)
    assert result.code == 1 and "unknown theme 'nope'" in result.err
    assert not board.exists()


@pytest.mark.parametrize("theme", ["delegate-light", "textual-light", "delegate-dark"])
async def test_muted_card_text_is_readable_in_every_theme(board, clock, alice, folder, theme):
    """The owner line uses $text-muted ("auto 60%"): it must not come out white on white."""
    app = make_app(board, clock, alice, config_folder=folder, theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        column = app.screen.query_one("#column-delegating", Column)
        [owner] = [s for s in column.render_line(1) if "Karim" in s.text]
        text = Color.from_rich_color(owner.style.color)
        ground = Color.from_rich_color(owner.style.bgcolor)
        assert abs(text.brightness - ground.brightness) > 0.3, (text, ground)


def looks(app) -> tuple[object, ...]:
    """What a theme decides on the board: the app's classes, colours, a card row as drawn."""
    column = app.screen.query_one("#column-only-me", Column)
    row = [(s.text, s.style) for s in column.render_line(0)]
    classes = sorted(c for c in app.classes if c.startswith("-"))
    return classes, head_colour(app, "only-me"), recent_marker_colour(app), row


async def test_a_theme_chosen_at_start_looks_as_the_same_theme_chosen_later(
    board, clock, alice, folder
):
    # The start theme is put in place before the first CSS pass, not through `app.theme = …`.
    folder.mkdir()
    (folder / "config.toml").write_text('theme = "delegate-light"\n')
    app = make_app(board, clock, alice, config_folder=folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "delegate-light"
        at_start = looks(app)
    later = make_app(board, clock, alice, config_folder=folder, theme="delegate-dark")
    async with later.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "-dark-mode" in later.classes and looks(later) != at_start
        later.theme = "delegate-light"
        await pilot.pause()
        assert looks(later) == at_start
    assert "-light-mode" in at_start[0] and "-theme-delegate-light" in at_start[0]
