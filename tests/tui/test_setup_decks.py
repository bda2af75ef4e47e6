"""Setup: decks with one theme told apart (issue 17), and the terminal cursor on the chosen
option for braille and magnifier users (issue 12)."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.widgets import RadioSet, SelectionList, Static

from dialoogspel.model import Deck
from dialoogspel.table import Launch, SetupDefaults
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.widgets.deckcards import DeckCardsRow
from tests.factories import make_deck
from tests.tui.waits import setup_built

PEOPLE = [("Anna", "slb'er"), ("Bram", "docent")]


def app_with(decks: list[Deck], **defaults: object) -> DialoogspelApp:
    chosen = SetupDefaults(casus="Klas 3B", participants=PEOPLE, **defaults)
    return DialoogspelApp(Launch(decks=decks, defaults=chosen))


def text_of(app: DialoogspelApp, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    return content.plain if isinstance(content, Text) else str(content)


async def test_two_decks_named_uitval_show_their_file_beside_the_theme() -> None:
    twin = replace(make_deck("mijn-uitval"), theme="Uitval")
    decks = [make_deck("uitval"), make_deck("verzuim"), twin]
    app = app_with(decks, deck_names=["uitval", "mijn-uitval"])
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        listing = app.screen.query_one("#deck-list", SelectionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(3)]
        assert " Uitval (uitval)  3 kaarten" in prompts[0]
        assert " Verzuim  3 kaarten" in prompts[1]
        assert " Uitval (mijn-uitval)  3 kaarten" in prompts[2]
        assert "Uitval (uitval) → Uitval (mijn-uitval)" in text_of(app, "#deck-summary")
        rows = [str(row.line.content) for row in app.screen.query(DeckCardsRow)]
        assert rows[0].startswith("Uitval (uitval): alle kaarten")
        assert rows[1].startswith("Uitval (mijn-uitval): alle kaarten")


async def test_one_deck_per_theme_shows_the_theme_alone() -> None:
    app = app_with([make_deck("uitval"), make_deck("verzuim")])
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        listing = app.screen.query_one("#deck-list", SelectionList)
        assert "(" not in str(listing.get_option_at_index(0).prompt)


async def test_the_cursor_follows_the_chosen_option_in_setup() -> None:
    app = app_with([make_deck("uitval"), make_deck("verzuim"), make_deck("welzijn")])
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        niveau = app.screen.query_one("#niveau", RadioSet)
        niveau.focus()
        await pilot.press("right")  # opleiding -> team
        await pilot.pause()
        assert niveau.pressed_button is not None
        assert app.cursor_position == niveau.pressed_button.region.offset
        team = app.cursor_position
        await pilot.press("right")  # team -> instelling
        await pilot.pause()
        assert app.cursor_position == niveau.pressed_button.region.offset != team

        listing = app.screen.query_one("#deck-list", SelectionList)
        listing.focus()
        await pilot.pause()
        first = app.cursor_position
        assert first.y == listing.content_region.y + (listing.highlighted or 0)
        await pilot.press("down")
        await pilot.pause()
        assert app.cursor_position.y == first.y + 1, "one row down: the cursor goes with it"
        assert listing.content_region.contains_point(app.cursor_position)


async def test_the_cursor_follows_the_mode_and_a_decks_card_choice_below_the_fold() -> None:
    app = app_with([make_deck("uitval")])
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        row = app.screen.query(DeckCardsRow).first()
        row.choice.focus()
        await pilot.press("right")  # kernkaarten
        await pilot.pause()
        chosen = row.choice.pressed_button
        assert chosen is not None and "kernkaarten" in str(chosen.label)
        assert app.cursor_position == chosen.region.offset
        assert 0 <= app.cursor_position.y < 24, "scrolled into view, the cursor on screen"

        mode = app.screen.query_one("#mode", RadioSet)
        mode.focus()
        await pilot.press("left")
        await pilot.pause()
        assert mode.pressed_button is not None
        assert app.cursor_position == mode.pressed_button.region.offset


async def test_the_cursor_is_on_the_highlighted_card_in_the_checklist() -> None:
    app = app_with([make_deck("uitval", ("U01", "U02", "U03"))])
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        row = app.screen.query(DeckCardsRow).first()
        row.choice.focus()
        await pilot.press("right", "right", "tab", "enter")
        await pilot.pause()
        cards = app.screen.query_one("#cards", SelectionList)
        assert app.cursor_position == cards.content_region.offset
        await pilot.press("down", "down")
        await pilot.pause()
        assert app.cursor_position.y == cards.content_region.y + 2
