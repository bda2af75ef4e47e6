"""Decks and cards as the game sees them: plain immutable data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class DataSource(NamedTuple):
    """Something a team can look at to answer a card's question (the back of the card)."""

    name: str
    """The source as teams know it, e.g. "JOB-monitor"."""
    explanation: str = ""
    """Optional hint where to find it or what it shows."""


class Card(NamedTuple):
    """One card: a question on the front, data sources on the back."""

    id: str
    """Identifier, unique within its deck (typed by the facilitator or generated stably)."""
    question: str
    """The targeted question on the front."""
    data_sources: tuple[DataSource, ...] = ()
    """The back of the card."""
    niveaus: tuple[str, ...] = ()
    """The niveaus this card fits; empty means every niveau."""
    kern: bool = False
    """A core card (`kern: ja`): one of the few a short session plays."""

    def fits(self, niveau: str) -> bool:
        """Whether the card belongs in a session at this niveau (case-insensitive)."""
        if not self.niveaus or not niveau.strip():
            return True
        wanted = niveau.strip().casefold()
        return any(n.strip().casefold() == wanted for n in self.niveaus)


@dataclass(frozen=True)
class Deck:
    """A themed deck: one YAML file, one theme, one colour."""

    name: str
    """Short name used on the command line: the file stem, e.g. "uitval"."""
    theme: str
    """The shown name of the theme, e.g. "Uitval"."""
    colour: str
    """The theme colour as typed: "#rrggbb" or a colour name."""
    cards: tuple[Card, ...]
    """The cards in deck order."""
    description: str = ""
    """Optional one-line description."""
    source: str = field(default="", compare=False)
    """Where the deck came from (a path), for messages only."""

    def cards_for(self, niveau: str) -> tuple[Card, ...]:
        """The cards that fit a niveau, in deck order."""
        return tuple(card for card in self.cards if card.fits(niveau))
