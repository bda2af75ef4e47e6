"""Participants, their roles and their pawns (colour plus a distinct letter)."""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

DEFAULT_ROLES: tuple[str, ...] = (
    "slb'er",
    "docent",
    "teammanager",
    "zorgcoördinator",
    "verzuimcoördinator",
    "praktijkopleider",
    "student",
)
"""The roles offered on the setup screen; any other typed role is fine too."""

ROLE_COLOURS: dict[str, str] = {
    "slb'er": "#56B4E9",
    "docent": "#E69F00",
    "teammanager": "#CC79A7",
    "zorgcoördinator": "#009E73",
    "verzuimcoördinator": "#D55E00",
    "praktijkopleider": "#F0E442",
    "student": "#BBBBBB",
}
"""Pawn colours for the default roles (Okabe–Ito based, colour-blind safe)."""

EXTRA_ROLE_COLOURS: tuple[str, ...] = ("#0072B2", "#9467BD", "#8C564B", "#17BECF", "#7F7F7F")
"""Colours for roles a team types in, chosen stably from the role's name."""


def _plain(text: str) -> str:
    """Lower case without accents or apostrophes, so "coordinator" matches "coördinator"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in "'’`")


ROLE_ABBREVIATIONS: dict[str, str] = {
    "tm": "teammanager",
    "zoco": "zorgcoördinator",
    "vc": "verzuimcoördinator",
    "po": "praktijkopleider",
}
"""Short forms used in mbo teams, as typed in lower case without accents."""


def canonical_role(typed: str) -> str:
    """The default role a team meant ("slb", "Docent", "zorgcoordinator", "tm"), else the
    typed role.

    A unique start of a default role counts as that role: otherwise "slb" and "slb'er" would be
    two roles with two pawn colours for the same job.
    """
    wanted = _plain(typed)
    if not wanted:
        return typed.strip()
    if wanted in ROLE_ABBREVIATIONS:
        return ROLE_ABBREVIATIONS[wanted]
    exact = [role for role in DEFAULT_ROLES if _plain(role) == wanted]
    starts = [role for role in DEFAULT_ROLES if _plain(role).startswith(wanted)]
    if exact:
        return exact[0]
    return starts[0] if len(starts) == 1 else typed.strip()


def role_colour(role: str) -> str:
    """The pawn colour of a role: fixed for default roles, stable for typed ones."""
    key = role.strip().casefold()
    if key in ROLE_COLOURS:
        return ROLE_COLOURS[key]
    checksum = sum(ord(ch) for ch in key)
    return EXTRA_ROLE_COLOURS[checksum % len(EXTRA_ROLE_COLOURS)]


class Participant(NamedTuple):
    """A person at the table with one pawn."""

    name: str
    """The name (or initials) the team uses; never a student's name."""
    role: str
    """The actor role the pawn represents, e.g. "docent"."""
    letter: str
    """A single letter, distinct within the session, shown on the pawn."""

    @property
    def colour(self) -> str:
        """The pawn colour, taken from the role."""
        return role_colour(self.role)


def _initial(name: str) -> str:
    """The first letter of a name in upper case, as a pawn letter; "" when it has none."""
    return next((ch.upper() for ch in name if ch.isalpha() and len(ch.upper()) == 1), "")


def letter_taken_by(people: Iterable[Participant], person: Participant) -> Participant | None:
    """Who has the initial of `person`'s name as pawn letter, when `person` got another one
    (An gets N: A is Anna's); None when the letter is the initial."""
    initial = _initial(person.name)
    if not initial or person.letter == initial:
        return None
    return next((p for p in people if p.letter == initial and p != person), None)


def assign_letters(people: Iterable[tuple[str, str]]) -> tuple[Participant, ...]:
    """Make participants from (name, role) pairs, giving each a distinct pawn letter.

    The letter is the name's initial when free, else another letter from the name, else the first
    free letter of the alphabet (then digits, then lower case); so two docenten called Anna and
    Ahmed become A and H. A letter is one character: "ß" (upper case "SS") is skipped.
    """
    taken: set[str] = set()
    result: list[Participant] = []
    for name, role in people:
        candidates = [ch.upper() for ch in name if ch.isalpha() and len(ch.upper()) == 1]
        candidates += list(string.ascii_uppercase + string.digits + string.ascii_lowercase)
        letter = next((ch for ch in candidates if ch not in taken), "?")
        taken.add(letter)
        result.append(Participant(name=name.strip(), role=role.strip(), letter=letter))
    return tuple(result)


def parse_player(text: str) -> tuple[str, str]:
    """Read a --speler value "Naam:rol" (role optional, "docent" when left out).

    Raises ValueError with a Dutch message when there is no name.
    """
    name, _, role = text.partition(":")
    if not name.strip():
        raise ValueError(f"'{text}' heeft geen naam. Schrijf het zo: --speler \"Anna:slb'er\".")
    return name.strip(), canonical_role(role) or "docent"
