"""Snapshot tests of the demo board in each shipped theme (issue 6).

Same frozen clock and identity as tests/ui/test_snapshots.py, so only the colours differ between
the four pictures. Update with `pytest --snapshot-update` and look at every changed SVG.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from delegate_tui.core.records import Identity
from delegate_tui.ui.app import DelegateApp
from delegate_tui.ui.launch import make_demo_board
from tests.kit.basics import FrozenClock

SIZE = (120, 40)
SHIPPED = ["delegate-dark", "delegate-light", "delegate-high-contrast", "delegate-colourblind"]


@pytest.mark.parametrize("theme", SHIPPED)
def test_board_in_theme(snap_compare, tmp_path: Path, theme: str):
    clock = FrozenClock()
    sam = Identity("sam", "dev-sam")
    path = make_demo_board(tmp_path, sam, clock)
    app = DelegateApp(
        path,
        identity=sam,
        clock=clock,
        backup_dir=tmp_path / "backups",
        config_folder=tmp_path / "config",
        theme=theme,
    )
    assert snap_compare(app, terminal_size=SIZE, press=["l", "j"])
