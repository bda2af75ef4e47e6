"""Deck text and typed text are data: markup in them shows as typed, never styles, links or acts.

Control characters in data (a paste, a hand-edited session file) are never drawn raw. Every text
field gets `[/]`, `[bold]x[/bold]` and `[@click=app.quit]x[/]`; a deck read from a file
holds them in its theme, description, card ids, questions and data sources. The app must keep
running, show the text literally, and a click on the card's title must do nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, Static

from dialoogspel.model import Mode, Quadrant
from dialoogspel.sessions import SessionStore
from dialoogspel.table import Launch, StartOptions, load_named_decks, new_session, start_session
from dialoogspel.textsafe import is_refused
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.nocontrol import without_control
from dialoogspel.tui.screens.afspraken import AfsprakenScreen
from dialoogspel.tui.screens.agreement import AgreementScreen
from dialoogspel.tui.screens.ask import ConfirmScreen, FolderScreen
from dialoogspel.tui.screens.board import BoardScreen
from dialoogspel.tui.screens.note import NoteScreen
from dialoogspel.tui.screens.notes import NotesScreen
from dialoogspel.tui.screens.play import PlayScreen

CLOSING = "[/]"
BOLD = "[bold]x[/bold]"
QUIT = "[@click=app.quit]x[/]"
HOSTILE = (CLOSING, BOLD, QUIT)
SCREENSHOT = "[@click=app.screenshot('uitkomst.md')]Uitval[/]"
"""A theme that, read as markup, looks like "Uitval" and writes an SVG over uitkomst.md."""
THEME = f"{SCREENSHOT} Thema [/] kapot"

DECK = f"""\
thema: "{THEME}"
kleur: "#D55E00"
beschrijving: "Over {BOLD} en {CLOSING}"
kaarten:
  - id: "{CLOSING}"
    vraag: "Eerste vraag {QUIT} {BOLD}?"
    databronnen:
      - naam: "Bron {CLOSING}"
        toelichting: "uitleg {QUIT}"
  - id: "{BOLD}"
    vraag: "Tweede vraag {CLOSING}?"
    databronnen:
      - naam: "{BOLD}"
"""


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[SessionStore, Path]:
    """A data folder and a deck folder in tmp_path, which is also the current folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "data"))
    folder = tmp_path / "stapels"
    folder.mkdir()
    (folder / "kapot.yaml").write_text(DECK, encoding="utf-8")
    return SessionStore(tmp_path / "data"), folder


def screen_text(app: DialoogspelApp) -> str:
    """Every character the current screen shows, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def type_text(pilot: Pilot, text: str) -> None:
    """Type like a person: one key per character."""
    await pilot.press(*("space" if char == " " else char for char in text))


def app_for(launch: Launch, store: SessionStore) -> DialoogspelApp:
    return DialoogspelApp(launch, saver=store.save, loader=store.load, home=store.home)


def assert_nothing_written_by_markup(folder: Path) -> None:
    """A click on markup text must not have saved a screenshot."""
    assert not list(folder.glob("*.svg"))
    assert not (folder / "uitkomst.md").exists()


async def test_setup_and_resume_offer_show_hostile_text_as_typed(world) -> None:
    store, folder = world
    earlier = new_session(
        casus="Team [/3B] verzuim Klas 3B [x]",
        niveau="klas",
        decks=load_named_decks(["uitval"], [], store.home / "cache"),
        mode=Mode.SAMEN,
        people=[("Anna", "docent")],
    )
    store.save(earlier)
    launch = start_session(StartOptions(decks=["kapot"], deck_folders=[str(folder)]), store)
    assert launch.resume_offer is not None
    app = app_for(launch, store)
    async with app.run_test(size=(160, 60)) as pilot:
        shown = screen_text(app)
        assert "Team [/3B] verzuim Klas 3B [x]" in shown
        assert "Thema [/] kapot" in shown
        assert SCREENSHOT in shown
        app.screen.query_one("#casus", Input).focus()
        casus = f"Klas 3B [x] {CLOSING} {BOLD} {QUIT}"
        await type_text(pilot, casus)
        app.screen.query("#niveau RadioButton").last(RadioButton).value = True
        await pilot.pause()
        app.screen.query_one("#niveau-other", Input).focus()
        await type_text(pilot, f"niveau {CLOSING}")
        people = [(CLOSING, BOLD), (QUIT, CLOSING), (BOLD, QUIT)]
        for name, role in people:
            app.screen.query_one("#name", Input).focus()
            await type_text(pilot, name)
            await pilot.press("enter")
            await type_text(pilot, role)
            await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app)
        assert app.is_running
        assert casus in shown
        assert f"niveau {CLOSING}" in shown
        for name, role in people:
            assert f"{name} ({role})" in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        setup = app.session.setup
        assert setup.casus == casus
        assert setup.niveau == f"niveau {CLOSING}"
        assert [(p.name, p.role) for p in setup.participants] == people
        assert f"{CLOSING} · {THEME}"[:60] in screen_text(app)
    assert_nothing_written_by_markup(Path.cwd())


async def test_play_shows_deck_markup_literally_and_a_click_on_the_title_does_nothing(
    world,
) -> None:
    store, folder = world
    options = StartOptions(
        decks=[str(folder / "kapot.yaml")],
        mode="pionnen",
        casus=f"Casus {CLOSING}",
        players=[f"{CLOSING}:docent", f"{QUIT}:{BOLD}"],
    )
    launch = start_session(options, store)
    app = app_for(launch, store)
    async with app.run_test(size=(160, 40)) as pilot:
        shown = screen_text(app)
        assert f"{CLOSING} · {THEME}" in shown
        assert f"Eerste vraag {QUIT} {BOLD}?" in shown
        await pilot.click("#card", offset=(6, 0))  # on the title: "[@click=app.screenshot…"
        await pilot.click("#card", offset=(20, 1))  # on the question: "[@click=app.quit]"
        await pilot.pause()
        assert app.is_running
        await pilot.press("space")
        shown = screen_text(app)
        assert f"Bron {CLOSING}: uitleg {QUIT}" in shown
        await pilot.press("1")
        assert f"{QUIT} ({BOLD})" in screen_text(app)  # whose turn it is
        await pilot.press("1", "enter")
        assert f"{BOLD} · {THEME}" in screen_text(app)
        assert "Tweede vraag [/]?" in screen_text(app)
        await pilot.press("b")
        assert isinstance(app.screen, BoardScreen)
        assert f"{CLOSING} Eerste vraag {QUIT} {BOLD}?" in screen_text(app)
        await pilot.press("escape")
        assert app.is_running
    assert app.session is not None
    assert app.session.states[f"kapot:{CLOSING}"].final is Quadrant.BELANGRIJK_URGENT
    assert_nothing_written_by_markup(Path.cwd())


async def test_note_agreement_and_folder_take_hostile_text(world) -> None:
    store, folder = world
    options = StartOptions(
        decks=["kapot"],
        deck_folders=[str(folder)],
        mode="samen",
        casus=f"Klas 3B [x] {BOLD}",
        players=[f"{BOLD}:docent"],
    )
    app = app_for(start_session(options, store), store)
    async with app.run_test(size=(120, 40)) as pilot:
        for number, hostile in enumerate(HOSTILE):
            await pilot.press("n")
            if number:  # the card has notes: the list first, its last line writes a new one
                assert isinstance(app.screen, NotesScreen)
                assert f"kaart {CLOSING}" in screen_text(app)
                await pilot.press("end", "enter")
            assert isinstance(app.screen, NoteScreen)
            assert f"kaart {CLOSING}" in screen_text(app)
            await type_text(pilot, f"notitie {hostile}")
            await pilot.press("enter")
        shown = screen_text(app)
        for hostile in HOSTILE:
            assert f"notitie: notitie {hostile}" in shown
        await pilot.press("1", "a")
        assert isinstance(app.screen, AgreementScreen)
        assert f"{CLOSING} — Eerste vraag {QUIT}" in screen_text(app)
        await type_text(pilot, f"wat {QUIT} {CLOSING}")
        await pilot.press("tab")
        await type_text(pilot, f"wie {BOLD}")
        app.screen.query_one("#deadline", Input).focus()
        await type_text(pilot, CLOSING)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AgreementScreen)  # "[/]" is not a date
        assert CLOSING in screen_text(app)
        await pilot.press("backspace", "backspace", "backspace", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        agreement = app.session.agreements[0]
        assert (agreement.what, agreement.who) == (f"wat {QUIT} {CLOSING}", f"wie {BOLD}")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, AfsprakenScreen)
        shown = screen_text(app)
        assert f"wie {BOLD}: wat {QUIT} {CLOSING}" in shown
        assert f"Klas 3B [x] {BOLD}" in shown
        assert THEME in shown
        await pilot.press("down", "delete")
        assert isinstance(app.screen, ConfirmScreen)
        assert f"wat {QUIT} {CLOSING}" in screen_text(app)
        await pilot.press("n", "m")
        assert isinstance(app.screen, FolderScreen)
        field = app.screen.query_one("#folder", Input)
        field.value = ""
        await type_text(pilot, f"map {CLOSING} {BOLD} {QUIT}")
        assert f"map {CLOSING} {BOLD} {QUIT}" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        await pilot.pause(0.2)
        assert isinstance(app.screen, FolderScreen)  # that folder does not exist: asked again
        problem = app.screen.query_one("#problem", Static).content
        assert f"map {CLOSING} {BOLD} {QUIT} bestaat niet" in str(problem)
        assert f"{BOLD} {QUIT} bestaat niet" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, AfsprakenScreen)
        assert f"map {CLOSING} {BOLD} {QUIT}" in screen_text(app)
    assert_nothing_written_by_markup(Path.cwd())


ESCAPES = "titel\x1b]0;gekaapt\x07 klembord\x1b]52;c;Y3VybA==\x07 \x9b2J\u202eomgekeerd\u200b"
"""Terminal title, clipboard (OSC 52), clear screen (C1 CSI), bidi override, zero-width space."""


async def test_control_characters_in_data_never_reach_the_terminal(world) -> None:
    store, _ = world
    session = new_session(
        casus=f"Casus {ESCAPES}",
        niveau="klas",
        decks=load_named_decks(["uitval"], [], store.home / "cache"),
        mode=Mode.PIONNEN,
        people=[(f"Anna{ESCAPES}", "docent"), ("Bert", f"rol{ESCAPES}")],
    )
    session.add_note(f"notitie {ESCAPES}", session.current.key)
    app = app_for(Launch(session=session), store)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NotesScreen)  # the card has a note: the list first
        listed = screen_text(app)
        assert "notitie titel]0;gekaapt klembord]52;c;Y3VybA==" in listed
        assert not any(is_refused(char, allow="\n") for char in listed)
        await pilot.press("end", "enter")
        app.screen.query_one(Input).post_message(events.Paste(f"geplakt {ESCAPES}"))
        await pilot.pause()
        assert "geplakt titel]0;gekaapt klembord]52;c;Y3VybA==" in screen_text(app)
        await pilot.press("enter", "e")
        for screen in ("play", "afspraken"):
            drawn = screen_text(app)
            assert "titel]0;gekaapt klembord]52;c;Y3VybA== 2Jomgekeerd" in drawn, screen
            assert not any(is_refused(char, allow="\n") for char in drawn), screen
            await pilot.press("escape")
        assert app.is_running
    notes = app.session.current_state.notes
    assert notes[-1] == f"geplakt {ESCAPES}", "the data itself is kept as typed"


def test_the_filter_drops_control_characters_and_keeps_every_other_character() -> None:
    assert without_control("a\x1b]0;x\x07b\x9b\u202e\u200bc") == "a]0;xbc"
    assert without_control("Klas\xa03B — café ✓ 漢") == "Klas\xa03B — café ✓ 漢"
