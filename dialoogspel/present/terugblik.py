"""The Dutch sentences of the terugblik, the same in both faces (SPEC section 8)."""

from __future__ import annotations

from datetime import date

from dialoogspel.model import HELD_ANSWERS, STATUSES, Session, TerugblikItem, describe_deadline
from dialoogspel.textsafe import visible

INTRO = "Eerst kijken we terug: hoe gingen de afspraken van vorige keer?"
STATUS_QUESTION = "Hoe ging het? " + ", ".join(
    f"{n}: {status.value}" for n, status in enumerate(STATUSES, start=1)
)
NOTE_QUESTION = "Wat weten we nu? Typ een notitie op één regel. Een lege regel: geen notitie."
HELD_QUESTION = "Klopte het vermoeden? " + ", ".join(
    f"{n}: {held.value}" for n, held in enumerate(HELD_ANSWERS, start=1)
)
CARRY_QUESTION = (
    "Neemt het team deze afspraak mee naar nu? Typ een nieuwe datum, bijvoorbeeld 1-12."
    " Een lege regel: niet meenemen."
)
NOT_CARRIED = "Niet meegenomen."
DONE = "Klaar met terugkijken. Nu de kaarten."


def item_heading(session: Session, position: int) -> str:
    """ "Afspraak 2 van 5, uit 2026-11-01_uitval_klas-3b.md:"."""
    item = session.terugblik[position]
    total = len(session.terugblik)
    return f"Afspraak {position + 1} van {total}, uit {visible(item.bestand)}:"


def item_line(item: TerugblikItem, today: date) -> str:
    """ "Anna: verzuim opvragen — vóór maandag 1 december 2026 (te laat) — kaart uitval/U03"."""
    parts = [f"{visible(item.wie) or '—'}: {visible(item.wat) or '—'}"]
    if item.voor is not None:
        late = " (te laat)" if item.is_late(today) else ""
        parts.append(f"vóór {describe_deadline(item.voor)}{late}")
    if item.kaart:
        parts.append(f"kaart {visible(item.kaart)}")
    return " — ".join(parts)


def vermoeden_line(item: TerugblikItem) -> str:
    """ "Het vermoeden was: vooral op maandag."."""
    return f"Het vermoeden was: {visible(item.vermoeden or '')}"


def answered_line(item: TerugblikItem) -> str:
    """What the team said, in one sentence."""
    assert item.status is not None
    return f"Bewaard: {item.status.value}."


def carried_line(deadline: date | None) -> str:
    """The carried agreement is on today's list."""
    when = f", vóór {describe_deadline(deadline)}" if deadline is not None else ""
    return f"Meegenomen naar de afspraken van nu{when}."
