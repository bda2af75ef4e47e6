"""The rules of each mode and the prompt they give, in Dutch words: no Textual needed."""

from __future__ import annotations

import pytest

from dialoogspel.model import Mode, Quadrant, RuleError, Session
from dialoogspel.model.rules import MIN_PAWN_PLAYERS, Prompt, Step
from dialoogspel.present.words import LINE_KEYS, SCREEN_KEYS, plain, prompt_sentences
from tests.outcome_sessions import setup

Q1, Q3 = Quadrant.BELANGRIJK_URGENT, Quadrant.NIET_BELANGRIJK_URGENT


def sentences(session: Session, keys=SCREEN_KEYS) -> list[str]:
    return [plain(s) for s in prompt_sentences(session.rules.prompt(session), keys)]


@pytest.mark.parametrize(
    ("mode", "people", "hidden", "refused"),
    [
        (Mode.PIONNEN, 1, False, "minstens 2 deelnemers"),
        (Mode.PIONNEN, 0, False, "Voeg er nog 2 toe"),
        (Mode.PIONNEN, 2, True, None),
        (Mode.SAMEN, 1, True, "Verdekt stemmen kan alleen bij pionnen"),
        (Mode.VRAGEN, 3, True, "Verdekt stemmen kan alleen bij pionnen"),
        (Mode.SAMEN, 0, False, None),
        (Mode.VRAGEN, 0, False, None),
    ],
)
def test_each_mode_checks_its_setup_once_for_every_face(
    mode: Mode, people: int, hidden: bool, refused: str | None
) -> None:
    if refused is None:
        mode.rules.check_setup(people, hidden)
    else:
        with pytest.raises(RuleError, match=refused):
            mode.rules.check_setup(people, hidden)


def test_pawn_voting_needs_two_people_and_only_it_votes() -> None:
    assert MIN_PAWN_PLAYERS == 2 == Mode.PIONNEN.rules.min_participants
    assert [m for m in Mode if m.rules.votes_pawns] == [Mode.PIONNEN, Mode.GEMENGD]
    assert not Mode.VRAGEN.rules.has_board


def test_pionnen_prompts_each_voter_then_the_talk_then_the_result() -> None:
    session = Session(setup(Mode.PIONNEN))
    first = session.rules.prompt(session)
    assert first.step is Step.VOTE and first.person is not None and first.person.name == "Anna"
    assert sentences(session) == ["Aan de beurt: Anna (docent). Kies 1–4, of 0: weet ik niet."]
    assert sentences(session, LINE_KEYS) == [
        "Aan de beurt: Anna (docent). Kies 1, 2, 3 of 4, of 0: weet ik niet."
    ]
    session.place(Q1)
    assert session.rules.prompt(session).person.name == "Ahmed"  # type: ignore[union-attr]
    session.place(Q3)
    talk = session.rules.prompt(session)
    assert talk.step is Step.DECIDE
    assert [q for q, _ in talk.positions] == [Q1, Q3]
    said = sentences(session)
    assert said[0] == "De pionnen staan verschillend. Praat erover en kies samen 1–4."
    assert "Anna" in said[1] and "Ahmed" in said[1]
    with pytest.raises(RuleError):
        session.advance()
    session.place(Q3)
    done = session.rules.prompt(session)
    assert done.step is Step.SETTLED and done.final is Q3 and done.positions
    assert sentences(session)[0].endswith("→: volgende kaart.")


def test_hidden_voting_counts_the_choices_without_showing_them() -> None:
    session = Session(setup(Mode.PIONNEN, hidden_voting=True))
    session.place(Q1)
    session.hand_over()  # the laptop went to the next voter
    prompt = session.rules.prompt(session)
    assert (prompt.hidden, prompt.chosen, prompt.total) == (True, 1, 2)
    assert sentences(session)[1] == "Verdekt: 1 van de 2 heeft gekozen. Niemand kijkt mee!"


def test_samen_places_at_once_and_the_last_card_points_onwards() -> None:
    session = Session(setup(Mode.SAMEN))
    assert session.rules.prompt(session).step is Step.PLACE
    while not session.is_last:
        session.place(Q1)
        session.advance()
    session.place(Q3)
    prompt = session.rules.prompt(session)
    assert prompt.step is Step.SETTLED and prompt.is_last
    assert "Dit was de laatste kaart: b is het bord, e de afspraken." in sentences(session)[0]


def test_vragen_talks_and_refuses_the_board() -> None:
    session = Session(setup(Mode.VRAGEN))
    assert session.rules.prompt(session).step is Step.TALK
    assert sentences(session, LINE_KEYS) == [
        "Praat over de vraag. n: notitie · d: databronnen · een lege regel: volgende."
    ]
    with pytest.raises(RuleError):
        session.place(Q1)
    session.advance()  # talking is enough to go on
    assert session.index == 1


def test_a_parked_card_says_how_to_bring_it_back() -> None:
    session = Session(setup(Mode.SAMEN))
    session.toggle_park()
    assert session.rules.prompt(session) == Prompt(Step.PARKED)
    assert sentences(session)[0].startswith("Deze kaart is geparkeerd. s: terughalen")


def test_undo_refuses_with_a_rule_error_when_there_is_nothing_to_undo() -> None:
    session = Session(setup(Mode.SAMEN))
    with pytest.raises(RuleError):
        session.undo()
