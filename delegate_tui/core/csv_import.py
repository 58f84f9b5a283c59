"""Provides the reading of a task list from CSV for `delegate import`.

Columns: title, stage, owner, hours_per_week, area (a header row is required), or by their
French names (titre, étape, responsable, heures_par_semaine, domaine), whatever the language
of the run; cells separated by `,`, `;` or tabs, hours with a decimal point or comma. Every row is
checked before anything is imported, so a file imports whole or not at all. No Textual.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from delegate_tui.core.errors import ValidationError
from delegate_tui.core.formats import quoted
from delegate_tui.core.language import _, is_french
from delegate_tui.core.typed_words import fold
from delegate_tui.core.vocabulary import (
    parse_area,
    parse_hours,
    parse_name,
    parse_stage,
    parse_title,
)

COLUMNS: tuple[str, ...] = ("title", "stage", "owner", "hours_per_week", "area")

FRENCH_COLUMNS: dict[str, str] = {
    "title": "titre",
    "stage": "étape",
    "owner": "responsable",
    "hours_per_week": "heures_par_semaine",
    "area": "domaine",
}
"""The columns' French names, which a file may use instead in any language of the run (as the
French CSV snapshot writes them)."""


def _key(header: str) -> str:
    """A header as compared: folded (any case, accents or not), words joined by `_`."""
    return fold(header).replace("-", "_")


_BY_NAME: dict[str, str] = {
    **{_key(c): c for c in COLUMNS},
    **{_key(french): c for c, french in FRENCH_COLUMNS.items()},
    "etape": "stage",
    "heures": "hours_per_week",
    "heures_semaine": "hours_per_week",
}
"""Every header a column is known by, folded (`_column`), to the column."""


def _column(header: str) -> str:
    """The column a header names (English or French, any case, accents or not), else the
    header as folded."""
    key = _key(header)
    return _BY_NAME.get(key, key)


def _names(columns: list[str] | tuple[str, ...], between: str) -> str:
    """Columns as a person reads them: their English names, or in French their French ones."""
    if is_french():
        return (";" if between == "," else between).join(FRENCH_COLUMNS.get(c, c) for c in columns)
    return between.join(columns)


def _refused(message: str, **values: object) -> ValidationError:
    return ValidationError(message.format(**values))


def read_rows(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise _refused(_("{path} does not exist"), path=path) from None
    except IsADirectoryError:
        raise _refused(_("{path} is a folder: give a .csv file"), path=path) from None
    except UnicodeDecodeError:
        raise _refused(_("{path} is not UTF-8 text: save it as 'CSV UTF-8'"), path=path) from None
    except OSError as exc:
        raise _refused(_("cannot read {path}: {reason}"), path=path, reason=exc.strerror) from None
    return parse_rows(text, str(path))


def parse_rows(text: str, name: str | None = None) -> list[dict[str, Any]]:
    """Card fields for every row, or a ValidationError naming the first bad line."""
    name = name if name is not None else _("the CSV")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)  # spreadsheets in some locales save with ';'
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    every = _names(COLUMNS, ",")
    if not header:
        message = _("{name} is empty: it needs a header row ({columns})")
        raise _refused(message, name=name, columns=_names(COLUMNS, ", "))
    columns = [_column(h) for h in header]
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        message = _("{name} has no column {missing}: the header must be {columns}")
        raise _refused(message, name=name, missing=_names(missing, ", "), columns=every)
    extra = [c for c in columns if c not in COLUMNS]
    if extra:
        typed = quoted(extra[0]) if is_french() else repr(extra[0])
        message = _("{name} has an unknown column {column}: the columns are {columns}")
        raise _refused(message, name=name, column=typed, columns=every)
    return _rows(reader, columns, name)


def _rows(reader: Any, columns: list[str], name: str) -> list[dict[str, Any]]:
    """The rows after the header, each checked (see `parse_rows`)."""
    rows: list[dict[str, Any]] = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            line = reader.line_num
            if len(values) != len(columns):
                message = _(
                    "{name} line {line}: {values} values for {count} columns ({columns}); "
                    "nothing imported"
                )
                raise _refused(
                    message,
                    name=name,
                    line=line,
                    values=len(values),
                    count=len(columns),
                    columns=_names(columns, ","),
                )
            row = dict(zip(columns, values, strict=True))
            try:
                rows.append(
                    {
                        "title": parse_title(row["title"]),
                        "stage": parse_stage(row["stage"] or "only-me"),
                        "owner": parse_name(row["owner"]),
                        "hours_per_week": parse_hours(row["hours_per_week"]),
                        "area": parse_area(row["area"]),
                    }
                )
            except ValidationError as exc:
                message = _("{name} line {line}: {reason}; nothing imported")
                raise _refused(message, name=name, line=line, reason=exc) from None
    except csv.Error as exc:
        message = _("{name} line {line}: {reason}; nothing imported")
        raise _refused(message, name=name, line=reader.line_num, reason=exc) from None
    if not rows:
        raise _refused(_("{name} has a header but no rows: nothing to import"), name=name)
    return rows
