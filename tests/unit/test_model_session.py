"""The rules of play: pawns (pionnen), joint placement (samen), questions only (vragen),
parking, moving between cards, undo, notes and the revision counter that drives autosave."""

from __future__ import annotations

import pytest

from dialoogspel.model import Mode, Participant, Quadrant, RuleError, Session, Settlement, Step
from dialoogspel.present import SCREEN_KEYS, prompt_sentences
from tests.factories import make_deck, make_participants, make_session

Q1, Q2, Q3, Q4 = Quadrant


def place(session: Session, *quadrants: Quadrant) -> None:
    for quadrant in quadrants:
        session.place(quadrant)


def names(people: tuple[Participant, ...]) -> list[str]:
    return [p.name for p in people]


# -- pionnen: taking turns -------------------------------------------------------------------


def test_pionnen_turn_order_is_table_order() -> None:
    session = make_session(Mode.PIONNEN)
    turns = []
    for quadrant in (Q1, Q2, Q3):
        turns.append(session.current_participant.name)
        session.place(quadrant)
    assert turns == ["Anna", "Bram", "Chris"]


def test_pionnen_turn_order_follows_the_table_not_the_alphabet() -> None:
    session = make_session(Mode.PIONNEN, participants=make_participants("Zeynep", "Bram"))
    assert session.current_participant.name == "Zeynep"


def test_pending_participants_are_those_without_a_pawn_in_table_order() -> None:
    session = make_session(Mode.PIONNEN)
    assert names(session.pending_participants()) == ["Anna", "Bram", "Chris"]
    session.place(Q2)
    assert names(session.pending_participants()) == ["Bram", "Chris"]


def test_pending_participants_of_another_card_are_its_own() -> None:
    session = make_session(Mode.PIONNEN)
    session.place(Q2)
    other = session.cards[1].key
    assert names(session.pending_participants(other)) == ["Anna", "Bram", "Chris"]


def test_a_pawn_is_stored_under_the_participants_letter() -> None:
    session = make_session(Mode.PIONNEN)
    session.place(Q3)
    assert session.current_state.pawns == {"A": Q3}


def test_all_pawns_in_one_quadrant_settle_the_card_automatically() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q2, Q2, Q2)
    assert session.current_state.final is Q2
    assert session.current_state.settled_by is Settlement.AGREED
    assert session.is_settled()
    assert session.can_advance
    assert not session.is_contested()
    assert session.current_participant is None


def test_pionnen_with_one_participant_is_refused_in_dutch() -> None:
    with pytest.raises(RuleError, match="minstens 2 deelnemers"):
        make_session(Mode.PIONNEN, participants=make_participants("Anna"))


@pytest.mark.parametrize("mode", [Mode.SAMEN, Mode.VRAGEN])
def test_hidden_voting_is_refused_where_no_pawns_are_voted(mode: Mode) -> None:
    with pytest.raises(RuleError, match="Verdekt stemmen kan alleen bij pionnen"):
        make_session(mode, hidden_voting=True)


@pytest.mark.parametrize("mode", [Mode.SAMEN, Mode.VRAGEN])
def test_one_or_no_participant_is_enough_without_pawns(mode: Mode) -> None:
    assert make_session(mode, participants=()).mode is mode


def test_card_is_not_settled_while_someone_still_has_to_choose() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q1)
    assert session.current_state.final is None
    assert not session.is_settled()
    assert not session.is_contested()
    assert not session.needs_decision()


def test_differing_pawns_make_the_card_contested_and_need_a_decision() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q2, Q1)
    assert session.is_contested()
    assert session.needs_decision()
    assert not session.is_settled()
    assert not session.can_advance


def test_advance_on_a_contested_card_is_refused_in_dutch() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q2, Q1)
    with pytest.raises(RuleError) as refused:
        session.advance()
    assert session.index == 0
    # The prompt says the pawns differ; the refusal says what enter waits for, not that again.
    assert str(refused.value) == (
        "Enter gaat pas verder als de kaart ligt. Kies samen 1–4 waar hij komt."
    )
    assert "verschillend" not in str(refused.value)


def test_advance_before_everyone_chose_names_whose_turn_it_is() -> None:
    session = make_session(Mode.PIONNEN)
    session.place(Q1)
    with pytest.raises(RuleError, match="Bram is aan de beurt"):
        session.advance()


def test_after_a_contest_1_to_4_sets_the_final_quadrant_as_discussed() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q2, Q1, Q4)
    state = session.current_state
    assert state.final is Q4
    assert state.settled_by is Settlement.DISCUSSED
    assert state.pawns == {"A": Q1, "B": Q2, "C": Q1}
    assert session.is_settled()
    assert session.can_advance


def test_a_discussed_card_stays_contested_so_the_outcome_can_show_the_disagreement() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q2, Q1, Q4)
    assert session.is_contested()
    assert not session.needs_decision()


def test_pressing_1_to_4_on_an_agreed_card_is_refused_and_changes_nothing() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q3, Q3, Q3)
    revision = session.revision
    with pytest.raises(RuleError, match="ligt al"):
        session.place(Q1)
    assert session.current_state.final is Q3
    assert session.revision == revision


def test_pressing_1_to_4_on_a_discussed_card_is_refused() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q2, Q1, Q4)
    with pytest.raises(RuleError, match="ligt al"):
        session.place(Q1)
    assert session.current_state.final is Q4


# -- pionnen: undo ---------------------------------------------------------------------------


def test_undo_takes_back_the_last_pawn_and_gives_that_participant_the_turn() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q2)
    session.undo()
    assert session.current_state.pawns == {"A": Q1}
    assert session.current_participant.name == "Bram"


def test_undo_after_a_decision_takes_back_the_decision_first() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q2, Q1, Q4)
    session.undo()
    state = session.current_state
    assert state.final is None
    assert state.settled_by is None
    assert state.pawns == {"A": Q1, "B": Q2, "C": Q1}
    assert session.needs_decision()


def test_undo_after_undoing_the_decision_takes_back_the_last_pawn() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q2, Q1, Q4)
    session.undo()
    session.undo()
    assert session.current_state.pawns == {"A": Q1, "B": Q2}
    assert not session.is_contested()
    assert session.current_participant.name == "Chris"


def test_undo_of_a_pawn_of_an_agreed_card_unsettles_it() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q2, Q2, Q2)
    session.undo()
    state = session.current_state
    assert state.final is None
    assert state.settled_by is None
    assert state.pawns == {"A": Q2, "B": Q2}
    assert not session.can_advance


def test_revoting_after_undo_of_an_agreed_card_can_make_it_contested() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q2, Q2, Q2)
    session.undo()
    session.place(Q3)
    assert session.needs_decision()


def test_undo_walks_all_the_way_back_to_an_untouched_card() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q2, Q3, Q1)
    for _ in range(4):
        session.undo()
    with pytest.raises(RuleError, match="niets om terug te nemen"):
        session.undo()
    assert session.current_state.pawns == {}
    assert session.current_state.final is None


def test_undo_on_an_empty_history_is_refused_and_changes_nothing() -> None:
    session = make_session(Mode.PIONNEN)
    revision = session.revision
    with pytest.raises(RuleError, match="niets om terug te nemen"):
        session.undo()
    assert session.revision == revision
    assert session.current_state.pawns == {}


def test_undo_only_touches_the_current_card() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q1, Q1)
    session.advance()
    with pytest.raises(RuleError):
        session.undo()
    assert session.states[session.cards[0].key].final is Q1


# -- pionnen: hidden voting and who stands where ---------------------------------------------


def test_hidden_voting_covers_pawns_until_everyone_has_chosen() -> None:
    session = make_session(Mode.PIONNEN, hidden_voting=True)
    assert not session.pawns_revealed()
    place(session, Q1, Q2)
    assert not session.pawns_revealed()
    session.place(Q3)
    assert session.pawns_revealed()


def test_hidden_voting_covers_pawns_again_after_undo_of_the_last_pawn() -> None:
    session = make_session(Mode.PIONNEN, hidden_voting=True)
    place(session, Q1, Q2, Q3)
    session.undo()
    assert not session.pawns_revealed()


def test_hidden_voting_keeps_pawns_shown_after_the_decision() -> None:
    session = make_session(Mode.PIONNEN, hidden_voting=True)
    place(session, Q1, Q2, Q3, Q1)
    assert session.pawns_revealed()


def test_open_voting_always_shows_pawns() -> None:
    session = make_session(Mode.PIONNEN)
    assert session.pawns_revealed()
    session.place(Q1)
    assert session.pawns_revealed()


def test_hidden_voting_is_per_card() -> None:
    session = make_session(Mode.PIONNEN, hidden_voting=True)
    place(session, Q1, Q1, Q1)
    assert session.pawns_revealed(session.cards[0].key)
    assert not session.pawns_revealed(session.cards[1].key)


def test_positions_list_who_stands_where_per_quadrant_in_board_order() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q3, Q1, Q3)
    positions = session.positions()
    assert list(positions) == [Q1, Q2, Q3, Q4]
    assert {q: names(p) for q, p in positions.items()} == {
        Q1: ["Bram"],
        Q2: [],
        Q3: ["Anna", "Chris"],
        Q4: [],
    }


def test_positions_of_an_untouched_card_are_all_empty() -> None:
    session = make_session(Mode.PIONNEN)
    assert all(people == () for people in session.positions().values())


def test_participant_is_found_by_pawn_letter() -> None:
    session = make_session(Mode.PIONNEN)
    assert session.participant("B").name == "Bram"
    with pytest.raises(KeyError):
        session.participant("Z")


@pytest.mark.parametrize("mode", [Mode.VRAGEN, Mode.SAMEN])
def test_only_pionnen_has_turns(mode: Mode) -> None:
    session = make_session(mode)
    assert session.pending_participants() == ()
    assert session.current_participant is None
    assert not session.is_contested()
    assert not session.needs_decision()


# -- samen -----------------------------------------------------------------------------------


def test_samen_one_placement_settles_the_card_jointly() -> None:
    session = make_session(Mode.SAMEN)
    session.place(Q2)
    assert session.current_state.final is Q2
    assert session.current_state.settled_by is Settlement.JOINT
    assert session.current_state.pawns == {}
    assert session.is_settled()
    assert session.can_advance


def test_samen_placing_again_moves_the_card() -> None:
    session = make_session(Mode.SAMEN)
    place(session, Q2, Q4)
    assert session.current_state.final is Q4
    assert session.current_state.settled_by is Settlement.JOINT


def test_samen_undo_puts_the_card_back_where_it_lay_before() -> None:
    session = make_session(Mode.SAMEN)
    place(session, Q2, Q4, Q1)
    session.undo()
    assert session.current_state.final is Q4
    session.undo()
    assert session.current_state.final is Q2
    session.undo()
    assert session.current_state.final is None
    assert session.current_state.settled_by is None
    with pytest.raises(RuleError):
        session.undo()


def test_samen_advance_before_placing_is_refused_in_dutch() -> None:
    session = make_session(Mode.SAMEN)
    with pytest.raises(RuleError, match="Leg de kaart eerst op het bord"):
        session.advance()


# -- vragen ----------------------------------------------------------------------------------


def test_vragen_refuses_placement_with_a_dutch_hint() -> None:
    session = make_session(Mode.VRAGEN)
    for press in (lambda: session.place(Q1), session.abstain):
        with pytest.raises(RuleError) as refused:
            press()
        assert str(refused.value) == (
            "In de modus vragen leggen jullie geen kaarten op een bord, dus 1 tot 4 doen hier"
            " niets. Praat over de vraag en maak een notitie (n)."
        )
    assert session.revision == 0


def test_vragen_can_always_advance() -> None:
    session = make_session(Mode.VRAGEN)
    assert session.can_advance
    session.advance()
    assert session.index == 1


def test_vragen_a_card_counts_as_talked_about_when_the_team_moves_on() -> None:
    session = make_session(Mode.VRAGEN)
    first, second = session.cards[0].key, session.cards[1].key
    assert not session.is_settled(), "showing a card is not talking about it"
    assert session.settled_count == 0
    session.advance()
    assert session.is_settled(first) and not session.is_settled(second)
    assert session.settled_count == 1
    assert session.states[first].settled_at is not None
    session.back()  # back to the first card: it stays talked about; the second is not
    assert session.is_settled(first) and not session.is_settled(second)
    assert [c.key for c in session.open_cards()] == [second, session.cards[2].key]


def test_vragen_a_parked_card_is_not_talked_about_when_the_team_moves_on() -> None:
    session = make_session(Mode.VRAGEN)
    session.toggle_park()
    session.advance()
    assert not session.states[session.cards[0].key].talked
    assert session.settled_count == 0


def test_vragen_enter_on_the_last_card_counts_it_then_points_to_the_board() -> None:
    session = make_session(Mode.VRAGEN)
    session.advance()
    session.advance()
    revision = session.revision
    assert session.settled_count == 2 and session.prompt.step is Step.TALK
    assert not session.prompt.talked
    session.advance()  # the team is done with the last card
    assert session.settled_count == 3 and session.revision == revision + 1
    assert session.prompt.talked
    assert prompt_sentences(session.prompt, SCREEN_KEYS) == [
        ("Besproken. Dit was de laatste kaart: b is het bord, e de afspraken.",)
    ]
    with pytest.raises(RuleError, match=r"laatste kaart\. Druk b"):
        session.advance()
    assert session.revision == revision + 1


def test_vragen_open_cards_are_the_unseen_and_parked_ones() -> None:
    session = make_session(Mode.VRAGEN)
    session.advance()
    session.toggle_park()
    assert [c.key for c in session.open_cards()] == ["uitval:U02", "uitval:U03"]


def test_vragen_never_puts_a_card_on_the_board() -> None:
    session = make_session(Mode.VRAGEN)
    session.advance()
    assert all(session.cards_in(q) == () for q in Quadrant)


# -- parking ---------------------------------------------------------------------------------


def test_park_toggles_and_reports_the_new_state() -> None:
    session = make_session()
    assert session.toggle_park() is True
    assert session.current_state.parked
    assert session.toggle_park() is False
    assert not session.current_state.parked


@pytest.mark.parametrize("mode", [Mode.PIONNEN, Mode.SAMEN])
def test_a_parked_card_may_be_passed_unsettled(mode: Mode) -> None:
    session = make_session(mode)
    session.toggle_park()
    assert session.can_advance
    session.advance()
    assert session.index == 1


def test_a_parked_card_may_be_passed_in_the_middle_of_a_contest() -> None:
    session = make_session(Mode.PIONNEN)
    place(session, Q1, Q2, Q3)
    session.toggle_park()
    session.advance()
    assert session.index == 1


@pytest.mark.parametrize("mode", [Mode.PIONNEN, Mode.SAMEN])
def test_a_parked_card_refuses_placement_in_dutch(mode: Mode) -> None:
    session = make_session(mode)
    session.toggle_park()
    revision = session.revision
    with pytest.raises(RuleError, match="geparkeerd"):
        session.place(Q1)
    assert session.revision == revision
    assert session.current_state.pawns == {}


def test_unparking_allows_placement_again() -> None:
    session = make_session(Mode.SAMEN)
    session.toggle_park()
    session.toggle_park()
    session.place(Q1)
    assert session.current_state.final is Q1


def test_cards_in_lists_settled_cards_of_a_quadrant_in_play_order() -> None:
    session = make_session(Mode.SAMEN)
    session.place(Q1)
    session.advance()
    session.place(Q2)
    session.advance()
    session.place(Q1)
    assert [c.key for c in session.cards_in(Q1)] == ["uitval:U01", "uitval:U03"]
    assert [c.key for c in session.cards_in(Q2)] == ["uitval:U02"]
    assert session.cards_in(Q3) == ()


def test_cards_in_leaves_out_a_parked_card_even_when_it_was_placed() -> None:
    session = make_session(Mode.SAMEN)
    session.place(Q1)
    session.toggle_park()
    assert session.cards_in(Q1) == ()
    assert session.settled_count == 0


def test_open_cards_lists_parked_and_unsettled_cards_in_play_order() -> None:
    session = make_session(Mode.SAMEN)
    session.place(Q1)
    session.toggle_park()
    session.advance()
    session.place(Q2)
    assert [c.key for c in session.open_cards()] == ["uitval:U01", "uitval:U03"]


def test_settled_count_counts_settled_unparked_cards() -> None:
    session = make_session(Mode.SAMEN)
    session.place(Q1)
    session.advance()
    session.place(Q3)
    assert session.settled_count == 2


# -- moving between cards --------------------------------------------------------------------


def test_advance_goes_to_the_next_card_and_marks_it_visited() -> None:
    session = make_session(Mode.SAMEN)
    session.place(Q1)
    session.advance()
    assert session.index == 1
    assert session.current.key == "uitval:U02"
    assert session.current_state.visited


def test_back_goes_to_the_previous_card_even_when_this_one_is_open() -> None:
    session = make_session(Mode.SAMEN)
    session.place(Q1)
    session.advance()
    session.back()
    assert session.index == 0


def test_back_on_the_first_card_is_refused_in_dutch() -> None:
    session = make_session()
    with pytest.raises(RuleError, match="eerste kaart"):
        session.back()
    assert session.revision == 0


def test_advance_on_the_last_card_is_refused_and_points_to_the_board() -> None:
    session = make_session(Mode.SAMEN)
    session.go_to(2)
    session.place(Q1)
    assert session.is_last
    revision = session.revision
    with pytest.raises(RuleError, match=r"laatste kaart\. Druk b"):
        session.advance()
    assert session.revision == revision


def test_only_the_last_card_is_last() -> None:
    session = make_session(Mode.VRAGEN)
    assert [session.go_to(i) or session.is_last for i in range(3)] == [False, False, True]


def test_go_to_jumps_to_any_card_and_marks_it_visited() -> None:
    session = make_session(Mode.SAMEN)
    session.go_to(2)
    assert session.index == 2
    assert session.current_state.visited
    assert not session.states["uitval:U02"].visited


@pytest.mark.parametrize("index", [-1, 3, 99])
def test_go_to_outside_the_deck_is_refused_in_dutch(index: int) -> None:
    session = make_session()
    with pytest.raises(RuleError, match="bestaat niet"):
        session.go_to(index)
    assert session.index == 0
    assert session.revision == 0


def test_cards_can_be_walked_across_decks() -> None:
    session = make_session(
        Mode.VRAGEN, decks=[make_deck("uitval", ["U01"]), make_deck("verzuim", ["V01"])]
    )
    session.advance()
    assert session.current.deck.name == "verzuim"


# -- notes -----------------------------------------------------------------------------------


def test_note_is_added_to_the_current_card_without_surrounding_spaces() -> None:
    session = make_session()
    session.add_note("  Navragen bij de stagebegeleider \n")
    assert session.current_state.notes == ["Navragen bij de stagebegeleider"]


def test_notes_keep_their_order() -> None:
    session = make_session()
    session.add_note("eerste")
    session.add_note("tweede")
    assert session.current_state.notes == ["eerste", "tweede"]


def test_note_can_be_added_to_another_card_by_key() -> None:
    session = make_session()
    session.add_note("later bespreken", key="uitval:U03")
    assert session.states["uitval:U03"].notes == ["later bespreken"]
    assert session.current_state.notes == []


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_note_is_refused_and_is_no_change(text: str) -> None:
    session = make_session()
    with pytest.raises(RuleError, match="notitie is leeg"):
        session.add_note(text)
    assert session.current_state.notes == []
    assert session.revision == 0


def test_notes_are_allowed_in_every_mode_and_on_parked_cards() -> None:
    for mode in Mode:
        session = make_session(mode)
        session.toggle_park()
        session.add_note("ok")
        assert session.current_state.notes == ["ok"]


# -- revision: the autosave signal -----------------------------------------------------------


def test_revision_counts_every_change() -> None:
    session = make_session(Mode.PIONNEN)
    steps = [
        lambda: session.place(Q1),
        lambda: session.place(Q1),
        lambda: session.undo(),
        lambda: session.toggle_park(),
        lambda: session.advance(),
        lambda: session.back(),
        lambda: session.go_to(2),
        lambda: session.add_note("notitie"),
        lambda: session.mark_exported("/gedeeld/uitkomst.md"),
    ]
    for expected, step in enumerate(steps, start=1):
        step()
        assert session.revision == expected


def test_revision_does_not_move_on_refused_actions() -> None:
    session = make_session(Mode.PIONNEN)
    refused = [
        session.advance,
        session.back,
        lambda: session.go_to(7),
        session.undo,
        lambda: session.add_note(" "),
    ]
    for action in refused:
        with pytest.raises(RuleError):
            action()
    assert session.revision == 0


def test_mark_exported_remembers_where_outcome_files_went_newest_last() -> None:
    session = make_session()
    session.mark_exported("a.md")
    session.mark_exported("b.md")
    assert session.exported == ["a.md", "b.md"]
