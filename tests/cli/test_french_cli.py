"""The command line in French (`--lang fr`): the `--help` of `delegate` and of every command,
argparse's own words, the errors (one line, exit 1, the file untouched), `show`, `list`,
`status` and `check`, all scanned for English words left over; the JSON keeps its English keys
and stable values and says its `language`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.cli import main as cli
from tests.kit.basics import file_hash

COMMANDS = [
    "add",
    "list",
    "show",
    "move",
    "edit",
    "import",
    "standard",
    "note",
    "decision",
    "delete",
    "fix-log",
    "log",
    "archive",
    "init",
    "check",
    "export",
    "status",
]

ENGLISH = re.compile(
    r"\b(the|an|of|to|and|with|from|this|your|is|it|card|cards|owner|hours|week|weeks|"
    r"default|usage|print|show this|exit|stage|stages|only me|team|board|file|text|kind|item|"
    r"since|done|none|logged|moved|added|edited|away|level|reason|history|notes|next|"
    r"positional|optional|required|expected|invalid|choice|unrecognized)\b",
    re.IGNORECASE,
)
"""English words that no French output may hold (outside option names, ids, file names and
the command names: `log`, `list`, `show` …)."""

SKIPPED = re.compile(r"^-|[-_/$.,|=]|^'.*'$")
"""Tokens that are not words of a sentence: --options, file names, paths, ids, choices."""

QUOTED = re.compile("«\u202f.*?\u202f»")
"""What a French sentence quotes: a command, a key of the config file, a person's words."""


def english_words(text: str) -> list[str]:
    """The English words of `text`, skipping option names, ids, paths and the card's data."""
    tokens = (t.strip("[](),:") for t in QUOTED.sub("", text).split())
    words = " ".join(t for t in tokens if not SKIPPED.search(t))
    return ENGLISH.findall(words)


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        cli.run(["--lang", "fr", *args, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_the_main_help_is_french(capsys):
    text = _help(capsys)
    assert text.startswith("utilisation\u202f: delegate")
    assert "arguments positionnels\u202f:" in text and "options\u202f:" in text
    assert "afficher cette aide et quitter" in text
    assert "ajouter une carte" in text and "Confié".lower() in text.lower()
    text = text.replace("\n    board ", "\n    ")  # the command `delegate board`: its name
    assert english_words(text) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_the_help_of_every_command_is_french(command: str, capsys):
    text = _help(capsys, command)
    assert text.startswith(f"utilisation\u202f: delegate {command}")
    assert english_words(text) == [], text


def test_an_english_run_keeps_english_help(capsys):
    with pytest.raises(SystemExit):
        cli.run(["add", "--help"])
    text = capsys.readouterr().out
    assert text.startswith("usage: delegate add [-h] [--stage STAGE] [--owner OWNER]")
    assert "positional arguments:" in text and "show this help message and exit" in text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("move",), "ces arguments sont obligatoires\u202f: carte, étape"),
        (("bogus",), "choix invalide\u202f: 'bogus'"),
        (("list", "--nope"), "arguments non reconnus\u202f: --nope"),
        (("show", "abcd", "--yes"), "arguments non reconnus\u202f: --yes"),
        (("move", "abcd", "nulle-part"), "étape «\u202fnulle-part\u202f» inconnue"),
        (("move", "abcd", "equipe", "--kind", "erreur"), "--kind va avec --why TEXTE"),
        (("fix-log", "abcd", "efgh"), "rien à faire\u202f: donnez --kind TYPE"),
        (("standard", "abcd"), "donnez le TEXTE du standard"),
        (("note", "abcd", "x", "--remove", "ef01"), "pas les deux (voir --help)"),
        (("delete", "abcd"), "ajoutez --yes pour supprimer sans confirmation"),
        (("edit", "abcd"), "rien à modifier"),
    ],
)
def test_errors_are_one_french_line_and_leave_the_file_alone(
    args: tuple[str, ...], expected: str, run_cli, store: BoardStore, board_path: Path
):
    card = store.add("Facturation", owner="Marie")
    store.flush()
    before = file_hash(board_path)
    result = run_cli("--lang", "fr", *[card.id[:8] if a == "abcd" else a for a in args])
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("delegate: ") and result.err.count("\n") == 1, result.err
    assert expected in result.err, result.err
    assert file_hash(board_path) == before


def _board(store: BoardStore) -> str:
    card = store.add("Facturation", owner="Marie", hours_per_week=2.5, area="finance")
    store.add("Devis", hours_per_week=3, reason="repetitive")
    store.move(card.id, "delegating", why=("error", "Marie a oublié un client"))
    store.add_item(card.id, "standards", text="Envoyer avant le 5")
    store.add_item(card.id, "decisions", text="Remboursements", limit="200 EUR")
    store.edit(card.id, absence="struggles", level=3, target_level=6, checkin="weekly")
    store.flush()
    return card.id


def test_show_speaks_french(run_cli, store: BoardStore):
    card_id = _board(store)
    shown = run_cli("--lang", "fr", "show", card_id[:8])
    assert shown.code == 0, shown.err
    text = shown.out
    assert "  étape          En délégation depuis le " in text
    assert "  responsable    Marie   garant -" in text
    assert "  h/sem.         2,5   domaine finances et achats" in text
    assert "Ça tourne mais difficilement   niveau 3 -> 6   raison -" in text
    assert "chaque semaine" in text
    assert "Standards de travail (0/1 faits)" in text
    assert "Remboursements (limite\u202f: 200 EUR)" in text
    assert "Journal de la transition" in text and "Erreur" in text
    assert "nouvelle -> Moi seul" in text and "Moi seul -> En délégation" in text
    data = text.replace("Marie a oublié un client", "").replace("Envoyer avant le 5", "")
    assert english_words(data) == [], text


def test_list_and_the_messages_speak_french(run_cli, store: BoardStore):
    card_id = _board(store)
    listed = run_cli("--lang", "fr", "list")
    assert "En délégation" in listed.out and "2,5\u202fh" in listed.out
    moved = run_cli("--lang", "fr", "move", card_id[:8], "moi-seul")
    assert moved.out == f"{card_id[:8]} déplacée vers Moi seul\n"
    assert moved.err.startswith("delegate: reprise sans dire pourquoi\u202f:")
    logged = run_cli("--lang", "fr", "log", card_id[:8], "doute", "Pas sûr")
    assert logged.out == f"noté au journal de {card_id[:8]}\u202f: doute\n"
    assert run_cli("--lang", "fr", "list", "--stage", "equipe").out.startswith(
        "aucune carte dans Confié à l'équipe\u202f:"
    )
    for result in (listed, moved, logged):
        assert english_words(result.out + result.err) == []


def test_status_speaks_french(run_cli, store: BoardStore):
    _board(store)
    shown = run_cli("--lang", "fr", "status")
    assert shown.code == 0, shown.err
    text = shown.out
    assert ": 2 cartes, 5,5\u202fh par semaine en tout" in text
    assert "  Moi seul              1 carte      3\u202fh" in text
    assert "Absent deux semaines\u202f: scénario 1 — tout s'arrête" in text
    assert "Heures regagnées\u202f: 0\u202fh par semaine (0\u202f% de toutes les heures)" in text
    assert "À déléguer ensuite\u202f:" in text and "(tâches répétitives, 3\u202fh)" in text
    assert "En délégation depuis\u202f:" in text
    assert english_words(text.replace(store.name, "")) == [], text


def test_check_speaks_french(run_cli, store: BoardStore):
    _board(store)
    checked = run_cli("--lang", "fr", "check")
    assert checked.code == 0, checked.err
    assert "un tableau valide, «\u202f" in checked.out
    assert "copies en conflit\u202f: aucune" in checked.out
    names = re.sub(r"\S*board\S*", "", checked.out)  # the paths hold the word "board"
    assert english_words(names) == [], checked.out


@pytest.mark.parametrize("command", ["show", "status", "add"])
def test_json_keeps_its_english_keys_and_says_its_language(
    command: str, run_cli, store: BoardStore
):
    card_id = _board(store)
    args = {"show": ("show", card_id[:8]), "status": ("status",), "add": ("add", "Paie")}
    english = json.loads(run_cli(*args[command], "--json").out)
    french = json.loads(run_cli("--lang", "fr", *args[command], "--json").out)
    assert english.pop("language") == "en" and french.pop("language") == "fr"
    assert list(french) == list(english)
    if command == "show":
        assert french == english  # the same card: stable ids, English keys
        assert french["stage"] == "delegating" and french["log"][0]["kind"] == "error"
    if command == "status":
        assert french["delegating"]["label"] == english["delegating"]["label"]


def test_list_json_stays_an_array(run_cli, store: BoardStore):
    _board(store)
    listed = json.loads(run_cli("--lang", "fr", "list", "--json").out)
    assert isinstance(listed, list) and {c["stage"] for c in listed} == {"only-me", "delegating"}


def test_a_config_problem_is_said_in_the_language_of_the_run(
    run_cli, store: BoardStore, monkeypatch, tmp_path
):
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "config.toml").write_text('language = "fr"\ntheme = 3\n', encoding="utf-8")
    monkeypatch.setattr("delegate_tui.config.config_dir", lambda: folder)
    result = run_cli("list")
    assert "«\u202ftheme\u202f» doit être du texte\u202f; ignoré" in result.err
    english = run_cli("--lang", "en", "list")
    assert "'theme' should be text; ignored" in english.err


def test_an_unknown_language_is_refused_in_the_language_of_the_machine(run_cli, monkeypatch):
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    result = run_cli("--lang", "klingon", "list")
    assert result.code == 1 and result.out == ""
    assert (
        result.err
        == "delegate: langue inconnue «\u202fklingon\u202f»\u202f: utilisez --lang fr ou --lang en\n"
    )
