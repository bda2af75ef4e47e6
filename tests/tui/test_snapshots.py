"""SVG snapshots of screens at a fixed size, cursor blink off (update: pytest --snapshot-update)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Deck,
    Mode,
    Quadrant,
    Session,
    SessionSetup,
    assign_letters,
)
from dialoogspel.table import Launch, SetupDefaults
from dialoogspel.tui.app import DialoogspelApp


async def steady_cursor(pilot: Pilot) -> None:
    """A blinking cursor makes every screenshot different: keep it on."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_setup_screen_80x24(snap_compare, decks: list[Deck]) -> None:
    defaults = SetupDefaults(deck_names=["verzuim", "uitval"], participants=[("Anna", "docent")])
    app = DialoogspelApp(Launch(decks=decks, defaults=defaults))
    assert snap_compare(app, terminal_size=(80, 24), run_before=steady_cursor)


def _played_session(decks: list[Deck]) -> Session:
    """Four cards played through the model: agreed, contested with a note, quadrant 2, parked."""
    setup = SessionSetup(
        "Klas 3B Verzorgende IG",
        "klas",
        (decks[0], decks[1]),
        Mode.PIONNEN,
        assign_letters([("Anna", "slb'er"), ("Ahmed", "docent"), ("Bert", "teammanager")]),
    )
    session = Session(setup, session_id="snapshot01", created=datetime(2026, 11, 22, 9, 0))
    for quadrants in ((1, 1, 1), (1, 3, 1, 1), (2, 2, 2)):
        for number in quadrants:
            session.place(Quadrant(number))
        if len(quadrants) == 4:
            session.add_note("Vooral na de stage")
        session.advance()
    session.toggle_park()
    session.add_agreement(
        Agreement(
            AgreementKind.UITZOEKEN,
            "verzuim per week opvragen",
            "Ahmed",
            date(2026, 12, 1),
            session.cards[2].key,
        )
    )
    session.add_agreement(
        Agreement(
            AgreementKind.AAN_DE_SLAG, "gesprek met ouders", "Bert", None, session.cards[0].key
        )
    )
    return session


def test_afspraken_screen_80x24(snap_compare, decks: list[Deck]) -> None:
    app = DialoogspelApp(Launch(session=_played_session(decks), output_dir=Path("/uit")))
    app.today = lambda: date(2026, 11, 22)

    async def open_afspraken(pilot: Pilot) -> None:
        await pilot.press("e")
        await steady_cursor(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_afspraken)


def _fresh_pionnen(decks: list[Deck], *, hidden: bool = False) -> Session:
    setup = SessionSetup(
        "Klas 3B Verzorgende IG",
        "klas",
        (decks[0],),
        Mode.PIONNEN,
        assign_letters([("Anna", "slb'er"), ("Ahmed", "docent"), ("Bert", "teammanager")]),
        hidden,
    )
    return Session(setup, session_id="snapshot02", created=datetime(2026, 11, 22, 9, 0))


def test_play_screen_first_pawn_80x24(snap_compare, decks: list[Deck]) -> None:
    session = _fresh_pionnen(decks)
    session.place(Quadrant.BELANGRIJK_URGENT)
    app = DialoogspelApp(Launch(session=session))
    assert snap_compare(app, terminal_size=(80, 24))


def test_contested_card_80x24(snap_compare, decks: list[Deck]) -> None:
    session = _fresh_pionnen(decks)
    for number in (1, 3, 2):
        session.place(Quadrant(number))
    app = DialoogspelApp(Launch(session=session))
    assert snap_compare(app, terminal_size=(80, 24))


def test_board_overview_80x24(snap_compare, decks: list[Deck]) -> None:
    app = DialoogspelApp(Launch(session=_played_session(decks)))
    assert snap_compare(app, terminal_size=(80, 24), press=["b"])


def test_play_screen_ascii_80x24(snap_compare, decks: list[Deck]) -> None:
    session = _fresh_pionnen(decks, hidden=True)
    session.place(Quadrant.BELANGRIJK_URGENT)
    app = DialoogspelApp(Launch(session=session, ascii=True))
    assert snap_compare(app, terminal_size=(80, 24))


class _StillClock:
    """A clock that only moves when the test says so, so the pacing line is the same every run."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_hand_over_view_80x24(snap_compare, decks: list[Deck]) -> None:
    session = _fresh_pionnen(decks, hidden=True)
    session.place(Quadrant.BELANGRIJK_URGENT)  # Anna voted: the laptop goes to Ahmed
    app = DialoogspelApp(Launch(session=session))
    assert snap_compare(app, terminal_size=(80, 24))


def test_pacing_line_past_the_budget_80x24(snap_compare, decks: list[Deck]) -> None:
    clock = _StillClock()
    setup = SessionSetup(
        "Klas 3B Verzorgende IG",
        "klas",
        (decks[0], decks[1]),
        Mode.SAMEN,
        assign_letters([("Anna", "slb'er"), ("Ahmed", "docent")]),
        minutes=20,
    )
    session = Session(setup, session_id="snapshot03", clock=clock)
    session.place(Quadrant.BELANGRIJK_URGENT)
    session.advance()
    clock.now += 9 * 60  # nine minutes on the second card: past its budget
    app = DialoogspelApp(Launch(session=session))
    assert snap_compare(app, terminal_size=(80, 24))
