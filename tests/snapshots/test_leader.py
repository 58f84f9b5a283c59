"""The snapshots show issue 16: each card's backup and leader mission, the leader's week and the
absence test for each teammate, in English and in French, with the same figures as `delegate
status --json` (the leader's hours from the board settings)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from delegate_tui.board.store import BoardStore
from delegate_tui.core.formats import NARROW
from delegate_tui.core.insight import build
from delegate_tui.core.leader_insight import build_leader
from delegate_tui.snapshots.write import write_snapshot
from tests.kit.sample_board import IDS, NOW, build_board


@pytest.fixture
def store(tmp_path: Path) -> BoardStore:
    """The golden board with a backup for Invoicing, a leader mission and the leader's hours."""
    found = build_board(tmp_path / "acme.json")
    found.edit(IDS["invoicing"], backup="Paul")
    found.edit(IDS["hostile"], leader_mission=True)
    found.set_settings(leader_hours=40)
    return found


def _text(store: BoardStore, fmt: str, folder: Path) -> str:
    return write_snapshot(store, fmt, out=folder / f"s.{fmt}", now=NOW).read_text("utf-8-sig")


def test_markdown_marks_missions_and_backups_and_says_the_leaders_week(
    store: BoardStore, tmp_path: Path
) -> None:
    text = _text(store, "md", tmp_path)
    assert "| Invoicing | Marie (backup: Paul) | *struggles* | 3→6 | 1/2 | 63 days | 3 |" in text
    assert "| Customer support inbox | Paul | stops |" in text  # no backup: the owner alone
    starred = [line for line in text.splitlines() if "★" in line]
    assert len(starred) == 1 and starred[0].startswith("| ★ \\<script\\>")
    assert (
        "## The leader's week\n\n"
        "- Only you: 1h a week, 1h of them in your own missions\n"
        "- Not on the board: 39h of your 40h working hours\n"
        "- By role: entrepreneur 1h, manager 0h, technician 0h\n"
        "- Hats you wear alone: no area 1h\n"
        "- The technician takes 0% of your 40h working hours\n\n"
        "## If a teammate is away two weeks\n\n"
        "- **Paul** away: 6h a week land back on you — Customer support inbox (6h)\n"
        "- **PayFlow Ltd** away: 1.5h a week land back on you — Payroll (1.5h)\n"
        "- **Marie** away: all runs, 3h a week covered by a backup\n\n"
    ) in text


def test_html_shows_the_same_and_escapes_a_hostile_backup(
    store: BoardStore, tmp_path: Path
) -> None:
    store.edit(IDS["orders"], owner="Lea", backup="<b>Bob</b>")
    page = _text(store, "html", tmp_path)
    assert "<td>Marie (backup: Paul)</td>" in page
    assert "<td>Lea (backup: &lt;b&gt;Bob&lt;/b&gt;)</td>" in page and "<b>Bob" not in page
    assert "<td>★ &lt;script&gt;" in page
    assert "<h2>The leader's week</h2>" in page
    assert "<li>The technician takes 0% of your 40h working hours</li>" in page
    assert "<h2>If a teammate is away two weeks</h2>" in page
    assert "<li><strong>Paul</strong> away: 6h a week land back on you" in page
    assert "<li><strong>Marie</strong> away: all runs, 3h a week covered by a backup</li>" in page
    assert "<li>… and 2 other teammates</li></ul>" in page  # Lea, then Bob who only backs up
    assert "<strong>Lea</strong>" not in page and "<strong>&lt;b&gt;Bob" not in page


def test_markdown_and_html_in_french(french: None, store: BoardStore, tmp_path: Path) -> None:
    text = _text(store, "md", tmp_path)
    assert f"| Invoicing | Marie (suppléant{NARROW}: Paul) |" in text
    assert "## La semaine du dirigeant" in text
    assert f"- Vous seul{NARROW}: 1{NARROW}h par semaine, dont 1{NARROW}h dans vos missions" in text
    assert f"- Le technicien prend 0{NARROW}% de vos 40{NARROW}h de travail" in text
    assert "## En cas d'absence d'un membre de l'équipe pendant deux semaines" in text
    assert (
        f"- En cas d'absence de **Paul**{NARROW}: 6{NARROW}h par semaine vous reviennent"
        f" — Customer support inbox (6{NARROW}h)"
    ) in text
    page = _text(store, "html", tmp_path)
    assert f"<td>Marie (suppléant{NARROW}: Paul)</td>" in page
    assert "<h2>La semaine du dirigeant</h2>" in page


@pytest.mark.parametrize("language", ["en", "fr"])
def test_csv_has_the_backup_and_mission_columns(
    store: BoardStore, tmp_path: Path, language: str, request: pytest.FixtureRequest
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    text = _text(store, "csv", tmp_path)
    rows = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO(text), delimiter=";" if language == "fr" else ",")
    }
    backup, mission = (
        ("suppléant", "mission_de_dirigeant") if language == "fr" else ("backup", "leader_mission")
    )
    yes, no = ("oui", "non") if language == "fr" else ("yes", "no")
    assert rows[IDS["invoicing"]][backup] == "Paul" and rows[IDS["support"]][backup] == ""
    assert rows[IDS["hostile"]][mission] == yes and rows[IDS["invoicing"]][mission] == no


def test_csv_backup_cell_never_runs_as_a_formula(store: BoardStore, tmp_path: Path) -> None:
    store.edit(IDS["support"], backup="=HYPERLINK(1)")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(_text(store, "csv", tmp_path)))}
    assert rows[IDS["support"]]["backup"] == "'=HYPERLINK(1)"


def test_json_has_the_card_fields_and_the_figures_of_status(
    store: BoardStore, tmp_path: Path
) -> None:
    data = json.loads(_text(store, "json", tmp_path))
    cards = {c["id"]: (c["backup"], c["leader_mission"]) for c in data["cards"]}
    assert cards[IDS["invoicing"]] == ("Paul", False)
    assert cards[IDS["support"]] == (None, False)
    assert cards[IDS["hostile"]] == (None, True)
    assert data["leader_week"]["leader_hours_per_week"] == 40
    assert data["leader_week"]["leader_missions"]["hours_per_week"] == 1
    assert [p["name"] for p in data["people"]] == ["Paul", "PayFlow Ltd", "Marie"]
    status = json.loads(json.dumps(build_leader(build(store.cards(), NOW), 40).to_json()))
    assert data["leader_week"] == status["leader_week"]
    assert data["people"] == status["people"]


def test_json_stays_english_in_french(french: None, store: BoardStore, tmp_path: Path) -> None:
    data = json.loads(_text(store, "json", tmp_path))
    assert data["language"] == "fr"
    assert set(data["leader_week"]["roles"]) == {"entrepreneur", "manager", "technician"}
    assert data["people"][0]["hours_back_on_leader"] == 6


def test_without_hours_or_teammates(tmp_path: Path) -> None:
    """The leader's hours unknown: the share is of Only me's hours; no card handed over: said."""
    alone = build_board(tmp_path / "alone.json")
    for card in alone.cards():
        if card.stage != "only-me":
            alone.move(card.id, "only-me")
    text = _text(alone, "md", tmp_path)
    assert "Not on the board" not in text
    assert "- The technician takes 100% of the hours only you do\n" in text
    assert "## If a teammate is away two weeks\n\nNo card handed over to a teammate yet.\n" in text
    page = _text(alone, "html", tmp_path)
    assert '<p class="none">No card handed over to a teammate yet.</p>' in page
