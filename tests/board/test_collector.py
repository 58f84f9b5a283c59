"""The cycle-collector policy (board/collector.py) against the real `gc`: pauses may overlap,
on one thread or several, and the collector is on again exactly when the last one ends."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from delegate_tui.board import collector


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_a_pause_rests_the_collector_and_wakes_it() -> None:
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_leaves_a_collector_that_was_off_off() -> None:
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()


def test_a_parse_that_ends_during_startup_does_not_wake_the_collector_early() -> None:
    """The reload thread parses while the UI starts: its pause ends before the first frame."""
    rest = collector.StartupRest()
    other_started, startup_begun = threading.Event(), threading.Event()

    def parse_on_another_thread() -> None:
        with collector.paused():
            other_started.set()
            startup_begun.wait(5)

    thread = threading.Thread(target=parse_on_another_thread)
    thread.start()
    other_started.wait(5)
    rest.begin()  # the UI starts while the other thread's pause is on
    startup_begun.set()
    thread.join(5)
    assert not gc.isenabled()  # startup still rests: the other pause's end must not wake it
    rest.end()
    assert gc.isenabled()


def test_startup_that_ends_during_a_parse_leaves_the_parse_its_rest() -> None:
    rest = collector.StartupRest()
    rest.begin()
    with collector.paused():
        rest.end()  # the first frame, while a parse is on
        assert not gc.isenabled()
    assert gc.isenabled()
