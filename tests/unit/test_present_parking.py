"""The parking offer is asked once per moment; a pass is said as a `?` pawn."""

from __future__ import annotations

from dialoogspel.model import PASS, Mode, Quadrant
from dialoogspel.present import ParkingOffer, parked_rest, pawn_placed
from tests.factories import make_participants
from tests.unit.hourkit import FakeClock, hour_session


def test_asked_once_when_time_runs_short_and_once_more_when_it_is_up() -> None:
    clock = FakeClock()
    session = hour_session(Mode.SAMEN, clock=clock, minutes=10, cards=8)
    offer = ParkingOffer()
    assert offer.due(session.prompt.offer_parking, session.pace())
    assert not offer.due(session.prompt.offer_parking, session.pace())  # "nee": not again
    clock.wait(11)
    assert offer.due(session.prompt.offer_parking, session.pace())  # the time is up: once more
    assert not offer.due(session.prompt.offer_parking, session.pace())


def test_not_asked_without_a_time_or_without_the_offer() -> None:
    session = hour_session(Mode.SAMEN, minutes=None)
    offer = ParkingOffer()
    assert not offer.due(True, session.pace())
    timed = hour_session(Mode.SAMEN, minutes=60, cards=3)
    assert not timed.prompt.offer_parking and not offer.due(False, timed.pace())


def test_words_for_a_pass_and_for_parked_cards() -> None:
    anna = make_participants("Anna")[0]
    assert pawn_placed(anna, PASS, hidden=False) == "Pion van Anna (slb'er): ? weet ik niet."
    assert pawn_placed(anna, PASS, hidden=True) == "Anna (slb'er) heeft gekozen."
    assert pawn_placed(anna, Quadrant(2), hidden=False).endswith("2 Belangrijk, maar niet urgent.")
    assert parked_rest(1) == "1 kaart geparkeerd. Jullie bespreken hem een andere keer."


def test_not_asked_before_the_team_started() -> None:
    session = hour_session(Mode.SAMEN, minutes=10, cards=8)
    offer = ParkingOffer()
    assert session.prompt.offer_parking  # the model offers it: 10 minutes for 8 cards
    assert not offer.due(True, session.pace(), started=False)
    assert offer.due(True, session.pace(), started=True)
