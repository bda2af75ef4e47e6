"""One session played through both faces with the same keys gives the same outcome."""

from __future__ import annotations

from datetime import date

import yaml

from dialoogspel.line.play import LinePlay
from dialoogspel.model import Mode, Session, SessionSetup, assign_letters
from dialoogspel.outcome import render
from dialoogspel.table import Launch
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.screens.play import PlayScreen
from tests.line.helpers import TODAY, console_for, table_for
from tests.tui.test_play import DECK, PEOPLE

SCREEN_KEYS = [
    *("1", "3", "1", "2", "enter"),  # U01: pawns differ, the team decides on 2
    *("n", *"na de stage", "enter"),  # U02: a note
    *("2", "2", "2"),  # everyone agrees
    *("a", *"verzuim opvragen", "enter", *"Anna", "enter", *"1-12", "enter"),
    *("enter", "s"),  # U03 parked
]
LINE_INPUT = [
    *("1", "3", "1", "2", ""),
    *("n", "na de stage"),
    *("2", "2", "2"),
    *("a", "", "Anna", "verzuim opvragen", "1-12", "", ""),  # soort: the suggested kind
    *("", "s"),
]


def new_session() -> Session:
    setup = SessionSetup("Klas 3B", "klas", (DECK,), Mode.PIONNEN, assign_letters(PEOPLE))
    return Session(setup, session_id="parity000001")


def card_facts(session: Session) -> list[tuple[object, ...]]:
    return [
        (key, s.final, s.settled_by, dict(s.pawns), list(s.notes), s.parked)
        for key, s in session.states.items()
    ]


def front_matter(session: Session, day: date) -> dict[str, object]:
    return yaml.safe_load(render(session, day).split("---")[1])


async def test_screen_and_line_make_the_same_outcome() -> None:
    on_screen = new_session()
    app = DialoogspelApp(Launch(session=on_screen))
    app.today = lambda: TODAY
    async with app.run_test(size=(80, 24)) as pilot:
        for key in SCREEN_KEYS:
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)

    in_lines = new_session()
    console, _ = console_for(LINE_INPUT)
    LinePlay(console, table_for(in_lines)).run()

    assert card_facts(in_lines) == card_facts(on_screen)
    assert in_lines.agreements == on_screen.agreements
    assert len(on_screen.agreements) == 1 and on_screen.states[on_screen.cards[2].key].parked
    screen_head, line_head = front_matter(on_screen, TODAY), front_matter(in_lines, TODAY)
    for key in ("bord", "afspraken"):  # outcome format 2; absent in format 1
        assert line_head.get(key) == screen_head.get(key)
    assert render(in_lines, TODAY) == render(on_screen, TODAY)
