"""The play loop of the plain-line face, driven with input lines (SPEC 3.3 keys)."""

from __future__ import annotations

from dialoogspel.line.play import LinePlay
from dialoogspel.model import PASS, AgreementKind, Mode, Quadrant, Settlement
from tests.factories import make_participants, make_session
from tests.line.helpers import HOSTILE, console_for, play, table_for


def test_pawns_that_differ_are_discussed_and_the_team_decides() -> None:
    session, said = play(["1", "3", "1", "2"])
    state = session.states[session.cards[0].key]
    assert state.pawns == {"A": Quadrant(1), "B": Quadrant(3), "C": Quadrant(1)}
    assert state.final is Quadrant(2) and state.settled_by is Settlement.DISCUSSED
    assert "Pion van Anna (slb'er): 1 Belangrijk & urgent." in said
    assert "Aan de beurt: Bram (docent). Kies 1, 2, 3 of 4, of 0: weet ik niet." in said
    assert "De pionnen staan verschillend. Praat erover en kies samen 1, 2, 3 of 4." in said
    assert "Besproken. De kaart ligt in 2 Belangrijk, maar niet urgent." in said
    # said per quadrant with "Vak": read aloud, the screen's "1: ... | 3: ..." says nothing
    assert "\nVak 1: slb'er (Anna), teammanager (Chris). Vak 3: docent (Bram).\n" in said


def test_an_empty_line_goes_on_only_when_the_card_is_settled() -> None:
    session, said = play(["", "2", "2", "2", ""])
    assert "Nog niet iedereen heeft gekozen. Anna is aan de beurt." in said  # the model's words
    assert session.index == 1
    assert "Kaart 2 van 3, 1 klaar. Uitval, kaart U02." in said
    assert said.count("Vraag: Vraag U02?") == 1


def test_undo_takes_back_the_last_pawn_and_says_whose_turn_it_is() -> None:
    session, said = play(["1", "u"])
    assert session.current_state.pawns == {}
    assert said.endswith(
        "Teruggenomen.\nAan de beurt: Anna (slb'er). Kies 1, 2, 3 of 4, of 0: weet ik niet.\n> \n"
    )


def test_a_refusal_is_the_models_sentence() -> None:
    _, said = play(["u"])
    assert "Er is op deze kaart niets om terug te nemen." in said


def test_samen_and_vragen_speak_their_own_prompt() -> None:
    session, said = play(["4", ""], Mode.SAMEN)
    assert session.states[session.cards[0].key].final is Quadrant(4)
    assert "Waar hoort deze kaart? Kies samen 1, 2, 3 of 4." in said
    assert (
        "De kaart ligt in 4 Niet belangrijk, niet urgent. Een lege regel: volgende kaart." in said
    )
    _, said = play(["1"], Mode.VRAGEN)
    assert (
        "In de modus vragen leggen jullie geen kaarten op een bord, dus 1 tot 4 doen hier niets."
        " Praat over de vraag en maak een notitie (n)." in said
    )


def test_unknown_input_gets_a_one_line_hint_and_the_same_prompt() -> None:
    _, said = play(["zzz"])
    assert said.endswith("> 'zzz' ken ik niet. Typ een vraagteken (?) voor alle toetsen.\n> \n")


def test_zero_is_a_pass_pawn_and_t_outside_gemengd_is_the_models_refusal() -> None:
    session, said = play(["0", "t"])
    assert session.current_state.pawns == {"A": PASS}
    assert "Pion van Anna (slb'er): ? weet ik niet." in said
    assert "t (twijfel) hoort bij de modus gemengd." in said


def test_when_everyone_passes_the_team_places_the_card() -> None:
    session, said = play(["0", "0", "0", "3"])
    state = session.states[session.cards[0].key]
    assert state.final is Quadrant(3) and state.settled_by is Settlement.JOINT
    assert "Niemand wist het: iedereen koos 0. Leg de kaart samen: kies 1, 2, 3 of 4." in said


def test_a_pass_does_not_block_the_pawns_that_agree() -> None:
    session, said = play(["2", "0", "2"])
    assert session.states[session.cards[0].key].final is Quadrant(2)
    assert "Alle pionnen op het bord staan in hetzelfde vak." in said


def test_gemengd_places_together_and_t_turns_the_card_into_pawn_voting() -> None:
    session, said = play(["1", "", "t", "1", "4", "1", "2"], Mode.GEMENGD)
    first, second = (session.states[card.key] for card in session.cards[:2])
    assert first.final is Quadrant(1) and not first.doubted
    assert second.doubted and second.final is Quadrant(2)
    assert "Twijfel? Druk t: dan zet ieder een eigen pion." in said
    assert "Aan de beurt: Anna (slb'er). Kies 1, 2, 3 of 4, of 0: weet ik niet." in said
    assert "Eerst praten: Anna (slb'er) en Bram (docent)" in said  # 1 and 4 stand furthest apart


def test_who_passed_is_said_with_the_positions() -> None:
    _, said = play(["1", "3", "0"])
    assert "Vak 1: slb'er (Anna). Vak 3: docent (Bram). Weet ik niet: teammanager (Chris)." in said


def test_park_and_take_back() -> None:
    session, said = play(["s", "", "v", "s"])
    assert "Deze kaart is geparkeerd. s: terughalen · een lege regel: volgende kaart." in said
    assert session.index == 0 and not session.current_state.parked


def test_note_comes_on_the_next_line_and_keeps_hostile_text_as_text() -> None:
    # with notes on the card, n first lists them; an empty line then writes a new one
    session, said = play(["n", *HOSTILE[:1], "n", "", HOSTILE[3], "n", "", "", "k"])
    assert session.current_state.notes == ["[/]", HOSTILE[3]]
    assert "Notitie bewaard bij kaart U01." in said
    assert "Geen notitie gemaakt." in said
    assert "\x1b" not in said and "\x07" not in said
    assert "Notitie: \\x1b]0;x\\x07\n" in said


def test_databronnen_and_the_card_read_again() -> None:
    _, said = play(["d", "k"])
    assert "Databronnen:\nStudentvolgsysteem: verzuim per week\n" in said
    assert said.count("Vraag: Vraag U01?\n1 databron op de achterkant (typ d).\n") == 2


def test_agreement_asks_soort_wie_wat_voor_and_links_the_current_card() -> None:
    session, said = play(["2", "2", "2", "", "a", "2", "anna", "verzuim opvragen", "1-12"])
    [agreement] = session.agreements
    assert agreement.kind is AgreementKind.AAN_DE_SLAG
    assert agreement.who == "Anna"  # the participant's own spelling
    assert agreement.what == "verzuim opvragen"
    assert agreement.deadline is not None and agreement.deadline.isoformat() == "2026-12-01"
    assert agreement.card_key == session.cards[1].key
    assert "Dat is dinsdag 1 december 2026." in said
    assert "\n1. Uitzoeken: zoek uit wat nog onbekend is (databronnen).\n" in said
    assert "Afspraak gemaakt voor Anna. e: alle afspraken." in said


def test_agreement_with_an_empty_date_and_the_suggested_kind() -> None:
    session, said = play(["1", "1", "1", "a", "", "Kees", "", "rooster bekijken", "3-13", ""])
    [agreement] = session.agreements
    assert agreement.kind is AgreementKind.AAN_DE_SLAG  # the card lies in Belangrijk & urgent
    assert agreement.who == "Kees" and agreement.deadline is None
    assert "Vul in wat er gaat gebeuren." in said
    assert "'3-13' bestaat niet als datum." in said
    assert "Geen datum: dat mag." in said


def test_agreement_fields_keep_hostile_text() -> None:
    session, said = play(["a", "1", HOSTILE[2], HOSTILE[1], "", HOSTILE[3], HOSTILE[0]])
    [agreement] = session.agreements
    assert agreement.who == HOSTILE[2] and agreement.what == HOSTILE[1]
    assert (agreement.vermoeden, agreement.bron) == (HOSTILE[3], HOSTILE[0])
    assert "Afspraak gemaakt voor [@click=app.quit]x[/]." in said


def test_the_end_of_input_inside_the_form_changes_nothing() -> None:
    session, _ = play(["a", "1", "Anna"])
    assert session.agreements == []


def test_the_board_in_words_names_who_stood_where() -> None:
    _, said = play(["1", "3", "3", "3", "n", "Anna twijfelt", "", "s", "b"])
    assert "Het bord: 1 van 3 kaarten klaar." in said
    assert "3 Niet belangrijk, wel urgent: 1 kaart.\n  U01: Vraag U01?\n" in said
    assert (
        "    pionnen: Anna (slb'er) 1, Bram (docent) 3, Chris (teammanager) 3; besproken 3" in said
    )
    assert "Geparkeerd / niet besproken: 2 kaarten.\n  U02: Vraag U02? (geparkeerd)" in said
    assert "  U03: Vraag U03? (niet besproken)" in said


def test_hidden_voting_does_not_say_where_a_pawn_went() -> None:
    session = make_session(Mode.PIONNEN, hidden_voting=True)
    _, said = play(["1", "", "2"], session=session)
    assert "Anna (slb'er) heeft gekozen." in said
    assert "Pion van" not in said
    assert "Verdekt: 1 van de 3 heeft gekozen. Niemand kijkt mee!" in said


def test_hidden_voting_hands_the_laptop_over_between_voters() -> None:
    session = make_session(Mode.PIONNEN, hidden_voting=True)
    _, said = play(["1", "", "0"], session=session)
    assert (
        "Anna (slb'er) heeft gekozen.\n"
        "Geef de laptop aan Bram (docent). De anderen kijken even niet.\n"
        "Verdekt: 1 van de 3 heeft gekozen. Bram, zit je klaar? Druk op Enter.\n> "
    ) in said
    # the empty line is Enter: now it is Bram's turn, and his pass is not said either
    assert "> Aan de beurt: Bram (docent)." in said
    assert "Bram (docent) heeft gekozen." in said and "? weet ik niet" not in said
    assert session.current_state.pawns == {"A": Quadrant(1), "B": PASS}


def test_a_hidden_vote_is_not_repeated_in_the_transcript() -> None:
    session = make_session(Mode.PIONNEN, hidden_voting=True)
    console, out = console_for(["1", "", "3", "", "2", "4"])
    console.echo = True
    LinePlay(console, table_for(session)).run()
    said = out.getvalue()
    assert said.count("> (verdekt)\n") == 3  # three voters; the decision is not secret
    assert "> 4\nBesproken. De kaart ligt in 4" in said
    assert "\n> 1\n" not in said and "\n> 3\n" not in said


def test_q_stops_and_lines_after_it_are_not_read() -> None:
    session, _ = play(["q", "1"])
    assert session.current_state.pawns == {}


def test_hostile_participant_names_are_said_as_text() -> None:
    people = make_participants("[bold]x[/bold]", "\x1b]0;x\x07")
    _, said = play([], session=make_session(Mode.PIONNEN, participants=people))
    assert "Aan de beurt: [bold]x[/bold] (slb'er)." in said
    assert "\x1b" not in said
