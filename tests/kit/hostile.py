"""Hostile board files for the fuzzer: a real board made with the store, junk put in it, and the
checks every command and the terminal UI must pass on it.

`tests/board/test_hostile_boards.py` runs these checks a few dozen times in the suite;
`tests/benchmarks/fuzz_boards.py N` runs them N times and prints what happened.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import random
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from delegate_tui.board.boardfile import read_board
from delegate_tui.board.store import BoardStore
from delegate_tui.cli import main as cli
from delegate_tui.command import open_ui
from delegate_tui.core.errors import BoardError
from delegate_tui.core.records import Identity
from delegate_tui.core.vocabulary import ABSENCE_ANSWERS, AREAS, LOG_KINDS, REASONS, STAGES
from tests.kit.basics import START, FrozenClock

ALICE = Identity("alice", "dev-alice")
Path_ = tuple[Any, ...]

# ---------------------------------------------------------------- the board to spoil


def make_board(path: Path) -> list[str]:
    """A board with every kind of record (made with the store); returns its card ids."""
    clock = FrozenClock(START - timedelta(days=60))
    store = BoardStore(path, ALICE, clock=clock)
    try:
        first = store.add("Invoicing", owner="Marie", hours_per_week=2, area="finance")
        store.edit(
            first.id,
            description="Monthly invoices",
            absence="struggles",
            level=3,
            target_level=5,
            reason="repetitive",
            provider=True,
            confidentiality="amounts only",
            reporting="weekly mail",
            checkin="every 2 weeks",
            checked_in_at="2026-09-01T09:00:00.000000Z",
        )
        done = store.add_item(first.id, "standards", text="Sent by the 5th")
        store.add_item(first.id, "standards", text="Checked twice")
        store.edit_item(first.id, "standards", done, done=True)
        gone = store.add_item(first.id, "notes", text="Marie does it")
        store.add_item(first.id, "notes", text="Paul signs off")
        store.delete_item(first.id, "notes", gone)
        store.add_item(first.id, "decisions", text="Refunds", limit="up to 200 EUR")
        clock.advance(days=3)
        store.move(first.id, "delegating")
        store.log(first.id, "doubt", "Is Marie ready?")
        clock.advance(days=10)
        store.log(first.id, "error", "Wrong VAT rate")
        store.move(first.id, "team-owned")
        second = store.add("Quotes", "delegating", owner="Paul", hours_per_week=1.5)
        store.log(second.id, "adjustment", "Template changed")
        third = store.add("Stock count", hours_per_week=4)
        fourth = store.add("Payroll", "team-owned")
        store.archive(fourth.id)
        fifth = store.add("Old task")
        store.delete(fifth.id)
        return [first.id, second.id, third.id, fourth.id, fifth.id]
    finally:
        store.close()


# ---------------------------------------------------------------- junk

DEEP = "[" * 5000 + "]" * 5000


def _quoted(*texts: str) -> tuple[str, ...]:
    """JSON strings of texts already escaped as JSON (lone surrogates cannot be dumped)."""
    return tuple(f'"{text}"' for text in texts)


RAW_JUNK: tuple[str, ...] = (
    *"null true false 0 -1 169 -0.0 8 1e308 -1e308 1e400 NaN Infinity -Infinity".split(),  # noqa: SIM905
    *'[] {} [1,2,3] {"a":1} {"x":{"at":5}} ["a","b","c"]'.split(),  # noqa: SIM905
    "9" * 5000,
    "-" + "9" * 5000,
    *_quoted("\\ud800", "a\\udfffb", "", "someday", "done", "panic", "\\u001b[2J"),
    *_quoted("[@click=app.quit]q[/]", "a" * 100_001),
    *_quoted(
        *(
            f"{day}T{time}"
            for day, time in (
                ("9999-12-31", "23:59:59.999999Z"),
                ("2025-02-30", "00:00:00.000000Z"),
                ("2100-02-29", "00:00:00.000000Z"),
                ("1969-12-31", "23:59:59.999999Z"),
                ("2026-11-02", "09:00:00Z"),
            )
        )
    ),
    '"2026-11-02 09:00:00.000000Z"',
    '["2026-11-02T09:00:00.000000Z", 5, "d"]',
    '["9999-12-31T23:59:59.999999Z", "a", "d"]',
    DEEP,
    '{"x":' * 3000 + "1" + "}" * 3000,
)
"""JSON (as text: NaN, lone surrogates and huge numbers cannot be made by json.dumps) that no
field of a board may hold, or that only some fields may."""

TEXTS = (
    '""',
    '"[bold red]x[/]"',
    '"[@click=app.quit]q[/]"',
    '"\\u001b[2J\\u0007 bell"',
    '"\\u00e9\\u6f22\\ud83d\\ude42"',
    '" \\n\\t "',
    '"' + "long " * 2000 + '"',
)
TIMES = (
    '"1970-01-01T00:00:00.000000Z"',
    '"2999-12-31T23:59:59.999999Z"',
    '"2024-02-29T12:00:00.000000Z"',
    '"2000-02-29T00:00:00.000000Z"',
    '"2026-11-02T09:00:00.000000Z"',
    '"2027-01-01T00:00:00.000001Z"',
)


def _words(*words: str) -> tuple[str, ...]:
    return tuple(json.dumps(w) for w in words)


ODD: dict[str, tuple[str, ...]] = {
    "text": TEXTS,
    "time": TIMES,
    "when": (*TIMES, '""', "null"),
    "hours_per_week": ("0", "168", "167.99", "-0.0", "3", "null", "0.01"),
    "position": ("1e12", "-1.7976931348623157e308", "1e300", "0", "-0.0", "null", "2.5", "-3"),
    "level": ("1", "7", "null", "4"),
    "stage": _words(*STAGES),
    "from": (*_words(*STAGES), "null"),
    "kind": _words(*LOG_KINDS),
    "area": _words("", *AREAS),
    "absence": _words("", *ABSENCE_ANSWERS),
    "reason": _words("", *REASONS),
    "flag": ("true", "false"),
    "checkin": (*TEXTS, *_words("every 2 weeks", "monthly", "daily", "whenever", "every 0 days")),
}
"""Odd values each kind of field may hold: a board made of them must open and work."""

KIND_OF = {
    "title": "text",
    "description": "text",
    "owner": "text",
    "accountable": "text",
    "confidentiality": "text",
    "reporting": "text",
    "text": "text",
    "limit": "text",
    "by": "text",
    "created_by": "text",
    "name": "text",
    "checkin": "checkin",
    "at": "time",
    "created_at": "time",
    "archived_at": "when",
    "deleted_at": "when",
    "checked_in_at": "when",
    "hours_per_week": "hours_per_week",
    "position": "position",
    "level": "level",
    "target_level": "level",
    "stage": "stage",
    "to": "stage",
    "from": "from",
    "kind": "kind",
    "area": "area",
    "absence": "absence",
    "reason": "reason",
    "provider": "flag",
    "done": "flag",
}


def paths(value: Any, here: Path_ = ()) -> Iterator[Path_]:
    """Every place in parsed JSON, containers and what they hold."""
    yield here
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*here, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*here, index))


def odd_kind(path: Path_) -> str | None:
    """Which ODD values the place may take (None: none of them)."""
    if len(path) >= 2 and path[-2] == "_stamps":
        return None
    if len(path) >= 3 and path[-3] == "_stamps" and isinstance(path[-1], int):
        return "time" if path[-1] == 0 else "text"
    if path[:2] == ("_meta", "board") and path[-1] != "name":
        return None
    return KIND_OF.get(path[-1]) if path and isinstance(path[-1], str) else None


class Spoiler:
    """Puts raw JSON text at places of a parsed board, then writes the text."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self.raw: dict[str, str] = {}

    def put(self, path: Path_, raw: str) -> None:
        marker = f"\x00junk{len(self.raw)}\x00"
        self.raw[json.dumps(marker)] = raw
        if not path:
            self.data = marker
            return
        parent = self.data
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = marker

    def rename(self, path: Path_, raw_key: str) -> None:
        """Refile the dict entry at `path` under another key."""
        parent = self.data
        for key in path[:-1]:
            parent = parent[key]
        marker = f"\x00key{len(self.raw)}\x00"
        self.raw[json.dumps(marker)] = raw_key
        parent[marker] = parent.pop(path[-1])

    def drop(self, path: Path_) -> None:
        parent = self.data
        for key in path[:-1]:
            parent = parent[key]
        del parent[path[-1]]

    def text(self) -> str:
        text = json.dumps(self.data)
        for marker, raw in self.raw.items():
            text = text.replace(marker, raw)
        return text


def hostile_text(template: str, draw: Any, binary: bool = False) -> bytes:
    """The template board with 1-3 pieces of junk put, renamed or dropped, maybe bytes flipped
    (to ASCII ones unless `binary`: a file that is not UTF-8 is read again three times, in
    case a sync tool is swapping it, which takes 0.35 s a command)."""
    spoiler = Spoiler(json.loads(template))
    for _ in range(draw(st.integers(1, 3))):
        places = list(paths(spoiler.data))
        place = places[draw(st.integers(0, len(places) - 1))]
        how = draw(st.sampled_from(["junk", "junk", "junk", "odd", "rename", "drop"]))
        if how == "odd" and odd_kind(place):
            spoiler.put(place, draw(st.sampled_from(ODD[odd_kind(place) or ""])))
        elif how == "rename" and place and isinstance(place[-1], str):
            spoiler.rename(place, draw(st.sampled_from(['""', '"\\ud800"', '"\\u001b[2J"', '"x"'])))
        elif how == "drop" and place and isinstance(place[-1], str):
            spoiler.drop(place)
        else:
            spoiler.put(place, draw(st.sampled_from(RAW_JUNK)))
    data = spoiler.text().encode("utf-8", "surrogatepass")
    flips = draw(st.sampled_from([0, 0, 0, 1, 3]))
    if flips:
        rng = random.Random(draw(st.integers(0, 2**32)))
        spoilt = bytearray(data)
        for _ in range(flips):
            spoilt[rng.randrange(len(spoilt))] = rng.randrange(256 if binary else 128)
        data = bytes(spoilt)
    return data


REQUIRED = frozenset({"at", "kind", "to", "_meta", "board", "app", "format", "board_id"})
"""Keys a board cannot do without (the rest a board may leave out)."""


def droppable(path: Path_) -> bool:
    return bool(path) and isinstance(path[-1], str) and not REQUIRED & set(map(str, path))


def odd_text(template: str, draw: Any) -> str:
    """The template board with 1-4 fields set to odd values any board may hold, or left out."""
    spoiler = Spoiler(json.loads(template))
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.integers(0, 4)) == 0:
            places = [p for p in paths(spoiler.data) if droppable(p)]
            if places:
                spoiler.drop(places[draw(st.integers(0, len(places) - 1))])
            continue
        places = [p for p in paths(spoiler.data) if odd_kind(p)]
        if not places:
            continue
        place = places[draw(st.integers(0, len(places) - 1))]
        spoiler.put(place, draw(st.sampled_from(ODD[odd_kind(place) or ""])))
    return spoiler.text()


# ---------------------------------------------------------------- the checks


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def commands(card: str, folder: Path) -> list[tuple[str, ...]]:
    """Every command of `delegate`, on the card with id prefix `card`."""
    csv = folder / "tasks.csv"
    csv.write_text("title,stage,owner,hours_per_week,area\nSupplier orders,only-me,,2,\n")
    exports = [
        ("export", "--format", fmt, "--out", str(folder / f"snap.{fmt}"))
        for fmt in ("md", "html", "json", "csv")
    ]
    return [
        ("list",),
        ("list", "--json"),
        ("list", "--archived"),
        ("show", card),
        ("show", card, "--json"),
        ("status",),
        ("status", "--json"),
        ("check",),
        *exports,
        ("move", card, "delegating"),
        ("edit", card, "--owner", "Karim", "--hours", "3", "--checked-in", "today"),
        ("standard", card, "Sent by the 5th"),
        ("note", card, "Marie does it"),
        ("decision", card, "Refunds", "--limit", "200 EUR"),
        ("standard", card, "--tick", "0000"),
        ("note", card, "--edit", "0000", "Karim does it"),
        ("delete", card),  # no terminal: refused
        ("log", card, "doubt", "Ready?"),
        ("archive", card),
        ("archive", card, "--restore"),
        ("add", "Payroll", "--hours", "1"),
        ("import", str(csv)),
        ("delete", card, "--yes"),
    ]


def run_cli(path: Path, args: tuple[str, ...]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.run(["--board", str(path), *args], launch=open_ui)
    return code, out.getvalue(), err.getvalue()


def readable(path: Path) -> bool:
    try:
        read_board(path)
    except BoardError:
        return False
    return True


def check_every_command(path: Path, card: str, counts: Counter[str]) -> None:
    """Every command on the board at `path`: no exception escapes, exit 0 or 1, one line on
    stderr for a failure (check: one per damaged value), the file untouched by a failure, and
    a board that could be read still readable after a command that succeeded."""
    was_readable = readable(path)
    for args in commands(card, path.parent):
        before = digest(path)
        code, out, err = run_cli(path, args)
        if code == 0 and was_readable:
            assert readable(path), (args, "wrote a board it cannot read")
        counts[f"exit {code}"] += 1
        assert code in (0, 1), (args, code, err)
        assert "Traceback" not in out + err, (args, err)
        assert "\x1b" not in out + err and "\x07" not in out + err, (args, out, err)
        if code == 1:
            assert digest(path) == before, (args, err)
            assert err.endswith("\n") and (args[0] == "check" or err.count("\n") == 1), err


async def check_the_app(path: Path, counts: Counter[str]) -> None:
    """Open the board in the app (if it opens), open a card, the insight, the export screen."""
    from delegate_tui.ui.app import DelegateApp

    try:
        app = DelegateApp(path, identity=ALICE, clock=FrozenClock(START))
    except BoardError:
        counts["app refused"] += 1
        return
    counts["app opened"] += 1
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for key in ("enter", "escape", "i", "escape", "x", "escape", "right", "enter", "escape"):
            await pilot.press(key)
            await pilot.pause()
        for key in ("right", "i", "escape", "enter", "escape"):
            await pilot.press(key)
            await pilot.pause()
    app.store.close()
