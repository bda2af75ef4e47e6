"""What gets printed: the chosen decks, each with its cards and where each card is in its file."""

from __future__ import annotations

from typing import NamedTuple

from dialoogspel.model import Card, Deck


class PrintDeck(NamedTuple):
    """A deck to print: its theme and colour, the cards to print and their place in the file."""

    deck: Deck
    """The deck as loaded (theme, colour, source path)."""
    cards: tuple[Card, ...]
    """The cards to print, in deck order (all cards, or only the core cards)."""
    places: tuple[tuple[int, int], ...] = ()
    """(line, column) of each card in the deck file, for messages; empty when unknown."""

    def place(self, index: int) -> tuple[int, int]:
        """Line and column of a card in the file, or (1, 1) when unknown."""
        return self.places[index] if index < len(self.places) else (1, 1)


def is_core(card: Card) -> bool:
    """Whether a card is marked `kern: ja`."""
    return card.kern


def core_only(deck: PrintDeck) -> PrintDeck:
    """The same deck with only its core cards (and their places)."""
    keep = [i for i, card in enumerate(deck.cards) if is_core(card)]
    return deck._replace(
        cards=tuple(deck.cards[i] for i in keep),
        places=tuple(deck.place(i) for i in keep) if deck.places else (),
    )
