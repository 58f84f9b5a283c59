"""The insight, help, export and theme screens in French: their words, dates, numbers and times,
and no English word left on them; and the insight screen's times are local, their zone named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.dom import DOMNode
from textual.widgets import Label, OptionList, Static

from delegate_tui.board.store import BoardStore
from delegate_tui.core.readiness import gaps_text, not_ready
from delegate_tui.core.records import Identity
from delegate_tui.ui.app import DelegateApp
from delegate_tui.ui.screens.export import ExportScreen
from delegate_tui.ui.screens.help import HelpScreen
from delegate_tui.ui.screens.insight import InsightScreen
from delegate_tui.ui.screens.theme_picker import ThemePicker
from tests.kit.basics import FrozenClock, local_zone
from tests.ui.test_insight_screen import InsightApp, build_board

NARROW = "\u202f"

ENGLISH = (
    " the ",
    " card",
    "Only me",
    "owner",
    "hours",
    "Delegat",
    "Team-owned",
    " week",
    "Scenario",
    " stage",
    "Check-in",
    "overdue",
    "next ",
    " day",
    " and ",
    " of ",
    "because",
    "Nothing",
    "Close",
    "Refresh",
    "Cancel",
    "Keys",
    "board",
    "snapshot",
    "escape",
    "enter ",
    "preview",
    "monthly",
    "every ",
    "as of",
)
"""Words of the English screens that no French screen may show (card titles here are French)."""

FRENCH_TITLES = {
    "Invoicing": "Facturation",
    "Payroll": "Paie",
    "Supplier orders": "Commandes fournisseurs",
    "Weekly reports": "Rapports hebdo",
    "Filing [b]receipts[/b]": "Classer les [b]reçus[/b]",
    "Client quotes": "Devis clients",
    "Bookkeeping": "Comptabilité",
    "Stock count": "Inventaire",
}


def descriptions(node: DOMNode) -> set[str]:
    """What the node's own keys say they do, as its footer and help show them."""
    return {b.description for bs in node._bindings.key_to_bindings.values() for b in bs}


def english_words(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


@pytest.fixture
def paris() -> Iterator[None]:
    """This machine's local time is Paris's (CET in winter)."""
    with local_zone("Europe/Paris"):
        yield


def french_board(tmp_path: Path) -> tuple[BoardStore, FrozenClock]:
    """The insight screen's test board, its tasks named in French."""
    clock = FrozenClock()
    store = build_board(tmp_path / "boulangerie.json", clock)
    for card in store.cards():
        store.edit(card.id, title=FRENCH_TITLES[card.title])
    return store, clock


def panels(screen: InsightScreen) -> dict[str, str]:
    return {
        str(s.id).removeprefix("insight-"): str(s.render())
        for s in screen.query(Static)
        if s.id and s.id.startswith("insight-")
    }


async def test_the_insight_screen_in_french(french, tmp_path: Path) -> None:
    store, clock = french_board(tmp_path)
    app = InsightApp(store, clock)
    async with app.run_test(size=(120, 62)) as pilot:
        await pilot.pause()
        shown = panels(app.screen)  # type: ignore[arg-type]
    assert shown["title"].startswith("Vue d'ensemble — boulangerie")
    verdict = shown["verdict"]
    assert verdict.startswith(f"Si vous êtes absent deux semaines, que se passe-t-il{NARROW}?")
    assert f"Scénario 1{NARROW}: tout s'arrête" in verdict
    assert f"à cause de 4 cartes{NARROW}:" in verdict
    assert f"Paie  moi seul, tout s'arrête, 4{NARROW}h" in verdict
    assert f"Moi seul                5 cartes  17,5{NARROW}h" in shown["stages"]
    assert "Ça tourne mais difficilement" in shown["answers"]
    bought = shown["bought-back"]
    assert bought.startswith("Heures regagnées")
    assert f"5{NARROW}h par semaine tournent sans vous (20{NARROW}% de 24,5{NARROW}h)" in bought
    assert f"Confiées à l'équipe mais pas prêtes (2){NARROW}:" in bought
    priority = shown["priority"]
    assert priority.startswith("À déléguer ensuite (moi seul, par priorité)")
    assert f"tâches répétitives, 5{NARROW}h" in priority
    assert f"Devis clients  sans motif, 6{NARROW}h" in priority
    assert "10 jours  Inventaire" in shown["delegating"]
    checkins = shown["checkins"]
    assert "en retard de 10 jours" in checkins and "chaque lundi" in checkins
    assert "prévu le mer. 23 déc." in checkins and "chaque mois" in checkins
    assert "5 nov." in shown["flow"] and "Confié à l'équipe" in shown["flow"]
    times = shown["times"]
    assert "moi seul  en délégation  confié à l'équipe" in times
    assert "Facturation                         14,0           21,0                3,0" in times
    text = "\n".join(shown.values())
    for _card, gaps in not_ready(store.cards()):
        text = text.replace(gaps_text(gaps), "")  # the readiness reasons are core's words
    assert english_words(text) == []


async def test_an_empty_board_in_french(french, store: BoardStore, clock: FrozenClock) -> None:
    app = InsightApp(store, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        shown = panels(app.screen)  # type: ignore[arg-type]
    assert f"Pas encore connu{NARROW}: le tableau n'a aucune carte" in shown["verdict"]
    assert "Il ne reste rien que vous seul faites." in shown["priority"]
    assert "Aucune carte n'est en cours de délégation." in shown["delegating"]
    assert "Aucune carte n'a de rythme de point de suivi." in shown["checkins"]
    assert english_words("\n".join(shown.values()).replace(" board", "")) == []


async def test_the_insight_screen_shows_local_time_with_its_zone(paris, tmp_path: Path) -> None:
    clock = FrozenClock()
    store = build_board(tmp_path / "board.json", clock)  # its 'now' is 09:00 UTC on Dec 10
    async with InsightApp(store, clock).run_test(size=(110, 60)) as pilot:
        await pilot.pause()
        shown = panels(pilot.app.screen)  # type: ignore[arg-type]
    assert "as of 2026-12-10 10:00 CET" in shown["title"]
    assert "UTC" not in shown["title"]


async def test_the_insight_time_in_french(french, paris, tmp_path: Path) -> None:
    store, clock = french_board(tmp_path)
    async with InsightApp(store, clock).run_test(size=(110, 60)) as pilot:
        await pilot.pause()
        shown = panels(pilot.app.screen)  # type: ignore[arg-type]
    assert "au 10 déc. 2026 à 10:00 CET" in shown["title"]


async def test_the_insight_keys_in_french(french, tmp_path: Path) -> None:
    store, clock = french_board(tmp_path)
    async with InsightApp(store, clock).run_test(size=(110, 60)) as pilot:
        await pilot.pause()
        keys = descriptions(pilot.app.screen)
    assert {"Fermer", "Actualiser"} <= keys


@pytest.fixture
def demo_app(tmp_path: Path) -> DelegateApp:
    from delegate_tui.ui.launch import make_demo_board

    clock = FrozenClock()
    sam = Identity("sam", "dev-sam")
    path = make_demo_board(tmp_path, sam, clock)
    return DelegateApp(path, identity=sam, clock=clock, backup_dir=tmp_path / "backups")


async def test_help_in_french(french, demo_app: DelegateApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, HelpScreen)
        headings = [str(s.render()) for s in screen.query(".help-heading")]
        title = str(screen.query_one("#help-title", Static).render())
        notes = str(list(screen.query(".help-keys"))[-1].render())
        keys = descriptions(screen)
    assert title == "Touches"
    assert headings == ["Sur le tableau", "Dans une carte", "Partout", "Bon à savoir"]
    assert notes.startswith(f"● sur une carte{NARROW}: son journal de la transition")
    assert f"«{NARROW}delegate archive CARTE --restore{NARROW}»" in notes
    assert "Fermer" in keys
    assert english_words("\n".join([title, *headings, notes])) == []


def test_help_rows_say_what_a_key_does_in_french(french) -> None:
    from textual.binding import Binding

    from delegate_tui.ui.screens.help import key_rows

    rows = key_rows([Binding("r", "refresh", "Refresh", id="x.refresh")], {}, lambda b: b.key)
    assert rows == [("r", "Actualiser  [x.refresh]")]


class Host(App[None]):
    """A bare app that opens one modal screen."""

    def __init__(self, screen: ExportScreen | ThemePicker) -> None:
        super().__init__()
        self.modal = screen

    def compose(self) -> ComposeResult:
        yield Label("-")

    def on_mount(self) -> None:
        self.push_screen(self.modal)


async def test_the_export_screen_in_french(french) -> None:
    app = Host(ExportScreen())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        labels = [str(label.render()) for label in screen.query(Label)]
        options = screen.query_one(OptionList)
        choices = [str(options.get_option_at_index(i).prompt) for i in range(4)]
        keys = descriptions(screen)
    assert labels[0] == "Écrire un point d'étape"
    assert labels[1] == "entrée l'écrit dans snapshots/ à côté du tableau · échap annule"
    assert choices[0] == "1  Markdown — pour la messagerie et l'e-mail"
    assert choices[3] == "4  CSV — une ligne par carte, pour un tableur"
    assert "Annuler" in keys
    assert english_words("\n".join(labels + choices).replace("snapshots/", "")) == []


async def test_the_theme_picker_in_french(french) -> None:
    app = Host(ThemePicker(["textual-dark", "textual-light"], "textual-dark"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        title = str(screen.query_one("#theme-title", Label).render())
        keys = descriptions(screen)
    assert title == "Thème — ↑/↓ pour essayer, entrée pour garder, échap pour annuler"
    assert "Annuler" in keys
    assert english_words(title) == []
