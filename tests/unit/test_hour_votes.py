"""Votes (issue 13): 0 = weet ik niet, who speaks first after a reveal, and the hand-over
between hidden voters on one laptop."""

from __future__ import annotations

import pytest

from dialoogspel.model import PASS, Mode, Quadrant, RuleError, Settlement, Step
from dialoogspel.model.board import distance
from dialoogspel.present.words import LINE_KEYS, SCREEN_KEYS, plain, prompt_sentences
from tests.unit.hourkit import hour_session

Q1, Q2, Q3, Q4 = Quadrant
FOUR = ("Anna", "Bram", "Chris", "Dewi")  # slb'er, docent, teammanager, zorgcoördinator


def said(session, keys=SCREEN_KEYS) -> list[str]:
    return [plain(s) for s in prompt_sentences(session.prompt, keys)]


def vote(session, *choices: int) -> None:
    for choice in choices:
        session.abstain() if choice == 0 else session.place(Quadrant(choice))


# -- 0: weet ik niet / pas ---------------------------------------------------------------


def test_a_pass_is_counted_as_chosen_but_stands_on_no_quadrant() -> None:
    session = hour_session(Mode.PIONNEN)
    session.abstain()
    state = session.current_state
    assert state.pawns == {"A": PASS} and int(state.pawns["A"]) == 0
    assert session.passed() == (session.participants[0],)
    assert all(not people for people in session.positions().values())
    assert session.prompt.person is not None and session.prompt.person.name == "Bram"
    assert session.prompt.chosen == 1


def test_a_pass_never_blocks_a_card_the_others_agree_on() -> None:
    session = hour_session(Mode.PIONNEN)
    vote(session, 2, 0, 2)
    state = session.current_state
    assert (state.final, state.settled_by) == (Q2, Settlement.AGREED)
    assert session.can_advance


def test_one_pawn_and_passes_settles_on_that_pawn() -> None:
    session = hour_session(Mode.PIONNEN)
    vote(session, 0, 4, 0)
    assert session.current_state.final is Q4


def test_passes_are_shown_with_a_question_mark_when_pawns_differ() -> None:
    session = hour_session(Mode.PIONNEN, people=FOUR)
    vote(session, 1, 0, 3, 1)
    assert session.prompt.step is Step.DECIDE
    assert [p.name for p in session.prompt.passed] == ["Bram"]
    assert said(session)[1] == (  # the pawns in board order, then the passes
        "1: slb'er (Anna) zorgcoördinator (Dewi) | 3: teammanager (Chris) | ?: docent (Bram)"
    )


def test_everyone_passing_lets_the_team_place_the_card() -> None:
    session = hour_session(Mode.PIONNEN)
    vote(session, 0, 0, 0)
    prompt = session.prompt
    assert prompt.step is Step.PLACE and len(prompt.passed) == 3
    assert said(session)[0] == "Niemand wist het: iedereen koos 0. Leg de kaart samen: kies 1–4."
    with pytest.raises(RuleError, match="Niemand wist het"):
        session.advance()
    with pytest.raises(RuleError, match="Iedereen heeft al gekozen"):
        session.abstain()
    session.place(Q3)
    state = session.current_state
    assert (state.final, state.settled_by) == (Q3, Settlement.JOINT)
    session.undo()  # the placement, not a pawn
    assert state.final is None and len(state.pawns) == 3


def test_undo_takes_back_a_pass_like_any_pawn() -> None:
    session = hour_session(Mode.PIONNEN)
    vote(session, 1, 0)
    session.undo()
    assert session.current_state.pawns == {"A": Q1}
    assert session.current_participant is not None
    assert session.current_participant.name == "Bram"


def test_undo_of_the_pawn_that_settled_the_card_opens_it_again() -> None:
    session = hour_session(Mode.PIONNEN)
    vote(session, 0, 2, 2)
    session.undo()
    assert session.current_state.final is None


@pytest.mark.parametrize("mode", [Mode.SAMEN, Mode.VRAGEN, Mode.GEMENGD])
def test_zero_is_refused_where_nobody_places_an_own_pawn(mode: Mode) -> None:
    session = hour_session(mode)
    revision = session.revision
    with pytest.raises(RuleError):
        session.abstain()
    assert session.revision == revision and not session.current_state.pawns


def test_zero_is_refused_once_the_card_lies() -> None:
    session = hour_session(Mode.PIONNEN)
    vote(session, 1, 1, 1)
    with pytest.raises(RuleError, match="ligt al"):
        session.abstain()


def test_zero_is_refused_on_a_parked_card() -> None:
    session = hour_session(Mode.PIONNEN)
    session.toggle_park()
    with pytest.raises(RuleError, match="geparkeerd"):
        session.abstain()


def test_the_vote_sentence_mentions_zero_in_both_faces() -> None:
    session = hour_session(Mode.PIONNEN)
    assert said(session)[0] == "Aan de beurt: Anna (slb'er). Kies 1–4, of 0: weet ik niet."
    assert said(session, LINE_KEYS)[0].endswith("Kies 1, 2, 3 of 4, of 0: weet ik niet.")


# -- who speaks first ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "steps"),
    [(Q1, Q1, 0), (Q1, Q2, 1), (Q1, Q3, 1), (Q1, Q4, 2), (Q2, Q3, 2), (Q2, Q4, 1), (Q3, Q4, 1)],
)
def test_opposite_quadrants_are_further_apart_than_neighbours(
    first: Quadrant, second: Quadrant, steps: int
) -> None:
    assert distance(first, second) == distance(second, first) == steps


def test_the_roles_furthest_apart_speak_first() -> None:
    session = hour_session(Mode.PIONNEN, people=FOUR)
    vote(session, 1, 2, 4, 2)  # Anna 1 and Chris 4 stand opposite
    prompt = session.prompt
    assert [p.name for p in prompt.first_speakers] == ["Anna", "Chris"]
    assert said(session)[2] == (
        "Eerst praten: Anna (slb'er) en Chris (teammanager):"
        " hun pionnen staan het verst uit elkaar."
    )


def test_opposite_before_neighbours_whatever_the_table_order() -> None:
    session = hour_session(Mode.PIONNEN, people=FOUR)
    vote(session, 1, 3, 2, 1)  # Anna-Bram neighbours come first, Bram 3 and Chris 2 are opposite
    assert [p.name for p in session.prompt.first_speakers] == ["Bram", "Chris"]


def test_with_only_neighbours_the_first_such_pair_in_table_order_speaks() -> None:
    session = hour_session(Mode.PIONNEN)
    vote(session, 1, 1, 2)
    assert [p.name for p in session.prompt.first_speakers] == ["Anna", "Chris"]


def test_a_pass_never_counts_as_standing_far_away() -> None:
    session = hour_session(Mode.PIONNEN, people=FOUR)
    vote(session, 0, 1, 2, 1)
    assert [p.name for p in session.prompt.first_speakers] == ["Bram", "Chris"]


def test_agreeing_pawns_name_nobody() -> None:
    session = hour_session(Mode.PIONNEN)
    vote(session, 2, 2, 2)
    assert session.prompt.first_speakers == ()
    assert not any("Eerst praten" in line for line in said(session))


def test_first_speakers_are_gone_once_the_team_decided() -> None:
    session = hour_session(Mode.PIONNEN)
    vote(session, 1, 4, 4, 4)
    assert session.prompt.step is Step.SETTLED and session.prompt.first_speakers == ()


# -- the hand-over between hidden voters ---------------------------------------------------


def test_after_a_hidden_pawn_the_laptop_is_handed_over_without_showing_pawns() -> None:
    session = hour_session(Mode.PIONNEN, hidden_voting=True)
    session.place(Q1)
    prompt = session.prompt
    assert prompt.step is Step.HANDOVER and prompt.hidden
    assert prompt.person is not None and prompt.person.name == "Bram"
    assert prompt.positions == () and prompt.passed == ()
    assert said(session) == [
        "Geef de laptop aan Bram (docent). De anderen kijken even niet.",
        "Verdekt: 1 van de 3 heeft gekozen. Bram, zit je klaar? Druk op Enter.",
    ]
    assert not session.pawns_revealed()


def test_enter_on_the_hand_over_lets_the_next_voter_choose_and_never_moves_on() -> None:
    session = hour_session(Mode.PIONNEN, hidden_voting=True)
    session.place(Q1)
    revision = session.revision
    session.advance()  # Enter: Bram is ready
    assert session.index == 0 and session.revision == revision + 1
    assert session.prompt.step is Step.VOTE
    assert session.prompt.person is not None and session.prompt.person.name == "Bram"
    with pytest.raises(RuleError, match="niets door te geven"):
        session.hand_over()


def test_a_pass_is_handed_over_too_and_the_last_voter_reveals_all() -> None:
    session = hour_session(Mode.PIONNEN, hidden_voting=True)
    session.abstain()
    assert session.prompt.step is Step.HANDOVER
    session.hand_over()
    session.place(Q2)
    assert session.prompt.step is Step.HANDOVER
    session.hand_over()
    session.place(Q3)
    assert not session.handover_pending  # nobody left to hand over to
    assert session.pawns_revealed() and session.prompt.step is Step.DECIDE


def test_a_key_on_the_hand_over_view_is_the_next_voters_own_choice() -> None:
    session = hour_session(Mode.PIONNEN, hidden_voting=True)
    session.place(Q1)
    session.place(Q2)  # Bram pressed 2 straight away
    assert session.current_state.pawns == {"A": Q1, "B": Q2}
    assert session.prompt.step is Step.HANDOVER
    assert session.prompt.person is not None and session.prompt.person.name == "Chris"


def test_undo_or_leaving_the_card_ends_the_hand_over() -> None:
    session = hour_session(Mode.PIONNEN, hidden_voting=True)
    session.place(Q1)
    session.undo()
    assert not session.handover_pending and session.prompt.step is Step.VOTE
    session.place(Q1)
    session.toggle_park()
    assert not session.handover_pending
    session.toggle_park()
    assert session.prompt.step is Step.VOTE


def test_open_voting_never_hands_over() -> None:
    session = hour_session(Mode.PIONNEN)
    session.place(Q1)
    assert session.prompt.step is Step.VOTE and not session.handover_pending


@pytest.mark.parametrize("name", ["[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]"])
def test_names_in_the_new_sentences_stay_text(name: str) -> None:
    session = hour_session(Mode.PIONNEN, people=("Anna", name, "Chris"), hidden_voting=True)
    session.place(Q1)
    assert said(session)[0] == f"Geef de laptop aan {name} (docent). De anderen kijken even niet."
    session.place(Q4)
    session.place(Q2)
    assert said(session)[2].startswith(f"Eerst praten: Anna (slb'er) en {name} (docent):")


def test_a_card_settled_despite_a_pass_says_so_and_shows_the_question_mark() -> None:
    session = hour_session(Mode.PIONNEN)
    vote(session, 2, 0, 2)
    lines = said(session)
    assert lines[0].startswith(
        "Alle pionnen op het bord staan in hetzelfde vak. De kaart ligt in 2 Belangrijk, maar"
    )
    assert lines[1] == "?: docent (Bram)"


def test_a_card_everyone_agreed_on_keeps_its_short_sentence() -> None:
    session = hour_session(Mode.PIONNEN)
    vote(session, 2, 2, 2)
    lines = said(session)
    assert lines[0].startswith("Iedereen koos hetzelfde. De kaart ligt in 2")
    assert len(lines) == 1
