"""Counting per theme and card, and the agreements per theme and kind (roles, never names)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from dialoogspel.outcome import OutcomeData

UNKNOWN_THEME = "(geen thema)"
"""The theme of a card or agreement whose file names none."""


@dataclass
class CardTally:
    """How one card landed over all sessions."""

    thema: str
    kaart: str
    """`<deck>/<id>`."""
    vakken: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    """How often the card lay in quadrant 1–4."""
    geparkeerd: int = 0
    niet_besproken: int = 0
    verschil: int = 0
    """How often the pawns stood in more than one quadrant."""
    rollen: dict[str, Counter[int]] = field(default_factory=dict)
    """Per role: how often its pawn stood in quadrant 0 (weet niet) to 4."""

    @property
    def sessies(self) -> int:
        """In how many sessions the card was on the table."""
        return sum(self.vakken) + self.geparkeerd + self.niet_besproken


@dataclass
class AgreementTally:
    """The agreements of one theme and kind."""

    gemaakt: int = 0
    klaar: int = 0
    open: int = 0
    te_laat: int = 0
    """Open with the deadline passed."""


@dataclass
class Overview:
    """Everything the outputs show."""

    sessies: int = 0
    kaarten: dict[tuple[str, str], CardTally] = field(default_factory=dict)
    afspraken: dict[tuple[str, str], AgreementTally] = field(default_factory=dict)

    def themes(self) -> list[str]:
        """The themes, sorted."""
        return sorted({theme for theme, _ in self.kaarten})

    def cards_of(self, theme: str) -> list[CardTally]:
        """The cards of a theme, sorted by card."""
        return sorted(
            (c for (t, _), c in self.kaarten.items() if t == theme), key=lambda c: c.kaart
        )

    def contested(self, count: int = 10) -> list[CardTally]:
        """The cards whose pawns differed most often."""
        cards = [c for c in self.kaarten.values() if c.verschil]
        return sorted(cards, key=lambda c: (-c.verschil, c.thema, c.kaart))[:count]


def _theme_of(data: OutcomeData, deck: str) -> str:
    record = data.record
    if record is not None and deck in record.stapels:
        index = record.stapels.index(deck)
        if index < len(record.thema):
            return record.thema[index]
    themes = data.front_matter.get("thema")
    if isinstance(themes, str) and themes:
        return themes
    if isinstance(themes, list) and len(themes) == 1:
        return str(themes[0])
    return UNKNOWN_THEME


def _add_cards(overview: Overview, data: OutcomeData) -> None:
    assert data.record is not None
    for card in data.record.bord:
        theme = _theme_of(data, card.kaart.partition("/")[0])
        tally = overview.kaarten.setdefault((theme, card.kaart), CardTally(theme, card.kaart))
        if card.hoe == "geparkeerd":
            tally.geparkeerd += 1
        elif card.vak is not None and 1 <= card.vak <= 4:
            tally.vakken[card.vak - 1] += 1
        else:
            tally.niet_besproken += 1
        if len({pawn.vak for pawn in card.pionnen}) > 1:
            tally.verschil += 1
        for pawn in card.pionnen:
            tally.rollen.setdefault(pawn.rol, Counter())[pawn.vak] += 1


def _done_later(outcomes: list[OutcomeData]) -> set[tuple[str, int]]:
    """(session, nr) of agreements a later session's terugblik called `klaar`."""
    done: set[tuple[str, int]] = set()
    for data in outcomes:
        for item in data.record.terugblik if data.record is not None else ():
            session, number = item.get("sessie"), item.get("nr")
            if (
                item.get("status") == "klaar"
                and isinstance(session, str)
                and isinstance(number, int)
            ):
                done.add((session, number))
    return done


def _add_agreements(
    overview: Overview, data: OutcomeData, today: date, done: set[tuple[str, int]]
) -> None:
    session = data.front_matter.get("sessie")
    for agreement in data.agreements:
        deck = (agreement.card_id or "").replace(":", "/").partition("/")[0]
        theme = _theme_of(data, deck)
        tally = overview.afspraken.setdefault((theme, agreement.kind.value), AgreementTally())
        tally.gemaakt += 1
        if agreement.done or (session, agreement.nr) in done:
            tally.klaar += 1
        else:
            tally.open += 1
            if agreement.deadline is not None and agreement.deadline < today:
                tally.te_laat += 1


def tally(outcomes: list[OutcomeData], today: date) -> Overview:
    """Count the sessions' cards and agreements; `today` decides what is overdue."""
    overview = Overview(sessies=len(outcomes))
    done = _done_later(outcomes)
    for data in outcomes:
        if data.record is not None:
            _add_cards(overview, data)
        _add_agreements(overview, data, today, done)
    return overview
