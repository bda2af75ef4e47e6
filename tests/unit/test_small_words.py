"""The small wording and rule points of issue 17: help keys, what enter does, pawn letters."""

from __future__ import annotations

from dialoogspel.model import Mode, Quadrant, RuleError, letter_taken_by
from dialoogspel.model.savedcard import state_from_dict, state_to_dict
from dialoogspel.model.state import CardState
from dialoogspel.present import letter_note
from dialoogspel.present.dialogkeys import TERUGBLIK_KEYS
from dialoogspel.present.keys import PLAY_KEYS, key_text
from tests.factories import make_participants, make_session


def play_key(action: str):
    return next(a for a in PLAY_KEYS if a.action == action)


def test_help_names_key_1_as_1_while_the_footer_says_1_to_4() -> None:
    one = play_key("place(1)")
    assert one.display == "1–4"  # the Footer groups the four keys
    assert key_text(one) == "1"
    assert [key_text(play_key(f"place({n})")) for n in (2, 3, 4)] == ["2", "3", "4"]
    assert key_text(TERUGBLIK_KEYS[0]) == "1"


def test_help_says_that_enter_works_like_the_arrow() -> None:
    forward = play_key("next_card")
    assert forward.display == "→"
    assert key_text(forward) == "enter / →"
    assert "Enter doet hetzelfde als →" in forward.help


def refusal(press) -> str:
    try:
        press()
    except RuleError as error:
        return str(error)
    raise AssertionError("not refused")


def test_a_pawn_on_a_card_that_lies_says_what_backspace_and_enter_do() -> None:
    session = make_session(Mode.PIONNEN)
    for _ in session.participants:
        session.place(Quadrant.BELANGRIJK_URGENT)
    assert refusal(lambda: session.place(Quadrant.BELANGRIJK_URGENT)) == (
        "Deze kaart ligt al. Backspace neemt de laatste keuze terug; enter gaat naar de"
        " volgende kaart."
    )
    assert "enter gaat naar de volgende kaart" in refusal(session.abstain)


def test_on_the_last_card_enter_is_not_said_to_go_to_a_next_card() -> None:
    session = make_session(Mode.PIONNEN)
    session.go_to(len(session.cards) - 1)
    for _ in session.participants:
        session.place(Quadrant.BELANGRIJK_URGENT)
    said = refusal(lambda: session.place(Quadrant.BELANGRIJK_URGENT))
    assert said == (
        "Deze kaart ligt al. Backspace neemt de laatste keuze terug; dit was de laatste kaart:"
        " b is het bord, e de afspraken."
    )


def test_a_letter_other_than_the_initial_is_explained() -> None:
    people = make_participants("Anna", "An", "Bert")
    anna, an, bert = people
    assert an.letter == "N"
    assert letter_taken_by(people, an) == anna
    assert letter_note(people, an) == "letter N, want A is al van Anna"
    assert letter_note(people, anna) == "" and letter_note(people, bert) == ""


def test_a_letter_note_says_a_name_as_typed() -> None:
    people = make_participants("[/]x [@click=app.quit]", "Xander")
    assert letter_note(people, people[1]) == "letter A, want X is al van [/]x [@click=app.quit]"


def test_a_name_without_letters_needs_no_explanation() -> None:
    people = make_participants("12", "Anna")
    assert letter_note(people, people[0]) == ""


def test_talked_is_saved_and_old_saves_count_seen_cards_as_before() -> None:
    talked = CardState(visited=True, talked=True)
    assert state_from_dict(state_to_dict(talked)) == talked
    seen = CardState(visited=True)
    assert state_from_dict(state_to_dict(seen)) == seen
    old = state_to_dict(seen)
    del old["talked"]
    assert state_from_dict(old).talked  # a vragen card saved before counted once seen
    assert not CardState(talked=True).is_default
