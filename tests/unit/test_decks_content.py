"""The built-in decks as content: valid, core cards, no near-duplicates, sources, plain Dutch."""

from __future__ import annotations

import difflib
import itertools
import re
from pathlib import Path

import pytest
from rich.color import Color, ColorSystem

from dialoogspel.decks import builtin_decks_dir, load_deck
from dialoogspel.model import Card, Deck
from dialoogspel.model.participants import EXTRA_ROLE_COLOURS, ROLE_COLOURS

PATHS = sorted(builtin_decks_dir().glob("*.yaml"))
README = (builtin_decks_dir() / "README.md").read_text(encoding="utf-8")


def deck_at(path: Path) -> Deck:
    result = load_deck(path)
    assert result.deck is not None, [str(p) for p in result.problems]
    return result.deck


DECKS = [deck_at(path) for path in PATHS]
CARDS = [(deck, card) for deck in DECKS for card in deck.cards]


def label(deck: Deck, card: Card) -> str:
    return f"{deck.name} {card.id}"


def test_there_are_six_builtin_decks() -> None:
    assert [d.name for d in DECKS] == [
        "motivatie",
        "stage",
        "studiekeuze",
        "uitval",
        "verzuim",
        "welzijn",
    ]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_every_builtin_deck_validates_without_warnings(path: Path) -> None:
    result = load_deck(path)
    assert result.deck is not None and result.problems == []


@pytest.mark.parametrize("deck", DECKS, ids=lambda d: d.name)
def test_each_deck_has_five_to_eight_core_cards(deck: Deck) -> None:
    assert 5 <= sum(card.kern for card in deck.cards) <= 8


@pytest.mark.parametrize("deck", DECKS, ids=lambda d: d.name)
def test_a_short_session_finds_core_cards_at_every_niveau(deck: Deck) -> None:
    core = [card for card in deck.cards if card.kern]
    for niveau in ("klas", "opleiding", "team"):
        assert sum(card.fits(niveau) for card in core) >= 3, niveau
    assert any(card.fits("instelling") for card in core)


@pytest.mark.parametrize("deck", DECKS, ids=lambda d: d.name)
def test_the_last_core_card_is_about_who_does_what(deck: Deck) -> None:
    """Core cards run from signals to follow-up: the file ends with its follow-up section."""
    core = [card for card in deck.cards if card.kern]
    last_section = deck.cards[-4:]
    assert core[-1] in last_section


def test_no_two_questions_are_more_than_80_percent_alike() -> None:
    alike = [
        (round(ratio, 2), label(*one), label(*two))
        for one, two in itertools.combinations(CARDS, 2)
        if (
            ratio := difflib.SequenceMatcher(
                None, one[1].question.casefold(), two[1].question.casefold()
            ).ratio()
        )
        > 0.8
    ]
    assert alike == []


def test_every_card_has_a_data_source() -> None:
    assert [label(d, c) for d, c in CARDS if not c.data_sources] == []


def test_every_sentence_of_a_question_has_at_most_15_words() -> None:
    long = [
        f"{label(d, c)}: {sentence}"
        for d, c in CARDS
        for sentence in re.split(r"(?<=[?.!])\s+", c.question)
        if len(sentence.split()) > 15
    ]
    assert long == []


HARD_WORDS = (
    "demotiverend",
    "patronen",
    "aanspreekpunt",
    "handelen",
    "hij of zij",
    "werkwijze",
    "dreigende",
    "voortijdig",
    "verband",
    "welke rol spel",
)


def test_questions_avoid_words_above_b1() -> None:
    found = [
        f"{label(d, c)}: {word}"
        for d, c in CARDS
        for word in HARD_WORDS
        if word in c.question.casefold()
    ]
    assert found == []


WRONG_NAMES = (
    "Studentenwelzijnsmonitor",
    "Eduarte",
    "Kans op stage (SBB)",
    "Benchmark mbo studiesucces",
)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_sources_carry_their_real_names(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert [name for name in WRONG_NAMES if name in text] == []


def test_every_data_source_is_in_the_readme_glossary() -> None:
    glossary = README.split("## Databronnen", 1)[1].split("\n## ", 1)[0]
    names = sorted({source.name for _d, c in CARDS for source in c.data_sources})
    assert [name for name in names if f"**{name}**" not in glossary] == []


def test_each_deck_has_its_own_id_letter() -> None:
    letters = []
    for deck in DECKS:
        prefixes = {re.sub(r"\d+$", "", card.id) for card in deck.cards}
        assert len(prefixes) == 1 and len(next(iter(prefixes))) == 1, deck.name
        letters.append(prefixes.pop())
    assert sorted(letters) == sorted(set(letters))


def ansi16(colour: str) -> int | None:
    return Color.parse(colour).downgrade(ColorSystem.STANDARD).number


def test_deck_colours_keep_a_colour_of_their_own_in_16_colours() -> None:
    fallbacks = [ansi16(deck.colour) for deck in DECKS]
    assert len(set(fallbacks)) == len(DECKS)
    assert not {0, 4, 7, 8, 15} & set(fallbacks)  # black, dark blue, greys and white are no hue


def test_no_pawn_has_the_colour_of_a_deck() -> None:
    pawns = {c.casefold() for c in [*ROLE_COLOURS.values(), *EXTRA_ROLE_COLOURS]}
    assert [d.name for d in DECKS if d.colour.casefold() in pawns] == []
