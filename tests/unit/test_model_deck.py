"""Which cards a session plays, in which order, and the board they land on."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dialoogspel.model import Deck, Mode, Participant, Quadrant, RuleError, Session, SessionSetup
from tests.factories import make_card, make_deck, make_participants, make_session


def keys(session: Session) -> list[str]:
    return [card.key for card in session.cards]


# -- card order ------------------------------------------------------------------------------


def test_cards_of_one_deck_keep_deck_order() -> None:
    session = make_session(decks=[make_deck("uitval", ["U03", "U01", "U02"])])
    assert keys(session) == ["uitval:U03", "uitval:U01", "uitval:U02"]


def test_decks_follow_each_other_in_the_chosen_order() -> None:
    uitval = make_deck("uitval", ["U01", "U02"])
    verzuim = make_deck("verzuim", ["V01", "V02"])
    session = make_session(decks=[verzuim, uitval])
    assert keys(session) == ["verzuim:V01", "verzuim:V02", "uitval:U01", "uitval:U02"]


def test_session_card_key_is_deck_name_and_card_id() -> None:
    session = make_session(decks=[make_deck("motivatie", ["M07"])])
    card = session.cards[0]
    assert card.key == "motivatie:M07"
    assert card.deck.name == "motivatie"
    assert card.card.id == "M07"
    assert session.card("motivatie:M07") is card


def test_same_card_id_in_two_decks_gives_two_cards() -> None:
    session = make_session(decks=[make_deck("uitval", ["K1"]), make_deck("verzuim", ["K1"])])
    assert keys(session) == ["uitval:K1", "verzuim:K1"]


def test_choosing_the_same_deck_twice_is_refused_in_dutch() -> None:
    deck = make_deck("uitval", ["U01"])
    with pytest.raises(RuleError, match="twee keer"):
        make_session(decks=[deck, deck])


def test_looking_up_an_unknown_card_key_raises_key_error() -> None:
    with pytest.raises(KeyError):
        make_session().card("uitval:NOPE")


def test_session_iterates_over_its_cards_in_play_order() -> None:
    session = make_session()
    assert list(session) == list(session.cards)


# -- niveau filter ---------------------------------------------------------------------------


def niveau_deck() -> Deck:
    return make_deck(
        "uitval",
        cards=[
            make_card("ALL"),
            make_card("KLAS", niveaus=["klas"]),
            make_card("TEAM", niveaus=["team", "opleiding"]),
            make_card("BBL", niveaus=["BBL-niveau 2"]),
        ],
    )


def test_card_without_niveaus_fits_every_niveau() -> None:
    card = make_card("X")
    assert card.fits("klas")
    assert card.fits("instelling")
    assert card.fits("iets zelfbedachts")


def test_niveau_filter_keeps_matching_cards_and_cards_for_every_niveau() -> None:
    session = make_session(decks=[niveau_deck()], niveau="team")
    assert keys(session) == ["uitval:ALL", "uitval:TEAM"]


def test_niveau_filter_is_case_insensitive_and_ignores_spaces() -> None:
    session = make_session(decks=[niveau_deck()], niveau="  KLAS ")
    assert keys(session) == ["uitval:ALL", "uitval:KLAS"]


def test_card_niveaus_are_matched_case_insensitively_too() -> None:
    assert make_card("X", niveaus=[" Opleiding "]).fits("opleiding")


def test_free_text_niveau_matches_a_card_with_that_niveau() -> None:
    session = make_session(decks=[niveau_deck()], niveau="bbl-NIVEAU 2")
    assert keys(session) == ["uitval:ALL", "uitval:BBL"]


def test_free_text_niveau_that_no_card_names_keeps_only_cards_for_every_niveau() -> None:
    session = make_session(decks=[niveau_deck()], niveau="entree")
    assert keys(session) == ["uitval:ALL"]


def test_empty_niveau_plays_every_card() -> None:
    session = make_session(decks=[niveau_deck()], niveau="  ")
    assert keys(session) == ["uitval:ALL", "uitval:KLAS", "uitval:TEAM", "uitval:BBL"]


def test_deck_cards_for_filters_in_deck_order() -> None:
    assert [c.id for c in niveau_deck().cards_for("opleiding")] == ["ALL", "TEAM"]


def test_no_cards_for_the_niveau_is_a_rule_error_in_dutch() -> None:
    deck = make_deck("uitval", cards=[make_card("K", niveaus=["klas"])])
    with pytest.raises(RuleError, match="geen kaarten voor niveau 'team'"):
        make_session(decks=[deck], niveau="team")


def test_no_decks_at_all_is_a_rule_error() -> None:
    with pytest.raises(RuleError):
        make_session(decks=[])


# -- who may play ----------------------------------------------------------------------------


def test_pionnen_without_participants_is_a_rule_error_in_dutch() -> None:
    with pytest.raises(RuleError, match="minstens 2 deelnemers"):
        make_session(Mode.PIONNEN, participants=[])


@pytest.mark.parametrize("mode", [Mode.VRAGEN, Mode.SAMEN])
def test_vragen_and_samen_may_be_played_without_participants(mode: Mode) -> None:
    assert make_session(mode, participants=[]).participants == ()


def test_two_participants_with_the_same_pawn_letter_are_refused() -> None:
    anna, _ = make_participants("Anna", "Bram")
    twin = Participant(name="Bram", role="docent", letter=anna.letter)
    with pytest.raises(RuleError, match="letter"):
        make_session(Mode.PIONNEN, participants=[anna, twin])


def test_new_session_starts_at_the_first_card_and_has_seen_it() -> None:
    session = make_session()
    assert session.index == 0
    assert session.current is session.cards[0]
    assert session.current_state.visited
    assert not session.states[session.cards[1].key].visited
    assert session.revision == 0


def test_session_ids_are_short_and_unique() -> None:
    setup = make_session().setup
    first, second = Session(setup), Session(setup)
    assert first.id != second.id
    assert len(first.id) == 12


def test_setup_mode_is_the_session_mode() -> None:
    session = make_session(Mode.VRAGEN)
    assert session.mode is Mode.VRAGEN
    assert isinstance(session.setup, SessionSetup)


# -- the board -------------------------------------------------------------------------------


def test_quadrants_are_numbered_in_reading_order_with_dutch_labels() -> None:
    assert [(int(q), q.label) for q in Quadrant] == [
        (1, "Belangrijk & urgent"),
        (2, "Belangrijk, maar niet urgent"),
        (3, "Niet belangrijk, wel urgent"),
        (4, "Niet belangrijk, niet urgent"),
    ]


def test_every_mode_explains_itself_in_one_dutch_line() -> None:
    assert {m.value for m in Mode} == {"vragen", "pionnen", "samen", "gemengd"}
    assert all(m.explanation and "\n" not in m.explanation for m in Mode)


def test_the_model_imports_neither_textual_nor_click() -> None:
    code = (
        "import sys, dialoogspel.model;"
        "print(sorted(m for m in ('textual', 'click') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
