"""Issue 13 in the outcome: twijfel for a doubted gemengd card, minutes per card and the
session's time only when the team planned a time."""

from __future__ import annotations

from datetime import date

from dialoogspel.model import Mode, Quadrant
from dialoogspel.outcome import read_front_matter, record_of, render
from tests.unit.hourkit import FakeClock, hour_session

DAY = date(2026, 11, 22)


def test_a_doubted_gemengd_card_says_twijfel() -> None:
    session = hour_session(Mode.GEMENGD)
    session.place(Quadrant.BELANGRIJK_URGENT)
    session.advance()
    session.doubt()
    record = record_of(session, DAY)
    assert [card.twijfel for card in record.bord[:2]] == [False, True]
    head = read_front_matter(render(session, DAY))
    assert [card["twijfel"] for card in head["bord"][:2]] == [False, True]


def test_minutes_and_time_are_written_when_a_time_was_planned() -> None:
    clock = FakeClock()
    session = hour_session(Mode.SAMEN, clock=clock, minutes=30)
    clock.wait(4)
    session.place(Quadrant.BELANGRIJK_URGENT)
    session.advance()
    clock.wait(2)
    record = record_of(session, DAY)
    assert record.bord[0].minuten == 4
    assert record.tijd is not None and (record.tijd.gepland, record.tijd.gebruikt) == (30, 6)
    head = read_front_matter(render(session, DAY))
    assert head["tijd"] == {"gepland": 30, "gebruikt": 6}
    assert head["bord"][0]["minuten"] == 4 and "minuten" not in head["bord"][2]


def test_no_time_planned_means_no_minutes_and_no_tijd() -> None:
    clock = FakeClock()
    session = hour_session(Mode.SAMEN, clock=clock)
    clock.wait(4)
    session.place(Quadrant.BELANGRIJK_URGENT)
    head = read_front_matter(render(session, DAY))
    assert "tijd" not in head and "minuten" not in head["bord"][0]
