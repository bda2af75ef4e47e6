"""Located problems in a deck file and the result of loading one."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from dialoogspel.model import Deck
from dialoogspel.textsafe import visible


class Problem(NamedTuple):
    """One problem at one place in a deck file; line and column are 1-based."""

    path: str
    """The file as the user named it."""
    line: int
    """Line of the offending node, from 1."""
    column: int
    """Column (in characters) of the offending node, from 1."""
    message: str
    """What is wrong and what to change, in Dutch."""
    warning: bool = False
    """A warning does not make the deck invalid."""

    def __str__(self) -> str:
        """The problem as `FILE:LINE:COLUMN: message`, the form editors and terminals link to.

        The path and any deck text in the message show control characters as escapes (`\\x1b`):
        what a file holds never reaches the terminal raw.
        """
        label = "waarschuwing: " if self.warning else ""
        return visible(f"{self.path}:{self.line}:{self.column}: {label}{self.message}")


@dataclass
class LoadResult:
    """A deck (when it could be read) and every problem found on the way."""

    deck: Deck | None
    """The deck, or None when there are errors."""
    problems: list[Problem] = field(default_factory=list)
    """Errors and warnings in file order."""

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the file invalid."""
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        """The problems worth a look that do not stop the deck from loading."""
        return [p for p in self.problems if p.warning]

    @property
    def ok(self) -> bool:
        """Whether the deck loaded without errors (warnings allowed)."""
        return self.deck is not None and not self.errors


def quoted_list(words: Iterable[str]) -> str:
    """Words as `'a', 'b' en 'c'` for a Dutch sentence."""
    items = [f"'{w}'" for w in words]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def closest(typed: str, options: Iterable[str]) -> str | None:
    """The option a typo most likely meant (ignoring case), or None when nothing is close."""
    return _closest(typed.casefold(), tuple(options))


@functools.lru_cache(maxsize=1024)
def _closest(folded_typed: str, options: tuple[str, ...]) -> str | None:
    """`closest`, remembered: a deck with the same typo on every card asks it thousands of times."""
    folded = {option.casefold(): option for option in options}
    if folded_typed in folded:
        return folded[folded_typed]
    import difflib  # only on a typo: not worth its import time on every start

    close = difflib.get_close_matches(folded_typed, list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def did_you_mean(typed: str, options: Iterable[str]) -> str:
    """A Dutch ` Bedoel je 'x'?` hint for a near miss, or "" when nothing is close."""
    meant = closest(typed, options)
    return f" Bedoel je '{meant}'?" if meant else ""
