"""The records a session is made of: its setup, its cards in play order, each card's state.

Plain data and the checks made when a session is built; the rules that change them live in
`Session` and in the mode's rules object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from dialoogspel.model.board import Quadrant, Vote
from dialoogspel.model.deck import Card, Deck
from dialoogspel.model.participants import Participant
from dialoogspel.model.rules import Mode, RuleError, Settlement
from dialoogspel.model.selection import CardChoice, chosen_cards, no_cards_refusal

NIVEAUS: tuple[str, ...] = ("klas", "opleiding", "team", "instelling")
"""The niveaus every face offers as choices; a team may also type its own."""
EVERY_CARD = CardChoice()
"""The default choice: every card that fits the niveau."""


class UndoStep(NamedTuple):
    """One step backspace can take back on a card."""

    pawn: str | None
    """The letter of the pawn that was placed, or None when the final quadrant was set."""
    previous_final: Quadrant | None = None
    """Final quadrant step: where the card lay before (None: nowhere)."""
    previous_how: Settlement | None = None
    """Final quadrant step: how it had been settled before."""
    doubt: bool = False
    """Gemengd: the step that turned the card into pawn voting (t)."""


class OutcomeRef(NamedTuple):
    """Which outcome file this session last wrote, and the hash of what it wrote there."""

    path: str
    """The file's absolute path."""
    sha256: str
    """Hex SHA-256 of the bytes written: a file that differs was changed by someone."""


class SessionCard(NamedTuple):
    """A card as it sits in this session: which deck it came from and its session-wide key."""

    key: str
    """Unique in the session: "<deck name>:<card id>"."""
    deck: Deck
    """The deck (theme, colour) the card belongs to."""
    card: Card
    """The card itself."""


@dataclass
class CardState:
    """Everything the team did with one card."""

    pawns: dict[str, Vote] = field(default_factory=dict)
    """Participant letter -> the quadrant where their pawn stands, or PASS (pionnen)."""
    final: Quadrant | None = None
    """Where the card lies now, if settled."""
    settled_by: Settlement | None = None
    """How the final quadrant was reached."""
    notes: list[str] = field(default_factory=list)
    """Notes the team wrote about this card."""
    parked: bool = False
    """Set aside for later."""
    visited: bool = False
    """The team has seen this card."""
    talked: bool = False
    """Vragen: the team moved on from this card, so it counts as talked about (done)."""
    history: list[UndoStep] = field(default_factory=list)
    """Undo stack, newest last."""
    doubted: bool = False
    """Gemengd: someone doubted (t), so this card went to pawn voting (the outcome's twijfel)."""
    # Time is kept beside what the team did: two states that differ only in time are equal.
    seconds: float = field(default=0.0, compare=False)
    """How long the card has been on the table, all visits together (kept time)."""
    seen_at: float | None = field(default=None, compare=False)
    """Play time (seconds since the start) when the card was first shown."""
    settled_at: float | None = field(default=None, compare=False)
    """Play time (seconds since the start) when the card got its final quadrant (or was seen,
    in vragen: moved on from); None while open."""

    @property
    def is_default(self) -> bool:
        """Nothing happened to this card yet (so saving can skip it)."""
        return not (
            self.pawns
            or self.final
            or self.notes
            or self.parked
            or self.visited
            or self.talked
            or self.doubted
        )


class SessionSetup(NamedTuple):
    """What the team fixes before play."""

    casus: str
    """The case, free text (no student names)."""
    niveau: str
    """klas, opleiding, team, instelling, or free text; filters cards."""
    decks: tuple[Deck, ...]
    """The chosen themes, in play order."""
    mode: Mode
    """vragen, pionnen or samen."""
    participants: tuple[Participant, ...]
    """The people at the table, each with a pawn."""
    hidden_voting: bool = False
    """Pionnen: pawns stay covered until everyone has chosen."""
    choice: CardChoice = EVERY_CARD
    """Which cards to play (--kern, --kaart); the default plays every card."""
    minutes: int | None = None
    """--tijd: the planned length of the session in minutes; None: no pacing."""


def build_cards(
    decks: tuple[Deck, ...], niveau: str, choice: CardChoice = EVERY_CARD
) -> tuple[SessionCard, ...]:
    """The session's cards: decks follow each other in the chosen order, each deck's cards in
    file order, filtered by niveau and by the team's choice (RuleError for a bad choice)."""
    per_deck = chosen_cards(decks, niveau, choice)
    cards: list[SessionCard] = []
    for deck in decks:
        for card in per_deck[deck.name]:
            cards.append(SessionCard(key=f"{deck.name}:{card.id}", deck=deck, card=card))
    if not cards:
        raise RuleError(no_cards_refusal(niveau, choice))
    return tuple(cards)


def refuse_shared_state(cards: tuple[SessionCard, ...], people: tuple[Participant, ...]) -> None:
    """Two cards with one key, or two people with one letter, would share a state or a pawn."""
    keys: set[str] = set()
    for card in cards:
        if card.key in keys:
            raise RuleError(
                f"De kaart '{card.key}' komt twee keer voor. Kies het thema "
                f"'{card.deck.theme}' maar één keer."
            )
        keys.add(card.key)
    letters: set[str] = set()
    for person in people:
        if person.letter in letters:
            raise RuleError(f"Twee deelnemers hebben dezelfde letter '{person.letter}'.")
        letters.add(person.letter)
