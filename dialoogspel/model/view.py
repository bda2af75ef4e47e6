"""What a session shows: the current card, whose turn it is, where pawns and cards stand, the
piles of the board and the time. Read-only; `Session` adds the actions that change it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from dialoogspel.model import pacing
from dialoogspel.model.agreements import Agreement, AgreementKind
from dialoogspel.model.board import PASS, Quadrant
from dialoogspel.model.pacing import Pace, Stopwatch, TimeSpent
from dialoogspel.model.participants import Participant
from dialoogspel.model.rules import Mode, ModeRules, Prompt, Step
from dialoogspel.model.state import CardState, SessionCard, SessionSetup
from dialoogspel.model.terugblik import TerugblikItem

if TYPE_CHECKING:
    from dialoogspel.model.session import Session


class SessionView:
    """The questions every face and the outcome ask of a session (see `Session` for the state)."""

    # The state a view reads; Session.__init__ sets and documents each of these.
    setup: SessionSetup
    rules: ModeRules
    cards: tuple[SessionCard, ...]
    states: dict[str, CardState]
    index: int
    agreements: list[Agreement]
    terugblik: list[TerugblikItem]
    stopwatch: Stopwatch
    handover_pending: bool
    _positions: dict[str, int]
    _labels: dict[str, str] | None

    @property
    def whole(self) -> Session:
        """This view as the session it is (the rules and pacing take the whole session)."""
        return cast("Session", self)

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

    @property
    def prompt(self) -> Prompt:
        """What the team must do now: look back first (terugblik), then the current card."""
        if any(not item.answered for item in self.terugblik):
            return Prompt(Step.TERUGBLIK)
        return self.rules.prompt(self.whole)

    def card(self, key: str) -> SessionCard:
        """Look a card up by its session key."""
        return self.cards[self._positions[key]]

    def card_label(self, key: str) -> str:
        """How a card is named to the team: its id, or deck:id when two decks share the id."""
        if self._labels is None:
            counts = Counter(card.card.id for card in self.cards)
            self._labels = {
                c.key: c.key if counts[c.card.id] > 1 else c.card.id for c in self.cards
            }
        return self._labels.get(key, key.rpartition(":")[2])

    def position_of(self, key: str) -> int:
        """Where a card stands in play order."""
        return self._positions[key]

    def participant(self, letter: str) -> Participant:
        """Look a participant up by pawn letter."""
        for person in self.participants:
            if person.letter == letter:
                return person
        raise KeyError(letter)

    def match_participant(self, typed: str) -> Participant | None:
        """The participant a typed "wie" means: the same name, ignoring case and spaces."""
        wanted = " ".join(typed.split()).casefold()
        return next((p for p in self.participants if p.name.casefold() == wanted), None)

    def pending_participants(self, key: str | None = None) -> tuple[Participant, ...]:
        """Who has not placed a pawn on this card yet, in table order (only where pawns vote)."""
        return self.rules.pending(self.whole, key or self.current.key)

    @property
    def current_participant(self) -> Participant | None:
        """Whose turn it is to place a pawn on the current card."""
        pending = self.pending_participants()
        return pending[0] if pending else None

    def is_contested(self, key: str | None = None) -> bool:
        """All pawns are down and they do not agree (stays true after the talk)."""
        return self.rules.is_contested(self.whole, key or self.current.key)

    def needs_decision(self, key: str | None = None) -> bool:
        """The pawns differ and the team has not chosen the final quadrant yet."""
        key = key or self.current.key
        return self.is_contested(key) and self.states[key].final is None

    def is_settled(self, key: str | None = None) -> bool:
        """The card is done: it has its final quadrant (vragen: the team moved on from it)."""
        return self.rules.is_settled(self.whole, key or self.current.key)

    def pawns_revealed(self, key: str | None = None) -> bool:
        """Whether pawns may be shown: always, or with hidden voting once everyone has chosen."""
        if not self.setup.hidden_voting:
            return True
        return not self.pending_participants(key or self.current.key)

    def passed(self, key: str | None = None) -> tuple[Participant, ...]:
        """Who said "weet ik niet" (0) on a card, in table order."""
        pawns = self.states[key or self.current.key].pawns
        return tuple(p for p in self.participants if pawns.get(p.letter) is PASS)

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
        return self.rules.can_advance(self.whole)

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

    def parked_cards(self) -> tuple[SessionCard, ...]:
        """Cards set aside for later, in play order."""
        return tuple(c for c in self.cards if self.states[c.key].parked)

    def unseen_cards(self) -> tuple[SessionCard, ...]:
        """Cards not parked and not done yet (never seen, or seen but not placed)."""
        return tuple(
            c for c in self.cards if not self.states[c.key].parked and not self.is_settled(c.key)
        )

    def open_cards(self) -> tuple[SessionCard, ...]:
        """Cards parked or not settled yet (the "Geparkeerd / niet besproken" pile).

        In vragen a card is settled once the team moved on from it, so the pile is the parked
        cards and those not talked about yet.
        """
        return tuple(
            c for c in self.cards if self.states[c.key].parked or not self.is_settled(c.key)
        )

    @property
    def settled_count(self) -> int:
        """How many cards are done (settled, or moved on from in vragen), parked ones excluded."""
        return sum(
            1 for c in self.cards if self.is_settled(c.key) and not self.states[c.key].parked
        )

    def cards_without_agreement(self, quadrant: Quadrant) -> tuple[SessionCard, ...]:
        """Cards in a quadrant that no agreement links to yet (suggestions for afspraken)."""
        linked = {a.card_key for a in self.agreements}
        return tuple(c for c in self.cards_in(quadrant) if c.key not in linked)

    def suggested_cards(self) -> tuple[SessionCard, ...]:
        """Cards the team should still make an agreement about: Belangrijk & urgent, none yet."""
        return self.cards_without_agreement(Quadrant.BELANGRIJK_URGENT)

    def default_agreement_kind(self, card_key: str | None) -> AgreementKind:
        """Aan de slag for a card lying in Belangrijk & urgent, otherwise uitzoeken."""
        state = self.states.get(card_key) if card_key else None
        if state is not None and state.final is Quadrant.BELANGRIJK_URGENT and not state.parked:
            return AgreementKind.AAN_DE_SLAG
        return AgreementKind.UITZOEKEN

    def __iter__(self) -> Iterator[SessionCard]:
        return iter(self.cards)

    # -- time ---------------------------------------------------------------------------------

    def card_seconds(self, key: str) -> float:
        """How long a card has been on the table, the running visit included."""
        seconds = self.states[key].seconds
        return seconds + self.stopwatch.running() if key == self.current.key else seconds

    def play_seconds(self) -> float:
        """Play time so far: every card's time together (only one card is on the table)."""
        return sum(state.seconds for state in self.states.values()) + self.stopwatch.running()

    def pace(self) -> Pace | None:
        """The time left and the budget per card; None when no time was planned (--tijd)."""
        return pacing.pace(self.whole)

    def suggest_parking(self) -> bool:
        """Little time and many cards left: offer to park the rest (never done by itself)."""
        current = self.pace()
        return current is not None and current.suggest_parking

    def card_minutes(self, key: str) -> int | None:
        """Whole minutes a card was on the table (the outcome's `minuten`); None when unknown."""
        return pacing.card_minutes(self.whole, key)

    def time_spent(self) -> TimeSpent:
        """Planned and used minutes (the outcome's `tijd: {gepland, gebruikt}`)."""
        return pacing.time_spent(self.whole)
