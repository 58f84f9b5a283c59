"""A French machine and an English machine edit one board at the same time, each in its own
words: the file holds only the stable ids, and each shows every edit in its own language.

Each side is its own OS process with its own locale (`LANG=fr_FR.UTF-8` / `en_GB.UTF-8`), user
and device, running `delegate` commands in-process (`cli.run`) while the other one does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from delegate_tui.board.store import BoardStore
from delegate_tui.core.records import Identity
from delegate_tui.core.vocabulary import ABSENCE_ANSWERS, AREAS, LOG_KINDS, STAGES

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 15
LOCALES = {"nathalie": "fr_FR.UTF-8", "ben": "en_GB.UTF-8"}

FRENCH = [  # (command, what it types) the French side repeats: French words only
    ["log", "{card}", "erreur", "Facture envoyée deux fois {i}"],
    ["log", "{card}", "perte-d-efficacité", "Une heure de plus {i}"],
    ["edit", "{card}", "--area", "logistique", "--absence", "difficilement"],
    ["move", "{card}", "en-délégation", "--force"],
    ["add", "Commande de farine {i}", "--stage", "moi-seul"],
]
ENGLISH = [
    ["log", "{card}", "doubt", "Not sure the supplier agrees {i}"],
    ["log", "{card}", "adjustment", "New checklist {i}"],
    ["edit", "{card}", "--owner", "Marie", "--level", "consult"],
    ["move", "{card}", "only-me", "--force"],
    ["add", "Order flour {i}", "--stage", "delegating"],
]


def worker(board: str, card_id: str, name: str, go: str) -> None:
    """One side: wait for the start signal, then run ROUNDS rounds of its commands."""
    from delegate_tui.cli import main as cli

    deadline = time.monotonic() + 60
    while not os.path.exists(go):
        if time.monotonic() > deadline:
            raise SystemExit("no start signal")
        time.sleep(0.01)
    commands = FRENCH if name == "nathalie" else ENGLISH
    for i in range(ROUNDS):
        for command in commands:
            args = [word.format(card=card_id, i=i) for word in command]
            code = cli.run(["--board", board, *args])
            if code != 0:
                raise SystemExit(f"{name}: delegate {args} exited {code}")


def environment(tmp_path: Path, name: str) -> dict[str, str]:
    home = tmp_path / name
    (home / "config" / "delegate-tui").mkdir(parents=True, exist_ok=True)
    (home / "config" / "delegate-tui" / "config.toml").write_text(f'user = "{name}"\n')
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    return {
        **env,
        "LANG": LOCALES[name],
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }


def start(tmp_path: Path, board: Path, card_id: str, name: str, go: Path) -> subprocess.Popen:
    code = (
        "from tests.system.test_two_languages import worker; "
        f"worker(*{[str(board), card_id, name, str(go)]!r})"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(tmp_path, name),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def show(tmp_path: Path, board: Path, name: str, card_id: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "delegate_tui", "--board", str(board), "show", card_id],
        cwd=ROOT,
        env=environment(tmp_path, name),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_a_french_and_an_english_machine_share_one_board(tmp_path: Path) -> None:
    board = tmp_path / "board.json"
    card_id = BoardStore(board, Identity("setup", "dev-setup")).add("Invoicing").id
    go = tmp_path / "go"
    sides = [start(tmp_path, board, card_id, name, go) for name in LOCALES]
    go.touch()
    for side in sides:
        _out, err = side.communicate(timeout=300)
        assert side.returncode == 0, err

    # the file holds only the stable ids, whatever each machine typed
    text = board.read_text(encoding="utf-8")
    for french in ("en-délégation", "moi-seul", "erreur", "perte-d", "logistique", "difficile"):
        assert french not in text
    cards = json.loads(text)["cards"]
    assert len(cards) == 1 + 2 * ROUNDS  # every add of both sides
    for record in cards.values():
        assert record.get("stage", "only-me") in STAGES
        assert record.get("area", "") in ("", *AREAS)
        assert record.get("absence", "") in ("", *ABSENCE_ANSWERS)
        assert {e["kind"] for e in record.get("log", {}).values()} <= set(LOG_KINDS)
    log = cards[card_id]["log"].values()
    assert len(log) == 4 * ROUNDS  # every entry of both sides
    assert {e["by"] for e in log} == {"nathalie", "ben"}

    # each machine shows every edit, in its own language
    french, english = (
        show(tmp_path, board, "nathalie", card_id),
        show(tmp_path, board, "ben", card_id),
    )
    for i in range(ROUNDS):
        for line in (f"Facture envoyée deux fois {i}", f"Not sure the supplier agrees {i}"):
            assert line in french and line in english
    assert "Erreur" in french and "Perte d'efficacité" in french and "Doute" in french
    assert "logistique" in french and "Marie" in french
    assert "error" in english and "efficiency-loss" in english and "doubt" in english
    assert "logistics" in english and "Marie" in english
    assert "Erreur" not in english and "logistique" not in english
