"""At 80×24, 60×20 and 40×12 nothing vanishes without a sign: pawns, "+N meer", q and ?."""

from __future__ import annotations

import pytest

from dialoogspel.model import (
    Card,
    DataSource,
    Deck,
    Mode,
    Quadrant,
    Session,
    SessionSetup,
    assign_letters,
)
from dialoogspel.table import Launch
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.screens.board import BoardScreen
from dialoogspel.tui.widgets.board import QuadrantBox
from tests.factories import make_deck

SIZES = ((80, 24), (60, 20), (40, 12))
CASUS = "Klas 3B van de opleiding Zorg en Welzijn niveau 4, met een heel lange beschrijving erbij"
DECK = make_deck(
    cards=[
        Card(
            f"U{n:02}",
            f"Welke signalen zien we bij vraag {n}, en wat doen we ermee in het hele team?",
            (DataSource("Verzuimregistratie", "aanwezigheid per les"),),
        )
        for n in range(1, 21)
    ],
    colour="#E69F00",
)
SIX = [
    ("Anna", "slb'er"),
    ("Ahmed", "docent"),
    ("Bert", "teammanager"),
    ("Carla", "docent"),
    ("Dirk", "docent"),
    ("Eva", "slb'er"),
]


def screen_text(app: DialoogspelApp) -> str:
    """Every character the current screen shows, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def footer_line(app: DialoogspelApp) -> str:
    """The bottom line: the Footer."""
    return screen_text(app).splitlines()[-1]


def board_session() -> Session:
    """Samen mode, 16 cards in quadrant 1, two parked, casus long."""
    session = Session(SessionSetup(CASUS, "klas", (DECK,), Mode.SAMEN, assign_letters(SIX[:2])))
    for _ in range(16):
        session.place(Quadrant.BELANGRIJK_URGENT)
        session.advance()
    session.place(Quadrant.NIET_BELANGRIJK_URGENT)
    session.advance()
    for _ in range(2):
        session.toggle_park()
        session.advance()
    return session


@pytest.mark.parametrize("size", SIZES)
async def test_the_board_overview_says_how_many_cards_it_left_out(size: tuple[int, int]) -> None:
    app = DialoogspelApp(Launch(session=board_session()))
    async with app.run_test(size=size) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        box = app.screen.query_one("#q1", QuadrantBox)
        shown = str(box.render()).splitlines()
        assert shown[-1].startswith("+") and shown[-1].endswith(" meer")
        hidden = int(shown[-1].split()[0][1:])
        assert hidden + len(shown) - 1 == 16, "every card is either shown or counted"
        assert len(shown) <= box.content_size.height
        text = screen_text(app)
        assert f"+{hidden} meer" in text
        assert "wel urgent" in text and "niet urgent" in text
        assert "q stop" in footer_line(app) and "? hulp" in footer_line(app)


async def test_the_board_overview_follows_the_window() -> None:
    app = DialoogspelApp(Launch(session=board_session()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        box = app.screen.query_one("#q1", QuadrantBox)
        before = str(box.render()).splitlines()[-1]
        await pilot.resize_terminal(80, 40)
        await pilot.pause()
        after = str(box.render()).splitlines()[-1]
        assert int(after.split()[0][1:]) < int(before.split()[0][1:])


def six_pawn_session(notes: int) -> Session:
    """Pionnen mode, all six pawns in quadrant 1 of the first card, some notes on it."""
    session = Session(SessionSetup(CASUS, "klas", (DECK,), Mode.PIONNEN, assign_letters(SIX)))
    for number in range(notes):
        session.add_note(f"Notitie {number + 1}: we bellen de ouders en kijken naar het rooster")
    for _ in SIX:
        session.place(Quadrant.BELANGRIJK_URGENT)
    return session


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("notes", [0, 6])
async def test_six_pawns_on_one_quadrant_all_show(size: tuple[int, int], notes: int) -> None:
    session = six_pawn_session(notes)
    letters = [person.letter for person in session.participants]
    app = DialoogspelApp(Launch(session=session))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#q1", QuadrantBox)
        inside = str(box.render())
        assert len(inside.splitlines()) <= box.content_size.height, "nothing cut at the bottom"
        region = box.content_region
        rows = screen_text(app).splitlines()[region.y : region.bottom]
        drawn = "".join(row[region.x : region.right] for row in rows)
        for letter in letters:
            assert letter in drawn, f"pawn {letter} missing at {size}"
        text = screen_text(app)
        if notes:
            assert "notities" in text and "+" in text
        assert "…" in text.splitlines()[0], "the long casus ends with an ellipsis"
        assert "q stop" in footer_line(app) and "? hulp" in footer_line(app)


@pytest.mark.parametrize("size", SIZES[:2])
async def test_the_card_count_stays_beside_many_pawns(size: tuple[int, int]) -> None:
    session = six_pawn_session(0)
    session.advance()
    for _ in SIX:
        session.place(Quadrant.BELANGRIJK_URGENT)
    app = DialoogspelApp(Launch(session=session))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "2 kaarten liggen hier" in text
        for person in session.participants:
            assert f" {person.letter} " in text


async def test_ascii_mode_cuts_with_three_dots() -> None:
    app = DialoogspelApp(Launch(session=six_pawn_session(6), ascii=True))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert top.rstrip().endswith("...") and "…" not in top


async def test_a_too_small_window_asks_for_more_room_and_comes_back() -> None:
    app = DialoogspelApp(Launch(session=six_pawn_session(0)))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.resize_terminal(39, 11)
        await pilot.pause()
        assert "Maak het venster groter." in screen_text(app)
        assert app.screen is screen
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        text = screen_text(app)
        assert "Maak het venster groter." not in text
        assert "q stop" in text
        await pilot.press("q")
    assert app.return_code is not None or not app.is_running


@pytest.mark.parametrize("size", SIZES)
async def test_the_afspraken_footer_keeps_stop_and_help(size: tuple[int, int]) -> None:
    app = DialoogspelApp(Launch(session=six_pawn_session(0)))
    async with app.run_test(size=size) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert "q stop" in footer_line(app) and "? hulp" in footer_line(app)


async def test_hostile_text_is_cut_as_text() -> None:
    casus = "[@click=app.quit]x[/] [bold]x[/bold] [/] \x1b]0;x\x07 " * 4
    session = Session(SessionSetup(casus, "klas", (DECK,), Mode.PIONNEN, assign_letters(SIX)))
    session.add_note("[@click=app.quit]x[/] " * 10)
    app = DialoogspelApp(Launch(session=session))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]x[/]" in text.splitlines()[0]
        assert "\x1b" not in text and "\x07" not in text
        assert "notitie: [@click=app.quit]x[/]" in text or "+1 notitie" in text
        await pilot.click("#topbar")
        assert app.is_running


async def test_a_screen_opened_in_a_too_small_window_says_so_too() -> None:
    app = DialoogspelApp(Launch(session=six_pawn_session(0)))
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert "Maak het venster groter." in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "+" not in screen_text(app).splitlines()[0]
        assert "Maak het venster groter." not in screen_text(app)
        assert "esc terug" in footer_line(app)


async def test_a_very_long_question_ends_with_an_ellipsis() -> None:
    long = Card("L01", "Wat doen we " + "en dan nog meer " * 60 + "einde?", ())
    deck = Deck("lang", "Lang", "#0072B2", (long,), "Een lange vraag.")
    setup = SessionSetup("Klas 3B", "klas", (deck,), Mode.PIONNEN, assign_letters(SIX[:2]))
    app = DialoogspelApp(Launch(session=Session(setup)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "einde?" not in text
        assert "…" in text.split("╰")[0].split("╭", 1)[1], "the card's question is cut with …"
        assert "databronnen" in text or "databron" in text, "the hint under the question stays"


async def test_ctrl_q_stops_in_a_too_small_window_as_the_message_says() -> None:
    app = DialoogspelApp(Launch(session=six_pawn_session(0)))
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        assert "ctrl+q" in screen_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
