"""Gemengd (issue 13): place together; t (twijfel) turns one card into pawn voting, which then
settles as in pionnen, and the card remembers it was doubted."""

from __future__ import annotations

import json

import pytest

from dialoogspel.model import (
    Mode,
    Quadrant,
    RuleError,
    Settlement,
    Step,
    session_from_dict,
    session_to_dict,
)
from dialoogspel.present.words import SCREEN_KEYS, plain, prompt_sentences
from tests.unit.hourkit import hour_session

Q1, Q2, Q3, Q4 = Quadrant


def said(session) -> list[str]:
    return [plain(s) for s in prompt_sentences(session.prompt, SCREEN_KEYS)]


def test_gemengd_is_a_mode_with_its_own_dutch_explanation() -> None:
    assert Mode("gemengd") is Mode.GEMENGD
    assert Mode.GEMENGD.explanation.startswith("Gemengd: jullie leggen elke kaart samen.")
    assert "t" in Mode.GEMENGD.explanation and "\n" not in Mode.GEMENGD.explanation
    assert type(Mode.GEMENGD.rules).__name__ == "GemengdRules"


def test_gemengd_needs_two_people_and_allows_hidden_voting() -> None:
    rules = Mode.GEMENGD.rules
    rules.check_setup(2, True)
    with pytest.raises(RuleError, match="Voor gemengd zijn minstens 2 deelnemers nodig"):
        rules.check_setup(1, False)


def test_one_to_four_places_the_card_together() -> None:
    session = hour_session(Mode.GEMENGD)
    prompt = session.prompt
    assert prompt.step is Step.PLACE and prompt.can_doubt and not prompt.doubted
    assert said(session) == [
        "Waar hoort deze kaart? Kies samen 1–4. Twijfel? Druk t: dan zet ieder een eigen pion."
    ]
    session.place(Q2)
    state = session.current_state
    assert (state.final, state.settled_by, state.doubted) == (Q2, Settlement.JOINT, False)
    assert not state.pawns
    session.place(Q4)  # as in samen: the team may move it
    assert state.final is Q4


def test_t_turns_the_card_into_pawn_voting_that_settles_as_in_pionnen() -> None:
    session = hour_session(Mode.GEMENGD)
    revision = session.revision
    session.doubt()
    assert session.revision == revision + 1
    prompt = session.prompt
    assert prompt.step is Step.VOTE and prompt.doubted
    assert prompt.person is not None and prompt.person.name == "Anna"
    session.place(Q1)
    session.place(Q3)
    session.place(Q1)
    decide = session.prompt
    assert decide.step is Step.DECIDE and decide.doubted
    assert [p.name for p in decide.first_speakers] == ["Anna", "Bram"]
    with pytest.raises(RuleError, match="Enter gaat pas verder als de kaart ligt"):
        session.advance()
    session.place(Q3)
    state = session.current_state
    assert (state.final, state.settled_by, state.doubted) == (Q3, Settlement.DISCUSSED, True)
    assert session.is_contested()


def test_doubted_pawns_that_agree_settle_the_card_at_once() -> None:
    session = hour_session(Mode.GEMENGD)
    session.doubt()
    for _ in range(3):
        session.place(Q2)
    assert session.current_state.settled_by is Settlement.AGREED
    assert session.can_advance


def test_passes_count_on_a_doubted_card() -> None:
    session = hour_session(Mode.GEMENGD)
    session.doubt()
    session.abstain()
    session.place(Q4)
    session.abstain()
    assert session.current_state.final is Q4


def test_undo_takes_back_pawns_and_then_the_doubt_itself() -> None:
    session = hour_session(Mode.GEMENGD)
    session.doubt()
    session.place(Q1)
    session.undo()
    assert session.current_state.doubted and not session.current_state.pawns
    session.undo()
    assert not session.current_state.doubted
    assert session.prompt.step is Step.PLACE and session.prompt.can_doubt
    with pytest.raises(RuleError, match="niets om terug te nemen"):
        session.undo()


@pytest.mark.parametrize(
    ("before", "refusal"),
    [("doubt", "stemmen jullie al"), ("place", "ligt al"), ("park", "geparkeerd")],
)
def test_t_is_refused_when_it_cannot_help(before: str, refusal: str) -> None:
    session = hour_session(Mode.GEMENGD)
    {"doubt": session.doubt, "place": lambda: session.place(Q1), "park": session.toggle_park}[
        before
    ]()
    with pytest.raises(RuleError, match=refusal):
        session.doubt()


@pytest.mark.parametrize("mode", [Mode.PIONNEN, Mode.SAMEN, Mode.VRAGEN])
def test_t_belongs_to_gemengd_only(mode: Mode) -> None:
    session = hour_session(mode)
    with pytest.raises(RuleError, match="hoort bij de modus gemengd"):
        session.doubt()


def test_a_doubted_card_with_hidden_voting_hands_the_laptop_over() -> None:
    session = hour_session(Mode.GEMENGD, hidden_voting=True)
    assert session.pawns_revealed()  # nothing to hide while the team places together
    session.doubt()
    assert not session.pawns_revealed()
    session.place(Q1)
    assert session.prompt.step is Step.HANDOVER and session.prompt.doubted


def test_only_a_doubted_card_waits_for_pawns() -> None:
    session = hour_session(Mode.GEMENGD)
    assert session.pending_participants() == ()
    assert session.current_participant is None
    with pytest.raises(RuleError, match="samen op het bord"):
        session.advance()
    session.doubt()
    assert len(session.pending_participants()) == 3


def test_doubt_and_the_votes_survive_resume_and_undo_after_it() -> None:
    session = hour_session(Mode.GEMENGD)
    session.place(Q1)
    session.advance()
    session.doubt()
    session.place(Q2)
    data = json.loads(json.dumps(session_to_dict(session)))
    restored = session_from_dict(data)
    assert restored.states == session.states
    assert restored.current_state.doubted
    assert restored.states[restored.cards[0].key].doubted is False
    restored.undo()
    restored.undo()
    assert not restored.current_state.doubted


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda s: s.update(doubted=True), "doubted without the t step"),
        (lambda s: s["history"].insert(1, ["doubt", None]), "t in the middle"),
        (lambda s: s.update(history=s["history"][1:]), "pawns without t"),
    ],
)
def test_impossible_doubts_are_refused_on_load(change, why: str) -> None:
    session = hour_session(Mode.GEMENGD)
    session.doubt()
    session.place(Q2)
    if why == "doubted without the t step":
        session.undo()
        session.undo()
        session.place(Q1)
    data = json.loads(json.dumps(session_to_dict(session)))
    change(data["states"][session.current.key])
    with pytest.raises(ValueError, match="beschadigd"):
        session_from_dict(data)


def test_a_doubt_step_in_pionnen_is_refused_on_load() -> None:
    session = hour_session(Mode.PIONNEN)
    session.place(Q2)
    data = json.loads(json.dumps(session_to_dict(session)))
    data["states"][session.current.key]["history"].insert(0, ["doubt", None])
    with pytest.raises(ValueError, match="beschadigd"):
        session_from_dict(data)
