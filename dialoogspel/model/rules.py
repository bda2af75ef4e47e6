"""The rules of each mode as one object per mode: what 1–4 does, when a card is done, what the
team must do now (the `Prompt`). `Session` holds the state and asks its rules; no face branches on
the mode itself. A new mode is one new class (here, or in `pawnrules` when pawns vote) plus an
entry in `RULES` (in `pawnrules`, which knows every mode)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from dialoogspel.model.board import Quadrant
from dialoogspel.model.participants import Participant

if TYPE_CHECKING:
    from dialoogspel.model.session import CardState, Session

PASS_ONLY_WITH_PAWNS = "0 (weet ik niet) kan alleen als ieder een eigen pion zet."
DOUBT_ONLY_GEMENGD = "t (twijfel) hoort bij de modus gemengd."


class Mode(str, Enum):
    """How the team plays the cards."""

    VRAGEN = "vragen"
    PIONNEN = "pionnen"
    SAMEN = "samen"
    GEMENGD = "gemengd"

    @property
    def explanation(self) -> str:
        """One Dutch line that says what the mode is."""
        return MODE_EXPLANATIONS[self]

    @property
    def rules(self) -> ModeRules:
        """The rules object of this mode."""
        from dialoogspel.model.pawnrules import RULES  # knows every mode, including these

        return RULES[self]


MODE_EXPLANATIONS: dict[Mode, str] = {
    Mode.VRAGEN: "Alleen vragen: jullie praten over elke kaart en maken notities. Geen bord.",
    Mode.PIONNEN: "Pionnen: iedereen zet zijn pion. Verschil? Dan praten jullie en kiezen samen.",
    Mode.SAMEN: "Samen: jullie lezen de kaart en leggen hem samen meteen op het bord.",
    Mode.GEMENGD: "Gemengd: jullie leggen elke kaart samen. Twijfelt iemand? Druk t: dan zet"
    " iedereen een pion.",
}


class Settlement(str, Enum):
    """How a card got its final quadrant (the stored value is the outcome's `hoe`)."""

    AGREED = "eens"
    """Pionnen: every pawn stood in the same quadrant."""
    DISCUSSED = "besproken"
    """Pionnen: pawns differed; the team talked and chose."""
    JOINT = "samen"
    """Samen (and gemengd, or pionnen when everyone passed): the team placed the card together."""


class RuleError(Exception):
    """An action the rules do not allow now; the message is Dutch and tells the team why."""


class Step(str, Enum):
    """What the team must do now with the current card."""

    TALK = "talk"
    """Vragen: talk about the question and write notes."""
    VOTE = "vote"
    """Pionnen: the participant in `Prompt.person` places a pawn."""
    HANDOVER = "handover"
    """Hidden voting: give the laptop to `Prompt.person`; no pawn may be shown."""
    PLACE = "place"
    """Samen: the team places the card together."""
    DECIDE = "decide"
    """The pawns differ: talk and choose the final quadrant together."""
    SETTLED = "settled"
    """The card lies on the board; the team may go on."""
    PARKED = "parked"
    """The card is parked for later."""
    TERUGBLIK = "terugblik"
    """Before the first card: say how the open agreements of earlier sessions went."""


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
    passed: tuple[Participant, ...] = ()
    """Step.DECIDE / SETTLED / PLACE: who said "weet ik niet" (a `?` pawn), in table order."""
    first_speakers: tuple[Participant, ...] = ()
    """Step.DECIDE: the two whose pawns stand furthest apart, who speak first."""
    can_doubt: bool = False
    """Gemengd, Step.PLACE: t turns this card into pawn voting."""
    doubted: bool = False
    """Gemengd: this card went to pawn voting (twijfel)."""
    offer_parking: bool = False
    """Little time and many cards left: offer to park the rest (never done by itself)."""
    talked: bool = False
    """Vragen, Step.TALK: the team moved on from this card before (it counts as done)."""


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
                "Verdekt stemmen kan alleen bij pionnen en gemengd:"
                " alleen daar zet iedereen een eigen pion."
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

    def abstain(self, session: Session, state: CardState) -> None:
        """Press 0 ("weet ik niet / pas"): only where everyone places a pawn."""
        raise RuleError(f"{PASS_ONLY_WITH_PAWNS} Kies samen 1–4.")

    def doubt(self, session: Session, state: CardState) -> None:
        """Press t: only gemengd turns a card into pawn voting."""
        raise RuleError(DOUBT_ONLY_GEMENGD)

    def leave(self, state: CardState) -> bool:
        """The team moves on from a card (enter, or another card); whether that changed it."""
        return False

    def advance_refusal(self, session: Session) -> str:
        """Why the team may not move on yet."""
        return "Leg de kaart eerst op het bord (1–4), of parkeer hem (s)."

    def prompt(self, session: Session) -> Prompt:
        """What the team must do now, with the offer to park when time runs short."""
        prompt = self.card_prompt(session)
        if session.suggest_parking():
            prompt = prompt._replace(offer_parking=True)
        return prompt

    def card_prompt(self, session: Session) -> Prompt:
        """What the team must do now with the current card."""
        state = session.current_state
        last = session.is_last
        key = session.current.key
        if state.parked:
            return Prompt(Step.PARKED, is_last=last)
        if state.final is not None:
            contested = self.is_contested(session, key)
            return Prompt(
                Step.SETTLED,
                final=state.final,
                settled_by=state.settled_by,
                positions=positions_of(session) if contested else (),
                passed=session.passed(key),
                is_last=last,
                doubted=state.doubted,
            )
        waiting = self.pending(session, key)
        if session.handover_pending and waiting:
            total = len(session.participants)
            return Prompt(
                Step.HANDOVER,
                person=waiting[0],
                hidden=True,
                chosen=total - len(waiting),
                total=total,
                is_last=last,
                doubted=state.doubted,
            )
        return self.open_prompt(session)

    def open_prompt(self, session: Session) -> Prompt:
        """What to do with a card that is neither parked nor settled."""
        return Prompt(Step.PLACE, is_last=session.is_last)


class SamenRules(ModeRules):
    """Samen: the team places each card together at once."""

    mode = Mode.SAMEN


NO_BOARD = (
    "In de modus vragen leggen jullie geen kaarten op een bord, dus 1 tot 4 doen hier niets."
    " Praat over de vraag en maak een notitie (n)."
)
"""The answer to 1–4 (and 0) in vragen."""


class VragenRules(ModeRules):
    """Vragen: questions only, no board; a card is done once the team moves on from it."""

    mode = Mode.VRAGEN
    has_board = False

    def is_settled(self, session: Session, key: str) -> bool:
        """A card is done once the team moved on from it (not as soon as it shows)."""
        return session.states[key].talked

    def leave(self, state: CardState) -> bool:
        """Moving on from a card that is not parked: it counts as talked about."""
        if state.parked or state.talked:
            return False
        state.talked = True
        return True

    def can_advance(self, session: Session) -> bool:
        """Always: there is nothing to place."""
        return True

    def place(self, session: Session, state: CardState, quadrant: Quadrant) -> None:
        """There is no board."""
        raise RuleError(NO_BOARD)

    def abstain(self, session: Session, state: CardState) -> None:
        """There is no board, so nothing to pass on."""
        self.place(session, state, Quadrant.BELANGRIJK_URGENT)

    def card_prompt(self, session: Session) -> Prompt:
        """Parked, or talk about the question."""
        if session.current_state.parked:
            return Prompt(Step.PARKED, is_last=session.is_last)
        return Prompt(Step.TALK, is_last=session.is_last, talked=session.current_state.talked)


def positions_of(session: Session) -> tuple[tuple[Quadrant, tuple[Participant, ...]], ...]:
    """Who stands where on the current card, only quadrants with pawns, in board order."""
    return tuple((q, people) for q, people in session.positions().items() if people)
