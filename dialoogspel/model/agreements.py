"""Agreements (afspraken) a team makes afterwards, and reading a typed deadline."""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from typing import NamedTuple


class AgreementKind(str, Enum):
    """What kind of agreement: find something out, or act on it."""

    UITZOEKEN = "uitzoeken"
    AAN_DE_SLAG = "aan de slag"

    @property
    def label(self) -> str:
        """The Dutch heading used on screen and in the outcome."""
        return "Uitzoeken" if self is AgreementKind.UITZOEKEN else "Aan de slag"


class Agreement(NamedTuple):
    """Who does what, optionally by when, optionally about which card."""

    kind: AgreementKind
    """Uitzoeken (find out what is unknown) or aan de slag (act)."""
    what: str
    """What will be done, in the team's words."""
    who: str
    """The owner: a participant's name or free text."""
    deadline: date | None = None
    """The agreed date, if any."""
    card_key: str | None = None
    """The session card this agreement is about, if any."""
    vermoeden: str | None = None
    """Uitzoeken: what the team expects to find (checked at terugblik), if said."""
    bron: str | None = None
    """Uitzoeken: which data source will tell, if said."""

    def to_dict(self) -> dict[str, object]:
        """Plain data for saving."""
        return {
            "kind": self.kind.value,
            "what": self.what,
            "who": self.who,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "card": self.card_key,
            "vermoeden": self.vermoeden,
            "bron": self.bron,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Agreement:
        """Rebuild from plain data made by to_dict."""
        deadline = data.get("deadline")
        card = data.get("card")
        vermoeden, bron = data.get("vermoeden"), data.get("bron")  # absent in older saves
        return cls(
            kind=AgreementKind(str(data["kind"])),
            what=str(data["what"]),
            who=str(data["who"]),
            deadline=date.fromisoformat(str(deadline)) if deadline else None,
            card_key=str(card) if card else None,
            vermoeden=_optional_text(vermoeden),
            bron=_optional_text(bron),
        )


def _optional_text(value: object) -> str | None:
    """Saved optional text: None stays None, text stays text, anything else is damage."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"tekst verwacht, niet {type(value).__name__}")


MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")


class DeadlineError(ValueError):
    """A deadline the app could not read; the message is Dutch and says what to type."""


def parse_deadline(text: str, today: date) -> date | None:
    """Read a deadline as a Dutch team types it: "1-12", "01-12-2026" or "2026-12-01".

    Empty text means no deadline. A day-month without a year means the next such date from today on,
    so "1-12" typed in November is this year and typed in December (after the 1st) is next year;
    "29-2" is the coming leap day when that falls within a year, else refused.
    """
    cleaned = text.strip()
    if not cleaned:
        return None
    iso = _ISO.match(cleaned)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        dutch = _DUTCH.match(cleaned)
        if not dutch:
            raise DeadlineError(
                f"'{cleaned}' is geen datum. Typ bijvoorbeeld 1-12, 01-12-2026 of 2026-12-01."
            )
        day, month = int(dutch.group(1)), int(dutch.group(2))
        year_text = dutch.group(3)
        if year_text is None:
            upcoming = (
                y for y in (today.year, today.year + 1) if _on_or_after(y, month, day, today)
            )
            year = next(upcoming, 0)  # year 0 does not exist: refused below
        else:
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    if not _valid(year, month, day):
        raise DeadlineError(f"'{cleaned}' bestaat niet als datum. Kijk de dag en de maand na.")
    return date(year, month, day)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _on_or_after(year: int, month: int, day: int, today: date) -> bool:
    return _valid(year, month, day) and date(year, month, day) >= today


def describe_deadline(value: date) -> str:
    """A date in plain Dutch, e.g. "maandag 1 december 2026", to show what was understood."""
    return f"{WEEKDAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1]} {value.year}"
