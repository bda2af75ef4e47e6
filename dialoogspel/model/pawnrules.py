"""The modes where pawns are voted: pionnen (every card) and gemengd (a card someone doubts).

A pawn stands on a quadrant or is a pass (0, "weet ik niet"). Passes are counted and shown but
never block: the pawns that stand on the board decide. When everyone passed, the team places the
card together. After a reveal with different pawns, the two whose pawns stand furthest apart
speak first. `RULES` maps every mode to its rules object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialoogspel.model.board import PASS, Quadrant, Vote, distance
from dialoogspel.model.participants import Participant
from dialoogspel.model.rules import (
    MIN_PAWN_PLAYERS,
    Mode,
    ModeRules,
    Prompt,
    RuleError,
    SamenRules,
    Settlement,
    Step,
    VragenRules,
    positions_of,
)

if TYPE_CHECKING:
    from dialoogspel.model.session import CardState, Session

ALREADY_PLACED = "Deze kaart ligt al. Backspace neemt de laatste keuze terug; "
"""The start of the refusal of 1–4 and 0 on a settled card; `already_placed` ends it."""


def already_placed(session: Session) -> str:
    """1–4 or 0 on a card that lies: what backspace does, and what enter does here."""
    if session.is_last:
        return f"{ALREADY_PLACED}dit was de laatste kaart: b is het bord, e de afspraken."
    return f"{ALREADY_PLACED}enter gaat naar de volgende kaart."


def board_quadrants(pawns: dict[str, Vote]) -> set[Quadrant]:
    """The quadrants where pawns stand; passes left out."""
    return {vote for vote in pawns.values() if isinstance(vote, Quadrant)}


def first_speakers(session: Session, key: str) -> tuple[Participant, ...]:
    """The two whose pawns stand furthest apart (opposite quadrants before neighbours); the first
    such pair in table order. Empty when no two pawns differ."""
    pawns = session.states[key].pawns
    placed = [
        (person, vote)
        for person in session.participants
        if isinstance(vote := pawns.get(person.letter), Quadrant)
    ]
    best = 0
    pair: tuple[Participant, ...] = ()
    for number, (first, where) in enumerate(placed):
        for second, there in placed[number + 1 :]:
            if distance(where, there) > best:
                best, pair = distance(where, there), (first, second)
    return pair


class PionnenRules(ModeRules):
    """Pionnen: everyone places a pawn (or passes); the same quadrant settles the card, a
    difference is talked about and the team chooses the final quadrant together."""

    mode = Mode.PIONNEN
    votes_pawns = True
    min_participants = MIN_PAWN_PLAYERS

    def pending(self, session: Session, key: str) -> tuple[Participant, ...]:
        """Who has not placed a pawn on this card yet, in table order."""
        pawns = session.states[key].pawns
        return tuple(p for p in session.participants if p.letter not in pawns)

    def is_contested(self, session: Session, key: str) -> bool:
        """All pawns are down and those on the board stand in more than one quadrant."""
        if self.pending(session, key):
            return False
        return len(board_quadrants(session.states[key].pawns)) > 1

    def all_passed(self, session: Session, key: str) -> bool:
        """Everyone has chosen and nobody put a pawn on the board."""
        state = session.states[key]
        return not self.pending(session, key) and not board_quadrants(state.pawns)

    def place(self, session: Session, state: CardState, quadrant: Quadrant) -> None:
        """The current participant's pawn, or the final quadrant after a talk (or when everyone
        passed)."""
        key = session.current.key
        if state.final is not None:
            raise RuleError(already_placed(session))
        if self.is_contested(session, key):
            session.set_final(state, quadrant, Settlement.DISCUSSED)
        elif self.all_passed(session, key):
            session.set_final(state, quadrant, Settlement.JOINT)
        else:
            self._vote(session, state, quadrant)

    def abstain(self, session: Session, state: CardState) -> None:
        """0: the current participant passes ("weet ik niet")."""
        key = session.current.key
        if state.final is not None:
            raise RuleError(already_placed(session))
        if not self.pending(session, key):
            raise RuleError("Iedereen heeft al gekozen. Kies nu samen 1–4.")
        self._vote(session, state, PASS)

    def _vote(self, session: Session, state: CardState, vote: Vote) -> None:
        """Put the next participant's pawn; one quadrant on the board with everyone done settles."""
        key = session.current.key
        session.put_pawn(state, self.pending(session, key)[0], vote)
        quadrants = board_quadrants(state.pawns)
        if not self.pending(session, key) and len(quadrants) == 1:
            state.final = quadrants.pop()
            state.settled_by = Settlement.AGREED

    def advance_refusal(self, session: Session) -> str:
        """Still voting, or still to decide."""
        key = session.current.key
        if self.is_contested(session, key):
            # The prompt says already that the pawns differ: say what enter waits for.
            return "Enter gaat pas verder als de kaart ligt. Kies samen 1–4 waar hij komt."
        if self.all_passed(session, key):
            return "Niemand wist het. Leg de kaart samen op het bord (1–4), of parkeer hem (s)."
        waiting = self.pending(session, key)
        name = waiting[0].name if waiting else "iedereen"
        return f"Nog niet iedereen heeft gekozen. {name} is aan de beurt."

    def open_prompt(self, session: Session) -> Prompt:
        """Decide together, place together when everyone passed, or the next one votes."""
        key = session.current.key
        total = len(session.participants)
        doubted = session.states[key].doubted
        if self.is_contested(session, key):
            return Prompt(
                Step.DECIDE,
                positions=positions_of(session),
                passed=session.passed(key),
                first_speakers=first_speakers(session, key),
                total=total,
                is_last=session.is_last,
                doubted=doubted,
            )
        if self.all_passed(session, key):
            return Prompt(
                Step.PLACE,
                passed=session.passed(key),
                total=total,
                is_last=session.is_last,
                doubted=doubted,
            )
        waiting = self.pending(session, key)
        return Prompt(
            Step.VOTE,
            person=waiting[0],
            hidden=session.setup.hidden_voting,
            chosen=total - len(waiting),
            total=total,
            is_last=session.is_last,
            doubted=doubted,
        )


class GemengdRules(PionnenRules):
    """Gemengd: the team places each card together (as in samen); when someone doubts, t turns
    that card into pawn voting, which then settles as in pionnen."""

    mode = Mode.GEMENGD

    def pending(self, session: Session, key: str) -> tuple[Participant, ...]:
        """Only a doubted card waits for pawns."""
        if not session.states[key].doubted:
            return ()
        return super().pending(session, key)

    def is_contested(self, session: Session, key: str) -> bool:
        """Only a doubted card can be contested."""
        return session.states[key].doubted and super().is_contested(session, key)

    def all_passed(self, session: Session, key: str) -> bool:
        """Only a doubted card has pawns that could all pass."""
        return session.states[key].doubted and super().all_passed(session, key)

    def place(self, session: Session, state: CardState, quadrant: Quadrant) -> None:
        """The card together, or a pawn once someone doubted."""
        if state.doubted:
            super().place(session, state, quadrant)
        else:
            session.set_final(state, quadrant, Settlement.JOINT)

    def abstain(self, session: Session, state: CardState) -> None:
        """0 only counts on a doubted card, where everyone places a pawn."""
        if not state.doubted:
            raise RuleError("Twijfel? Druk eerst t: dan zet ieder een pion. Daarna kan 0.")
        super().abstain(session, state)

    def doubt(self, session: Session, state: CardState) -> None:
        """t: this card goes to pawn voting; refused once it lies or is voted on already."""
        if state.doubted:
            raise RuleError("Op deze kaart stemmen jullie al met pionnen.")
        if state.final is not None:
            raise RuleError(
                "Deze kaart ligt al. Backspace haalt hem terug; daarna kan t (twijfel)."
            )
        session.mark_doubted(state)

    def advance_refusal(self, session: Session) -> str:
        """As in pionnen once doubted, otherwise as in samen."""
        if session.current_state.doubted:
            return super().advance_refusal(session)
        return "Leg de kaart eerst samen op het bord (1–4), twijfel (t) of parkeer hem (s)."

    def open_prompt(self, session: Session) -> Prompt:
        """Place together (t: doubt), or vote as in pionnen once doubted."""
        if session.current_state.doubted:
            return super().open_prompt(session)
        return Prompt(Step.PLACE, can_doubt=True, is_last=session.is_last)


RULES: dict[Mode, ModeRules] = {
    Mode.VRAGEN: VragenRules(),
    Mode.PIONNEN: PionnenRules(),
    Mode.SAMEN: SamenRules(),
    Mode.GEMENGD: GemengdRules(),
}
"""One rules object per mode."""
