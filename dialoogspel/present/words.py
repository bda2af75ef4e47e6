"""What the team must do now, the top line and agreement lines, as plain Dutch sentences.

A sentence is a tuple of parts: plain text, or a `PawnRef` where a face may show a pawn (the
screen draws the letter on the role colour; the plain-line face says the name and the role).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from dialoogspel.model import (
    Agreement,
    Participant,
    Prompt,
    Quadrant,
    Session,
    Settlement,
    Step,
    describe_deadline,
    letter_taken_by,
)


class PawnRef(NamedTuple):
    """A participant inside a sentence; `with_name` False shows the role only (who stands where)."""

    person: Participant
    """Who."""
    with_name: bool = True
    """Say the name too, not only the role."""


Part = str | PawnRef
"""Plain text or a participant."""
Sentence = tuple[Part, ...]
"""One sentence, or one line, in parts."""


class KeyWords(NamedTuple):
    """How a face names its keys in hints: the screen has arrows, the plain-line face lines."""

    next: str
    """Go to the next card."""
    flip: str
    """Show the databronnen."""
    choose: str
    """The keys for a quadrant."""


SCREEN_KEYS = KeyWords(next="→", flip="spatie", choose="1–4")
"""Key names of the screen face."""
LINE_KEYS = KeyWords(next="een lege regel", flip="d", choose="1, 2, 3 of 4")
"""Key names of the plain-line face."""

HOW_SETTLED: dict[Settlement, str] = {
    Settlement.AGREED: "Iedereen koos hetzelfde. De kaart ligt in",
    Settlement.DISCUSSED: "Besproken. De kaart ligt in",
    Settlement.JOINT: "De kaart ligt in",
}
"""The start of the sentence that says where a settled card lies."""


def letter_note(people: Sequence[Participant], person: Participant) -> str:
    """Why a pawn does not carry the name's initial: "letter N, want A is al van Anna"; "" when
    it does."""
    owner = letter_taken_by(people, person)
    if owner is None:
        return ""
    return f"letter {person.letter}, want {owner.letter} is al van {owner.name}"


def person_name(person: Participant) -> str:
    """A participant in words: "Anna (slb'er)"."""
    return f"{person.name} ({person.role})"


def quadrant_words(quadrant: Quadrant) -> str:
    """A quadrant in words: "1 Belangrijk & urgent"."""
    return f"{quadrant.value} {quadrant.label}"


PASS_MARK = "?"
"""How a pass ("weet ik niet", key 0) is shown among the quadrants."""


def positions_sentence(
    positions: Sequence[tuple[Quadrant, Sequence[Participant]]],
    passed: Sequence[Participant] = (),
) -> Sentence:
    """Who stands where: "1: slb'er docent | 3: teammanager | ?: zorgcoördinator" (pawns show
    the letters; `?` are those who did not know)."""
    groups: list[tuple[str, Sequence[Participant]]] = [
        (str(quadrant.value), people) for quadrant, people in positions
    ]
    if passed:
        groups.append((PASS_MARK, passed))
    parts: list[Part] = []
    for number, (mark, people) in enumerate(groups):
        if number:
            parts.append(" | ")
        parts.append(f"{mark}:")
        for person in people:
            parts += [" ", PawnRef(person, with_name=False)]
    return tuple(parts)


def first_speakers_sentence(people: Sequence[Participant]) -> Sentence:
    """ "Eerst praten: Anna (docent) en Bram (slb'er): hun pionnen staan het verst uit elkaar."."""
    first, second = people
    return (
        "Eerst praten: ",
        PawnRef(first),
        " en ",
        PawnRef(second),
        ": hun pionnen staan het verst uit elkaar.",
    )


def handover_sentences(prompt: Prompt) -> list[Sentence]:
    """Hidden voting, between two voters: who gets the laptop; no pawn, no position."""
    assert prompt.person is not None
    verb = "heeft" if prompt.chosen == 1 else "hebben"
    return [
        (f"Geef de laptop aan {person_name(prompt.person)}. De anderen kijken even niet.",),
        (
            f"Verdekt: {prompt.chosen} van de {prompt.total} {verb} gekozen."
            f" {prompt.person.name}, zit je klaar? Druk op Enter.",
        ),
    ]


def prompt_sentences(prompt: Prompt, keys: KeyWords) -> list[Sentence]:
    """The Dutch lines for a prompt: what to do now, then who stands where when that matters."""
    step = prompt.step
    if step is Step.TERUGBLIK:
        return [("Kijk eerst terug: hoe gingen de afspraken van vorige keer?",)]
    if step is Step.PARKED:
        return [(f"Deze kaart is geparkeerd. s: terughalen · {keys.next}: volgende kaart.",)]
    if step is Step.TALK and prompt.talked and prompt.is_last:
        return [("Besproken. Dit was de laatste kaart: b is het bord, e de afspraken.",)]
    if step is Step.TALK:
        return [
            (
                f"Praat over de vraag. n: notitie · {keys.flip}: databronnen"
                f" · {keys.next}: volgende.",
            )
        ]
    if step is Step.HANDOVER:
        return handover_sentences(prompt)
    if step is Step.DECIDE:
        lines: list[Sentence] = [
            (f"De pionnen staan verschillend. Praat erover en kies samen {keys.choose}.",),
            positions_sentence(prompt.positions, prompt.passed),
        ]
        if len(prompt.first_speakers) == 2:
            lines.append(first_speakers_sentence(prompt.first_speakers))
        return lines
    if step is Step.SETTLED:
        assert prompt.final is not None
        how = HOW_SETTLED[prompt.settled_by or Settlement.JOINT]
        if prompt.settled_by is Settlement.AGREED and prompt.passed:
            how = "Alle pionnen op het bord staan in hetzelfde vak. De kaart ligt in"
        then = (
            "Dit was de laatste kaart: b is het bord, e de afspraken."
            if prompt.is_last
            else f"{keys.next[:1].upper()}{keys.next[1:]}: volgende kaart."
        )
        lines = [(f"{how} {quadrant_words(prompt.final)}. {then}",)]
        if prompt.positions or prompt.passed:
            lines.append(positions_sentence(prompt.positions, prompt.passed))
        return lines
    if step is Step.PLACE:
        return place_sentences(prompt, keys)
    assert prompt.person is not None  # Step.VOTE
    lines = [
        ("Aan de beurt: ", PawnRef(prompt.person), f". Kies {keys.choose}, of 0: weet ik niet.")
    ]
    if prompt.hidden:
        verb = "heeft" if prompt.chosen == 1 else "hebben"
        lines.append(
            (f"Verdekt: {prompt.chosen} van de {prompt.total} {verb} gekozen. Niemand kijkt mee!",)
        )
    return lines


def place_sentences(prompt: Prompt, keys: KeyWords) -> list[Sentence]:
    """The team places the card: at once, after everyone passed, or (gemengd) unless in doubt."""
    if prompt.passed:
        return [
            (f"Niemand wist het: iedereen koos 0. Leg de kaart samen: kies {keys.choose}.",),
            positions_sentence((), prompt.passed),
        ]
    if prompt.can_doubt:
        return [
            (
                f"Waar hoort deze kaart? Kies samen {keys.choose}."
                " Twijfel? Druk t: dan zet ieder een eigen pion.",
            )
        ]
    return [(f"Waar hoort deze kaart? Kies samen {keys.choose}.",)]


def plain(sentence: Sentence) -> str:
    """A sentence as plain text: participants by name and role."""
    return "".join(part if isinstance(part, str) else _plain_pawn(part) for part in sentence)


def _plain_pawn(ref: PawnRef) -> str:
    return person_name(ref.person) if ref.with_name else f"{ref.person.role} ({ref.person.name})"


def top_line(session: Session) -> tuple[str, ...]:
    """Theme, then where the team is: "kaart 3 van 18", "2 klaar", the mode, the casus."""
    card = session.current
    position = f"kaart {session.index + 1} van {len(session.cards)}"
    # Where a card counts as done once shown, "klaar" would only echo the position.
    done = (f"{session.settled_count} klaar",) if session.rules.has_board else ()
    return (card.deck.theme, position, *done, session.mode.value, session.setup.casus)


def card_heading(session: Session, key: str | None = None) -> str:
    """A card named for the team: "Uitval · U03"."""
    card = session.card(key or session.current.key)
    return f"{card.deck.theme} · {session.card_label(card.key)}"


def agreement_line(session: Session, agreement: Agreement, dash: str = "—") -> str:
    """ "Anna (slb'er): verzuim opvragen — vóór maandag 1 december 2026 — kaart U03"."""
    person = session.match_participant(agreement.who)
    who = person_name(person) if person else agreement.who
    parts = [f"{who}: {agreement.what}"]
    if agreement.deadline is not None:
        parts.append(f"vóór {describe_deadline(agreement.deadline)}")
    if agreement.card_key:
        parts.append(f"kaart {session.card_label(agreement.card_key)}")
    return f" {dash} ".join(parts)
