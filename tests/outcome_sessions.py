"""Played sessions (pawns, notes, agreements) for the outcome, storage and export tests."""

from __future__ import annotations

from datetime import date

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Card,
    DataSource,
    Deck,
    Mode,
    Quadrant,
    Session,
    SessionSetup,
    assign_letters,
)

DAY = date(2026, 11, 22)
"""The day outcome tests pretend it is."""


def deck(name: str = "uitval", theme: str = "Uitval", cards: int = 4, prefix: str = "U") -> Deck:
    """A deck with numbered cards, each with a question and two data sources."""
    return Deck(
        name=name,
        theme=theme,
        colour="#e0a526",
        cards=tuple(
            Card(
                id=f"{prefix}{n:02d}",
                question=f"Welke studenten missen les in week {n}?",
                data_sources=(
                    DataSource("Verzuimregistratie", "per week"),
                    DataSource("JOB-monitor"),
                ),
            )
            for n in range(1, cards + 1)
        ),
    )


def setup(
    mode: Mode = Mode.PIONNEN,
    *,
    casus: str = "Klas 3B Verzorgende IG",
    niveau: str = "klas",
    decks: tuple[Deck, ...] | None = None,
    people: tuple[tuple[str, str], ...] = (("Anna", "docent"), ("Ahmed", "docent")),
    hidden_voting: bool = False,
) -> SessionSetup:
    """A session setup; Anna and Ahmed (both docent) get pawns A and H."""
    return SessionSetup(
        casus=casus,
        niveau=niveau,
        decks=decks or (deck(),),
        mode=mode,
        participants=assign_letters(people),
        hidden_voting=hidden_voting,
    )


def played(mode: Mode = Mode.PIONNEN, **options: object) -> Session:
    """A session played a little in `mode`: cards placed, one contested, one parked, notes and
    two agreements (one of them by a participant, with a deadline and a card)."""
    session = Session(setup(mode, **options), session_id="a1b2c3d4e5f6")  # type: ignore[arg-type]
    first = session.current.key
    if mode is Mode.PIONNEN:
        for quadrant in (Quadrant.BELANGRIJK_URGENT, Quadrant.NIET_BELANGRIJK_URGENT):
            session.place(quadrant)  # Anna → 1, Ahmed → 3: contested
        session.place(Quadrant.BELANGRIJK_URGENT)  # the team chooses 1 after talking
        session.add_note("We zagen vooral verzuim op maandag.")
        session.advance()
        session.place(Quadrant.BELANGRIJK_NIET_URGENT)
        session.place(Quadrant.BELANGRIJK_NIET_URGENT)  # agreed
        session.advance()
        session.toggle_park()
    elif mode is Mode.GEMENGD:
        session.place(Quadrant.BELANGRIJK_URGENT)  # placed together
        session.add_note("We zagen vooral verzuim op maandag.")
        session.advance()
        session.doubt()  # someone doubts: pawns for this card
        session.place(Quadrant.BELANGRIJK_NIET_URGENT)
        session.place(Quadrant.NIET_BELANGRIJK_NIET_URGENT)
        session.place(Quadrant.BELANGRIJK_NIET_URGENT)  # decided after talking
        session.advance()
        session.toggle_park()
    elif mode is Mode.SAMEN:
        session.place(Quadrant.BELANGRIJK_URGENT)
        session.add_note("We zagen vooral verzuim op maandag.")
        session.advance()
        session.place(Quadrant.NIET_BELANGRIJK_NIET_URGENT)
        session.advance()
        session.toggle_park()
    else:
        session.add_note("We zagen vooral verzuim op maandag.")
        session.advance()
        session.add_note("Navragen bij de verzuimcoördinator.")
    session.add_agreement(
        Agreement(
            kind=AgreementKind.UITZOEKEN,
            what="verzuim per week opvragen",
            who="Anna",
            deadline=date(2026, 12, 1),
            card_key=first,
        )
    )
    session.add_agreement(Agreement(AgreementKind.AAN_DE_SLAG, "mentorgesprek", "Team"))
    return session


def big(cards: int = 200, *, notes: bool = True) -> Session:
    """A pionnen session over `cards` cards, all placed, with a note and an agreement every
    fifth card: the size used by the benchmarks."""
    session = Session(setup(decks=(deck(cards=cards),)), session_id="big000000000")
    for index in range(cards):
        session.go_to(index)
        quadrant = Quadrant(index % 4 + 1)
        session.place(quadrant)
        session.place(quadrant)
        if notes and index % 5 == 0:
            session.add_note(f"Notitie bij kaart {index}: *let op* [zie] <b>verzuim</b>.")
            key = session.current.key
            session.add_agreement(
                Agreement(AgreementKind.AAN_DE_SLAG, f"actie {index}", "Anna", DAY, key)
            )
    return session
