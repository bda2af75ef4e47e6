"""Card choice (issue 13): --kern plays the core cards, --kaart picks cards by id (deck/ID when
ids clash), in play order, with Dutch refusals; applied when the session is built."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dialoogspel.cli import main
from dialoogspel.model import (
    Card,
    CardChoice,
    Deck,
    Mode,
    RuleError,
    session_from_dict,
    session_to_dict,
)
from dialoogspel.model.selection import resolve_card
from dialoogspel.sessions import SessionStore
from dialoogspel.table import StartOptions, StartRefused, new_session, start_session
from tests.factories import make_card, make_deck
from tests.unit.hourkit import hour_session

HOSTILE = ["[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "\x1b]0;x\x07"]


def core(card_id: str, kern: bool = True, niveaus: tuple[str, ...] = ()) -> Card:
    return make_card(card_id, niveaus=niveaus)._replace(kern=kern)


UITVAL = make_deck(
    "uitval",
    cards=[core("U01"), core("U02", False), core("U03"), core("U04", False), core("X1", False)],
)
VERZUIM = make_deck("verzuim", cards=[core("V01", False), core("V02"), core("X1")])


def ids(choice: CardChoice) -> list[str]:
    """The keys of the cards a session with these decks and this choice plays, in order."""
    return [card.key for card in hour_session(decks=(UITVAL, VERZUIM), choice=choice).cards]


def test_a_card_is_no_core_card_unless_marked() -> None:
    assert Card("U01", "Vraag?").kern is False
    assert core("U01").kern is True


def test_no_choice_plays_every_card() -> None:
    assert len(ids(CardChoice())) == 8


def test_kern_plays_only_the_core_cards_in_play_order() -> None:
    assert ids(CardChoice(core_only=True)) == [
        "uitval:U01",
        "uitval:U03",
        "verzuim:V02",
        "verzuim:X1",
    ]


def test_kaart_plays_the_chosen_cards_in_play_order_whatever_the_typed_order() -> None:
    chosen = CardChoice(card_ids=("V01", "u04", "U02", "U02"))
    assert ids(chosen) == ["uitval:U02", "uitval:U04", "verzuim:V01"]


def test_kern_and_kaart_together_play_the_core_cards_plus_the_chosen_ones() -> None:
    chosen = CardChoice(core_only=True, card_ids=("U04",))
    assert ids(chosen) == ["uitval:U01", "uitval:U03", "uitval:U04", "verzuim:V02", "verzuim:X1"]


def test_an_id_in_two_decks_is_refused_and_the_refusal_says_how_to_write_it() -> None:
    with pytest.raises(RuleError) as refused:
        resolve_card((UITVAL, VERZUIM), "X1")
    message = str(refused.value)
    assert "zit in meer stapels: uitval/X1, verzuim/X1" in message
    assert "--kaart uitval/X1" in message


def test_deck_slash_id_picks_the_card_from_that_deck() -> None:
    assert ids(CardChoice(card_ids=("verzuim/X1", " uitval / u01 "))) == [
        "uitval:U01",
        "verzuim:X1",
    ]


@pytest.mark.parametrize(
    ("typed", "refusal"),
    [
        ("U99", "De kaart 'U99' bestaat niet in de gekozen stapels."),
        ("verzuim/U01", "De kaart 'verzuim/U01' bestaat niet in de gekozen stapels."),
        ("motivatie/M01", "De stapel 'motivatie' in 'motivatie/M01' is niet gekozen."),
        ("", "De kaart '' bestaat niet"),
    ],
)
def test_an_unknown_card_is_refused_by_name(typed: str, refusal: str) -> None:
    with pytest.raises(RuleError, match=refusal.replace("(", r"\(")):
        hour_session(decks=(UITVAL, VERZUIM), choice=CardChoice(card_ids=(typed,)))


@pytest.mark.parametrize("text", HOSTILE)
def test_a_typed_id_is_repeated_without_control_characters(text: str) -> None:
    with pytest.raises(RuleError) as refused:
        resolve_card((UITVAL,), text)
    message = str(refused.value)
    assert "\x1b" not in message and "\x07" not in message
    assert text.replace("\x1b", "?").replace("\x07", "?") in message


def test_a_chosen_card_of_another_niveau_is_refused() -> None:
    deck = make_deck("uitval", cards=[core("U01"), core("U02", niveaus=("instelling",))])
    with pytest.raises(RuleError, match="De kaart 'U02' hoort niet bij niveau 'klas'"):
        hour_session(decks=(deck,), choice=CardChoice(card_ids=("U02",)))


def test_kern_without_core_cards_is_refused_in_dutch() -> None:
    plain = make_deck("uitval", cards=[core("U01", False)])
    with pytest.raises(RuleError, match=r"geen kernkaarten \(kern: ja\).*zonder --kern"):
        hour_session(decks=(plain,), choice=CardChoice(core_only=True))


def test_the_choice_survives_resume_and_old_saves_play_every_card() -> None:
    session = hour_session(decks=(UITVAL, VERZUIM), choice=CardChoice(True, ("U04",)))
    data = json.loads(json.dumps(session_to_dict(session)))
    restored = session_from_dict(data)
    assert restored.setup.choice == CardChoice(True, ("U04",))
    assert [c.key for c in restored.cards] == [c.key for c in session.cards]
    assert restored.cards[0].card.kern is True
    del data["setup"]["choice"]
    for deck in data["setup"]["decks"]:
        for card in deck["cards"]:
            del card["kern"]
    older = session_from_dict(data)
    assert len(older.cards) == 8 and not any(c.card.kern for c in older.cards)


def test_new_session_applies_the_choice() -> None:
    session = new_session(
        casus="3B",
        niveau="",
        decks=[UITVAL, VERZUIM],
        mode=Mode.SAMEN,
        people=[],
        choice=CardChoice(card_ids=("verzuim/X1",)),
        minutes=30,
    )
    assert [c.key for c in session.cards] == ["verzuim:X1"]
    assert session.setup.minutes == 30


# -- from the command line -------------------------------------------------------------------

OWN_DECK = """thema: Eigen
kleur: "#336699"
kaarten:
  - id: U01
    vraag: Wie mist de meeste lessen?
  - id: E02
    vraag: Wat helpt bij stage?
"""


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "home")


@pytest.fixture
def own_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "stapels"
    folder.mkdir()
    (folder / "eigen.yaml").write_text(OWN_DECK, encoding="utf-8")
    return folder


def options(folder: Path, *cards: str, **more: object) -> StartOptions:
    return StartOptions(
        decks=("uitval", "eigen"),
        deck_folders=(str(folder),),
        mode="samen",
        casus="3B",
        players=("Anna:docent",),
        cards=cards,
        **more,  # type: ignore[arg-type]
    )


def test_start_plays_the_chosen_cards_and_keeps_the_planned_time(
    store: SessionStore, own_folder: Path
) -> None:
    launch = start_session(options(own_folder, "E02", "uitval/U01", minutes=45), store)
    assert launch.session is not None
    assert [c.key for c in launch.session.cards] == ["uitval:U01", "eigen:E02"]
    assert launch.session.setup.minutes == 45
    assert launch.lock is not None
    launch.lock.release()


@pytest.mark.parametrize(
    ("cards", "refusal"),
    [(("U01",), "zit in meer stapels: uitval/U01, eigen/U01"), (("E99",), "'E99' bestaat niet")],
)
def test_start_refuses_a_clash_or_an_unknown_card(
    store: SessionStore, own_folder: Path, cards: tuple[str, ...], refusal: str
) -> None:
    with pytest.raises(StartRefused, match=refusal):
        start_session(options(own_folder, *cards), store)


def test_a_bad_card_is_refused_even_when_setup_is_still_to_come(
    store: SessionStore, own_folder: Path
) -> None:
    incomplete = options(own_folder, "E99")
    incomplete.casus = None
    with pytest.raises(StartRefused, match="'E99' bestaat niet"):
        start_session(incomplete, store)


def test_incomplete_options_carry_the_choice_into_setup(
    store: SessionStore, own_folder: Path
) -> None:
    incomplete = options(own_folder, "E02", core_only=True, minutes=60)
    incomplete.casus = None
    launch = start_session(incomplete, store)
    assert launch.session is None
    assert (launch.defaults.core_only, launch.defaults.cards, launch.defaults.minutes) == (
        True,
        ["E02"],
        60,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tijd", "een uur"], "'een uur' is geen aantal minuten. Schrijf bijvoorbeeld 60."),
        (["--tijd", "0"], "Kies een tijd van 1 tot 480 minuten."),
        (["--tijd", "\x1b]0;x\x07"], "is geen aantal minuten"),
        (["--modus", "gemengd", "--speler", "Anna:docent"], "Voor gemengd zijn minstens 2"),
    ],
)
def test_the_command_line_refuses_in_dutch_with_exit_code_2(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "home"))
    result = CliRunner().invoke(main, ["play", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "\x1b" not in result.output and "Traceback" not in result.output


def test_the_command_line_names_an_unknown_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "home"))
    args = ["play", "--deck", "uitval", "--kaart", "U77", "--kern", "--modus", "samen"]
    result = CliRunner().invoke(main, [*args, "--casus", "3B", "--speler", "Anna:docent"])
    assert result.exit_code == 2
    assert "De kaart 'U77' bestaat niet in de gekozen stapels." in result.output


def test_play_help_lists_the_new_options() -> None:
    result = CliRunner().invoke(main, ["play", "--help"], terminal_width=200)
    for option in ("--kern", "--kaart ID", "--tijd MINUTEN", "gemengd"):
        assert option in result.output


def test_decks_with_the_same_id_in_one_session_still_get_distinct_keys() -> None:
    deck = Deck(name="eigen", theme="Eigen", colour="red", cards=(core("U01"),))
    session = hour_session(decks=(UITVAL, deck), choice=CardChoice(card_ids=("eigen/U01",)))
    assert [c.key for c in session.cards] == ["eigen:U01"]
