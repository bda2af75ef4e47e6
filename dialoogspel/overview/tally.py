"""Counting per theme and card, and the agreements per theme and kind (roles, never names)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dialoogspel.outcome import OutcomeData
from dialoogspel.overview.done import Identity, identity, later_answers

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
    gezien: int = 0
    """Vragen mode: talked about, but there is no board to put it on."""
    verschil: int = 0
    """How often the pawns stood in more than one quadrant."""
    rollen: dict[str, Counter[int]] = field(default_factory=dict)
    """Per role: how often its pawn stood in quadrant 0 (weet niet) to 4."""
    vraag: str = ""
    """The question, when a deck or an outcome file told it (see `questions`)."""

    @property
    def sessies(self) -> int:
        """In how many sessions the card was on the table."""
        return sum(self.vakken) + self.geparkeerd + self.niet_besproken + self.gezien


@dataclass
class AgreementTally:
    """The agreements of one theme and kind."""

    gemaakt: int = 0
    klaar: int = 0
    """Ticked, `klaar: true`, or `klaar` in a later session's terugblik."""
    open: int = 0
    te_laat: int = 0
    """Open with the deadline passed."""
    vervallen: int = 0
    """A later terugblik said `vervalt`: neither done nor open."""


@dataclass
class Overview:
    """Everything the outputs show."""

    sessies: int = 0
    kaarten: dict[tuple[str, str], CardTally] = field(default_factory=dict)
    afspraken: dict[tuple[str, str], AgreementTally] = field(default_factory=dict)
    spelling: dict[str, str] = field(default_factory=dict)
    """A role as first written, per role in lower case: "SLB" and "slb" are one role."""

    def themes(self) -> list[str]:
        """The themes, sorted."""
        return sorted({theme for theme, _ in self.kaarten})

    def cards_of(self, theme: str) -> list[CardTally]:
        """The cards of a theme, sorted by card."""
        return sorted(
            (c for (t, _), c in self.kaarten.items() if t == theme), key=lambda c: c.kaart
        )

    def name_cards(self, questions: Mapping[str, str]) -> None:
        """Give each card its question (`deck/id` → question); cards not in it keep theirs."""
        for card in self.kaarten.values():
            card.vraag = questions.get(card.kaart, card.vraag)

    def roles_of(self, theme: str) -> dict[str, Counter[int]]:
        """Per role, where its pawns stood on all cards of a theme (0 = weet niet)."""
        roles: dict[str, Counter[int]] = {}
        for card in self.cards_of(theme):
            for role, spots in card.rollen.items():
                roles.setdefault(role, Counter()).update(spots)
        return dict(sorted(roles.items(), key=lambda pair: pair[0].casefold()))

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
    if isinstance(themes, list) and themes:  # not about one card: all themes of the session
        return " + ".join(sorted({" ".join(str(t).split()) for t in themes}))
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
        elif card.hoe == "gezien":
            tally.gezien += 1
        else:
            tally.niet_besproken += 1
        if len({pawn.vak for pawn in card.pionnen}) > 1:
            tally.verschil += 1
        for pawn in card.pionnen:
            role = overview.spelling.setdefault(_role_key(pawn.rol), _role_name(pawn.rol))
            tally.rollen.setdefault(role, Counter())[pawn.vak] += 1


def _role_name(role: str) -> str:
    return " ".join(role.split()) or "(geen rol)"


def _role_key(role: str) -> str:
    return _role_name(role).casefold()


def _add_agreements(
    overview: Overview,
    data: OutcomeData,
    path: Path | None,
    today: date,
    answers: dict[Identity, str],
) -> None:
    klaar = {a.nr: a.klaar for a in data.record.afspraken} if data.record is not None else {}
    for place, agreement in enumerate(data.agreements, start=1):
        deck = (agreement.card_id or "").replace(":", "/").partition("/")[0]
        theme = _theme_of(data, deck)
        tally = overview.afspraken.setdefault((theme, agreement.kind.value), AgreementTally())
        tally.gemaakt += 1
        number = agreement.nr if agreement.nr is not None else place
        key = identity(path, data, number)
        answer = answers.get(key) if key is not None else None
        if agreement.done or klaar.get(number, False) or answer == "klaar":
            tally.klaar += 1
        elif answer == "vervalt":
            tally.vervallen += 1
        else:
            tally.open += 1
            if agreement.deadline is not None and agreement.deadline < today:
                tally.te_laat += 1


def tally(
    outcomes: Sequence[OutcomeData],
    today: date,
    paths: Sequence[Path] | None = None,
    also: Sequence[tuple[Path | None, OutcomeData]] = (),
) -> Overview:
    """Count the sessions' cards and agreements; `today` decides what is overdue.

    `paths` are where the outcomes were read (for format 1 files, matched by name); `also` are
    sessions outside the filters whose terugblik still says how an agreement went.
    """
    where: list[Path | None] = list(paths) if paths is not None else [None] * len(outcomes)
    overview = Overview(sessies=len(outcomes))
    answers = later_answers([*zip(where, outcomes, strict=True), *also])
    for path, data in zip(where, outcomes, strict=True):
        if data.record is not None:
            _add_cards(overview, data)
        _add_agreements(overview, data, path, today, answers)
    return overview
