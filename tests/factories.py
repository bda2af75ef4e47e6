"""Small builders for decks, participants and sessions, so a test states only what matters to it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dialoogspel.model import (
    DEFAULT_ROLES,
    Card,
    DataSource,
    Deck,
    Mode,
    Participant,
    Session,
    SessionSetup,
    assign_letters,
)


def make_card(card_id: str, *, niveaus: Iterable[str] = (), question: str = "") -> Card:
    """A card with a question and one data source; niveaus empty means every niveau."""
    return Card(
        id=card_id,
        question=question or f"Vraag {card_id}?",
        data_sources=(DataSource("Studentvolgsysteem", "verzuim per week"),),
        niveaus=tuple(niveaus),
    )


def make_deck(
    name: str = "uitval",
    card_ids: Sequence[str] = ("U01", "U02", "U03"),
    *,
    cards: Sequence[Card] | None = None,
    colour: str = "#e0a526",
) -> Deck:
    """A deck named like its file stem, with the given cards (or simple ones from ids)."""
    return Deck(
        name=name,
        theme=name.capitalize(),
        colour=colour,
        cards=tuple(cards) if cards is not None else tuple(make_card(i) for i in card_ids),
        description=f"Vragen over {name}.",
    )


def make_participants(*names: str) -> tuple[Participant, ...]:
    """Participants with pawn letters; roles are the default roles in order."""
    people = [(name, DEFAULT_ROLES[i % len(DEFAULT_ROLES)]) for i, name in enumerate(names)]
    return assign_letters(people)


def make_session(
    mode: Mode = Mode.SAMEN,
    *,
    decks: Sequence[Deck] | None = None,
    participants: Sequence[Participant] | None = None,
    niveau: str = "klas",
    hidden_voting: bool = False,
) -> Session:
    """A session ready to play: by default one deck of three cards and Anna, Bram and Chris."""
    setup = SessionSetup(
        casus="Klas 3B verzuimt veel na de stage",
        niveau=niveau,
        decks=tuple(decks) if decks is not None else (make_deck(),),
        mode=mode,
        participants=(
            tuple(participants)
            if participants is not None
            else make_participants("Anna", "Bram", "Chris")
        ),
        hidden_voting=hidden_voting,
    )
    return Session(setup, session_id="test0session", created=None, clock=lambda: 0.0)
