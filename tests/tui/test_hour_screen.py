"""Pilot flows for issue 13 on the screen: 0 and t, the hand-over view, the pacing line, the
offer to park, changing and removing notes, opening a parked card from the board."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Checkbox, Input, RadioSet, Static

from dialoogspel.model import (
    PASS,
    Card,
    DataSource,
    Deck,
    Mode,
    Quadrant,
    Session,
    SessionSetup,
    assign_letters,
)
from dialoogspel.table import Launch, SetupDefaults
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.screens.ask import ConfirmScreen
from dialoogspel.tui.screens.board import BoardScreen
from dialoogspel.tui.screens.note import NoteScreen
from dialoogspel.tui.screens.notes import NotesScreen
from dialoogspel.tui.screens.play import PlayScreen
from dialoogspel.tui.widgets.deckcards import DeckCardsRow
from tests.factories import make_deck
from tests.tui.waits import setup_built
from tests.unit.hourkit import FakeClock

PEOPLE = [("Anna", "slb'er"), ("Bram", "docent"), ("Chris", "teammanager")]
HOSTILE = ["[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "\x1b]0;x\x07"]


def make_app(
    mode: Mode = Mode.PIONNEN,
    *,
    hidden: bool = False,
    minutes: int | None = None,
    cards: int = 5,
    clock: FakeClock | None = None,
) -> tuple[DialoogspelApp, list[int]]:
    """An app at the first card of a fresh session, with a fake clock; every autosave recorded."""
    deck = make_deck("uitval", [f"U{n:02d}" for n in range(1, cards + 1)])
    setup = SessionSetup(
        "Klas 3B", "klas", (deck,), mode, assign_letters(PEOPLE), hidden, minutes=minutes
    )
    session = Session(setup, session_id="hour0screen0", clock=clock or FakeClock())
    saved: list[int] = []
    app = DialoogspelApp(Launch(session=session), saver=lambda s: saved.append(s.revision))
    return app, saved


def text_of(app: DialoogspelApp, selector: str) -> str:
    """The plain text a Static shows."""
    content = app.screen.query_one(selector, Static).content
    return content.plain if isinstance(content, Text) else str(content)


def board_text(app: DialoogspelApp) -> str:
    """Everything the four quadrants show."""
    return "\n".join(text_of(app, f"#q{n}") for n in range(1, 5))


async def test_zero_puts_a_question_mark_pawn_that_does_not_block() -> None:
    app, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "0", "3")
        state = app.session.current_state
        assert state.pawns == {"A": Quadrant(1), "B": PASS, "C": Quadrant(3)}
        status = text_of(app, "#status")
        assert "De pionnen staan verschillend" in status
        assert "?: " in status and "docent" in status.split("?:")[1]


async def test_zero_in_samen_is_the_models_refusal() -> None:
    app, _ = make_app(Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0")
        assert "0 (weet ik niet) kan alleen als ieder een eigen pion zet." in text_of(
            app, "#status"
        )
        assert app.session.current_state.pawns == {}


async def test_t_in_gemengd_turns_the_card_into_pawn_voting() -> None:
    app, _ = make_app(Mode.GEMENGD)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Twijfel? Druk t" in text_of(app, "#status")
        assert app.screen.check_action("doubt", ()) is True
        await pilot.press("t")
        assert app.session.current_state.doubted
        assert "Aan de beurt:" in text_of(app, "#status")
        await pilot.press("1", "1", "4")
        status = text_of(app, "#status")
        assert "Eerst praten:" in status and "Anna (slb'er)" in status  # 1 and 4: furthest apart
        await pilot.press("2")
        assert app.session.current_state.final is Quadrant(2)


async def test_t_outside_gemengd_is_hidden_and_refused_in_dutch() -> None:
    app, _ = make_app(Mode.PIONNEN)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.check_action("doubt", ()) is False
        await pilot.press("t")
        assert "t (twijfel) hoort bij de modus gemengd." in text_of(app, "#status")
        assert not app.session.current_state.doubted


async def test_hand_over_view_shows_no_pawn_and_enter_goes_on() -> None:
    app, _ = make_app(hidden=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        handover = text_of(app, "#handover")
        assert "Geef de laptop aan Bram (docent). De anderen kijken even niet." in handover
        assert "Druk op Enter." in handover
        assert not screen.query_one("#board").display
        assert "Anna (slb'er)" not in board_text(app)  # nothing drawn where it could be seen
        await pilot.press("enter")
        assert not screen.query_one("#handover").display
        assert screen.query_one("#board").display
        assert "Anna" not in board_text(app) and "Bram" in text_of(app, "#status")
        await pilot.press("2", "enter", "1")  # Bram votes, Enter on the hand-over, Chris votes
        assert " A " in board_text(app) or "Anna" in board_text(app)  # revealed together


async def test_a_key_on_the_hand_over_is_the_next_voters_choice() -> None:
    app, _ = make_app(hidden=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "3")
        assert app.session.current_state.pawns == {"A": Quadrant(1), "B": Quadrant(3)}
        assert "Geef de laptop aan Chris" in text_of(app, "#handover")


async def test_pacing_line_in_the_top_bar_ticks_without_saving() -> None:
    clock = FakeClock()
    app, saved = make_app(Mode.SAMEN, minutes=30, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "nog 30 min · ± 6 min per kaart" in text_of(app, "#topbar")
        before = list(saved)
        clock.wait(8)
        await pilot.pause(1.3)  # at least one tick of the once-a-second refresh
        top = text_of(app, "#topbar")
        assert top.startswith("Uitval · ! nog 22 min")
        assert "over tijd" in top
        assert saved == before, "reading the time is not a change: no autosave per tick"
        await pilot.press("1")
        assert len(saved) == len(before) + 1


async def test_no_pacing_line_without_a_time() -> None:
    app, _ = make_app(Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "min" not in text_of(app, "#topbar")


async def test_parking_is_offered_on_a_new_card_and_j_parks_the_rest() -> None:
    clock = FakeClock()
    app, _ = make_app(Mode.SAMEN, minutes=20, cards=8, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        clock.wait(9)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        assert "De andere 6 open kaarten parkeren?" in text_of(app, "#detail")
        await pilot.press("j")
        assert len(app.session.parked_cards()) == 6
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("2", "enter")
        assert not isinstance(app.screen, ConfirmScreen)  # asked once, not on every card


async def test_parking_n_keeps_the_cards_open() -> None:
    clock = FakeClock()
    app, _ = make_app(Mode.SAMEN, minutes=20, cards=8, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        clock.wait(9)
        await pilot.press("enter", "n")
        assert app.session.parked_cards() == ()
        assert isinstance(app.screen, PlayScreen)


async def test_n_on_a_card_with_notes_changes_and_removes() -> None:
    app, _ = make_app(Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"eerste", "enter")
        await pilot.press("n")
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("down", "enter")  # the "new note" line
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"tweede", "enter")
        assert app.session.current_state.notes == ["eerste", "tweede"]
        await pilot.press("n", "enter")  # the first note
        note = app.screen
        assert isinstance(note, NoteScreen)
        note.query_one("#note").value = HOSTILE[2]  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert app.session.current_state.notes == [HOSTILE[2], "tweede"]
        await pilot.press("n", "down", "delete")
        assert app.session.current_state.notes == [HOSTILE[2]]
        await pilot.press("n", "escape")
        assert app.session.current_state.notes == [HOSTILE[2]]


async def test_a_note_changed_to_nothing_is_refused_and_kept() -> None:
    app, _ = make_app(Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.add_note(HOSTILE[1])
        await pilot.press("n", "enter")
        app.screen.query_one("#note").value = "  "  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert app.session.current_state.notes == [HOSTILE[1]]
        assert "De notitie is leeg." in text_of(app, "#status")


async def test_the_board_opens_a_parked_card() -> None:
    app, _ = make_app(Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "enter", "1", "enter", "s", "enter")
        assert app.session.index == 3
        await pilot.press("b")
        assert isinstance(app.screen, BoardScreen)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, PlayScreen)
        assert app.session.index == 2 and app.session.current_state.parked


# -- the setup screen -------------------------------------------------------------------------


def kern_deck() -> Deck:
    """Five cards, U01 and U03 marked kern."""
    cards = tuple(
        Card(f"U0{n}", f"Vraag {n}?", (DataSource("SVS"),), (), kern=n in (1, 3))
        for n in range(1, 6)
    )
    return Deck("uitval", "Uitval", "#D55E00", cards, "Vragen over uitval.")


def setup_app(defaults: SetupDefaults) -> tuple[DialoogspelApp, list[Session]]:
    """The setup screen with the kern deck and a deck of two cards without kern."""
    saved: list[Session] = []
    decks = [kern_deck(), make_deck("verzuim", ["V01", "V02"])]
    app = DialoogspelApp(Launch(decks=decks, defaults=defaults), saver=saved.append)
    return app, saved


async def test_setup_with_gemengd_from_the_command_line_opens_and_starts() -> None:
    defaults = SetupDefaults(
        casus="Klas 3B", mode=Mode.GEMENGD, hidden_voting=True, participants=PEOPLE[:2]
    )
    app, saved = setup_app(defaults)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        assert app.screen.query_one("#mode", RadioSet).pressed_index == 3  # gemengd, no crash
        hidden = app.screen.query_one("#hidden", Checkbox)
        assert not hidden.disabled and hidden.value  # verdekt is allowed for gemengd
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
    setup = saved[0].setup
    assert setup.mode is Mode.GEMENGD and setup.hidden_voting


async def test_setup_kern_per_deck_and_minutes_with_the_total_live() -> None:
    defaults = SetupDefaults(
        casus="Klas 3B", deck_names=["uitval", "verzuim"], participants=PEOPLE[:2]
    )
    app, saved = setup_app(defaults)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        assert text_of(app, "#cards-total") == "Samen 7 kaarten."
        uitval = app.screen.query(DeckCardsRow).first().choice
        uitval.focus()
        await pilot.press("right")  # only the core cards of uitval; verzuim whole
        await pilot.pause()
        assert text_of(app, "#cards-total") == "Samen 4 kaarten."
        assert "4 kaarten" in text_of(app, "#deck-summary")
        app.screen.query_one("#minutes", Input).value = "30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert "nog 30 min" in text_of(app, "#topbar")
    session = saved[0]
    assert [card.key for card in session.cards] == [
        "uitval:U01",
        "uitval:U03",
        "verzuim:V01",
        "verzuim:V02",
    ]
    assert session.setup.minutes == 30


async def test_setup_kern_from_the_command_line_and_a_deck_without_core_cards() -> None:
    defaults = SetupDefaults(
        casus="Klas 3B", deck_names=["verzuim"], participants=PEOPLE[:2], core_only=True
    )
    app, saved = setup_app(defaults)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        assert "geen kernkaarten" in text_of(app, "#cards-total")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not saved and "geen kernkaarten" in text_of(app, "#start-problem")


async def test_setup_refuses_a_bad_time_in_dutch_without_echoing_it() -> None:
    defaults = SetupDefaults(casus="Klas 3B", participants=PEOPLE[:2])
    app, saved = setup_app(defaults)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        for typed, words in (
            (HOSTILE[1], "Typ de tijd als een getal"),
            ("0", "Kies een tijd van 1 tot 480 minuten."),
        ):
            app.screen.query_one("#minutes", Input).value = typed
            await pilot.press("ctrl+s")
            await pilot.pause()
            shown = text_of(app, "#minutes-problem")
            assert words in shown and "[bold]" not in shown
            assert not saved
        app.screen.query_one("#minutes", Input).value = ""
        await pilot.pause()
        assert not app.screen.query_one("#minutes-problem").display


async def test_past_the_budget_reads_without_colour(monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    clock = FakeClock()
    app, _ = make_app(Mode.SAMEN, minutes=30, clock=clock)
    clock.wait(10)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        drawn = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert drawn.splitlines()[0].startswith(" Uitval · ! nog 20 min")
