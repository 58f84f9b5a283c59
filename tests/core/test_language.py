"""The language of a run: chosen once, from --lang, the config file, then the locale."""

from __future__ import annotations

import pytest

from delegate_tui import locale
from delegate_tui.core import language
from delegate_tui.core.language import _, choose, parse_language


@pytest.mark.parametrize(
    ("flag", "configured", "env", "expected"),
    [
        ("fr", "en", {"LANG": "en_US.UTF-8"}, "fr"),
        ("en", "fr", {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, "fr", {"LANG": "en_US.UTF-8"}, "fr"),
        (None, None, {"LANG": "fr_FR.UTF-8"}, "fr"),
        (None, None, {"LANG": "fr_CA.UTF-8"}, "fr"),
        (None, None, {"LC_MESSAGES": "fr_BE.UTF-8", "LANG": "en_GB.UTF-8"}, "fr"),
        (None, None, {"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),  # LC_ALL wins, as in C
        (None, None, {"LC_ALL": "fr_FR.UTF-8", "LANG": "en_GB.UTF-8"}, "fr"),
        (None, None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, None, {}, "en"),
    ],
)
def test_the_language_of_a_run(flag, configured, env, expected):
    assert choose(flag, configured, env) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("fr", "fr"),
        ("FR", "fr"),
        ("fr_FR", "fr"),
        ("français", "fr"),
        ("en", "en"),
        ("de", None),
        ("", None),
    ],
)
def test_a_language_as_people_type_it(typed, code):
    assert parse_language(typed) == code


def test_french_is_looked_up_when_asked_not_at_import():
    message = "unknown language '{given}': use --lang fr or --lang en"
    assert _(message) == message
    locale.install(language.FRENCH)
    assert _(message).startswith("langue inconnue")
    assert language.current() == "fr"
    locale.install(language.ENGLISH)
    assert _(message) == message
