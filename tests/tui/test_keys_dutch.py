"""Dutch only: ctrl+c stops like q, the list of actions has our actions only, F1 works anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Input

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Card,
    Deck,
    Mode,
    Session,
    SessionSetup,
    assign_letters,
)
from dialoogspel.present.dialogkeys import NOTE_KEYS
from dialoogspel.present.keys import APP_KEYS
from dialoogspel.table import Launch, SetupDefaults
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.palette import NOTHING_FOUND, ActionPalette
from dialoogspel.tui.screens.afspraken import AfsprakenScreen
from dialoogspel.tui.screens.agreement import AgreementScreen
from dialoogspel.tui.screens.ask import ConfirmScreen, FolderScreen
from dialoogspel.tui.screens.board import BoardScreen
from dialoogspel.tui.screens.help import HelpScreen
from dialoogspel.tui.screens.note import NoteScreen
from dialoogspel.tui.screens.play import PlayScreen
from dialoogspel.tui.screens.setup import SetupScreen
from tests.tui.waits import setup_built

DECK = Deck(
    "uitval",
    "Uitval",
    "#E69F00",
    tuple(Card(f"U0{n}", f"Welke signalen zien we bij vraag {n}?") for n in range(1, 4)),
)
PEOPLE = [("Anna", "docent"), ("Ahmed", "slb'er")]
ENGLISH = ("Quit", "Keys", "Theme", "Screenshot", "Maximize", "Minimize", "Search for", "Press")


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outcome copies go to tmp_path, not to the real data folder."""
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)


def play_app(with_agreement: bool = False) -> DialoogspelApp:
    setup = SessionSetup("Klas 3B", "klas", (DECK,), Mode.SAMEN, assign_letters(PEOPLE))
    session = Session(setup)
    if with_agreement:
        session.add_agreement(Agreement(AgreementKind.UITZOEKEN, "bellen", "Anna"))
    return DialoogspelApp(Launch(session=session))


def screen_text(app: DialoogspelApp) -> str:
    """Every character the current screen shows."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_ctrl_c_stops_like_q_on_the_play_screen() -> None:
    app = play_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.return_code is None
        await pilot.press("ctrl+c")
        assert app.return_code == 0, "ctrl+c stops the game (and run.py writes the outcome)"
        assert not any("quit" in str(n.message).lower() for n in app._notifications)


async def test_ctrl_c_stops_in_a_text_field_and_in_a_dialog() -> None:
    app = DialoogspelApp(Launch(decks=[DECK], defaults=SetupDefaults(casus="Klas 3B")))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        assert isinstance(app.screen, SetupScreen)
        app.screen.query_one("#casus", Input).focus()
        await pilot.press("ctrl+a", "ctrl+c")  # with text selected, Textual would copy it
        assert app.return_code == 0
    app = play_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("ctrl+c")
        assert app.return_code == 0


async def test_the_list_of_actions_holds_our_dutch_actions_only() -> None:
    app = play_app()
    async with app.run_test(size=(80, 24)) as pilot:
        play = app.screen
        titles = [command.title for command in app.get_system_commands(play)]
        assert "notitie" in titles and "bord" in titles
        assert not any(word in title for title in titles for word in ENGLISH)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ActionPalette)
        shown = screen_text(app)
        assert "Zoek een actie" in shown
        assert "notitie" in shown
        assert shown.count("Ga terug naar de vorige kaart.") == 1, "named once, not repeated"
        assert not any(word in shown for word in ENGLISH)
        await pilot.press(*"screenshot")
        await pilot.pause(0.8)
        assert NOTHING_FOUND in screen_text(app)
        await pilot.press(*["backspace"] * 10, *"notitie")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)


async def test_the_list_of_actions_runs_a_dialog_action() -> None:
    app = play_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"bellen")
        note = app.screen
        titles = {command.title: command for command in app.get_system_commands(note)}
        own = {a.label if a.footer else a.help for a in NOTE_KEYS}
        assert set(titles) == own | {"Kleuren van de terminal"}
        titles["bewaar"].callback()
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.session.current_state.notes == ["bellen"]


async def open_dialog(app: DialoogspelApp, pilot, name: str) -> type[Screen]:
    """Go to one screen or dialog by keys; its type."""
    keys = {
        "note": (["n"], NoteScreen),
        "agreement": (["a"], AgreementScreen),
        "board": (["b"], BoardScreen),
        "afspraken": (["e"], AfsprakenScreen),
        "confirm": (["e", "down", "delete"], ConfirmScreen),
        "folder": (["e", "m"], FolderScreen),
        "palette": (["ctrl+p"], ActionPalette),
    }
    presses, kind = keys[name]
    await pilot.press(*presses)
    await pilot.pause()
    assert isinstance(app.screen, kind)
    return kind


@pytest.mark.parametrize(
    "name", ["note", "agreement", "board", "afspraken", "confirm", "folder", "palette"]
)
async def test_f1_opens_help_in_every_screen_and_dialog(name: str) -> None:
    app = play_app(with_agreement=True)
    async with app.run_test(size=(80, 30)) as pilot:
        kind = await open_dialog(app, pilot, name)
        dialog = app.screen
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        help_text = screen_text(app)
        assert f"Hulp: {dialog.HELP_TITLE}" in help_text  # type: ignore[attr-defined]
        for action in getattr(dialog, "KEYS", ()):
            assert " ".join(action.help.split()[:2]) in help_text
        await pilot.press("f1")
        assert isinstance(app.screen, kind), "F1 again closes the help"


def test_every_key_registry_is_dutch_and_has_help() -> None:
    from dialoogspel.present import dialogkeys, keys

    names = {**vars(keys), **vars(dialogkeys)}
    registries = [value for name, value in names.items() if name.endswith("_KEYS")]
    assert len(registries) >= 9
    for registry in registries:
        assert any(action.keys == "f1" or "f1" in action.keys.split(",") for action in registry)
        for action in registry:
            assert action.label and action.help.endswith(".")
            assert not any(word in action.help for word in ENGLISH)
    assert "ctrl+c" in APP_KEYS[0].keys.split(",")
