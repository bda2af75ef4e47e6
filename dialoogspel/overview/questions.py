"""The question of a card (`deck/id`): from the body of an outcome file that lists the card (what
the team saw, also for a team's own deck), else from the built-in decks. The front matter has no
questions, so a body is read only where the front matter says the card is listed with words."""

from __future__ import annotations

from collections.abc import Iterable

from dialoogspel.decks.folders import builtin_decks_dir
from dialoogspel.decks.reader import load_deck
from dialoogspel.fileio import read_limited
from dialoogspel.outcome.cards import questions_in
from dialoogspel.outcome.record import Kaart
from dialoogspel.overview.collect import MAX_OUTCOME_BYTES, Found


def known_questions(cards: Iterable[str]) -> dict[str, str]:
    """`deck/id` → question for the cards of built-in decks; other cards are left out."""
    wanted = {card.partition("/")[0] for card in cards}
    questions: dict[str, str] = {}
    folder = builtin_decks_dir()
    for name in sorted(wanted):
        path = folder / f"{name}.yaml"
        if not name or "/" in name or "\\" in name or not path.is_file():
            continue
        deck = load_deck(path).deck
        for card in deck.cards if deck is not None else ():
            questions[f"{name}/{card.id}"] = card.question
    return questions


TRIES = 3
"""Bodies read at most per card: a card whose question was edited away is not hunted forever."""


def _with_words(card: Kaart) -> bool:
    """The body lists the card with its question (not only its id on the "Niet besproken" line)."""
    return card.vak is not None or card.hoe != "open" or bool(card.pionnen) or card.notities > 0


def file_questions(cards: Iterable[str], found: Iterable[Found]) -> dict[str, str]:
    """`deck/id` → question as an outcome body shows it, for `cards`. Only files whose front
    matter says the body shows one of those cards with words are read, each once; files that
    cannot be read again (moved, damaged meanwhile) are passed over."""
    tries = dict.fromkeys(cards, TRIES)
    questions: dict[str, str] = {}
    for path, data in found:
        if not tries:
            break
        if data.record is None:
            continue
        wanted = {c.kaart for c in data.record.bord if c.kaart in tries and _with_words(c)}
        if not wanted:
            continue
        try:
            text = read_limited(path, MAX_OUTCOME_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        told = questions_in(text, data.record)
        for card in wanted:
            if card in told:
                questions[card] = told[card]
                del tries[card]
            elif tries[card] > 1:
                tries[card] -= 1
            else:
                del tries[card]
    return questions


def questions_for(cards: Iterable[str], found: Iterable[Found]) -> dict[str, str]:
    """Every question that can be found: the outcome files first (a team's own deck may carry a
    built-in deck's name), then the built-in decks for cards no body lists with words."""
    wanted = set(cards)
    questions = file_questions(wanted, found)
    rest = wanted - questions.keys()
    questions.update({c: q for c, q in known_questions(rest).items() if c in rest})
    return questions
