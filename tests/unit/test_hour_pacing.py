"""Pacing (issue 13): time per card with a fake clock, the budget per card, the quiet line,
the offer to park the rest, and the minutes the outcome needs."""

from __future__ import annotations

import json

import pytest

from dialoogspel.model import Mode, Quadrant, RuleError, session_from_dict, session_to_dict
from dialoogspel.model.pacing import LOW_BUDGET_SECONDS, MAX_MINUTES, Stopwatch, check_minutes
from dialoogspel.present import pacing_line, parking_question
from tests.unit.hourkit import FakeClock, hour_session

Q1 = Quadrant.BELANGRIJK_URGENT


def test_without_planned_time_there_is_no_budget_but_time_is_kept() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock)
    clock.wait(3)
    assert session.pace() is None
    assert not session.suggest_parking()
    assert session.card_minutes(session.current.key) == 3
    assert session.time_spent() == (None, 3)


def test_the_budget_is_time_left_divided_by_cards_left() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=30, cards=5)
    pace = session.pace()
    assert pace is not None
    assert (pace.planned, pace.used, pace.cards_left, pace.per_card) == (1800, 0, 5, 360)
    assert pacing_line(pace) == "nog 30 min · ± 6 min per kaart"
    assert not pace.over


def test_the_budget_stays_put_during_a_card_and_is_recomputed_after_it() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=30, cards=5)
    clock.wait(4)
    during = session.pace()
    assert during is not None and during.per_card == 360  # ticking time does not move it
    assert pacing_line(during) == "nog 26 min · ± 6 min per kaart"
    session.place(Q1)
    done = session.pace()
    assert done is not None and done.cards_left == 4
    assert done.per_card == (1800 - 240) / 4  # what is left, over the cards still open
    session.advance()
    clock.wait(2)
    next_card = session.pace()
    assert next_card is not None and next_card.per_card == 390
    assert pacing_line(next_card) == "nog 24 min · ± 7 min per kaart"


def test_past_the_card_budget_the_line_says_so_without_colour() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=30, cards=5)
    clock.wait(7)
    pace = session.pace()
    assert pace is not None and pace.over and not pace.time_up
    line = pacing_line(pace)
    assert line == "! nog 23 min · ± 6 min per kaart · deze kaart al 7 min (over tijd)"
    assert line.startswith("! ")  # the glyph reads under NO_COLOR and in the plain-line face


def test_a_settled_card_is_never_over_its_budget() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=30, cards=5)
    clock.wait(7)
    session.place(Q1)
    pace = session.pace()
    assert pace is not None and not pace.over
    assert not pacing_line(pace).startswith("!")


def test_when_time_is_up_the_line_says_how_far_over() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=10, cards=3)
    clock.wait(14)
    pace = session.pace()
    assert pace is not None and pace.time_up and pace.over
    assert pacing_line(pace) == "! de tijd is om (4 min over tijd) · nog 3 kaarten open"


def test_all_cards_done_leaves_the_time_left_only() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=20, cards=2)
    session.place(Q1)
    session.advance()
    clock.wait(5)
    session.place(Q1)
    pace = session.pace()
    assert pace is not None and pace.cards_left == 0
    assert pacing_line(pace) == "nog 15 min · alle kaarten gehad"


def test_the_last_minute_still_reads_nog_1_min_and_small_budgets_read_minder_dan() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=2, cards=3)
    clock.now += 90
    pace = session.pace()
    assert pace is not None
    assert pacing_line(pace).startswith("! nog 1 min · minder dan 1 min per kaart")


def test_little_time_and_many_cards_offers_to_park_the_rest_but_never_parks() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=20, cards=6)
    assert not session.suggest_parking()
    clock.wait(14)  # 6 minutes for 6 cards: a minute each
    assert session.suggest_parking()
    assert session.prompt.offer_parking
    assert session.parked_cards() == ()  # it only offers
    pace = session.pace()
    assert pace is not None and pace.left / pace.cards_left < LOW_BUDGET_SECONDS
    assert parking_question(pace) == (
        "Nog 6 min voor 6 kaarten. De andere 5 open kaarten parkeren?"
        " Dan komen ze onder Geparkeerd en bespreken jullie ze een andere keer."
    )


def test_one_card_left_is_not_worth_an_offer_until_time_is_up() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=10, cards=2)
    clock.wait(9)
    assert not session.suggest_parking()  # the current card and one more: just play on
    clock.wait(2)
    assert session.suggest_parking()


def test_parking_the_rest_keeps_the_current_and_the_settled_cards() -> None:
    session = hour_session(minutes=20, cards=5)
    session.place(Q1)
    session.advance()
    revision = session.revision
    assert session.park_rest() == 3
    assert session.revision == revision + 1
    assert [c.card.id for c in session.parked_cards()] == ["U03", "U04", "U05"]
    assert not session.current_state.parked
    with pytest.raises(RuleError, match="geen andere open kaarten"):
        session.park_rest()


def test_time_is_kept_per_card_over_visits_and_the_total_is_their_sum() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, cards=3)
    first, second = session.cards[0].key, session.cards[1].key
    clock.wait(4)
    session.place(Q1)
    session.advance()
    clock.wait(2)
    session.back()
    clock.wait(1)
    assert session.card_minutes(first) == 5
    assert session.card_minutes(second) == 2
    assert session.card_minutes(session.cards[2].key) is None  # never on the table
    assert session.time_spent().used == 7


def test_first_seen_and_settled_are_play_times() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, cards=3)
    clock.wait(4)
    session.place(Q1)
    first = session.current_state
    assert first.seen_at == 0 and first.settled_at == 240
    session.advance()
    assert session.current_state.seen_at == 240 and session.current_state.settled_at is None
    session.back()
    session.undo()
    assert first.settled_at is None  # taken back: open again


def test_a_clock_that_jumps_back_never_gives_negative_time() -> None:
    clock = FakeClock()
    watch = Stopwatch(clock)
    clock.now -= 100
    assert watch.running() == 0 and watch.lap() == 0


def test_time_survives_resume_and_the_closed_laptop_does_not_count() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=45, cards=3)
    clock.wait(6)
    session.place(Q1)
    session.advance()
    clock.wait(3)
    session.add_note("tussenstand")  # every change books the time of the current card
    data = json.loads(json.dumps(session_to_dict(session)))
    later = FakeClock(start=10.0)  # another process: a clock with other readings
    restored = session_from_dict(data, clock=later)
    later.wait(2)
    assert restored.setup.minutes == 45
    assert restored.card_minutes(restored.cards[0].key) == 6
    assert restored.card_minutes(restored.current.key) == 5
    assert restored.time_spent() == (45, 11)


@pytest.mark.parametrize("minutes", [0, -5, MAX_MINUTES + 1, True])
def test_a_planned_time_out_of_range_is_refused_in_dutch(minutes: int) -> None:
    with pytest.raises(RuleError, match="Kies een tijd van 1 tot 480 minuten"):
        check_minutes(minutes)
    with pytest.raises(RuleError, match="Kies een tijd"):
        hour_session(minutes=minutes)


def test_pacing_works_in_every_mode_with_a_board_and_in_vragen() -> None:
    for mode in Mode:
        clock = FakeClock()
        session = hour_session(mode, clock=clock, minutes=30, cards=3)
        clock.wait(1)
        pace = session.pace()
        assert pace is not None and pacing_line(pace).startswith("nog 29 min")


def test_a_paused_clock_adds_nothing_until_play_resumes() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=30)
    clock.wait(2)
    session.pause_clock()  # to the afspraken
    clock.wait(20)
    assert session.card_minutes(session.current.key) == 2
    session.place(Q1)  # a change while paused books nothing more
    assert session.time_spent().used == 2
    session.resume_clock()
    clock.wait(1)
    assert session.card_minutes(session.current.key) == 3
    session.resume_clock()  # resuming twice changes nothing
    assert session.time_spent() == (30, 3)


def test_opening_a_card_starts_the_clock_again() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock)
    session.pause_clock()
    session.go_to(2)  # a parked card opened from the board overview
    clock.wait(4)
    assert session.card_minutes(session.cards[2].key) == 4
    assert session.card_minutes(session.cards[0].key) == 0


def test_reading_the_time_never_counts_as_a_change_so_a_tick_never_autosaves() -> None:
    clock = FakeClock()
    session = hour_session(clock=clock, minutes=30)
    revision = session.revision
    for _ in range(5):
        clock.wait(1)
        pace = session.pace()
        assert pace is not None
        pacing_line(pace)
        _ = session.prompt
    assert session.revision == revision
