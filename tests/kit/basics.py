"""Provides what most tests share: a frozen clock, a digest of a file, the CLI's result, the
real `delegate` command in a process."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
"""A Monday morning: every test's 'now' unless it moves the clock."""


class FrozenClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def file_hash(path: Path) -> str | None:
    """The board file's bytes as a digest (None if missing): to prove nothing changed."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def delegate_process(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Start the real `delegate` command in its own process."""
    return subprocess.Popen(
        [sys.executable, "-m", "delegate_tui", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


@contextlib.contextmanager
def local_zone(zone: str) -> Iterator[None]:
    """This process's local time is `zone`'s (e.g. "UTC", "Europe/Paris") while inside."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
