"""Every screen and dialog survives any window size, from 1×1 to 250×80, and still answers keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Select

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Card,
    DataSource,
    Deck,
    Mode,
    Session,
    SessionSetup,
    assign_letters,
)
from dialoogspel.table import Launch, ResumeOffer, SetupDefaults
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.palette import ActionPalette
from dialoogspel.tui.screens.afspraken import AfsprakenScreen
from dialoogspel.tui.screens.agreement import AgreementScreen
from dialoogspel.tui.screens.ask import ConfirmScreen, FolderScreen
from dialoogspel.tui.screens.board import BoardScreen
from dialoogspel.tui.screens.help import HelpScreen
from dialoogspel.tui.screens.note import NoteScreen
from dialoogspel.tui.screens.play import PlayScreen
from dialoogspel.tui.screens.setup import SetupScreen
from tests.tui.waits import setup_built

SIZES = ((1, 1), (2, 3), (10, 5), (3, 40), (40, 12), (250, 80), (1, 1), (80, 24))
"""Tiny, thin, tall and huge; back to tiny and then to normal (a squeeze after a big frame)."""
DECK = Deck(
    "uitval",
    "Uitval",
    "#E69F00",
    tuple(
        Card(
            f"U0{n}",
            f"Welke signalen zien we bij vraag {n}, en wat doen we ermee in het team?",
            (DataSource("Verzuimregistratie", "aanwezigheid per les en per week"),),
        )
        for n in range(1, 6)
    ),
    "Vragen over studenten die stoppen zonder diploma.",
)
PEOPLE = [("Anna", "slb'er"), ("Ahmed", "docent"), ("Bert", "teammanager")]
ROUTES: dict[str, tuple[tuple[str, ...], type[Screen]]] = {
    "play": ((), PlayScreen),
    "board": (("b",), BoardScreen),
    "help": (("question_mark",), HelpScreen),
    "note": (("n",), NoteScreen),
    "agreement": (("a",), AgreementScreen),
    "card-choice": (("a", "shift+tab", "shift+tab", "enter"), AgreementScreen),
    "afspraken": (("e",), AfsprakenScreen),
    "afspraken-help": (("e", "question_mark"), HelpScreen),
    "confirm": (("e", "down", "delete"), ConfirmScreen),
    "folder": (("e", "m"), FolderScreen),
    "palette": (("ctrl+p",), ActionPalette),
}
"""Keys from the first card (with one pawn down and an agreement made) to each screen."""


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outcome copies go to tmp_path, not to the real data folder."""
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)


async def sweep(app: DialoogspelApp, pilot: Pilot, kind: type[Screen]) -> None:
    """Resize through every size; the app keeps running and stays on the same screen."""
    screen = app.screen
    assert isinstance(screen, kind)
    for width, height in SIZES:
        await pilot.resize_terminal(width, height)  # waits for the new frame
        assert app.is_running, f"stopped at {width}×{height}"
        assert app.screen is screen, f"left {kind.__name__} at {width}×{height}"
    app.screen.refresh()  # draw once more at 80×24, after all the squeezing
    await pilot.pause()
    assert app.is_running
    assert app.return_code is None


@pytest.mark.parametrize("name", list(ROUTES))
async def test_every_screen_survives_every_size(name: str) -> None:
    setup = SessionSetup("Klas 3B", "klas", (DECK,), Mode.PIONNEN, assign_letters(PEOPLE))
    session = Session(setup)
    session.add_agreement(Agreement(AgreementKind.UITZOEKEN, "bellen met de stage", "Anna"))
    app = DialoogspelApp(Launch(session=session))
    keys, kind = ROUTES[name]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", *keys)
        await pilot.pause()
        if name == "card-choice":
            assert app.screen.query_one(Select).expanded, "the list of cards is open"
        await sweep(app, pilot, kind)


async def test_the_setup_screen_survives_every_size() -> None:
    defaults = SetupDefaults(casus="Klas 3B", participants=PEOPLE)
    offer = ResumeOffer("abc", "Klas 2A — Uitval, pionnen, 3 van 18 kaarten, opgeslagen 01-12-2026")
    app = DialoogspelApp(Launch(decks=[DECK], defaults=defaults, resume_offer=offer))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await sweep(app, pilot, SetupScreen)
