"""Provides board_lock: writers of one board on this machine take turns (others meet in merge)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def board_lock(path: Path) -> Iterator[None]:
    """Serialise writers on this machine (other machines meet through merge)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: merge-on-write still protects edits
        yield
        return
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"delegate-locks-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    with open(folder / f"{digest}.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
