"""The rules of each mode as one object per mode: what 1–4 does, when a card is done, what the
team must do now (the `Prompt`). `Session` holds the state and asks its rules; no face branches on
the mode itself. A new mode is one new class here plus an entry in `RULES`."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from dialoogspel.model.board import Quadrant
from dialoogspel.model.participants import Participant

if TYPE_CHECKING:
    from dialoogspel.model.session import CardState, Session


class Mode(str, Enum):
    """How the team plays the cards."""

    VRAGEN = "vragen"
    PIONNEN = "pionnen"
    SAMEN = "samen"

    @property
    def explanation(self) -> str:
        """One Dutch line that says what the mode is."""
        return MODE_EXPLANATIONS[self]

    @property
    def rules(self) -> ModeRules:
        """The rules object of this mode."""
        return RULES[self]


MODE_EXPLANATIONS: dict[Mode, str] = {
    Mode.VRAGEN: "Alleen vragen: jullie praten over elke kaart en maken notities. Geen bord.",
    Mode.PIONNEN: "Pionnen: iedereen zet zijn pion. Verschil? Dan praten jullie en kiezen samen.",
    Mode.SAMEN: "Samen: jullie lezen de kaart en leggen hem samen meteen op het bord.",
}


class Settlement(str, Enum):
    """How a card got its final quadrant (the stored value is the outcome's `hoe`)."""

    AGREED = "eens"
    """Pionnen: every pawn stood in the same quadrant."""
    DISCUSSED = "besproken"
    """Pionnen: pawns differed; the team talked and chose."""
    JOINT = "samen"
    """Samen: the team placed the card together."""


class RuleError(Exception):
    """An action the rules do not allow now; the message is Dutch and tells the team why."""


class Step(str, Enum):
    """What the team must do now with the current card."""

    TALK = "talk"
    """Vragen: talk about the question and write notes."""
    VOTE = "vote"
    """Pionnen: the participant in `Prompt.person` places a pawn."""
    PLACE = "place"
    """Samen: the team places the card together."""
    DECIDE = "decide"
    """The pawns differ: talk and choose the final quadrant together."""
    SETTLED = "settled"
    """The card lies on the board; the team may go on."""
    PARKED = "parked"
    """The card is parked for later."""


class Prompt(NamedTuple):
    """What the team must do now: the same facts for every face, which turns them into words."""

    step: Step
    """What to do."""
    person: Participant | None = None
    """Step.VOTE: whose turn it is."""
    hidden: bool = False
    """Step.VOTE with hidden voting: pawns stay covered."""
    chosen: int = 0
    """Step.VOTE with hidden voting: how many have chosen already."""
    total: int = 0
    """How many participants vote."""
    positions: tuple[tuple[Quadrant, tuple[Participant, ...]], ...] = ()
    """Step.DECIDE (and a settled contested card): who stands where, quadrants in board order."""
    final: Quadrant | None = None
    """Step.SETTLED: where the card lies."""
    settled_by: Settlement | None = None
    """Step.SETTLED: how it got there."""
    is_last: bool = False
    """The current card is the last one."""


MIN_PAWN_PLAYERS = 2
"""Pawn voting needs at least two people: one pawn cannot differ from anything."""


class ModeRules:
    """Behaviour shared by the modes that have a board; subclasses change what differs."""

    mode: Mode
    has_board = True
    """Whether cards are placed on the board (1–4 mean something)."""
    votes_pawns = False
    """Whether participants vote with pawns (so hidden voting makes sense)."""
    min_participants = 0
    """How many participants the mode needs."""

    def check_setup(self, participants: int, hidden_voting: bool) -> None:
        """Refuse a setup this mode cannot play, with the same Dutch sentence for every face."""
        missing = self.min_participants - participants
        if missing > 0:
            raise RuleError(
                f"Voor {self.mode.value} zijn minstens {self.min_participants} deelnemers nodig."
                f" Voeg er nog {missing} toe, of kies de modus samen of vragen."
            )
        if hidden_voting and not self.votes_pawns:
            raise RuleError(
                "Verdekt stemmen kan alleen bij pionnen: alleen daar zet iedereen een eigen pion."
            )

    def pending(self, session: Session, key: str) -> tuple[Participant, ...]:
        """Who still has to place a pawn on a card, in table order (none without pawns)."""
        return ()

    def is_contested(self, session: Session, key: str) -> bool:
        """All pawns are down and they do not agree (stays true after the talk)."""
        return False

    def is_settled(self, session: Session, key: str) -> bool:
        """The card is done: it has its final quadrant."""
        return session.states[key].final is not None

    def can_advance(self, session: Session) -> bool:
        """The team may move on from the current card."""
        state = session.current_state
        return state.final is not None or state.parked

    def place(self, session: Session, state: CardState, quadrant: Quadrant) -> None:
        """Press 1–4 on a card that is not parked: the card lies there (samen)."""
        session.set_final(state, quadrant, Settlement.JOINT)

    def advance_refusal(self, session: Session) -> str:
        """Why the team may not move on yet."""
        return "Leg de kaart eerst op het bord (1–4), of parkeer hem (s)."

    def prompt(self, session: Session) -> Prompt:
        """What the team must do now with the current card."""
        state = session.current_state
        last = session.is_last
        if state.parked:
            return Prompt(Step.PARKED, is_last=last)
        if state.final is not None:
            positions = (
                _positions(session) if self.is_contested(session, session.current.key) else ()
            )
            return Prompt(
                Step.SETTLED,
                final=state.final,
                settled_by=state.settled_by,
                positions=positions,
                is_last=last,
            )
        return self.open_prompt(session)

    def open_prompt(self, session: Session) -> Prompt:
        """What to do with a card that is neither parked nor settled."""
        return Prompt(Step.PLACE, is_last=session.is_last)


class SamenRules(ModeRules):
    """Samen: the team places each card together at once."""

    mode = Mode.SAMEN


class VragenRules(ModeRules):
    """Vragen: questions only, no board; a card is done once the team has seen it."""

    mode = Mode.VRAGEN
    has_board = False

    def is_settled(self, session: Session, key: str) -> bool:
        """A card is done once seen."""
        return session.states[key].visited

    def can_advance(self, session: Session) -> bool:
        """Always: there is nothing to place."""
        return True

    def place(self, session: Session, state: CardState, quadrant: Quadrant) -> None:
        """There is no board."""
        raise RuleError("In de modus vragen is er geen bord. Praat en maak een notitie (n).")

    def prompt(self, session: Session) -> Prompt:
        """Parked, or talk about the question."""
        if session.current_state.parked:
            return Prompt(Step.PARKED, is_last=session.is_last)
        return Prompt(Step.TALK, is_last=session.is_last)


class PionnenRules(ModeRules):
    """Pionnen: everyone places a pawn; the same quadrant settles the card, a difference is talked
    about and the team chooses the final quadrant together."""

    mode = Mode.PIONNEN
    votes_pawns = True
    min_participants = MIN_PAWN_PLAYERS

    def pending(self, session: Session, key: str) -> tuple[Participant, ...]:
        """Who has not placed a pawn on this card yet, in table order."""
        pawns = session.states[key].pawns
        return tuple(p for p in session.participants if p.letter not in pawns)

    def is_contested(self, session: Session, key: str) -> bool:
        """All pawns are down and stand in more than one quadrant."""
        if self.pending(session, key):
            return False
        return len(set(session.states[key].pawns.values())) > 1

    def place(self, session: Session, state: CardState, quadrant: Quadrant) -> None:
        """The current participant's pawn, or the final quadrant after a talk."""
        key = session.current.key
        if self.is_contested(session, key) and state.final is None:
            session.set_final(state, quadrant, Settlement.DISCUSSED)
            return
        if state.final is not None:
            raise RuleError(
                "Deze kaart ligt al. Backspace neemt de laatste keuze terug;"
                " enter gaat naar de volgende kaart."
            )
        person = self.pending(session, key)[0]
        session.put_pawn(state, person, quadrant)
        if not self.pending(session, key) and len(set(state.pawns.values())) == 1:
            state.final = quadrant
            state.settled_by = Settlement.AGREED

    def advance_refusal(self, session: Session) -> str:
        """Still voting, or still to decide."""
        key = session.current.key
        if self.is_contested(session, key):
            return "De pionnen staan verschillend. Praat erover en kies samen 1–4."
        waiting = self.pending(session, key)
        name = waiting[0].name if waiting else "iedereen"
        return f"Nog niet iedereen heeft gekozen. {name} is aan de beurt."

    def open_prompt(self, session: Session) -> Prompt:
        """Decide together, or the next participant votes."""
        key = session.current.key
        total = len(session.participants)
        if self.is_contested(session, key):
            return Prompt(
                Step.DECIDE, positions=_positions(session), total=total, is_last=session.is_last
            )
        waiting = self.pending(session, key)
        return Prompt(
            Step.VOTE,
            person=waiting[0],
            hidden=session.setup.hidden_voting,
            chosen=total - len(waiting),
            total=total,
            is_last=session.is_last,
        )


def _positions(session: Session) -> tuple[tuple[Quadrant, tuple[Participant, ...]], ...]:
    """Who stands where on the current card, only quadrants with pawns, in board order."""
    return tuple((q, people) for q, people in session.positions().items() if people)


RULES: dict[Mode, ModeRules] = {
    Mode.VRAGEN: VragenRules(),
    Mode.PIONNEN: PionnenRules(),
    Mode.SAMEN: SamenRules(),
}
"""One rules object per mode."""
