"""The privacy check before an outcome goes to a shared folder (SPEC section 6).

Finds what looks like a BSN (nine digits that pass the elfproef), a student number (six to
eight digits on their own, an `s` with six to eight digits, or any number after a word like
"studentnummer"), an e-mail address or a phone number (Dutch: 0 or +31/0031 and nine more
digits; other countries: + and the country code) in every text the team typed. Dates, times,
deadlines, card ids and counts never count: dates and times are blanked out first, and the
numbers above need more digits than a count or a card id has.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from typing import NamedTuple

from dialoogspel.model import Session
from dialoogspel.textsafe import visible

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
    value: str = ""
    """The part of the text that looks like personal data, as typed."""
    card_key: str | None = None
    """The card whose note holds it (None when it is not in a note)."""
    agreement: int | None = None
    """The position of the agreement that holds it (None when it is not in one)."""

    @property
    def message(self) -> str:
        """The Dutch sentence for the team; the value is shown as data, never as markup."""
        found = f": {visible(self.value)}" if self.value else ""
        return f"In {visible(self.where)} staat iets dat op {KINDS[self.kind]} lijkt{found}."

    @property
    def key(self) -> str:
        """Who said "toch opslaan" for this value once is not asked about it again.

        The kind and a hash of the value (digits only, or the e-mail address in lower case),
        so the same number typed with other spaces counts as the same finding.
        """
        if self.kind == "e-mail":
            plain = self.value.casefold()
        else:
            plain = "".join(ch for ch in self.value if ch.isdigit())
        return f"{self.kind}:{hashlib.sha256(plain.encode()).hexdigest()[:16]}"


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


def matches_in(text: str) -> list[tuple[str, str]]:
    """(kind, value) for every part of a text that looks like personal data, in KINDS order."""
    if not any(ch.isdigit() for ch in text) and "@" not in text:
        return []
    found: list[tuple[str, str]] = [("e-mail", m.group()) for m in _EMAIL.finditer(text)]
    text = _EMAIL.sub(" ", text)
    text = _DATE_OR_TIME.sub(lambda m: " " * len(m.group()), text)
    numbers = [m.group() for m in _BSN.finditer(text)]
    bsns = [n for n in numbers if elfproef("".join(ch for ch in n if ch.isdigit()))]
    if bsns:
        found += [("bsn", number) for number in bsns]
        text = _BSN.sub(" ", text)
    found += [("telefoon", m.group()) for m in _PHONE.finditer(text)]
    text = _PHONE.sub(" ", text)
    for match in _STUDENT.finditer(text):
        token = match.group()
        digits = "".join(ch for ch in token if ch.isdigit())
        bare = token.isdigit() or (token[0] in "sS" and token[1:].isdigit())
        if not bare or not _is_compact_date(digits):  # after "studentnummer" always
            found.append(("studentnummer", token))
    return sorted(found, key=lambda item: list(KINDS).index(item[0]))


def kinds_in(text: str) -> list[str]:
    """What kinds of personal data a text seems to hold, each once, in KINDS order."""
    return list(dict.fromkeys(kind for kind, _ in matches_in(text)))


class TypedText(NamedTuple):
    """One text the team typed, and where it can be changed."""

    where: str
    """Which text, in Dutch."""
    text: str
    """The text as typed."""
    card_key: str | None = None
    """The card whose note it is."""
    agreement: int | None = None
    """The position of the agreement it belongs to."""


def typed_texts(session: Session) -> list[TypedText]:
    """Every text the team typed: setup, people, notes, agreements and terugblik notes."""
    setup = session.setup
    texts = [TypedText("de casus", setup.casus), TypedText("het niveau", setup.niveau)]
    for number, person in enumerate(setup.participants, start=1):
        texts.append(TypedText(f"de naam van deelnemer {number}", person.name))
        texts.append(TypedText(f"de rol van deelnemer {number}", person.role))
    for card in session.cards:
        notes = session.states[card.key].notes
        label = session.card_label(card.key)
        for number, note in enumerate(notes, start=1):
            which = "de notitie" if len(notes) == 1 else f"notitie {number}"
            texts.append(TypedText(f"{which} bij {label}", note, card_key=card.key))
    for number, agreement in enumerate(session.agreements, start=1):
        for field, text in (
            ("wie", agreement.who),
            ("wat", agreement.what),
            ("vermoeden", agreement.vermoeden or ""),
            ("bron", agreement.bron or ""),
        ):
            texts.append(TypedText(f"afspraak {number} ({field})", text, agreement=number - 1))
    for number, item in enumerate(session.terugblik, start=1):
        if item.notitie:
            texts.append(TypedText(f"de terugblik-notitie {number}", item.notitie))
    return texts


def privacy_findings(session: Session) -> list[PrivacyFinding]:
    """Everything in the session's typed texts that looks like personal data, in text order."""
    return [
        PrivacyFinding(typed.where, kind, value, typed.card_key, typed.agreement)
        for typed in typed_texts(session)
        for kind, value in matches_in(typed.text)
    ]


def new_findings(session: Session, allowed: Collection[str]) -> list[PrivacyFinding]:
    """The findings the team has not yet said "toch opslaan" for, each value once."""
    seen = set(allowed)
    fresh: list[PrivacyFinding] = []
    for finding in privacy_findings(session):
        if finding.key not in seen:
            seen.add(finding.key)
            fresh.append(finding)
    return fresh
