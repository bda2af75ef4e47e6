"""For braille displays and magnifiers: the cursor on the question, the terminal's own colours."""

from __future__ import annotations

from dialoogspel.model import Mode, Session, SessionSetup, assign_letters
from dialoogspel.table import Launch
from dialoogspel.tui.app import DialoogspelApp, terminal_theme
from dialoogspel.tui.widgets.card import CardView
from tests.tui.test_play import DECK


def _app(colours: str = "standaard") -> DialoogspelApp:
    people = assign_letters([("Anna", "slb'er"), ("Ahmed", "docent")])
    session = Session(SessionSetup("Klas 3B", "klas", (DECK,), Mode.PIONNEN, people))
    return DialoogspelApp(Launch(session=session, colours=colours))


async def test_the_cursor_stands_on_the_question_and_follows_the_card() -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        card = app.screen.query_one(CardView)
        assert app.cursor_position == card.content_region.offset
        await pilot.press("1", "1", "enter")
        await pilot.pause()
        assert app.cursor_position == app.screen.query_one(CardView).content_region.offset
        assert app.cursor_position != (0, 0)


async def test_kleuren_terminal_chooses_the_ansi_theme() -> None:
    app = _app("terminal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == terminal_theme(app.available_themes)
        assert app.current_theme.ansi


def test_the_ansi_theme_name_of_either_textual_version() -> None:
    assert terminal_theme(["textual-dark", "textual-ansi"]) == "textual-ansi"
    assert terminal_theme(["textual-dark", "ansi-dark", "ansi-light"]) == "ansi-dark"


async def test_the_palette_offers_the_terminal_colours_and_back() -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Kleuren van de terminal" in titles
        app.toggle_terminal_colours()
        await pilot.pause()
        assert app.current_theme.ansi
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Kleuren van het spel" in titles
        app.toggle_terminal_colours()
        await pilot.pause()
        assert not app.current_theme.ansi
