"""Provides rescue copies: a board that could not be saved, kept in the user's data folder.

When the board's folder is read-only or the disk is full, quitting the terminal UI can write
what it holds to `<data>/rescue/<board id>-<time>.json` instead of losing it; `delegate check`
merges such copies back into the board (like conflict copies) and moves them to
`rescue/merged/`. The board id names the file only once it has been checked to be a UUID.
No Textual.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from delegate_tui.board import boardfile
from delegate_tui.board.backups import folder_inside, is_board_id
from delegate_tui.core.errors import BoardError
from delegate_tui.core.language import _

if TYPE_CHECKING:
    from delegate_tui.board.store import BoardStore

MERGED = "merged"
"""Where rescue copies go, inside the rescue folder, once the board holds them."""


def write_rescue(store: BoardStore, folder: Path) -> Path:
    """Write the store's whole board to a new rescue copy; returns its path (BoardError if
    that fails too)."""
    folder_inside(folder, store.board_id)  # refuses an id that is not a UUID
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    target = folder / f"{store.board_id}-{stamp}.json"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BoardError(
            _("cannot write a rescue copy in {folder}: {why}").format(folder=folder, why=exc)
        ) from None
    boardfile.write_atomic(target, store.state_text())
    return target


def rescue_copies(folder: Path, board_id: str) -> list[tuple[Path, str]]:
    """The rescue copies of the board in `folder`, oldest first, each labelled for reports."""
    if not is_board_id(board_id) or not folder.is_dir():
        return []
    found = sorted(folder.glob(f"{board_id}-*.json"))
    return [(path, _("rescue copy")) for path in found if path.is_file()]
