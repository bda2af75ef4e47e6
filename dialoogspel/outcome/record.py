"""The data of an outcome file (format 2, SPEC section 6): what the front matter holds.

Field names are the front-matter keys, Dutch and exactly as in the SPEC (other tools read
them), so a record turns into the front matter without a mapping. `record_of` makes one from
a session; `outcome.read` makes one from a file.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from dialoogspel.model import Agreement, Mode, Session, SessionCard, TerugblikItem

FORMAAT = 2
"""The outcome format this version writes."""

HOE = ("eens", "besproken", "samen", "gezien", "geparkeerd", "open")
"""How a card ended: all pawns agreed, discussed, placed together, seen (vragen), parked, open."""


class Deelnemer(NamedTuple):
    """A participant: name, role and pawn letter."""

    naam: str
    """The name (or initials) the team typed."""
    rol: str
    """The actor role of the pawn."""
    pion: str
    """The letter on the pawn."""


class Pion(NamedTuple):
    """Where one role's pawn stood on a card (roles, never names); vak 0 = weet niet."""

    rol: str
    """The role whose pawn it is."""
    vak: int
    """The quadrant 1–4, or 0 for "weet ik niet"."""


class Kaart(NamedTuple):
    """One card of the session, in play order."""

    kaart: str
    """`<deck>/<id>`: the same card in every file."""
    vak: int | None
    """The quadrant 1–4 it lies in; None when not placed or parked."""
    hoe: str
    """One of HOE."""
    twijfel: bool
    """Gemengd: the card went to pawn voting."""
    pionnen: tuple[Pion, ...]
    """The pawns, in table order; empty while hidden votes are not revealed."""
    notities: int
    """How many notes the team wrote."""
    minuten: int | None = None
    """Minutes spent, only when the time was kept (absent from the file otherwise)."""


class Afspraak(NamedTuple):
    """One agreement."""

    nr: int
    """1, 2, … in the order the team made them."""
    soort: str
    """uitzoeken or aan de slag."""
    wie: str
    """The owner, as typed."""
    wat: str
    """What will be done, as typed."""
    voor: date | None
    """The deadline, if any."""
    kaart: str | None
    """`<deck>/<id>`, if the agreement is about a card."""
    vermoeden: str | None
    """Uitzoeken: what the team expects."""
    bron: str | None
    """Uitzoeken: which data source will tell."""
    klaar: bool
    """Ticked off."""


class Tijd(NamedTuple):
    """The session's time in whole minutes (issue 13): only when the team planned a time."""

    gepland: int
    """--tijd: the minutes planned."""
    gebruikt: int
    """The minutes played."""


class OutcomeRecord(NamedTuple):
    """The front matter of a format 2 outcome file, keys in the documented order."""

    formaat: int
    """2 (FORMAAT)."""
    spel: str
    """Always "dialoogspel"."""
    sessie: str
    """The session id (`dialoogspel resume ID`)."""
    datum: date
    """The day the file was written."""
    casus: str
    """As typed."""
    niveau: str
    """As typed or chosen."""
    thema: tuple[str, ...]
    """The theme names, in play order."""
    stapels: tuple[str, ...]
    """The deck names (file stems), in play order."""
    modus: str
    """vragen, pionnen, samen or gemengd."""
    verdekt: bool
    """Hidden voting."""
    deelnemers: tuple[Deelnemer, ...]
    """The people at the table, in table order."""
    bord: tuple[Kaart, ...]
    """Every card of the session, in play order."""
    afspraken: tuple[Afspraak, ...]
    """The agreements, by nr."""
    terugblik: tuple[dict[str, object], ...] = ()
    """Section 8; empty (and absent from the file) when the team did not look back."""
    tijd: Tijd | None = None
    """Planned and used minutes; None (and absent from the file) when no time was planned."""


def card_ref(card: SessionCard) -> str:
    """`<deck>/<id>` for a session card."""
    return f"{card.deck.name}/{card.card.id}"


def key_ref(key: str) -> str:
    """`<deck>/<id>` for a session key `<deck>:<id>`."""
    deck, _, card = key.partition(":")
    return f"{deck}/{card}"


def _card(session: Session, card: SessionCard) -> Kaart:
    state = session.states[card.key]
    if state.parked:
        hoe = "geparkeerd"
    elif state.settled_by is not None:
        hoe = state.settled_by.value
    elif session.mode is Mode.VRAGEN and state.visited:
        hoe = "gezien"
    else:
        hoe = "open"
    pawns: tuple[Pion, ...] = ()
    if state.pawns and session.pawns_revealed(card.key):
        pawns = tuple(
            Pion(p.role, int(state.pawns[p.letter]))
            for p in session.participants
            if p.letter in state.pawns
        )
    vak = int(state.final) if state.final is not None and not state.parked else None
    return Kaart(
        card_ref(card),
        vak,
        hoe,
        state.doubted,
        pawns,
        len(state.notes),
        session.card_minutes(card.key) if session.setup.minutes is not None else None,
    )


def _agreement(number: int, agreement: Agreement) -> Afspraak:
    return Afspraak(
        nr=number,
        soort=agreement.kind.value,
        wie=agreement.who,
        wat=agreement.what,
        voor=agreement.deadline,
        kaart=key_ref(agreement.card_key) if agreement.card_key else None,
        vermoeden=agreement.vermoeden,
        bron=agreement.bron,
        klaar=False,
    )


def record_of(session: Session, day: date) -> OutcomeRecord:
    """The front-matter data of a session's outcome written on `day`."""
    setup = session.setup
    return OutcomeRecord(
        formaat=FORMAAT,
        spel="dialoogspel",
        sessie=session.id,
        datum=day,
        casus=setup.casus,
        niveau=setup.niveau,
        thema=tuple(deck.theme for deck in setup.decks),
        stapels=tuple(deck.name for deck in setup.decks),
        modus=setup.mode.value,
        verdekt=setup.hidden_voting,
        deelnemers=tuple(Deelnemer(p.name, p.role, p.letter) for p in setup.participants),
        bord=tuple(_card(session, card) for card in session.cards),
        afspraken=tuple(_agreement(n, a) for n, a in enumerate(session.agreements, start=1)),
        terugblik=tuple(_looked_back(item) for item in session.terugblik if item.answered),
        tijd=_time(session),
    )


def _looked_back(item: TerugblikItem) -> dict[str, object]:
    """One answered terugblik item, with the keys of SPEC section 8 (notitie null when none)."""
    assert item.status is not None
    return {
        "bestand": item.bestand,
        "sessie": item.sessie,
        "nr": item.nr,
        "wat": item.wat,
        "status": item.status.value,
        "notitie": item.notitie,
    }


def _time(session: Session) -> Tijd | None:
    spent = session.time_spent()
    return None if spent.planned is None else Tijd(spent.planned, spent.used)


def front_matter(record: OutcomeRecord) -> dict[str, object]:
    """The record as plain data, as YAML loads it back (dates stay dates)."""
    data: dict[str, object] = {
        "formaat": record.formaat,
        "spel": record.spel,
        "sessie": record.sessie,
        "datum": record.datum,
        "casus": record.casus,
        "niveau": record.niveau,
        "thema": list(record.thema),
        "stapels": list(record.stapels),
        "modus": record.modus,
        "verdekt": record.verdekt,
        "deelnemers": [p._asdict() for p in record.deelnemers],
        "bord": [_card_data(card) for card in record.bord],
        "afspraken": [a._asdict() for a in record.afspraken],
    }
    if record.terugblik:
        data["terugblik"] = [dict(item) for item in record.terugblik]
    if record.tijd is not None:
        data["tijd"] = record.tijd._asdict()
    return data


def _card_data(card: Kaart) -> dict[str, object]:
    data = card._asdict()
    data["pionnen"] = [p._asdict() for p in card.pionnen]
    if card.minuten is None:
        del data["minuten"]
    return data
