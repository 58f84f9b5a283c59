"""Reading a task list from CSV: separators, BOM, quoting, line numbers, and a round trip."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from delegate_tui import locale
from delegate_tui.core import language
from delegate_tui.core.csv_import import COLUMNS, FRENCH_COLUMNS, parse_rows, read_rows
from delegate_tui.core.errors import ValidationError
from delegate_tui.core.formats import number
from delegate_tui.core.vocabulary import (
    AREAS,
    MAX_HOURS,
    STAGES,
    area_label,
    parse_name,
    parse_title,
    stage_label,
)

HEADER = "title,stage,owner,hours_per_week,area"


def test_a_simple_file() -> None:
    rows = parse_rows(f"{HEADER}\nInvoicing,delegating,Marie,3,finance\nOrders,,,,\n")
    assert rows == [
        {
            "title": "Invoicing",
            "stage": "delegating",
            "owner": "Marie",
            "hours_per_week": 3.0,
            "area": "finance",
        },
        {"title": "Orders", "stage": "only-me", "owner": "", "hours_per_week": 0.0, "area": ""},
    ]


def test_semicolons_and_decimal_commas() -> None:
    rows = parse_rows("title;stage;owner;hours_per_week;area\nPaie;only me;Ana;1,5;HR\n")
    assert rows[0] == {
        "title": "Paie",
        "stage": "only-me",
        "owner": "Ana",
        "hours_per_week": 1.5,
        "area": "hr-legal",
    }


def test_tabs() -> None:
    rows = parse_rows("title\tstage\towner\thours_per_week\tarea\nA\tdelegating\t\t2\t\n")
    assert rows[0]["stage"] == "delegating" and rows[0]["hours_per_week"] == 2.0


def test_header_in_any_order_and_case() -> None:
    rows = parse_rows("Area,Hours_Per_Week,Owner,Stage,Title\nfinance,2,Marie,team-owned,Books\n")
    assert rows[0]["title"] == "Books" and rows[0]["stage"] == "team-owned"


def test_quoted_values_with_separators_and_line_breaks() -> None:
    text = f'{HEADER}\n"Quotes, big ones",only-me,"Doe, Jane",2,\n"Two\nlines",,,,\n'
    rows = parse_rows(text)
    assert [r["title"] for r in rows] == ["Quotes, big ones", "Two lines"]
    assert rows[0]["owner"] == "Doe, Jane"


def test_blank_lines_are_skipped() -> None:
    assert len(parse_rows(f"{HEADER}\n\nA,,,,\n,,,,\n\nB,,,,\n")) == 2


def test_a_file_with_a_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_bytes(("\ufeff" + HEADER + "\r\nInvoicing,,,1,\r\n").encode("utf-8"))
    assert read_rows(path)[0]["title"] == "Invoicing"


def test_a_spreadsheet_export_with_semicolons_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    text = "\ufefftitle;stage;owner;hours_per_week;area\r\nCaisse;Delegating;;2;\r\n"
    path.write_bytes(text.encode("utf-8"))
    assert read_rows(path)[0] == {
        "title": "Caisse",
        "stage": "delegating",
        "owner": "",
        "hours_per_week": 2.0,
        "area": "",
    }


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "is empty"),
        ("title,stage,owner,area\nA,,,\n", "no column hours_per_week"),
        ("title,stage\nA,only-me\n", "no column owner, hours_per_week, area"),
        (f"{HEADER},colour\nA,,,,,red\n", "unknown column 'colour'"),
        (f"{HEADER}\n", "no rows"),
        (f"{HEADER}\nA,,,,\nB,,,x,\n", "line 3"),
        (f"{HEADER}\nA,,,,\n\n\nB,later,,,\n", "line 5"),
        (f'{HEADER}\n"Two\nlines",,,,\nB,,,,moon\n', "line 4"),
        (f"{HEADER}\nA,,,\n", "line 2: 4 values for 5 columns"),
    ],
)
def test_problems_name_the_line(text: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        parse_rows(text, "tasks.csv")


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_bytes((HEADER + "\nCaf\xe9,,,,\n").encode("latin-1"))
    with pytest.raises(ValidationError, match="not UTF-8"):
        read_rows(path)


def test_import_through_the_cli(run_cli, board_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_text(f"{HEADER}\nInvoicing,delegating,Marie,3,finance\nOrders,,,2,logistics\n")
    result = run_cli("import", str(path))
    assert result.code == 0 and "imported 2 cards" in result.out
    cards = json.loads(run_cli("list", "--json").out)
    assert [(c["title"], c["stage"], c["area"]) for c in cards] == [
        ("Orders", "only-me", "logistics"),
        ("Invoicing", "delegating", "finance"),
    ]
    stored = json.loads(board_path.read_text())["cards"]
    assert len(stored) == 2


# ---------------------------------------------------------------- round trip


def _canonical_title(text: str) -> str:
    try:
        return parse_title(text)
    except ValidationError:
        assume(False)
        raise


titles = st.text(min_size=1, max_size=60).map(_canonical_title)
names = st.text(max_size=30).map(parse_name)
hours = st.floats(min_value=0, max_value=MAX_HOURS).map(lambda h: round(h, 2) + 0.0)
rows = st.fixed_dictionaries(
    {
        "title": titles,
        "stage": st.sampled_from(STAGES),
        "owner": names,
        "hours_per_week": hours,
        "area": st.sampled_from(("", *AREAS)),
    }
)


@settings(deadline=None)  # writes a file when bom is drawn: no timing limit on a busy disk
@given(
    st.lists(rows, min_size=1, max_size=8),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from([".", ","]),
    st.permutations(COLUMNS),
    st.booleans(),
)
def test_csv_written_rows_parse_back(
    written: list[dict], delimiter: str, point: str, order: list[str], bom: bool
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(order)
    for row in written:
        values = {**row, "hours_per_week": str(row["hours_per_week"]).replace(".", point)}
        writer.writerow([values[c] for c in order])
    if not bom:
        assert parse_rows(out.getvalue()) == written
        return
    with tempfile.TemporaryDirectory() as folder:  # as a spreadsheet saves it: BOM first
        path = Path(folder) / "tasks.csv"
        path.write_bytes(out.getvalue().encode("utf-8-sig"))
        assert read_rows(path) == written


def test_french_headers_and_names(tmp_path: Path) -> None:
    """A file from a French spreadsheet: French headers with accents, `;`, decimal commas and
    the stages and areas by their French names, read whatever the language of the run."""
    path = tmp_path / "taches.csv"
    text = (
        "\ufeffTitre;Étape;Responsable;Heures_par_semaine;Domaine\r\n"
        "Facturation;En délégation;Marie;2,5;finances et achats\r\n"
        "Paie;Confié à l'équipe;;1;RH et juridique\r\n"
        "Devis;moi-seul;;0,75;qualité\r\n"
    )
    path.write_bytes(text.encode("utf-8"))
    assert read_rows(path) == [
        {
            "title": "Facturation",
            "stage": "delegating",
            "owner": "Marie",
            "hours_per_week": 2.5,
            "area": "finance",
        },
        {"title": "Paie", "stage": "team-owned", "owner": "", "hours_per_week": 1.0, "area": "hr-legal"},
        {"title": "Devis", "stage": "only-me", "owner": "", "hours_per_week": 0.75, "area": "quality"},
    ]  # fmt: skip
    assert parse_rows("titre,etape,responsable,heures,domaine\nA,equipe,,3,\n")[0]["stage"] == (
        "team-owned"
    )


def test_import_of_a_french_file_through_the_cli(run_cli, board_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "taches.csv"
    path.write_text(
        "titre;étape;responsable;heures_par_semaine;domaine\n"
        "Relances clients;En délégation;Paul;1,5;commercial et marketing\n",
        encoding="utf-8",
    )
    assert run_cli("--lang", "fr", "import", str(path)).code == 0
    text = json.dumps(json.loads(board_path.read_text())["cards"])
    assert '"delegating"' in text and '"sales-marketing"' in text  # stable ids only
    assert "délégation" not in text and "commercial" not in text


@settings(deadline=None)
@given(st.lists(rows, min_size=1, max_size=8), st.permutations(COLUMNS), st.booleans())
def test_a_french_csv_parses_back(written: list[dict], order: list[str], in_french: bool) -> None:
    """Rows written as the French CSV snapshot writes them (French headers and names, `;`,
    decimal commas) read back to the same cards, in either language of the run."""
    locale.install(language.FRENCH)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([FRENCH_COLUMNS[c] for c in order])
    for row in written:
        shown = {
            **row,
            "stage": stage_label(row["stage"]),
            "area": area_label(row["area"]) if row["area"] else "",
            "hours_per_week": number(row["hours_per_week"]),
        }
        writer.writerow([shown[c] for c in order])
    locale.install(language.FRENCH if in_french else language.ENGLISH)
    assert parse_rows(out.getvalue()) == written
