"""The French demo board in the app: the bakery's cards on the board, and a card opens."""

from __future__ import annotations

import pytest

from delegate_tui.core.records import Identity
from delegate_tui.ui.launch import make_demo_board
from tests.kit.app import SIZE, make_app, screen_text
from tests.kit.basics import FrozenClock


@pytest.mark.usefixtures("french")
async def test_the_french_demo_opens_on_the_board(tmp_path):
    sam, clock = Identity("sam", "dev"), FrozenClock()
    app = make_app(make_demo_board(tmp_path, sam, clock), clock, sam)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Négocier avec la banque" in text and "Karim" in text
        assert "Negotiate" not in text
        await pilot.press("l", "enter")
        await pilot.pause()
        assert "Faire le planning du fournil" in screen_text(app)
