"""Our sentences as a screen reader can say them: symbols and short forms written out.

Heard through espeak-ng (Dutch), the screen's typography reads badly: "&" becomes the English
"and", "±" "plus or minus", "1–4" "een vier", "/" "slash", "min" the Dutch word for minus, and
"4-12-2026" three loose numbers. Every line the plain-line face says goes through `spoken`
(typed text inside a sentence is said the same way; the echo of a typed line stays as typed).
Pure: no terminal, no textual.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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
"""Dutch month names, January first."""

_DATE = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b(?: (\d{1,2}):(\d{2})\b)?")


def _date(match: re.Match[str]) -> str:
    """ "04-12-2026 14:32" as "4 december 2026 om 14.32 uur"; no real date stays as it is."""
    day, month, year, hour, minute = match.groups()
    if not 1 <= int(month) <= 12 or not 1 <= int(day) <= 31:
        return match.group(0)
    words = f"{int(day)} {MONTHS[int(month) - 1]} {year}"
    return f"{words} om {int(hour)}.{minute} uur" if hour is not None else words


def _minutes(match: re.Match[str]) -> str:
    number = match.group(1)
    return f"{number} {'minuut' if number == '1' else 'minuten'}"


SPOKEN: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (_DATE, _date),
    (re.compile(r"(\d) ?– ?(\d)"), r"\1 tot en met \2"),  # 1–4
    (re.compile(r"(\d+)/(\d+) kaarten"), r"\1 van de \2 kaarten"),  # 1/21 kaarten
    (re.compile(r"\bkaart ([\w-]+)/([\w-]+)"), r"kaart \1 \2"),  # kaart uitval/U01
    (re.compile(r"(\d+) min\b"), _minutes),
    (re.compile(r"± ?"), "ongeveer "),
    (re.compile(r" & "), " en "),
    (re.compile(r" · "), ", "),
    (re.compile(r" / "), " of "),
    (re.compile(r"\?-pion"), "vraagteken-pion"),
)
"""What is rewritten, in this order (the date before the dash and the minutes)."""


def spoken(line: str) -> str:
    """The line with our symbols and short forms written out in Dutch words."""
    for pattern, replacement in SPOKEN:
        line = pattern.sub(replacement, line)
    return line
