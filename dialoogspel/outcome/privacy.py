"""The privacy check before an outcome goes to a shared folder (SPEC section 6).

Finds what looks like a BSN (nine digits that pass the elfproef), a student number (six to
eight digits on their own, an `s` with six to eight digits, or any number after a word like
"studentnummer"), an e-mail address or a phone number (Dutch: 0 or +31/0031 and nine more
digits; other countries: + and the country code) in every text the team typed. Dates, times,
deadlines, card ids and counts never count: dates and times are blanked out first, and the
numbers above need more digits than a count or a card id has.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dialoogspel.model import Session

KINDS = {
    "bsn": "een BSN",
    "studentnummer": "een studentnummer",
    "e-mail": "een e-mailadres",
    "telefoon": "een telefoonnummer",
}
"""What a finding is about, in the words of the warning."""

_DATE_OR_TIME = re.compile(
    r"(?<![\d.\-/])(?:"
    r"\d{4}-\d{1,2}-\d{1,2}"  # 2026-12-01
    r"|\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{4}|[-/.]\d{2})?"  # 1-12, 01-12-2026, 1/12/26
    r"|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"  # 10:30, 9.15
    r")(?![\d])"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ \-.]?(?:\(0\)[ \-.]?)?|0)(?:[ \-.]?\d){9}(?![\w])"
    r"|(?<![\w+])\+(?!31)\d{1,3}(?:[ \-.]?\d){6,12}(?![\w])"
)
_BSN = re.compile(
    r"(?<![\w.\-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .\-]\d{3}[ .\-]\d{3})(?![\w]|[.\-]\d)"
)
_STUDENT = re.compile(
    r"(?<![\w.\-/])[sS]?\d{6,8}(?![\w]|[.,\-/]\d)"
    r"|(?i:student(?:en)?n(?:umme)?r|st(?:ud)?\.?\s?nr|leerlingn(?:umme)?r|lln\.?\s?nr)"
    r"\.?:?\s*\d{4,10}"
)


class PrivacyFinding(NamedTuple):
    """Something in a typed text that looks like personal data."""

    where: str
    """Which text, in Dutch: "de notitie bij U03", "de casus"."""
    kind: str
    """bsn, studentnummer, e-mail or telefoon (see KINDS)."""

    @property
    def message(self) -> str:
        """The Dutch sentence for the team."""
        return f"In {self.where} staat iets dat op {KINDS[self.kind]} lijkt."


def elfproef(digits: str) -> bool:
    """The BSN check: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=False))
    return (total - int(digits[8])) % 11 == 0


def _is_compact_date(digits: str) -> bool:
    """20261201 or 01122026: eight digits that make a date are not a student number."""
    if len(digits) != 8:
        return False
    orders = ((digits[:4], digits[4:6], digits[6:]), (digits[4:], digits[2:4], digits[:2]))
    for year, month, day in orders:
        if 1900 <= int(year) <= 2100 and 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            return True
    return False


def kinds_in(text: str) -> list[str]:
    """What kinds of personal data a text seems to hold, each once, in KINDS order."""
    if not any(ch.isdigit() for ch in text) and "@" not in text:
        return []
    found: list[str] = []
    if _EMAIL.search(text):
        found.append("e-mail")
        text = _EMAIL.sub(" ", text)
    text = _DATE_OR_TIME.sub(lambda m: " " * len(m.group()), text)
    if any(elfproef("".join(ch for ch in m.group() if ch.isdigit())) for m in _BSN.finditer(text)):
        found.append("bsn")
        text = _BSN.sub(" ", text)
    if _PHONE.search(text):
        found.append("telefoon")
        text = _PHONE.sub(" ", text)
    for match in _STUDENT.finditer(text):
        token = match.group()
        digits = "".join(ch for ch in token if ch.isdigit())
        bare = token.isdigit() or (token[0] in "sS" and token[1:].isdigit())
        if not bare or not _is_compact_date(digits):  # after "studentnummer" always
            found.append("studentnummer")
            break
    return sorted(found, key=list(KINDS).index)


def typed_texts(session: Session) -> list[tuple[str, str]]:
    """(where, text) for every text the team typed: setup, people, notes and agreements."""
    setup = session.setup
    texts = [("de casus", setup.casus), ("het niveau", setup.niveau)]
    for number, person in enumerate(setup.participants, start=1):
        texts += [(f"de naam van deelnemer {number}", person.name)]
        texts += [(f"de rol van deelnemer {number}", person.role)]
    for card in session.cards:
        notes = session.states[card.key].notes
        label = session.card_label(card.key)
        for number, note in enumerate(notes, start=1):
            which = "de notitie" if len(notes) == 1 else f"notitie {number}"
            where = f"{which} bij {label}"
            texts.append((where, note))
    for number, agreement in enumerate(session.agreements, start=1):
        texts += [
            (f"afspraak {number} (wie)", agreement.who),
            (f"afspraak {number} (wat)", agreement.what),
            (f"afspraak {number} (vermoeden)", agreement.vermoeden or ""),
            (f"afspraak {number} (bron)", agreement.bron or ""),
        ]
    return texts


def privacy_findings(session: Session) -> list[PrivacyFinding]:
    """Everything in the session's typed texts that looks like personal data, in text order."""
    return [
        PrivacyFinding(where, kind)
        for where, text in typed_texts(session)
        for kind in kinds_in(text)
    ]
