"""Pilot flows through the play screen: every mode end to end, asserting on the model."""

from __future__ import annotations

import gc

from rich.text import Text
from textual.widgets import OptionList, Static

from dialoogspel.model import (
    Card,
    DataSource,
    Deck,
    Mode,
    Quadrant,
    Session,
    SessionSetup,
    Settlement,
    assign_letters,
)
from dialoogspel.table import Launch
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.screens.board import BoardScreen
from dialoogspel.tui.screens.help import HelpScreen
from dialoogspel.tui.screens.note import NoteScreen
from dialoogspel.tui.screens.play import PlayScreen
from dialoogspel.tui.widgets.card import CardView

DECK = Deck(
    name="uitval",
    theme="Uitval",
    colour="#E69F00",
    cards=tuple(
        Card(
            f"U0{n}",
            f"Welke signalen zien we bij vraag {n}?",
            (DataSource("JOB-monitor", "welbevinden"), DataSource("Verzuimregistratie")),
        )
        for n in range(1, 6)
    ),
)
PEOPLE = [("Anna", "slb'er"), ("Ahmed", "docent"), ("Bert", "teammanager")]


def make_app(mode: Mode, *, hidden: bool = False, people=PEOPLE) -> tuple[DialoogspelApp, list]:
    """An app on the first card of a fresh session, recording every autosave."""
    setup = SessionSetup("Klas 3B", "klas", (DECK,), mode, assign_letters(people), hidden)
    saved: list[int] = []
    app = DialoogspelApp(Launch(session=Session(setup)), saver=lambda s: saved.append(s.revision))
    return app, saved


def text_of(app: DialoogspelApp, selector: str) -> str:
    """The plain text a Static shows."""
    content = app.screen.query_one(selector, Static).content
    return content.plain if isinstance(content, Text) else str(content)


async def test_pionnen_all_agree_settles_the_card_and_moves_on() -> None:
    app, saved = make_app(Mode.PIONNEN)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Anna" in text_of(app, "#status")
        await pilot.press("1", "1")
        assert "Bert" in text_of(app, "#status")
        await pilot.press("1")
        state = app.session.states["uitval:U01"]
        assert state.final is Quadrant.BELANGRIJK_URGENT
        assert state.settled_by is Settlement.AGREED
        assert "Hier ligt de kaart" in text_of(app, "#q1")
        await pilot.press("enter")
        assert app.session.index == 1
        assert saved, "every change is saved"
        assert saved[-1] == app.session.revision


async def test_pionnen_contested_card_needs_the_team_and_undo_reopens_it() -> None:
    app, _ = make_app(Mode.PIONNEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "3", "1")
        session = app.session
        assert session.needs_decision()
        status = text_of(app, "#status")
        assert "verschillend" in status
        assert "slb'er" in status and "docent" in status
        assert app.screen.query_one("#status").has_class("-contested")
        await pilot.press("enter")
        assert session.index == 0, "a contested card cannot be passed"
        assert "Praat erover" in text_of(app, "#status")
        await pilot.press("3")
        assert session.current_state.final is Quadrant.NIET_BELANGRIJK_URGENT
        assert session.current_state.settled_by is Settlement.DISCUSSED
        await pilot.press("backspace")
        assert session.needs_decision()
        await pilot.press("backspace")
        assert session.current_participant is not None
        assert session.current_participant.name == "Bert"
        await pilot.press("1", "1", "right")
        assert session.states["uitval:U01"].settled_by is Settlement.DISCUSSED
        assert session.index == 1


async def test_hidden_voting_covers_pawns_until_everyone_chose() -> None:
    app, _ = make_app(Mode.PIONNEN, hidden=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        assert "Anna" not in text_of(app, "#q2")
        # between two voters the laptop is handed over; Enter and the next one votes
        assert "1 van de 3 heeft gekozen" in text_of(app, "#handover")
        await pilot.press("enter")
        assert "1 van de 3 heeft gekozen" in text_of(app, "#status")
        await pilot.press("2", "enter")
        assert "2 van de 3 hebben gekozen" in text_of(app, "#status")
        await pilot.press("4")
        assert "Anna" in text_of(app, "#q2")
        assert "Bert" in text_of(app, "#q4")


async def test_park_back_and_flip() -> None:
    app, _ = make_app(Mode.PIONNEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert app.session.current_state.parked
        await pilot.press("enter")
        assert app.session.index == 1
        await pilot.press("left")
        assert app.session.index == 0
        card = app.screen.query_one(CardView)
        assert "Welke signalen" in str(card.content)
        await pilot.press("space")
        assert card.show_back
        assert "JOB-monitor" in str(card.content)
        await pilot.press("space")
        assert not card.show_back


async def test_samen_places_moves_and_undoes() -> None:
    app, _ = make_app(Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        state = app.session.current_state
        assert state.final is Quadrant.NIET_BELANGRIJK_URGENT
        await pilot.press("1")
        assert state.final is Quadrant.BELANGRIJK_URGENT
        await pilot.press("backspace")
        assert state.final is Quadrant.NIET_BELANGRIJK_URGENT
        await pilot.click("#q2")
        assert state.final is Quadrant.BELANGRIJK_NIET_URGENT
        assert state.settled_by is Settlement.JOINT


async def test_vragen_has_no_board_and_keeps_notes() -> None:
    app, _ = make_app(Mode.VRAGEN)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.query_one("#board").display
        await pilot.press("1")
        assert app.session.current_state.final is None
        footer_keys = [b.binding.key for b in app.screen.active_bindings.values() if b.enabled]
        assert "1" not in footer_keys, "no board, so 1–4 are not offered"
        assert "klaar" not in text_of(app, "TopBar")
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"Cijfers opvragen")
        await pilot.press("enter")
        assert isinstance(app.screen, PlayScreen)
        assert app.session.current_state.notes == ["Cijfers opvragen"]
        await pilot.press("n", "escape")
        assert app.session.current_state.notes == ["Cijfers opvragen"]
        await pilot.press("enter", "enter")
        assert app.session.index == 2


async def test_board_overview_and_help_open_and_close() -> None:
    app, _ = make_app(Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "enter", "s", "b")
        assert isinstance(app.screen, BoardScreen)
        assert "U01" in text_of(app, "#q1")
        parked = app.screen.query_one("#parked", OptionList)
        assert parked.option_count == 1 and "U02" in str(parked.get_option_at_index(0).prompt)
        assert "Nog niet besproken: 3 kaarten" in text_of(app, "#open-cards")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        labels = [a.help for a in app.screen.actions]
        assert any("Parkeer" in label for label in labels)


async def test_play_started_at_once_is_the_base_screen() -> None:
    """No empty screen is built underneath (it cost start-up time); overlays return to play."""
    app, _ = make_app(Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        assert [type(screen) for screen in app.screen_stack] == [PlayScreen]
        await pilot.press("b", "escape", "question_mark", "escape")
        assert [type(screen) for screen in app.screen_stack] == [PlayScreen]


async def test_the_app_resumes_the_paused_collector_after_its_first_frame() -> None:
    from dialoogspel import collector

    app, _ = make_app(Mode.SAMEN)
    collector.pause_collector()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        collector.resume_collector()
        gc.enable()


async def test_last_card_says_what_comes_next() -> None:
    app, _ = make_app(Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(4):
            await pilot.press("2", "enter")
        await pilot.press("2", "enter")
        assert app.session.index == 4
        assert "laatste kaart" in text_of(app, "#status")


async def test_survives_resizes() -> None:
    app, _ = make_app(Mode.PIONNEN)
    async with app.run_test(size=(80, 24)) as pilot:
        for width, height in ((40, 12), (250, 80), (80, 24), (41, 13)):
            await pilot.resize_terminal(width, height)
            await pilot.press("1")
        assert app.session.current_state.pawns


async def test_quit_leaves_the_app() -> None:
    app, _ = make_app(Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_vragen_board_lists_the_questions_seen_with_notes() -> None:
    app, _ = make_app(Mode.VRAGEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"bellen", "enter", "enter", "b")
        assert isinstance(app.screen, BoardScreen)
        shown = text_of(app, "#open-cards")
        # U01 counts once the team moved on; U02 is on the table now, not talked about yet.
        assert "Besproken vragen (1 van 5)" in shown
        assert "U01" in shown and "U02" not in shown
        assert "notitie: bellen" in shown


async def test_a_session_started_from_the_command_line_is_saved_before_any_key() -> None:
    app, saved = make_app(Mode.PIONNEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert saved == [app.session.revision], "q right away must still leave a resumable save"


async def test_vragen_board_keeps_parked_questions_out_of_the_discussed_ones() -> None:
    app, _ = make_app(Mode.VRAGEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "s", "enter", "b")
        shown = text_of(app, "#open-cards")
        besproken, _, parked = shown.partition("Geparkeerd")
        assert f"Besproken vragen ({app.session.settled_count} van 5)" in besproken
        assert "U01" in besproken and "U02" not in besproken and "U03" not in besproken
        assert "U02" in parked


async def test_ascii_mode_writes_arrows_and_dashes_plainly() -> None:
    setup = SessionSetup("Klas 3B", "klas", (DECK,), Mode.SAMEN, assign_letters(PEOPLE))
    app = DialoogspelApp(Launch(session=Session(setup), ascii=True))
    async with app.run_test(size=(80, 24)) as pilot:
        status = text_of(app, "#status")
        assert "1-4" in status and "–" not in status
        await pilot.press("1")
        assert "->: volgende" in text_of(app, "#status")
        shown = [app.get_key_display(b.binding) for b in app.screen.active_bindings.values()]
        assert "->" in shown and "→" not in shown
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
