"""The French guide (README.fr.md): the same quick start as README.md, linked from it, French
typography in its prose, and both pages under 10 KB."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def shell_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, re.DOTALL)


def prose(text: str) -> str:
    """The text without its code blocks and code spans."""
    return re.sub(r"`[^`\n]*`", "", re.sub(r"```.*?```", "", text, flags=re.DOTALL))


def test_the_french_guide_has_the_same_two_commands():
    assert shell_blocks(read("README.fr.md"))[:2] == shell_blocks(read("README.md"))[:2]


def test_each_readme_links_to_the_other():
    assert "(README.fr.md)" in read("README.md").split("\n## ", 1)[0]
    assert "(README.md)" in read("README.fr.md").split("\n## ", 1)[0]


@pytest.mark.parametrize("name", ["README.md", "README.fr.md"])
def test_the_readme_stays_under_10_kb(name):
    assert len(read(name).encode("utf-8")) < 10_000


@pytest.mark.parametrize(
    ("rule", "wrong"),
    [
        ("a narrow no-break space (U+202F) before : ; ! ?", re.compile(r"[ \u00a0][:;!?]")),
        ("a narrow no-break space inside « »", re.compile(r"«(?!\u202f)|(?<!\u202f)»")),
        ("French quotes « » rather than “…”", re.compile(r"[“”]")),
    ],
)
def test_the_french_guide_follows_french_typography(rule, wrong):
    bad = [line for line in prose(read("README.fr.md")).splitlines() if wrong.search(line)]
    assert bad == [], f"French wants {rule}"


def test_the_french_guide_uses_the_glossary_words():
    text = read("README.fr.md")
    for words in (
        "Moi seul",
        "En délégation",
        "Confié à l'équipe",
        "si vous êtes absent deux\nsemaines, que se passe-t-il\u202f?",
        "journal de la transition",
        "standards de\ntravail",
        "décisions déléguées",
        "point d'étape",
        "vue d'ensemble",
        "heures regagnées",
    ):
        assert words.replace("\n", " ") in text.replace("\n", " "), words
