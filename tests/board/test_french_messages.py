"""The messages of the core and the board file in French: a damaged file, a newer format, an
unknown card, an ambiguous prefix, a card not ready, a bad value in a hostile file. Each one is
said in French when it is raised (in this process with the `french` fixture, and through the CLI
with `--lang fr`: one line, exit 1, the file byte for byte), with nothing of the English left,
while what the file holds is quoted as it is. The same messages in English are the existing
tests' (tests/cli/test_bad_input.py, tests/board/test_damaged_boards.py …)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from delegate_tui.board import boardfile
from delegate_tui.board.boardfile import FORMAT_VERSION
from delegate_tui.board.store import BoardStore
from delegate_tui.core.errors import BoardError, CardNotFound, DamagedBoard, ValidationError
from delegate_tui.core.formats import NARROW
from delegate_tui.core.insight import build
from delegate_tui.core.model import Card, Standard
from delegate_tui.core.readiness import missing_for_team, require_ready
from delegate_tui.core.vocabulary import parse_hours
from tests.kit.basics import CliResult, delegate_process, file_hash

CARD_A = "abcd0000-0000-4000-8000-000000000001"
CARD_B = "abcd1111-0000-4000-8000-000000000002"

ENGLISH = re.compile(
    r"\b(the|card|cards|owner|hours|is|not|no|and|of|its|holds|missing|restore|backup|fix|"
    r"board|give|shows|ready|team-owned|anyway|ambiguous|characters|newer|upgrade|file)\b"
)
"""English words a French message must not hold (outside what it quotes from the file)."""


def english_left(message: str, *quoted: str) -> list[str]:
    """The English words of `message`, once the file's own text (`quoted`) is taken out."""
    for text in quoted:
        message = message.replace(text, "")
    return ENGLISH.findall(message)


@pytest.fixture
def board(store: BoardStore, board_path: Path) -> Path:
    """A board with two cards whose ids share the prefix 'abcd'; the first team-owned-to-be."""
    store.add_many(
        [{"title": "Factures", "owner": ""}, {"title": "Devis", "stage": "delegating"}],
        ids=[CARD_A, CARD_B],
    )
    store.flush()
    return board_path


def damage(path: Path, card_id: str, **values: object) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["cards"][card_id].update(values)
    path.write_text(json.dumps(data), encoding="utf-8")
    return file_hash(path) or ""


def refused_in_french(result, board: Path, before: str | None, *words: str) -> str:
    assert result.code == 1, (result.out, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err + result.out
    for word in words:
        assert word in lines[0], lines[0]
    assert file_hash(board) == before
    return lines[0]


# ---------------------------------------------------------------- in this process


def test_an_unknown_card_in_french(french, store: BoardStore, board: Path) -> None:
    with pytest.raises(CardNotFound) as found:
        store.resolve("ffff")
    message = str(found.value)
    assert message == (
        f"carte introuvable{NARROW}: aucun identifiant ne commence par «{NARROW}ffff{NARROW}»"
        f"{NARROW}; «{NARROW}delegate list{NARROW}» les affiche"
    )
    assert english_left(message, "delegate list") == []


def test_an_ambiguous_and_a_short_prefix_in_french(french, store: BoardStore, board) -> None:
    with pytest.raises(ValidationError) as found:
        store.resolve("abcd")
    assert "préfixe ambigu (2 cartes correspondent)" in str(found.value)
    assert english_left(str(found.value)) == []
    with pytest.raises(ValidationError) as short:
        store.resolve("ab")
    assert "trop court, donnez au moins 4 caractères" in str(short.value)


def test_a_card_not_ready_in_french(french) -> None:
    card = Card(id="c1", title="Paie", stage="delegating", standards=[Standard("s1", "Vérifier")])
    with pytest.raises(ValidationError) as found:
        require_ready(card)
    message = str(found.value)
    assert message == (
        f"«{NARROW}Paie{NARROW}» n'est pas prête à confier{NARROW}: pas de responsable et "
        "1 standard de travail non coché (--force la déplace quand même)"
    )
    assert english_left(message) == []


def test_the_gaps_are_french_on_screen_and_english_in_json(french) -> None:
    card = Card(id="c1", title="Paie", stage="team-owned", absence="stops")
    assert missing_for_team(card) == [
        "pas de responsable",
        "aucun standard de travail",
        f"«{NARROW}tout s'arrête{NARROW}» comme réponse au test d'absence",
    ]
    insight = build([card], datetime(2026, 11, 2, 9, tzinfo=UTC))
    assert insight.verdict.label == "tout s'arrête"
    data = insight.to_json()
    assert data["absence"]["label"] == "everything stops"
    assert data["not_ready"][0]["missing"] == [
        "no owner",
        "no work standard",
        "'stops' as its absence answer",
    ]


def test_a_damaged_file_in_french(french, store: BoardStore, board: Path) -> None:
    damage(board, CARD_A, stage="plus-tard")
    with pytest.raises(DamagedBoard) as found:
        boardfile.read_board(board)
    message = str(found.value)
    assert "carte abcd0000 a un champ stage inconnu 'plus-tard' (utilisez l'une des" in message
    assert message.endswith(
        f"corrigez-le dans le fichier ou restaurez une sauvegarde{NARROW}; "
        f"«{NARROW}delegate check{NARROW}» liste chaque carte endommagée"
    )
    stable_ids = "only-me, delegating, team-owned"  # what the file must hold: not translated
    assert english_left(message, str(board), "'plus-tard'", "delegate check", stable_ids) == []


def test_a_newer_format_in_french(french, board: Path) -> None:
    data = json.loads(board.read_text(encoding="utf-8"))
    data["_meta"]["board"]["format"] = FORMAT_VERSION + 1
    board.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BoardError) as found:
        boardfile.read_board(board)
    message = str(found.value)
    assert f"version plus récente de delegate-tui (format {FORMAT_VERSION + 1}, " in message
    assert "pip install -U delegate-tui" in message and "le fichier est laissé tel quel" in message
    assert english_left(message, str(board), "pip install -U delegate-tui") == []


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"hours_per_week": "-Infinity"}, "contient '-Infinity', et non un nombre de 0 à 168"),
        ({"level": 9}, "contient 9, et non un niveau de 1 à 7"),
        ({"owner": ["Marie"]}, 'contient ["Marie"], et non un texte d\'au plus'),
        ({"title": None}, "contient null, et non un texte"),
    ],
)
def test_a_bad_value_of_a_hostile_file_in_french(french, board: Path, values, said) -> None:
    damage(board, CARD_A, **values)
    with pytest.raises(DamagedBoard) as found:
        boardfile.read_board(board)
    message = str(found.value)
    assert said in message, message
    field = next(iter(values))  # the file's own key, quoted as data
    quoted = re.findall(r"'[^']*'|\[[^]]*\]", message)
    assert english_left(message, str(board), "delegate check", field, *quoted) == []


# ---------------------------------------------------------------- through the CLI


def test_the_cli_says_an_unknown_card_in_french(board: Path) -> None:
    before = file_hash(board)
    process = delegate_process("--lang", "fr", "--board", str(board), "move", "ffff", "delegating")
    out, err = process.communicate(timeout=60)
    result = CliResult(process.returncode, out, err)
    line = refused_in_french(result, board, before, "carte introuvable", f"«{NARROW}ffff{NARROW}»")
    assert english_left(line.removeprefix("delegate: "), "delegate list") == []


def test_the_cli_refuses_a_newer_format_in_french(run_cli, board: Path) -> None:
    data = json.loads(board.read_text(encoding="utf-8"))
    data["_meta"]["board"]["format"] = FORMAT_VERSION + 1
    board.write_text(json.dumps(data), encoding="utf-8")
    before = file_hash(board)
    line = refused_in_french(
        run_cli("--lang", "fr", "list"), board, before, "version plus récente de delegate-tui"
    )
    assert english_left(line, "delegate:", str(board), "pip install -U delegate-tui") == []


def test_the_cli_refuses_a_card_not_ready_in_french(run_cli, board: Path) -> None:
    before = file_hash(board)
    line = refused_in_french(
        run_cli("--lang", "fr", "move", "abcd0", "team-owned"),
        board,
        before,
        f"«{NARROW}Factures{NARROW}» n'est pas prête à confier",
        "pas de responsable et aucun standard de travail",
    )
    assert english_left(line, "delegate:") == []


@pytest.mark.parametrize("typed", ["beaucoup", "-2", "200"])
def test_hours_refused_in_french(french, typed: str) -> None:
    with pytest.raises(ValidationError) as found:
        parse_hours(typed)
    message = str(found.value)
    assert message.startswith(f"heures par semaine «{NARROW}{typed}{NARROW}»{NARROW}: ")
    assert english_left(message) == []


def test_hours_refused_in_english_as_before() -> None:
    with pytest.raises(ValidationError, match=r"^hours 'lots' is not a number: write e.g. 2"):
        parse_hours("lots")
