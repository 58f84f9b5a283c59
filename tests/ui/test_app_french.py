"""The board and the card screen in French: the footer, the column heads, the card lines, the
card screen's sections and field labels, the dialogs, notifications and the command palette.

Each screen is scanned for English words that must not appear in French."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from delegate_tui.core.formats import NARROW
from delegate_tui.core.records import Identity
from delegate_tui.ui.app import DelegateApp
from delegate_tui.ui.launch import make_demo_board
from tests.kit.app import SIZE, make_app, messages, screen_text
from tests.kit.basics import FrozenClock

ENGLISH = (
    " the ",
    " card",
    "Only me",
    "Delegating",
    "Team-owned",
    "owner",
    "hours",
    "h/wk",
    "Quit",
    "Move",
    "Filter",
    "Export",
    "Insight",
    "Overview",
    "Work standards",
    "Responsibility",
    "Decisions",
    "Transition log",
    "Stage history",
    "today",
    "overdue",
    " since ",
    "Title",
    "Accountable",
    "Level",
    "Provider",
    "Keep it",
    "Delete",
    "What happened",
    "Error",
    "Adjustment",
    "Doubt",
    "escape",
    "enter to",
)
"""English words none of these screens may show in French (the demo board's own text is French)."""


def english_in(text: str) -> list[str]:
    """The words of ENGLISH in `text`, as whole words ('Quit' is not in 'Quitter')."""
    return [w for w in ENGLISH if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]


@pytest.fixture
def french_app(french: None, tmp_path: Path) -> DelegateApp:
    sam, clock = Identity("sam", "dev-sam"), FrozenClock()
    return make_app(make_demo_board(tmp_path, sam, clock), clock, sam)


async def test_the_board_footer_and_columns_are_french(french_app):
    async with french_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(french_app)
        for head in ("Moi seul", "En délégation", "Confié à l'équipe"):
            assert head in text
        assert f"8 cartes · 16,5{NARROW}h/sem." in text
        for key in ("Avancer", "Reculer", "Ouvrir", "Filtrer", "Exporter", "Vue d'ensemble"):
            assert key in text
        assert f"1,5{NARROW}h" in text and f"{NARROW}mois" in text and "sans responsable" in text
        assert english_in(text) == []


async def test_the_card_screen_is_french(french_app):
    async with french_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l", "j", "enter")
        await pilot.pause()
        text = screen_text(french_app)
        for label in ("Aperçu", "Titre", "Responsable", "Garant", "Heures / semaine", "Domaine"):
            assert label in text
        for words in ("Standards de travail", "Responsabilités", "Décisions déléguées"):
            assert words in text
        assert "Journal de la transition" in text and "Historique des étapes" in text
        assert "En délégation depuis le 21 sept. 2026" in text
        assert "5 Conseiller" in text and "logistique" in text and "toutes les 2 semaines" in text
        assert "Ajustement " in text and "Erreur " in text
        assert "d Suppr." in text and "? Aide" in text
        assert english_in(text) == []


async def test_the_delete_dialog_and_its_notification_are_french(french_app):
    async with french_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        text = screen_text(french_app)
        assert f"Supprimer «{NARROW}Négocier avec la banque{NARROW}»{NARROW}?" in text
        assert "La garder" in text and "chaque copie du fichier" in text
        assert english_in(text) == []
        await pilot.press("y")
        await pilot.pause()
        assert messages(french_app)[-1].endswith(f"supprimée{NARROW}: u la fait revenir")
        await pilot.press("u")
        await pilot.pause()
        assert messages(french_app)[-1] == f"Annulé{NARROW}: suppression (ctrl+r rétablit)"


async def test_taking_a_card_back_asks_in_french(french_app):
    async with french_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("H")
        await pilot.pause()
        text = screen_text(french_app)
        assert f"Que s'est-il passé{NARROW}?" in text and "revient à" in text
        assert "1  Erreur" in text and "3  Perte d'efficacité" in text and "4  Doute" in text
        assert english_in(text) == []
        await pilot.press("2")
        await pilot.pause()
        text = screen_text(french_app)
        assert f"Ajustements{NARROW}: que s'est-il passé{NARROW}?" in text
        assert "Entrée pour enregistrer · Échap pour annuler" in text
        assert english_in(text) == []
        await pilot.press(*"Trop tôt", "enter")
        await pilot.pause()
        assert messages(french_app)[-1] == f"Noté au journal de la carte{NARROW}: Ajustement"


async def test_the_new_card_prompt_is_french(french_app):
    async with french_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        text = screen_text(french_app)
        assert f"Nouvelle carte dans «{NARROW}Moi seul{NARROW}»" in text
        assert "La tâche, par ex." in text
        assert english_in(text) == []


async def test_the_command_palette_speaks_french(french_app):
    async with french_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in french_app.get_system_commands(french_app.screen)]
        assert "Annuler la dernière modification" in titles
        assert "Passer la carte à l'étape suivante" in titles
        assert "Quitter" in titles and "Capture d'écran" in titles
        assert english_in(" ".join(titles)) == []
