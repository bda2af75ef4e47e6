"""A format 2 front matter, as loaded from YAML, checked and turned into an `OutcomeRecord`.

Forgiving where a person may have edited the file (a number typed where text belongs, a date
as text, a key left out that has a sensible default); strict where the data would lie. Every
refusal is an `OutcomeFormatError` that names the key in Dutch.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from dialoogspel.model import AgreementKind, Mode
from dialoogspel.outcome.record import (
    HOE,
    Afspraak,
    Deelnemer,
    Kaart,
    OutcomeRecord,
    Pion,
    Tijd,
)


class OutcomeFormatError(ValueError):
    """An outcome file this version cannot read; the message is Dutch."""


_KINDS = {kind.value for kind in AgreementKind}
_MODES = {mode.value for mode in Mode}


def _fail(where: str, what: str) -> OutcomeFormatError:
    return OutcomeFormatError(f"In het kopje bovenaan klopt '{where}' niet: {what}.")


def _text(value: Any, where: str, empty: bool = False) -> str:
    if isinstance(value, str):
        return value
    if value is None and empty:  # "casus:" left empty by hand
        return ""
    if isinstance(value, (int, float, date)) and not isinstance(value, bool):
        return str(value)  # "casus: 2026" typed by hand
    raise _fail(where, "hier hoort tekst")


def _optional_text(value: Any, where: str) -> str | None:
    return None if value is None else _text(value, where)


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return (str(value),)
    if not isinstance(value, list):
        raise _fail(where, "hier hoort een lijst")
    return tuple(_text(item, where) for item in value)


def _flag(value: Any, where: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise _fail(where, "hier hoort true of false")
    return value


def _number(value: Any, where: str, low: int, high: int | None = None) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise _fail(where, f"hier hoort een getal vanaf {low}")
    if high is not None and value > high:
        raise _fail(where, f"hier hoort een getal van {low} tot en met {high}")
    return value


def _date(value: Any, where: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fail(where, "hier hoort een datum als 2026-12-01")


def _items(value: Any, where: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise _fail(where, "hier hoort een lijst met gegevens per regel")
    return value


def _card(item: dict[str, Any], where: str) -> Kaart:
    vak = item.get("vak")
    hoe = _text(item.get("hoe", "open"), f"{where} › hoe")
    if hoe not in HOE:
        raise _fail(f"{where} › hoe", "kies uit " + ", ".join(HOE))
    minuten = item.get("minuten")
    return Kaart(
        kaart=_text(item.get("kaart"), f"{where} › kaart"),
        vak=None if vak is None else _number(vak, f"{where} › vak", 1, 4),
        hoe=hoe,
        twijfel=_flag(item.get("twijfel"), f"{where} › twijfel"),
        pionnen=tuple(
            Pion(_text(p.get("rol"), f"{where} › pionnen"), _number(p.get("vak"), where, 0, 4))
            for p in _items(item.get("pionnen"), f"{where} › pionnen")
        ),
        notities=_number(item.get("notities", 0), f"{where} › notities", 0),
        minuten=None if minuten is None else _number(minuten, f"{where} › minuten", 0),
    )


def _agreement(item: dict[str, Any], where: str, number: int) -> Afspraak:
    soort = _text(item.get("soort"), f"{where} › soort")
    if soort not in _KINDS:
        raise _fail(f"{where} › soort", "kies uitzoeken of aan de slag")
    voor = item.get("voor")
    return Afspraak(
        nr=_number(item.get("nr", number), f"{where} › nr", 1),
        soort=soort,
        wie=_text(item.get("wie"), f"{where} › wie", empty=True),
        wat=_text(item.get("wat"), f"{where} › wat", empty=True),
        voor=None if voor is None else _date(voor, f"{where} › voor"),
        kaart=_optional_text(item.get("kaart"), f"{where} › kaart"),
        vermoeden=_optional_text(item.get("vermoeden"), f"{where} › vermoeden"),
        bron=_optional_text(item.get("bron"), f"{where} › bron"),
        klaar=_flag(item.get("klaar"), f"{where} › klaar"),
    )


def record_from(head: dict[str, Any]) -> OutcomeRecord:
    """The record of a format 2 front matter; OutcomeFormatError (Dutch) when it does not fit."""
    modus = _text(head.get("modus"), "modus")
    if modus not in _MODES:
        raise _fail("modus", "kies uit " + ", ".join(sorted(_MODES)))
    people = _items(head.get("deelnemers"), "deelnemers")
    return OutcomeRecord(
        formaat=_number(head.get("formaat"), "formaat", 2),
        spel=_text(head.get("spel", "dialoogspel"), "spel"),
        sessie=_text(head.get("sessie"), "sessie"),
        datum=_date(head.get("datum"), "datum"),
        casus=_text(head.get("casus"), "casus", empty=True),
        niveau=_text(head.get("niveau"), "niveau", empty=True),
        thema=_texts(head.get("thema"), "thema"),
        stapels=_texts(head.get("stapels"), "stapels"),
        modus=modus,
        verdekt=_flag(head.get("verdekt"), "verdekt"),
        deelnemers=tuple(
            Deelnemer(
                _text(p.get("naam"), f"deelnemer {n}", empty=True),
                _text(p.get("rol"), f"deelnemer {n}", empty=True),
                _text(p.get("pion"), f"deelnemer {n}", empty=True),
            )
            for n, p in enumerate(people, start=1)
        ),
        bord=tuple(
            _card(item, f"bord {n}") for n, item in enumerate(_items(head.get("bord"), "bord"), 1)
        ),
        afspraken=tuple(
            _agreement(item, f"afspraak {n}", n)
            for n, item in enumerate(_items(head.get("afspraken"), "afspraken"), start=1)
        ),
        terugblik=tuple(dict(item) for item in _items(head.get("terugblik"), "terugblik")),
        tijd=_time(head.get("tijd")),
    )


def _time(value: object) -> Tijd | None:
    """`tijd: {gepland, gebruikt}`, or None when the file has none."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _fail("tijd", "verwacht {gepland: MINUTEN, gebruikt: MINUTEN}")
    return Tijd(
        _number(value.get("gepland"), "tijd › gepland", 0),
        _number(value.get("gebruikt"), "tijd › gebruikt", 0),
    )
