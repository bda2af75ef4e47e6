"""Control and format characters in deck keys and values, located where they stand in the file.

A deck is data: its text must never steer a terminal (an escape code can change the title,
clear the screen or fill the clipboard) or read differently from what it holds (a bidi override,
a zero-width space). Which characters count is `textsafe.is_refused`; tab and newline are
allowed, as YAML keeps them in a value.

The character may have been typed as is, or written as a YAML escape inside double quotes
(`"\\e]0;titel\\a"`, `"\\x9b"`, `"\\u202e"`): the problem then points at the backslash of that
escape, so the editor shows the place to change.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dialoogspel.decks.problems import Problem
from dialoogspel.textsafe import first_refused, is_refused, kind

MAX_REPORTS = 10
"""Texts with such a character reported one by one; the rest are counted in one more problem."""

ALLOWED = "\t\n"
"""What a value may hold of what `is_refused` refuses: YAML keeps tabs and line breaks."""

_ESCAPES = {
    "0": "\x00",
    "a": "\x07",
    "b": "\x08",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
"""YAML's one-letter escapes in double quotes (the ones that make something other than the
letter); `\\x`, `\\u` and `\\U` are decoded from their hex digits."""
_DOUBLE_QUOTED = re.compile(
    r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|[^\x20-\x7e]", re.DOTALL
)
"""An escape, or a character outside printable ASCII, in double-quoted source."""
_OTHER_STYLES = re.compile(r"[^\x20-\x7e]")
"""A character outside printable ASCII, in plain, single-quoted or block source."""


class Place(NamedTuple):
    """A scalar's source: where it starts and ends in the text, and how it was written."""

    start: int
    """Index of its first character (a quote, for a quoted one)."""
    end: int
    """Index just after it."""
    line: int
    """1-based line of `start`."""
    column: int
    """1-based column of `start`."""
    double_quoted: bool
    """Written between double quotes, where backslash escapes work."""


def holds_refused(value: str) -> bool:
    """Whether a key or value holds a character a deck may not have (fast for clean text)."""
    return first_refused(value, ALLOWED) is not None


def find_in_source(text: str, place: Place) -> tuple[int, str, str] | None:
    """The first refused character in a scalar's source: (index, as written, character).

    "As written" is the escape (`\\e`, `\\x9b`) inside double quotes, else the character itself.
    None when the source holds none (cannot happen for a value that `holds_refused`).
    """
    pattern = _DOUBLE_QUOTED if place.double_quoted else _OTHER_STYLES
    for match in pattern.finditer(text, place.start, place.end):
        written = match.group()
        char = _unescape(written) if len(written) > 1 else written
        if char is not None and is_refused(char, ALLOWED + "\r"):
            return match.start(), written, char
    return None


def _unescape(escape: str) -> str | None:
    """What a double-quoted escape stands for; None for one that makes no character."""
    letter = escape[1]
    if letter in "xuU" and len(escape) > 2:
        code = int(escape[2:], 16)
        return chr(code) if code <= 0x10FFFF else None
    if letter in "\r\n":
        return None  # an escaped line break joins two lines
    return _ESCAPES.get(letter, letter)


def refused_problems(text: str, path: str, places: list[Place]) -> list[Problem]:
    """One problem for each of the first MAX_REPORTS scalars, and one that counts the rest."""
    problems = []
    for place in places[:MAX_REPORTS]:
        found = find_in_source(text, place)
        if found is None:
            index, written, char = place.start, "", "\ufffd"
        else:
            index, written, char = found
        line, column = _position_from(text, place, index)
        problems.append(Problem(path, line, column, _message(written, char)))
    if len(places) > MAX_REPORTS:
        rest = places[MAX_REPORTS]
        count = len(places) - MAX_REPORTS
        message = (
            f"Nog {count} {'tekst' if count == 1 else 'teksten'} met zulke tekens. "
            "Zoek ze op en haal ze weg."
        )
        problems.append(Problem(path, rest.line, rest.column, message))
    return problems


def _message(written: str, char: str) -> str:
    """The Dutch problem for one refused character, typed as is or as an escape."""
    code = f"U+{ord(char):04X}"
    why = (
        "Zo'n teken mag niet in een stapel: je ziet het niet, of het laat het scherm iets anders "
        "doen dan tekst tonen."
    )
    if len(written) > 1:
        return f"De code '{written}' maakt hier {kind(char)} ({code}). {why} Haal de code weg."
    return (
        f"Hier staat {kind(char)} ({code}). {why} Haal het weg: het komt vaak mee bij "
        "kopiëren uit een ander programma."
    )


def _position_from(text: str, place: Place, index: int) -> tuple[int, int]:
    """The 1-based (line, column) of `index`, counted from the scalar's start (as YAML does)."""
    prefix = text[place.start : index]
    breaks = prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n")
    if not breaks:
        return place.line, place.column + len(prefix)
    return place.line + breaks, len(prefix) - max(prefix.rfind("\n"), prefix.rfind("\r"))
