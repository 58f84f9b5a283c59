"""The snapshots in French: golden Markdown, HTML and CSV files beside the English ones, no
English word left in them, JSON that stays English but says its language, and a French CSV
that `delegate import` reads back.

Regenerate the French golden files as the English ones (`DELEGATE_REGEN_GOLDEN=1`), then read
the diff.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from delegate_tui import locale
from delegate_tui.board.store import BoardStore
from delegate_tui.core import language
from delegate_tui.core.csv_import import COLUMNS, FRENCH_COLUMNS
from delegate_tui.core.formats import NARROW
from delegate_tui.core.insight import SCENARIOS, UNKNOWN_VERDICT
from delegate_tui.core.wording import SCENARIO_WORDS
from delegate_tui.snapshots import json as json_format
from delegate_tui.snapshots.csv import COLUMNS as CSV_COLUMNS
from delegate_tui.snapshots.csv import FRENCH_HEADERS
from delegate_tui.snapshots.write import FORMATS, make_snapshot, write_snapshot
from tests.kit.sample_board import IDS, NOW, build_board
from tests.snapshots.test_golden import check_golden

ENGLISH_WORDS = (
    "Only me", "Delegating", "Team-owned", "Status", "snapshot", "Snapshot", "As of", "Period",
    "period", "Since", "Stage", "Cards", "Card", "Owner", "owner", "Hours", "hours", "h/week",
    "Away", "away", "Level", "In stage", "days", "under a day", "Delegating for", "Check-ins",
    "overdue", "due ", "Transition log", "Errors", "Adjustments", "Doubts", "Moves", "moved",
    "Moved", "New card", "New log", "Back on", "No longer", "Nothing", "None.", "No cards",
    "provider", "leader", "stops", "struggles", "runs", "scenario", "Written by", "corrected",
    "every 2 weeks", "monthly", "tell", "consult", "delegate ", "Where",
)  # fmt: skip
"""Words of the English snapshots that no French one may hold (the sample board's own texts,
which stay as the leader typed them, hold none of them)."""

BOARD_TEXTS = ("Sent the October invoices twice", "Paul answers refunds", "**Am I**")


@pytest.fixture
def golden_store(tmp_path: Path) -> BoardStore:
    return build_board(tmp_path / "acme.json")


def _french(store: BoardStore, fmt: str, folder: Path) -> str:
    out = folder / f"fr{FORMATS[fmt][0]}"
    return write_snapshot(store, fmt, out=out, now=NOW).read_bytes().decode("utf-8")


def _without_board_texts(text: str) -> str:
    """The output with the lines that carry the board's own (English) log texts left out."""
    return "\n".join(line for line in text.splitlines() if not any(t in line for t in BOARD_TEXTS))


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_each_french_format_matches_its_golden_file(
    french: None, golden_store: BoardStore, tmp_path: Path, fmt: str
) -> None:
    check_golden(f"snapshot.fr{FORMATS[fmt][0]}", _french(golden_store, fmt, tmp_path))


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_no_english_word_in_a_french_snapshot(
    french: None, golden_store: BoardStore, tmp_path: Path, fmt: str
) -> None:
    text = _without_board_texts(_french(golden_store, fmt, tmp_path))
    text = re.sub(r"<style>.*?</style>|<[^>]*>", " ", text, flags=re.S)  # the words, not markup
    found = [word for word in ENGLISH_WORDS if word in text]
    assert found == []


def test_the_scan_finds_english(golden_store: BoardStore, tmp_path: Path) -> None:
    """The same scan on the English snapshot finds its words: the list can fail."""
    text = _without_board_texts(
        write_snapshot(golden_store, "md", out=tmp_path / "s.md", now=NOW).read_text()
    )
    assert len([word for word in ENGLISH_WORDS if word in text]) > 30


def test_french_markdown_reads_as_french(
    french: None, golden_store: BoardStore, tmp_path: Path
) -> None:
    text = _french(golden_store, "md", tmp_path)
    assert text.startswith(f"# Point d'étape{NARROW}: acme\n")
    assert f"Au 23 nov. 2026 14:05 UTC. Période{NARROW}: depuis le 16 nov. 2026 14:05 UTC." in text
    question = f"Si vous êtes absent deux semaines, que se passe-t-il{NARROW}?"
    assert f"**{question}** scénario 1{NARROW}: tout s'arrête." in text
    assert "| Confié à l'équipe | 1 | 1,5 |" in text
    assert (
        "| Invoicing | Marie | *ça tourne mais difficilement* | 3→6 | 1/2 | 63 jours | 3 |" in text
    )
    assert "| Payroll | PayFlow Ltd (prestataire) | ça tourne normalement | 7 |" in text
    assert (
        f"- **Invoicing**, Marie{NARROW}: toutes les 2 semaines, prévu le 16 nov. 2026 "
        "(7 jours de retard)"
    ) in text
    assert "### Erreurs (1)\n\n- 18 nov. 2026 · **Invoicing**" in text
    assert "1 Dire, 2 Vendre, 3 Consulter" in text


def test_french_html_says_its_language(
    french: None, golden_store: BoardStore, tmp_path: Path
) -> None:
    page = _french(golden_store, "html", tmp_path)
    assert '<html lang="fr">' in page
    assert f"5 cartes en tout, 13,5{NARROW}h par semaine." in page
    assert f"<div>1,5{NARROW}h/sem.</div>" in page


def test_the_changes_since_the_last_snapshot_in_french(
    french: None, golden_store: BoardStore, tmp_path: Path
) -> None:
    write_snapshot(golden_store, "md", out=tmp_path / "first.md", now=NOW)
    golden_store.move(IDS["orders"], "team-owned")
    golden_store.log(IDS["invoicing"], "error", "Facture envoyée deux fois")
    golden_store.add("Relances clients", stage="delegating")
    golden_store.archive(IDS["support"])
    later = NOW + timedelta(hours=1)
    text = write_snapshot(golden_store, "md", out=tmp_path / "second.md", now=later).read_text()
    assert "## Depuis le dernier point d'étape (23 nov. 2026 14:05 UTC)" in text
    assert f"- Nouvelle carte{NARROW}: **Relances clients** (En délégation)" in text
    assert f"- Déplacée{NARROW}: **Supplier orders**, En délégation → Confié à l'équipe" in text
    assert (
        f"- Nouvelle entrée du journal sur **Invoicing** (Erreurs){NARROW}: "
        "Facture envoyée deux fois"
    ) in text
    assert f"- Retirée du tableau{NARROW}: **Customer support inbox**" in text
    assert [w for w in ENGLISH_WORDS if w in _without_board_texts(text)] == []


def test_json_stays_english_and_says_its_language(golden_store: BoardStore, tmp_path: Path) -> None:
    english = json.loads(json_format.render(make_snapshot(golden_store, now=NOW, fmt="json")))
    locale.install(language.FRENCH)
    french = json.loads(json_format.render(make_snapshot(golden_store, now=NOW, fmt="json")))
    assert (english.pop("language"), french.pop("language")) == ("en", "fr")
    assert french == english


def test_every_verdict_of_the_absence_test_is_in_the_catalog() -> None:
    """The snapshot translates `core.insight`'s verdict by its words: they must stay marked."""
    assert set(SCENARIO_WORDS.values()) == {*SCENARIOS.values(), UNKNOWN_VERDICT}


def test_french_csv_splits_on_semicolons_with_french_names(
    french: None, golden_store: BoardStore, tmp_path: Path
) -> None:
    text = _french(golden_store, "csv", tmp_path)
    assert text.startswith("\ufeffid;titre;étape;responsable;garant;domaine;heures_par_semaine;")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")}
    payroll = rows[IDS["payroll"]]
    assert (payroll["étape"], payroll["heures_par_semaine"], payroll["prestataire"]) == (
        "Confié à l'équipe", "1,5", "oui",
    )  # fmt: skip
    assert rows[IDS["orders"]]["domaine"] == "logistique"
    assert rows[IDS["invoicing"]]["rythme_de_suivi"] == "toutes les 2 semaines"
    assert len(FRENCH_HEADERS) == len(set(FRENCH_HEADERS.values()))
    assert set(FRENCH_HEADERS) <= set(CSV_COLUMNS)


def test_a_french_export_imports_back(run_cli, golden_store: BoardStore, tmp_path: Path) -> None:
    """The French CSV's import columns, as a leader keeps them in a spreadsheet, import into
    another board in an English run: stages, areas and hours come back as they were."""
    locale.install(language.FRENCH)
    text = _french(golden_store, "csv", tmp_path)
    locale.install(language.ENGLISH)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    french_names = [FRENCH_COLUMNS[c] for c in COLUMNS]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(french_names)
    safe = [r for r in reader if not re.match("['<]", r["titre"] + r["responsable"])]
    writer.writerows([r[name] for name in french_names] for r in safe)
    path = tmp_path / "taches.csv"
    path.write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))
    other = tmp_path / "other.json"
    result = run_cli("import", str(path), board=other)
    assert result.code == 0, result.err
    cards = json.loads(run_cli("list", "--json", board=other).out)
    got = {
        (c["title"], c["stage"], c["area"] or "", c["hours_per_week"], c["owner"]) for c in cards
    }
    assert got == {
        (c.title, c.stage, c.area, c.hours_per_week, c.owner)
        for c in golden_store.cards()
        if c.id != IDS["hostile"]
    }
