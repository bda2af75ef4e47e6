"""The board, a card and the agreement form in plain Dutch: the words both faces show.

The screen face styles these (bold headings, the theme colour, bullets); the plain-line face
prints them line by line. Nothing here knows about colour or layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from dialoogspel.model import AgreementKind, Mode, Participant, Quadrant, Session, SessionCard
from dialoogspel.model.board import Vote
from dialoogspel.present.words import PASS_MARK, person_name

PILE_HEADING = "Geparkeerd / niet besproken"
"""The heading of the cards that are parked or not placed yet."""
QUESTIONS_HEADING = "Besproken vragen"
"""Vragen mode has no board: the questions seen so far."""
NO_CARDS = "geen kaarten"
"""After a heading with nothing under it."""
PARKED = "geparkeerd"
NOT_PLACED = "nog niet gelegd"
NOT_DISCUSSED = "niet besproken"
NO_DATA_SOURCES = "Geen databronnen op deze kaart."
"""The back of a card without data sources."""

KIND_EXPLANATIONS: dict[AgreementKind, str] = {
    AgreementKind.AAN_DE_SLAG: "Aan de slag: pak een urgent punt echt aan",
    AgreementKind.UITZOEKEN: "Uitzoeken: zoek uit wat nog onbekend is (databronnen)",
}
"""One Dutch line per kind of agreement."""
WHAT_MISSING = "Vul in wat er gaat gebeuren."
WHO_MISSING = "Vul in wie het doet."
NO_DEADLINE = "Geen datum: dat mag."
DEADLINE_PAST = "Let op: die datum is al voorbij."
REMINDER = "Let op: typ geen namen van studenten. De uitkomst komt op een gedeelde schijf."
"""Said before the team types anything that goes into the outcome."""


def agreement_made(who: str, *, key_hint: bool = True) -> str:
    """After an agreement was added from a card; the screen's notice leaves out the key, as it
    stays in view when the team goes on to the afspraken."""
    made = f"Afspraak gemaakt voor {who}."
    return f"{made} e: alle afspraken." if key_hint else made


def save_problem(problem: str) -> str:
    """An autosave failed for a new reason: said once, not on every key."""
    return f"{problem} Het spel gaat door; bij de volgende stap proberen we het opnieuw."


class CardLine(NamedTuple):
    """One card under a heading of the board in words."""

    key: str
    """The card's session key (a face looks up the deck colour with it)."""
    label: str
    """The card's id (or deck:id when two decks share it)."""
    question: str
    """The question on the front."""
    status: str
    """Empty for a placed card, else parked / not placed / not discussed."""
    details: tuple[str, ...]
    """How the pawns stood (contested cards), then the notes."""


class BoardGroup(NamedTuple):
    """A heading (a quadrant, or the open pile) and its cards."""

    heading: str
    """"1 Belangrijk & urgent", "Geparkeerd / niet besproken"."""
    cards: tuple[CardLine, ...]
    """The cards under it, in play order."""


def board_groups(session: Session, arrow: str = "→") -> list[BoardGroup]:
    """Quadrants (urgent first) or the questions seen, then the parked and open cards."""
    groups: list[BoardGroup] = []
    if session.mode is Mode.VRAGEN:
        waiting = {card.key for card in session.open_cards()}
        seen = [card for card in session.cards if card.key not in waiting]
        groups.append(_group(session, QUESTIONS_HEADING, seen, arrow))
    else:
        for quadrant in Quadrant:
            heading = f"{quadrant.value} {quadrant.label}"
            groups.append(_group(session, heading, session.cards_in(quadrant), arrow))
    groups.append(_group(session, PILE_HEADING, session.open_cards(), arrow))
    return groups


def _group(session: Session, heading: str, cards: Sequence[SessionCard], arrow: str) -> BoardGroup:
    lines: list[CardLine] = []
    for card in cards:
        state = session.states[card.key]
        status = ""
        if state.parked:
            status = PARKED
        elif not session.is_settled(card.key):
            status = NOT_PLACED if state.visited else NOT_DISCUSSED
        details = [f"notitie: {note}" for note in state.notes]
        if session.is_contested(card.key):
            details.insert(0, f"pionnen: {pawn_line(session, card.key, arrow)}")
        label = session.card_label(card.key)
        lines.append(CardLine(card.key, label, card.card.question, status, tuple(details)))
    return BoardGroup(heading, tuple(lines))


def pawn_line(session: Session, key: str, arrow: str = "→") -> str:
    """How the pawns stood on a contested card, e.g. "A→1, H→3; besproken → 1".

    With `arrow` empty the pawns are said by name: "Anna (slb'er) 1, Bram (docent) 3;
    besproken 1", which reads aloud better than letters and arrows.
    """
    state = session.states[key]
    placed = [p for p in session.participants if p.letter in state.pawns]
    if arrow:
        pawns = [f"{p.letter}{arrow}{state.pawns[p.letter].value}" for p in placed]
        then = f" {arrow} "
    else:
        pawns = [f"{person_name(p)} {state.pawns[p.letter].value}" for p in placed]
        then = " "
    line = ", ".join(pawns)
    if state.final is not None:
        line += f"; besproken{then}{state.final.value}"
    return line


def data_source_hint(count: int, flip: str) -> str:
    """Under the question: how many data sources the back holds, and the key that shows them."""
    if not count:
        return NO_DATA_SOURCES
    return f"{count} databron{'nen' if count != 1 else ''} op de achterkant ({flip})"


def pawn_placed(person: Participant, quadrant: Vote, hidden: bool) -> str:
    """After a pawn went down (or a pass, 0): where (with hidden voting, only that it did)."""
    if hidden:
        return f"{person_name(person)} heeft gekozen."
    if not isinstance(quadrant, Quadrant):
        return f"Pion van {person_name(person)}: {PASS_MARK} weet ik niet."
    return f"Pion van {person_name(person)}: {quadrant.value} {quadrant.label}."


def data_source_lines(card: SessionCard) -> list[str]:
    """The back of a card: one line per data source, "naam: toelichting"."""
    sources = card.card.data_sources
    if not sources:
        return [NO_DATA_SOURCES]
    return [
        f"{source.name}: {source.explanation}" if source.explanation else source.name
        for source in sources
    ]
