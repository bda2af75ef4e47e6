"""A playing session: the cards in order, what the team did with them, and the actions that
change it (each asked of the mode's rules)."""

from __future__ import annotations

import os
import time
from datetime import datetime

from dialoogspel.model import pacing
from dialoogspel.model.agreements import Agreement
from dialoogspel.model.board import Quadrant, Vote
from dialoogspel.model.bookkeeping import BookkeepingActions
from dialoogspel.model.pacing import Clock, Stopwatch
from dialoogspel.model.participants import Participant
from dialoogspel.model.rules import ModeRules, RuleError, Settlement
from dialoogspel.model.state import (
    NIVEAUS,
    CardState,
    OutcomeRef,
    SessionCard,
    SessionSetup,
    UndoStep,
    build_cards,
    refuse_shared_state,
)
from dialoogspel.model.terugblik import TerugblikActions, TerugblikItem
from dialoogspel.model.view import SessionView

__all__ = [
    "NIVEAUS",
    "CardState",
    "OutcomeRef",
    "Session",
    "SessionCard",
    "SessionSetup",
    "UndoStep",
    "build_cards",
]


class Session(SessionView, TerugblikActions, BookkeepingActions):
    """The game in progress. Every change bumps `revision`, so the table knows when to save.

    The state lives here; what an action means in the chosen mode is asked of `rules`."""

    def __init__(
        self,
        setup: SessionSetup,
        *,
        session_id: str | None = None,
        created: datetime | None = None,
        resumed: bool = False,
        clock: Clock = time.monotonic,
    ) -> None:
        self.rules: ModeRules = setup.mode.rules
        """The rules of the chosen mode."""
        if not resumed:  # a session saved by an older version keeps the setup it had
            self.rules.check_setup(len(setup.participants), setup.hidden_voting)
        pacing.check_minutes(setup.minutes)
        self.setup = setup
        """The fixed setup of this session."""
        self.id = session_id or os.urandom(6).hex()
        """A short unique id, used for resume and file names."""
        self.created = created or datetime.now().replace(microsecond=0)
        """When the session started."""
        self.cards = build_cards(setup.decks, setup.niveau, setup.choice)
        """The cards in play order (only the chosen ones, when the team chose)."""
        refuse_shared_state(self.cards, setup.participants)
        self.states: dict[str, CardState] = {card.key: CardState() for card in self.cards}
        """Per card key: what the team did with it."""
        self._positions = {card.key: number for number, card in enumerate(self.cards)}
        """Card key -> position, so looking a card up does not walk the whole list."""
        self._labels: dict[str, str] | None = None
        """Card key -> label, made on first use (see card_label)."""
        self.index = 0
        """Position of the current card."""
        self.agreements: list[Agreement] = []
        """The agreements, in the order they were made."""
        self.terugblik: list[TerugblikItem] = []
        """Terugblik: the open agreements of earlier files and what the team said about them."""
        self.exported: list[str] = []
        """Where outcome files of this session were written (newest last)."""
        self.outcome_file: OutcomeRef | None = None
        """The session's own outcome file in the output folder (replaced while it is ours)."""
        self.outcome_local: OutcomeRef | None = None
        """The session's copy in the local data folder, when the output folder failed."""
        self.output_dir: str = ""
        """The folder the team chose for the outcome file (empty: the current folder)."""
        self.finished = False
        """The team said the session is done (only then the start screen stops offering it)."""
        self.privacy_allowed: set[str] = set()
        """Keys of privacy findings the team said "toch opslaan" for (not asked again)."""
        self.revision = 0
        """Counts changes; the table saves when it moves."""
        self.handover_pending = False
        """Hidden voting: a pawn was just placed; the laptop goes to the next voter first."""
        self.stopwatch = Stopwatch(clock)
        """Time on the current card since it was last booked (see `_book_time`)."""
        first = self.states[self.cards[0].key]
        first.visited, first.seen_at = True, 0.0

    # -- time ---------------------------------------------------------------------------------

    def pause_clock(self) -> None:
        """The team leaves the cards (e.g. to make agreements): stop counting card time."""
        self._book_time()
        self.stopwatch.pause()

    def resume_clock(self) -> None:
        """The team is back at the cards: the current card counts again."""
        self.stopwatch.resume()

    def _book_time(self) -> None:
        """Add the time since the last booking to the current card, and note when it settled."""
        state = self.current_state
        state.seconds += self.stopwatch.lap()
        settled = self.is_settled() and not state.parked
        if settled and state.settled_at is None:
            state.settled_at = self.play_seconds()
        elif not settled and state.settled_at is not None:
            state.settled_at = None

    # -- playing ------------------------------------------------------------------------------

    def place(self, quadrant: Quadrant) -> None:
        """Press 1–4: a pawn (pionnen), the card (samen) or the final quadrant after a talk."""
        state = self._playable()
        self.rules.place(self, state, quadrant)
        self._after_vote()

    def abstain(self) -> None:
        """Press 0: "weet ik niet / pas" for the participant whose turn it is (a `?` pawn)."""
        state = self._playable()
        self.rules.abstain(self, state)
        self._after_vote()

    def doubt(self) -> None:
        """Press t (gemengd): someone doubts, so this card goes to pawn voting."""
        state = self._playable()
        self.rules.doubt(self, state)
        self._changed()

    def mark_doubted(self, state: CardState) -> None:
        """Turn a card into pawn voting, as a step backspace can take back (rules call this)."""
        state.doubted = True
        state.history.append(UndoStep(None, doubt=True))

    def hand_over(self) -> None:
        """The next voter sits at the laptop: hidden voting goes on (Enter on the hand-over)."""
        if not self.handover_pending:
            raise RuleError("Er is niets door te geven.")
        self.handover_pending = False
        self._changed()

    def _playable(self) -> CardState:
        """The current card's state, when 1–4, 0 and t may act on it now (a key pressed on the
        hand-over view is the next voter's own choice: the view has done its work)."""
        state = self.current_state
        if self.rules.has_board and state.parked:
            raise RuleError("Deze kaart is geparkeerd. Druk s om hem terug te halen.")
        return state

    def _after_vote(self) -> None:
        """With hidden voting, a pawn placed while others still choose means: hand over."""
        state = self.current_state
        just_voted = bool(state.history) and state.history[-1].pawn is not None
        self.handover_pending = (
            self.setup.hidden_voting and just_voted and self.current_participant is not None
        )
        self._changed()

    def set_final(self, state: CardState, quadrant: Quadrant, how: Settlement) -> None:
        """Lay a card in its final quadrant, remembering where it lay for undo (rules call this)."""
        state.history.append(UndoStep(None, state.final, state.settled_by))
        state.final = quadrant
        state.settled_by = how

    def put_pawn(self, state: CardState, person: Participant, quadrant: Vote) -> None:
        """Put a participant's pawn on a quadrant, or a pass (rules call this)."""
        state.pawns[person.letter] = quadrant
        state.history.append(UndoStep(person.letter))

    def undo(self) -> None:
        """Backspace: take back the last pawn or placement on the current card."""
        state = self.current_state
        if not state.history:
            raise RuleError("Er is op deze kaart niets om terug te nemen.")
        step = state.history.pop()
        self.handover_pending = False
        if step.doubt:
            state.doubted = False
        elif step.pawn is not None:
            state.pawns.pop(step.pawn, None)
            if state.settled_by is Settlement.AGREED:
                state.final, state.settled_by = None, None
        else:
            state.final, state.settled_by = step.previous_final, step.previous_how
        self._changed()

    def toggle_park(self) -> bool:
        """s: park the card for later, or take it back; returns whether it is parked now."""
        state = self.current_state
        state.parked = not state.parked
        self.handover_pending = False
        self._changed()
        return state.parked

    def park_rest(self) -> int:
        """Park every open card except the current one (time is short); how many were parked."""
        rest = [
            card
            for card in self.unseen_cards()
            if card.key != self.current.key and not self.states[card.key].parked
        ]
        if not rest:
            raise RuleError("Er zijn geen andere open kaarten om te parkeren.")
        for card in rest:
            self.states[card.key].parked = True
        self._changed()
        return len(rest)

    def advance(self) -> None:
        """Enter/→: go to the next card, once this one is settled or parked (on the hand-over
        view: the next voter is ready)."""
        if self.handover_pending and self.current_participant is not None:
            self.hand_over()  # Enter on the hand-over view: the next voter is ready
            return
        if not self.can_advance:
            raise RuleError(self.rules.advance_refusal(self))
        # Vragen: moving on (not going back or jumping) means the card was talked about.
        moved_on = self.rules.leave(self.current_state)
        if self.is_last:
            if moved_on:
                self._changed()
                return
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
        self._book_time()
        self.index = index
        self.stopwatch.resume()  # going to a card means the team is at the cards again
        self.handover_pending = False
        state = self.current_state
        if state.seen_at is None:
            state.seen_at = self.play_seconds()
        state.visited = True
        self._changed()

    def _changed(self) -> None:
        self._book_time()
        self.revision += 1
