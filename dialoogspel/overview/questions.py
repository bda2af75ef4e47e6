"""The question of a card (`deck/id`), from the built-in decks: the front matter has none."""

from __future__ import annotations

from collections.abc import Iterable

from dialoogspel.decks.folders import builtin_decks_dir
from dialoogspel.decks.reader import load_deck


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
