"""Terugblik (SPEC section 8): the team looks back at the open agreements of earlier sessions
before the first card, says how each went, and may carry one into this session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

from dialoogspel.model import plain
from dialoogspel.model.agreements import Agreement, AgreementKind
from dialoogspel.model.rules import RuleError

if TYPE_CHECKING:
    from dialoogspel.model.session import Session


class Status(str, Enum):
    """How an earlier agreement went; the order is the order of the answers 1–4."""

    KLAAR = "klaar"
    LOOPT_NOG = "loopt nog"
    NIET_GELUKT = "niet gelukt"
    VERVALT = "vervalt"

    @property
    def can_carry(self) -> bool:
        """`loopt nog` and `niet gelukt` may be carried into this session."""
        return self in (Status.LOOPT_NOG, Status.NIET_GELUKT)


class Held(str, Enum):
    """Did the vermoeden of an uitzoek-afspraak hold? The order is the order of the answers 1–3."""

    JA = "ja"
    NEE = "nee"
    DEELS = "deels"


STATUSES: tuple[Status, ...] = tuple(Status)
"""Answer n (1–4) is STATUSES[n - 1]."""
HELD_ANSWERS: tuple[Held, ...] = tuple(Held)
"""Answer n (1–3) is HELD_ANSWERS[n - 1]."""


class EarlierAgreement(NamedTuple):
    """An agreement as an earlier outcome file holds it (filled by the table from the file)."""

    nr: int
    kind: AgreementKind
    who: str
    what: str
    deadline: date | None = None
    card: str | None = None
    """The card as the file names it (`<deck>/<id>`, or the id in format 1)."""
    vermoeden: str | None = None
    ticked: bool = False
    """The box is ticked in the body (`[x]`, `[X]`)."""
    klaar: bool = False
    """The front matter says `klaar: true`."""

    @property
    def is_open(self) -> bool:
        """Open: not ticked in the body and not klaar in the front matter."""
        return not (self.ticked or self.klaar)


@dataclass
class TerugblikItem:
    """One open earlier agreement and what the team says about it now."""

    bestand: str
    """The earlier file's name (no folder)."""
    sessie: str | None
    """The earlier session's id (format 1 files have none)."""
    nr: int
    """The agreement's number in that file."""
    wat: str
    wie: str
    voor: date | None
    kaart: str | None
    soort: AgreementKind
    vermoeden: str | None = None
    status: Status | None = None
    """The team's answer; None while unanswered."""
    notitie: str | None = None
    """"Wat weten we nu?", optional."""
    vermoeden_held: Held | None = None
    """Uitzoeken with a vermoeden: did it hold?"""
    carried: bool = False
    """Carried into this session as a new agreement."""

    @property
    def answered(self) -> bool:
        """The team gave a status."""
        return self.status is not None

    @property
    def asks_vermoeden(self) -> bool:
        """An uitzoek-afspraak with a vermoeden: the team is asked whether it held."""
        return self.soort is AgreementKind.UITZOEKEN and bool(self.vermoeden)

    def is_late(self, today: date) -> bool:
        """The deadline has passed ("te laat")."""
        return self.voor is not None and self.voor < today

    def to_dict(self) -> dict[str, Any]:
        """Plain data for saving."""
        return {
            "bestand": self.bestand,
            "sessie": self.sessie,
            "nr": self.nr,
            "wat": self.wat,
            "wie": self.wie,
            "voor": self.voor.isoformat() if self.voor else None,
            "kaart": self.kaart,
            "soort": self.soort.value,
            "vermoeden": self.vermoeden,
            "status": self.status.value if self.status else None,
            "notitie": self.notitie,
            "vermoeden_held": self.vermoeden_held.value if self.vermoeden_held else None,
            "carried": self.carried,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TerugblikItem:
        """Rebuild from plain data made by to_dict (TypeError/ValueError on damage)."""
        nr = data["nr"]
        if isinstance(nr, bool) or not isinstance(nr, int):
            raise TypeError(f"nummer verwacht, niet {type(nr).__name__}")
        voor, status, held = data.get("voor"), data.get("status"), data.get("vermoeden_held")
        return cls(
            bestand=plain.text(data["bestand"]),
            sessie=_maybe_text(data.get("sessie")),
            nr=nr,
            wat=plain.text(data["wat"]),
            wie=plain.text(data["wie"]),
            voor=date.fromisoformat(plain.text(voor)) if voor is not None else None,
            kaart=_maybe_text(data.get("kaart")),
            soort=AgreementKind(plain.text(data["soort"])),
            vermoeden=_maybe_text(data.get("vermoeden")),
            status=Status(plain.text(status)) if status is not None else None,
            notitie=_maybe_text(data.get("notitie")),
            vermoeden_held=Held(plain.text(held)) if held is not None else None,
            carried=plain.flag(data.get("carried", False)),
        )


def _maybe_text(value: Any) -> str | None:
    return None if value is None else plain.text(value)


def open_items(
    bestand: str, sessie: str | None, agreements: list[EarlierAgreement]
) -> list[TerugblikItem]:
    """The terugblik items for one earlier file: its open agreements, in file order."""
    return [
        TerugblikItem(
            bestand=bestand,
            sessie=sessie,
            nr=a.nr,
            wat=a.what,
            wie=a.who,
            voor=a.deadline,
            kaart=a.card,
            soort=a.kind,
            vermoeden=a.vermoeden if a.kind is AgreementKind.UITZOEKEN else None,
        )
        for a in agreements
        if a.is_open
    ]


def status_for(answer: str) -> Status:
    """The typed answer `1`–`4` as a status (RuleError in Dutch otherwise)."""
    text = answer.strip()
    if text in ("1", "2", "3", "4"):
        return STATUSES[int(text) - 1]
    raise RuleError("Kies 1 (klaar), 2 (loopt nog), 3 (niet gelukt) of 4 (vervalt).")


def held_for(answer: str) -> Held:
    """The typed answer `1`–`3` as ja/nee/deels (RuleError in Dutch otherwise)."""
    text = answer.strip()
    if text in ("1", "2", "3"):
        return HELD_ANSWERS[int(text) - 1]
    raise RuleError("Kies 1 (ja), 2 (nee) of 3 (deels).")


class TerugblikActions:
    """The session's terugblik actions (mixed into `Session`); each refuses in Dutch."""

    terugblik: list[TerugblikItem]

    @property
    def terugblik_pending(self) -> bool:
        """Some earlier agreement still waits for the team's answer."""
        return any(not item.answered for item in self.terugblik)

    def next_terugblik(self) -> int | None:
        """The position of the first unanswered item, or None when all are answered."""
        return next((i for i, item in enumerate(self.terugblik) if not item.answered), None)

    def _item(self, position: int) -> TerugblikItem:
        if not 0 <= position < len(self.terugblik):
            raise RuleError("Die afspraak van vorige keer bestaat niet.")
        return self.terugblik[position]

    def answer_terugblik(self, position: int, status: Status) -> None:
        """How an earlier agreement went: klaar, loopt nog, niet gelukt or vervalt."""
        item = self._item(position)
        if item.carried and not status.can_carry:
            raise RuleError(
                "Deze afspraak is al meegenomen naar vandaag. Kies loopt nog of niet gelukt."
            )
        if item.status is not status:
            item.status = status
            self._session()._changed()

    def note_terugblik(self, position: int, text: str) -> None:
        """ "Wat weten we nu?": a note on an earlier agreement; empty text removes the note."""
        item = self._item(position)
        cleaned = text.strip() or None
        if item.notitie != cleaned:
            item.notitie = cleaned
            self._session()._changed()

    def vermoeden_terugblik(self, position: int, answer: Held) -> None:
        """Did the vermoeden of an earlier uitzoek-afspraak hold: ja, nee or deels?"""
        item = self._item(position)
        if not item.asks_vermoeden:
            raise RuleError("Deze afspraak had geen vermoeden.")
        if item.vermoeden_held is not answer:
            item.vermoeden_held = answer
            self._session()._changed()

    def carry_over(self, position: int, deadline: date | None) -> Agreement:
        """Carry an earlier agreement into this session: same who, what and kind, a new date
        (and the same card when this session plays it)."""
        item = self._item(position)
        if item.status is None or not item.status.can_carry:
            raise RuleError("Alleen een afspraak die nog loopt of niet gelukt is, gaat mee.")
        if item.carried:
            raise RuleError("Deze afspraak is al meegenomen naar vandaag.")
        session = self._session()
        card = (item.kaart or "").replace("/", ":", 1)  # `<deck>/<id>` as a session key
        agreement = Agreement(
            kind=item.soort,
            what=item.wat,
            who=item.wie,
            deadline=deadline,
            card_key=card if card in session.states else None,
            vermoeden=item.vermoeden,
        )
        item.carried = True
        session.add_agreement(agreement)
        return agreement

    def _session(self) -> Session:
        return self  # type: ignore[return-value]  # mixed into Session only
