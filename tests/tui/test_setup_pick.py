"""Pilot flows for "zelf kiezen" in setup (issue 13): a checklist of one deck's cards, the count
live, the choice carried into the session as --kaart would, and a Dutch refusal when empty."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Button, SelectionList, Static

from dialoogspel.model import Card, DataSource, Deck, Session
from dialoogspel.model.selection import NONE_TICKED, DeckPick
from dialoogspel.table import Launch, SetupDefaults
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.screens.cardpick import EMPTY_REFUSED, CardPickScreen
from dialoogspel.tui.screens.play import PlayScreen
from dialoogspel.tui.screens.setup import SetupScreen
from dialoogspel.tui.widgets.deckcards import DeckCardsRow
from tests.tui.waits import setup_built

PEOPLE = [("Anna", "slb'er"), ("Bram", "docent")]
HOSTILE = ["[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "\x1b]0;x\x07"]


def deck(name: str, count: int, questions: list[str] | None = None) -> Deck:
    """A deck of `count` cards (ids U01, U02, ...); U01 and U03 are core cards."""
    prefix = name[0].upper()
    cards = tuple(
        Card(
            f"{prefix}{n:02d}",
            questions[n - 1] if questions else f"Vraag {n} over {name}?",
            (DataSource("SVS"),),
            kern=n in (1, 3),
        )
        for n in range(1, count + 1)
    )
    return Deck(name, name.capitalize(), "#D55E00", cards)


def setup_app(decks: list[Deck], **defaults: object) -> tuple[DialoogspelApp, list[Session]]:
    """The setup screen, casus and two people filled in, that records each saved session."""
    saved: list[Session] = []
    chosen = SetupDefaults(
        casus="Klas 3B", participants=PEOPLE, deck_names=[d.name for d in decks], **defaults
    )
    app = DialoogspelApp(Launch(decks=decks, defaults=chosen), saver=saved.append)
    return app, saved


def text_of(app: DialoogspelApp, selector: str) -> str:
    """The plain text a Static shows on the current screen."""
    content = app.screen.query_one(selector, Static).content
    return content.plain if isinstance(content, Text) else str(content)


async def open_checklist(app: DialoogspelApp, pilot, row: int = 0) -> None:
    """Keyboard only: on the deck's choice, → → to zelf kiezen, Tab to the button, enter."""
    line = app.screen.query(DeckCardsRow)[row]
    line.choice.focus()
    await pilot.press("right", "right")
    assert line.pick is DeckPick.ZELF
    await pilot.press("tab")
    assert app.focused is line.button
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, CardPickScreen)


async def test_three_chosen_cards_are_exactly_the_cards_of_the_session() -> None:
    app, saved = setup_app([deck("uitval", 6), deck("verzuim", 2)])
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        assert text_of(app, "#cards-total") == "Samen 8 kaarten."
        await open_checklist(app, pilot)
        assert text_of(app, "#pick-count") == (
            "Gekozen: 0 van 6 kaarten. Samen in het spel: 2 kaarten."
        )
        await pilot.press("down", "space")  # U02
        assert text_of(app, "#pick-count").startswith("Gekozen: 1 van 6 kaarten.")
        await pilot.press("down", "down", "space", "down", "down", "space")  # U04, U06
        assert text_of(app, "#pick-count") == (
            "Gekozen: 3 van 6 kaarten. Samen in het spel: 5 kaarten."
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert text_of(app, "#cards-total") == "Samen 5 kaarten."
        line = app.screen.query(DeckCardsRow).first()
        assert "zelf gekozen (3 van 6 kaarten)" in line.line.content.plain  # type: ignore[union-attr]
        assert "5 kaarten" in text_of(app, "#deck-summary")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
    assert [card.key for card in saved[0].cards] == [
        "uitval:U02",
        "uitval:U04",
        "uitval:U06",
        "verzuim:V01",
        "verzuim:V02",
    ]
    assert saved[0].setup.choice.card_ids[:3] == ("uitval/U02", "uitval/U04", "uitval/U06")


async def test_an_empty_choice_is_refused_in_dutch_and_starts_no_game() -> None:
    app, saved = setup_app([deck("uitval", 4)])
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        await open_checklist(app, pilot)
        await pilot.press("enter")  # nothing ticked
        await pilot.pause()
        assert isinstance(app.screen, CardPickScreen), "an empty list does not close"
        assert text_of(app, "#pick-problem") == EMPTY_REFUSED
        await pilot.press("space")
        assert not app.screen.query_one("#pick-problem").display
        await pilot.press("space", "escape")  # untick again, and leave without a change
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert text_of(app, "#cards-total") == NONE_TICKED
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert not saved
        assert text_of(app, "#start-problem") == NONE_TICKED


async def test_escape_keeps_the_earlier_choice() -> None:
    app, _ = setup_app([deck("uitval", 4)])
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        await open_checklist(app, pilot)
        await pilot.press("space", "enter")  # U01
        await pilot.pause()
        await pilot.press("enter")  # the button still has the focus: open again
        await pilot.pause()
        assert isinstance(app.screen, CardPickScreen)
        assert app.screen.query_one("#cards", SelectionList).selected == ["U01"]
        await pilot.press("down", "space", "escape")
        await pilot.pause()
        assert text_of(app, "#cards-total") == "Samen 1 kaart."


async def test_card_text_is_shown_as_typed_never_as_markup() -> None:
    questions = [f"Vraag {text} over uitval?" for text in HOSTILE]
    hostile = deck("uitval", len(questions), questions)
    hostile = Deck(hostile.name, "Uitval [bold]x[/bold]", hostile.colour, hostile.cards)
    app, _ = setup_app([hostile])
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        await open_checklist(app, pilot)
        cards = app.screen.query_one("#cards", SelectionList)
        shown = [str(cards.get_option_at_index(i).prompt) for i in range(len(questions))]
        assert shown[0] == "U01  Vraag [/] over uitval?  (kern)"
        assert shown[1] == "U02  Vraag [bold]x[/bold] over uitval?"
        assert shown[2] == "U03  Vraag [@click=app.quit]x[/] over uitval?  (kern)"
        assert "\x1b" not in shown[3] and "\\x1b]0;x\\x07" in shown[3]
        await pilot.press("down", "down")
        assert text_of(app, "#pick-question") == "U03: Vraag [@click=app.quit]x[/] over uitval?"
        await pilot.press("up", "up")
        title = app.screen.query_one(".title")
        assert str(title.render()) == "Kies de kaarten van Uitval [bold]x[/bold]"
        await pilot.press("space", "enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SetupScreen)


async def test_a_hundred_and_twenty_cards_scroll_in_the_checklist_at_80x24() -> None:
    long = "Welke signalen zagen we in de eerste tien weken bij studenten die later stopten"
    app, _ = setup_app([deck("uitval", 120, [f"{long}, kaart {n}?" for n in range(1, 121)])])
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        await open_checklist(app, pilot)
        cards = app.screen.query_one("#cards", SelectionList)
        assert cards.max_scroll_y > 0, "the list scrolls"
        assert app.screen.query_one("#dialog").region.bottom <= 24
        assert app.screen.query_one("#pick-count").region.bottom <= 24, "the count stays seen"
        await pilot.press("end", "space")
        await pilot.pause()
        assert cards.selected == ["U120"]
        assert cards.scroll_y > 0
        assert text_of(app, "#pick-count").startswith("Gekozen: 1 van 120 kaarten.")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app, "#cards-total") == "Samen 1 kaart."


async def test_kaart_from_the_command_line_opens_as_zelf_kiezen_with_those_ticked() -> None:
    app, saved = setup_app([deck("uitval", 5), deck("verzuim", 2)], cards=["U02", "verzuim/V01"])
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        rows = list(app.screen.query(DeckCardsRow))
        assert [row.pick for row in rows] == [DeckPick.ZELF, DeckPick.ZELF]
        assert rows[0].button.display and isinstance(rows[0].button, Button)
        assert text_of(app, "#cards-total") == "Samen 2 kaarten."
        rows[0].button.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#cards", SelectionList).selected == ["U02"]
        await pilot.press("escape")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [card.key for card in saved[0].cards] == ["uitval:U02", "verzuim:V01"]
