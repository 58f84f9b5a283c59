"""The message catalogs: extract the words from the code, update the .po files, compile them.

    python tools/catalogs.py update    # new words into the .po files (empty), gone ones out
    python tools/catalogs.py compile   # the .po files into the one .mo the package loads
    python tools/catalogs.py check     # what is untranslated, fuzzy or has other placeholders

There is one .po file per layer of the package (core, board, snapshots, cli, ui, and
`settings` for the modules at its top), so that people translating different layers at the
same time never edit the same file; they compile into one catalog, `delegate_tui.mo`, which is
committed beside them (the wheel ships it; a test fails when it is stale). Babel does the work.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "delegate_tui"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("fr",)
DOMAIN = "delegate_tui"
LAYERS = ("core", "board", "snapshots", "cli", "ui", "settings")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
PLURAL_FORMS = {"fr": "nplurals=2; plural=(n > 1);"}
"""French as gettext has always counted it (0 and 1 singular), not CLDR's third form for
millions, which no message of a kanban board needs."""
HEADER = "# French words of delegate-tui ({layer}). Edit msgstr; run tools/catalogs.py compile.\n#"

FIXED = datetime(2026, 1, 1, tzinfo=UTC)
"""The dates the headers carry: a file changes only when its words do."""

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[sdfr]")
"""`{name}`, `{count:g}`, `%s`, `%(name)s`: what a translation must keep, in any order."""


def layer_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else "settings"


def po_path(language: str, layer: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{layer}.po"


def mo_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def template(layer: str) -> Catalog:
    """Every word the code of `layer` marks, with where it is."""
    catalog = Catalog(project="delegate-tui", domain=layer, fuzzy=False)
    for path in sorted(PACKAGE.rglob("*.py")):
        if layer_of(path) != layer:
            continue
        for line, message, comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
        ):
            where = (str(path.relative_to(ROOT)), line)
            catalog.add(message, None, [where], auto_comments=comments, context=context)
    return catalog


def new_catalog(language: str, domain: str) -> Catalog:
    catalog = Catalog(
        locale=language,
        domain=domain,
        header_comment=HEADER.format(layer=domain),
        project="delegate-tui",
        fuzzy=False,
        creation_date=FIXED,
        revision_date=FIXED,
        language_team="French",
        last_translator="delegate-tui",
    )
    _count_as_gettext(catalog, language)
    return catalog


def _count_as_gettext(catalog: Catalog, language: str) -> None:
    catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS[language])]  # type: ignore[assignment]


def read(language: str, layer: str) -> Catalog:
    path = po_path(language, layer)
    if not path.exists():
        return new_catalog(language, layer)
    with path.open("rb") as file:
        catalog = read_po(file, locale=language, domain=layer)
    _count_as_gettext(catalog, language)
    return catalog


def write(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    write_po(
        buffer, catalog, width=100, sort_output=True, ignore_obsolete=True, include_lineno=False
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def update() -> None:
    for language in LANGUAGES:
        for layer in LAYERS:
            catalog = read(language, layer)
            catalog.update(template(layer), no_fuzzy_matching=True, update_creation_date=False)
            catalog.revision_date = catalog.creation_date = FIXED
            write(catalog, po_path(language, layer))


def compiled(language: str) -> bytes:
    """The one catalog of `language`, from every layer's .po, as .mo bytes."""
    merged = new_catalog(language, DOMAIN)
    for layer in LAYERS:
        for message in read(language, layer):
            if message.id and message.string and not message.fuzzy:
                merged[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    return buffer.getvalue()


def compile_all() -> None:
    for language in LANGUAGES:
        mo_path(language).write_bytes(compiled(language))


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problems(language: str) -> Iterator[str]:
    """Each word the code marks that has no good translation, one line each."""
    for layer in LAYERS:
        catalog = read(language, layer)
        for wanted in template(layer):
            if not wanted.id:
                continue
            found = catalog.get(wanted.id, wanted.context)
            yield from _message_problems(layer, wanted, found)


def _message_problems(layer: str, wanted: Message, found: Message | None) -> Iterator[str]:
    name = f"{layer}.po: {wanted.id!r}"
    if found is None:
        yield f"{name} is missing (run tools/catalogs.py update)"
        return
    ids = found.id if isinstance(found.id, tuple) else (found.id,)
    strings = found.string if isinstance(found.string, tuple) else (found.string,)
    if found.fuzzy:
        yield f"{name} is fuzzy"
    if not all(strings):
        yield f"{name} has no translation"
        return
    for string in strings:
        if placeholders(string) != placeholders(ids[-1]) and placeholders(string) != placeholders(
            ids[0]
        ):
            yield f"{name} changes the placeholders: {string!r}"


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = [line for language in LANGUAGES for line in problems(language)]
        print("\n".join(found) or "every word has its translation")
        return 1 if found else 0
    else:
        print(__doc__)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
