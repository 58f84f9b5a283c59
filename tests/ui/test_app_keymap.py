"""A key remapped in the config shows as remapped everywhere keys are listed."""

from __future__ import annotations

from delegate_tui.config import Config
from tests.kit.app import SIZE, make_app


async def test_the_command_palette_lists_the_remapped_key(store, board_path, clock, alice):
    store.add("Invoicing")
    app = make_app(board_path, clock, alice, settings=Config(keymap={"move-next": "m"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
    assert commands["Move the card to the next stage"] == "m"
    assert commands["Move the card back to the previous stage"] != "m"
