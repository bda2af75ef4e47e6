"""Setup in the plain-line face: numbered choices, participants one per line."""

from __future__ import annotations

from dialoogspel.line.setup import LineSetup
from dialoogspel.model import Mode
from dialoogspel.table import SetupDefaults
from tests.factories import make_deck
from tests.line.helpers import HOSTILE, console_for

DECKS = [make_deck("uitval"), make_deck("verzuim", ("V01", "V02")), make_deck("welzijn", ("W01",))]


def setup(lines: list[str], defaults: SetupDefaults | None = None):
    console, out = console_for(lines)
    session = LineSetup(console, DECKS, defaults or SetupDefaults()).run()
    return session, out.getvalue()


def test_every_question_answered_with_numbers() -> None:
    session, said = setup(["Klas 3B", "1", "3 1", "2", "n", "Anna:slb", "Bram", "", ""])
    assert session is not None
    assert session.setup.casus == "Klas 3B" and session.setup.niveau == "klas"
    assert [d.name for d in session.setup.decks] == ["welzijn", "uitval"]
    assert session.mode is Mode.PIONNEN and not session.setup.hidden_voting
    assert [(p.name, p.role) for p in session.participants] == [
        ("Anna", "slb'er"),
        ("Bram", "docent"),
    ]
    assert "Let op: typ geen namen van studenten." in said
    assert "1. klas\n2. opleiding\n3. team\n4. instelling\n5. anders" in said
    assert "1. Uitval, 3 kaarten bij dit niveau. Vragen over uitval." in said
    assert "2. Pionnen: iedereen zet zijn pion." in said
    assert "Erbij: Anna (slb'er)." in said


def test_empty_lines_take_the_command_line_choices() -> None:
    defaults = SetupDefaults(
        casus="Klas 4",
        niveau="team",
        deck_names=["verzuim"],
        mode=Mode.SAMEN,
        participants=[("Kees", "docent")],
    )
    session, _ = setup(["", "", "", "", ""], defaults)
    assert session is not None
    assert (session.setup.casus, session.setup.niveau) == ("Klas 4", "team")
    assert [d.name for d in session.setup.decks] == ["verzuim"]
    assert session.mode is Mode.SAMEN and [p.name for p in session.participants] == ["Kees"]


def test_the_rules_refuse_with_the_models_sentences_and_ask_again() -> None:
    session, said = setup(
        ["", "Klas 3B", "5", "", "afdeling zorg", "9", "2", "2", "", "Anna", "", "Bram", ""]
    )
    assert session is not None
    assert session.setup.niveau == "afdeling zorg"
    assert "Vul de casus in: waar gaat het gesprek over?" in said
    assert "Typ nummers van 1 tot en met 3, met een spatie ertussen." in said
    assert "Voor pionnen zijn minstens 2 deelnemers nodig. Voeg er nog 1 toe" in said


def test_own_niveau_and_hostile_text_stay_text() -> None:
    session, _ = setup([HOSTILE[0], HOSTILE[1], "", "3", HOSTILE[2], ""])
    assert session is not None
    assert session.setup.casus == HOSTILE[0] and session.setup.niveau == HOSTILE[1]
    assert session.participants[0].name == HOSTILE[2]


def test_the_end_of_input_gives_no_session() -> None:
    session, _ = setup(["Klas 3B", "1"])
    assert session is None


def test_gemengd_is_offered_with_hidden_voting() -> None:
    session, said = setup(["Klas 3B", "1", "1", "4", "j", "Anna:slb", "Bram", ""])
    assert session is not None
    assert session.mode is Mode.GEMENGD and session.setup.hidden_voting
    assert "4. Gemengd: jullie leggen elke kaart samen." in said
    assert "Typ 1, 2, 3 of 4." in said


def test_kern_kaart_and_tijd_from_the_command_line_reach_the_session() -> None:
    defaults = SetupDefaults(
        casus="Klas 4",
        deck_names=["uitval", "verzuim"],
        mode=Mode.SAMEN,
        participants=[("Kees", "docent")],
        cards=["V02", "uitval/U01"],
        minutes=30,
    )
    session, _ = setup(["", "", "", "", ""], defaults)
    assert session is not None
    assert [card.key for card in session.cards] == ["uitval:U01", "verzuim:V02"]
    assert session.setup.minutes == 30


def test_two_decks_with_one_theme_are_told_apart_by_their_file() -> None:
    from dataclasses import replace

    twin = replace(make_deck("mijn-uitval"), theme="Uitval")
    console, out = console_for(["Klas 3B", "1", "2", "3", ""])
    session = LineSetup(console, [*DECKS[:2], twin], SetupDefaults()).run()
    said = out.getvalue()
    assert "1. Uitval (uitval), 3 kaarten" in said
    assert "2. Verzuim, 2 kaarten" in said
    assert "3. Uitval (mijn-uitval), 3 kaarten" in said
    assert session is not None and [d.name for d in session.setup.decks] == ["verzuim"]
