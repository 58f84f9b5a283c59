"""The command line's last refusals in French (`--lang fr`): a date, a cadence, a title, a CSV
import, a snapshot format and `--out`: one line on stderr, exit 1, the board file byte for byte
untouched; and a date refused by the real command under `LC_ALL=C`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.kit.basics import delegate_process, file_hash

N = "\u202f"


def _card(run_cli) -> str:
    card_id: str = json.loads(run_cli("add", "Facturation", "--json").out)["id"]
    return card_id


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("edit", "{id}", "--checked-in", "bientôt"), "impossible de lire la date «\u202fbientôt"),
        (("edit", "{id}", "--checkin", "parfois"), "impossible de lire le rythme «\u202fparfois"),
        (("edit", "{id}", "--title", " "), "le titre est vide\u202f: donnez quelques mots"),
        (("export", "--format", "pdf"), "format inconnu «\u202fpdf\u202f»"),
        (("export", "--out", "/nope/x.md"), "le dossier /nope n'existe pas\u202f: créez-le"),
        (("import", "{csv}"), "heures_par_semaine;domaine\n"),
    ],
)
def test_a_french_refusal_is_one_line_and_touches_nothing(
    run_cli, board_path: Path, tmp_path: Path, args: tuple[str, ...], expected: str
):
    card_id = _card(run_cli)
    bad = tmp_path / "tâches.csv"
    bad.write_text("titre;étape\nA;moi\n", encoding="utf-8")
    before = file_hash(board_path)
    result = run_cli("--lang", "fr", *(a.format(id=card_id, csv=bad) for a in args))
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("delegate\u202f: ") or result.err.startswith("delegate: ")
    assert result.err.count("\n") == 1 and result.err.endswith("\n")
    assert expected in result.err
    assert file_hash(board_path) == before


def test_a_date_is_refused_in_french_under_lc_all_c(run_cli, board_path: Path) -> None:
    card_id = _card(run_cli)
    before = file_hash(board_path)
    process = delegate_process(
        "--lang",
        "fr",
        "--board",
        str(board_path),
        "edit",
        card_id,
        "--checked-in",
        "lundi",
        env={"LC_ALL": "C", "LANG": "C"},
    )
    out, err = process.communicate(timeout=60)
    assert process.returncode == 1 and out == ""
    assert err.endswith(
        f"«{N}lundi{N}» peut être avant ou après aujourd'hui{N}: "
        f"écrivez «{N}lundi prochain{N}» ou «{N}lundi dernier{N}»\n"
    )
    assert err.count("\n") == 1
    assert file_hash(board_path) == before
