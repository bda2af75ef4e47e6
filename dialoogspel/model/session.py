"""A playing session: setup, the cards in order, and the rules of the three modes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import NamedTuple

from dialoogspel.model.agreements import Agreement
from dialoogspel.model.board import Quadrant
from dialoogspel.model.deck import Card, Deck
from dialoogspel.model.participants import Participant


class Mode(str, Enum):
    """How the team plays the cards."""

    VRAGEN = "vragen"
    PIONNEN = "pionnen"
    SAMEN = "samen"

    @property
    def explanation(self) -> str:
        """One Dutch line that says what the mode is."""
        return MODE_EXPLANATIONS[self]


MODE_EXPLANATIONS: dict[Mode, str] = {
    Mode.VRAGEN: "Alleen vragen: jullie praten over elke kaart en maken notities. Geen bord.",
    Mode.PIONNEN: "Pionnen: iedereen zet zijn pion. Verschil? Dan praten jullie en kiezen samen.",
    Mode.SAMEN: "Samen: jullie lezen de kaart en leggen hem samen meteen op het bord.",
}


class Settlement(str, Enum):
    """How a card got its final quadrant."""

    AGREED = "eens"
    """Pionnen: every pawn stood in the same quadrant."""
    DISCUSSED = "besproken"
    """Pionnen: pawns differed; the team talked and chose."""
    JOINT = "samen"
    """Samen: the team placed the card together."""


class RuleError(Exception):
    """An action the rules do not allow now; the message is Dutch and tells the team why."""


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

    pawns: dict[str, Quadrant] = field(default_factory=dict)
    """Participant letter -> the quadrant where their pawn stands (pionnen)."""
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
    history: list[tuple[str, str | None]] = field(default_factory=list)
    """Undo stack: ("pawn", letter) or ("final", previous "quadrant/settlement" or None)."""

    @property
    def is_default(self) -> bool:
        """Nothing happened to this card yet (so saving can skip it)."""
        return not (self.pawns or self.final or self.notes or self.parked or self.visited)


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


def build_cards(decks: tuple[Deck, ...], niveau: str) -> tuple[SessionCard, ...]:
    """The session's cards: decks follow each other in the chosen order, filtered by niveau."""
    cards: list[SessionCard] = []
    for deck in decks:
        for card in deck.cards_for(niveau):
            cards.append(SessionCard(key=f"{deck.name}:{card.id}", deck=deck, card=card))
    return tuple(cards)


def _refuse_shared_state(cards: tuple[SessionCard, ...], people: tuple[Participant, ...]) -> None:
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


class Session:
    """The game in progress. Every change bumps `revision`, so the face knows when to save."""

    def __init__(
        self,
        setup: SessionSetup,
        *,
        session_id: str | None = None,
        created: datetime | None = None,
    ) -> None:
        if setup.mode is Mode.PIONNEN and not setup.participants:
            raise RuleError("Voor pionnen is minstens één deelnemer nodig.")
        self.setup = setup
        """The fixed setup of this session."""
        self.id = session_id or os.urandom(6).hex()
        """A short unique id, used for resume and file names."""
        self.created = created or datetime.now().replace(microsecond=0)
        """When the session started."""
        self.cards = build_cards(setup.decks, setup.niveau)
        """The cards in play order."""
        if not self.cards:
            raise RuleError(f"Er zijn geen kaarten voor niveau '{setup.niveau}' in deze thema's.")
        _refuse_shared_state(self.cards, setup.participants)
        self.states: dict[str, CardState] = {card.key: CardState() for card in self.cards}
        """Per card key: what the team did with it."""
        self.index = 0
        """Position of the current card."""
        self.agreements: list[Agreement] = []
        """The agreements, in the order they were made."""
        self.exported: list[str] = []
        """Where outcome files of this session were written (newest last)."""
        self.revision = 0
        """Counts changes; the face saves when it moves."""
        self.states[self.cards[0].key].visited = True

    # -- looking ------------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        """The mode of play."""
        return self.setup.mode

    @property
    def participants(self) -> tuple[Participant, ...]:
        """The people at the table."""
        return self.setup.participants

    @property
    def current(self) -> SessionCard:
        """The card on the table now."""
        return self.cards[self.index]

    @property
    def current_state(self) -> CardState:
        """What happened to the current card."""
        return self.states[self.current.key]

    def card(self, key: str) -> SessionCard:
        """Look a card up by its session key."""
        for card in self.cards:
            if card.key == key:
                return card
        raise KeyError(key)

    def participant(self, letter: str) -> Participant:
        """Look a participant up by pawn letter."""
        for person in self.participants:
            if person.letter == letter:
                return person
        raise KeyError(letter)

    def pending_participants(self, key: str | None = None) -> tuple[Participant, ...]:
        """Pionnen: who has not placed a pawn on this card yet, in table order."""
        if self.mode is not Mode.PIONNEN:
            return ()
        pawns = self.states[key or self.current.key].pawns
        return tuple(p for p in self.participants if p.letter not in pawns)

    @property
    def current_participant(self) -> Participant | None:
        """Pionnen: whose turn it is to place a pawn on the current card."""
        pending = self.pending_participants()
        return pending[0] if pending else None

    def is_contested(self, key: str | None = None) -> bool:
        """Pionnen: all pawns are down and they do not agree (stays true after the talk)."""
        state = self.states[key or self.current.key]
        if self.mode is not Mode.PIONNEN or self.pending_participants(key or self.current.key):
            return False
        return len(set(state.pawns.values())) > 1

    def needs_decision(self, key: str | None = None) -> bool:
        """Pionnen: the pawns differ and the team has not chosen the final quadrant yet."""
        return self.is_contested(key) and self.states[key or self.current.key].final is None

    def is_settled(self, key: str | None = None) -> bool:
        """The card has its final quadrant (vragen: the card has been seen)."""
        state = self.states[key or self.current.key]
        if self.mode is Mode.VRAGEN:
            return state.visited
        return state.final is not None

    def pawns_revealed(self, key: str | None = None) -> bool:
        """Whether pawns may be shown: always, or with hidden voting once everyone has chosen."""
        if not self.setup.hidden_voting:
            return True
        return not self.pending_participants(key or self.current.key)

    def positions(self, key: str | None = None) -> dict[Quadrant, tuple[Participant, ...]]:
        """Who stands where on a card, per quadrant in board order."""
        pawns = self.states[key or self.current.key].pawns
        return {
            quadrant: tuple(p for p in self.participants if pawns.get(p.letter) is quadrant)
            for quadrant in Quadrant
        }

    @property
    def can_advance(self) -> bool:
        """The team may move on: the card is settled or parked (vragen: always)."""
        state = self.current_state
        return self.mode is Mode.VRAGEN or state.final is not None or state.parked

    @property
    def is_last(self) -> bool:
        """The current card is the last one."""
        return self.index == len(self.cards) - 1

    def cards_in(self, quadrant: Quadrant) -> tuple[SessionCard, ...]:
        """Settled, not parked cards lying in a quadrant, in play order."""
        return tuple(
            c
            for c in self.cards
            if self.states[c.key].final is quadrant and not self.states[c.key].parked
        )

    def open_cards(self) -> tuple[SessionCard, ...]:
        """Cards parked or not settled yet (the "Geparkeerd / niet besproken" pile).

        In vragen a card is settled once seen, so the pile is the parked and unseen cards.
        """
        return tuple(
            c for c in self.cards if self.states[c.key].parked or not self.is_settled(c.key)
        )

    @property
    def settled_count(self) -> int:
        """How many cards are done (settled, or seen in vragen mode), parked ones excluded."""
        return sum(
            1 for c in self.cards if self.is_settled(c.key) and not self.states[c.key].parked
        )

    def cards_without_agreement(self, quadrant: Quadrant) -> tuple[SessionCard, ...]:
        """Cards in a quadrant that no agreement links to yet (suggestions for afspraken)."""
        linked = {a.card_key for a in self.agreements}
        return tuple(c for c in self.cards_in(quadrant) if c.key not in linked)

    def __iter__(self) -> Iterator[SessionCard]:
        return iter(self.cards)

    # -- playing ------------------------------------------------------------------------------

    def place(self, quadrant: Quadrant) -> None:
        """Press 1–4: a pawn (pionnen), the card (samen) or the final quadrant after a talk."""
        state = self.current_state
        if self.mode is Mode.VRAGEN:
            raise RuleError("In de modus vragen is er geen bord. Praat en maak een notitie (n).")
        if state.parked:
            raise RuleError("Deze kaart is geparkeerd. Druk s om hem terug te halen.")
        if self.mode is Mode.SAMEN:
            self._set_final(state, quadrant, Settlement.JOINT)
        elif self.needs_decision():
            self._set_final(state, quadrant, Settlement.DISCUSSED)
        elif state.final is not None:
            raise RuleError("Deze kaart ligt al. Druk backspace om terug te nemen, of enter.")
        else:
            person = self.current_participant
            assert person is not None  # not settled and not contested: someone is still to vote
            state.pawns[person.letter] = quadrant
            state.history.append(("pawn", person.letter))
            if not self.pending_participants() and len(set(state.pawns.values())) == 1:
                state.final = quadrant
                state.settled_by = Settlement.AGREED
        self._changed()

    def _set_final(self, state: CardState, quadrant: Quadrant, how: Settlement) -> None:
        previous = None
        if state.final is not None and state.settled_by is not None:
            previous = f"{state.final.value}/{state.settled_by.value}"
        state.history.append(("final", previous))
        state.final = quadrant
        state.settled_by = how

    def undo(self) -> bool:
        """Backspace: take back the last pawn or placement on the current card."""
        state = self.current_state
        if not state.history:
            return False
        kind, value = state.history.pop()
        if kind == "pawn":
            assert value is not None
            state.pawns.pop(value, None)
            if state.settled_by is Settlement.AGREED:
                state.final, state.settled_by = None, None
        elif value is None:
            state.final, state.settled_by = None, None
        else:
            number, how = value.split("/")
            state.final, state.settled_by = Quadrant(int(number)), Settlement(how)
        self._changed()
        return True

    def toggle_park(self) -> bool:
        """s: park the card for later, or take it back; returns whether it is parked now."""
        state = self.current_state
        state.parked = not state.parked
        self._changed()
        return state.parked

    def advance(self) -> None:
        """Enter/→: go to the next card, once this one is settled or parked."""
        if not self.can_advance:
            if self.needs_decision():
                raise RuleError("De pionnen staan verschillend. Praat erover en kies samen 1–4.")
            if self.mode is Mode.PIONNEN:
                person = self.current_participant
                name = person.name if person else "iedereen"
                raise RuleError(f"Nog niet iedereen heeft gekozen. {name} is aan de beurt.")
            raise RuleError("Leg de kaart eerst op het bord (1–4), of parkeer hem (s).")
        if self.is_last:
            raise RuleError(
                "Dit was de laatste kaart. Druk b voor het bord of e voor de afspraken."
            )
        self.go_to(self.index + 1)

    def back(self) -> None:
        """←: go to the previous card."""
        if self.index == 0:
            raise RuleError("Dit is de eerste kaart.")
        self.go_to(self.index - 1)

    def go_to(self, index: int) -> None:
        """Jump to a card by position (e.g. a parked card from the board)."""
        if not 0 <= index < len(self.cards):
            raise RuleError("Die kaart bestaat niet.")
        self.index = index
        self.states[self.current.key].visited = True
        self._changed()

    def add_note(self, text: str, key: str | None = None) -> None:
        """n: add a note to a card (the current one by default); empty notes are ignored."""
        cleaned = text.strip()
        if cleaned:
            self.states[key or self.current.key].notes.append(cleaned)
            self._changed()

    # -- agreements ---------------------------------------------------------------------------

    def add_agreement(self, agreement: Agreement) -> None:
        """Add an agreement at the end of the list."""
        self.agreements.append(agreement)
        self._changed()

    def replace_agreement(self, position: int, agreement: Agreement) -> None:
        """Edit an agreement in place."""
        self.agreements[position] = agreement
        self._changed()

    def remove_agreement(self, position: int) -> Agreement:
        """Delete an agreement and return it."""
        removed = self.agreements.pop(position)
        self._changed()
        return removed

    def mark_exported(self, path: str) -> None:
        """Remember where an outcome file of this session was written."""
        self.exported.append(path)
        self._changed()

    def _changed(self) -> None:
        self.revision += 1
