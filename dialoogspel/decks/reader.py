"""Deck files -> `model.Deck`: bytes, text, tree, deck, collecting problems at every step."""

from __future__ import annotations

import os
from pathlib import Path

from dialoogspel.decks.checker import ALL_KEYS, DeckChecker
from dialoogspel.decks.problems import LoadResult, Problem
from dialoogspel.decks.text import MAX_BYTES, missing_spaces, prepare, too_big
from dialoogspel.decks.yamltree import read_tree
from dialoogspel.fileio import read_limited
from dialoogspel.oserrors import FileTooBigError, NotRegularFileError
from dialoogspel.oserrors import reason as os_reason
from dialoogspel.textsafe import is_refused, kind

NOT_REGULAR = "Dit is geen gewoon bestand (maar een pijp of apparaat). Kies een .yaml-bestand."


def parse_deck(
    data: bytes | str, path: str, name: str | None = None, *, loader: type | None = None
) -> LoadResult:
    """Read a deck from bytes or text; `path` is only used in messages, `name` defaults to its stem.

    Never raises: whatever the input, the result is a deck or a list of located problems.
    `loader` picks the YAML parser class (tests run both libyaml and pure Python).
    """
    try:
        return _parse(data, path, Path(path).stem if name is None else name, loader)
    except Exception as error:  # the last line of defence: never a traceback for a user
        message = (
            f"Interne fout bij het lezen van dit bestand ({type(error).__name__}). "
            "Meld dit aan de makers van dialoogspel."
        )
        return LoadResult(None, [Problem(path, 1, 1, message)])


def load_deck(path: str | os.PathLike[str]) -> LoadResult:
    """Read a deck file: never raises for a bad or missing file, never hangs or fills memory.

    Only a regular file of at most MAX_BYTES is read (`fileio.read_limited`): a FIFO, a device
    (a link to /dev/zero), a folder named `x.yaml` or a huge file gets one Dutch problem.
    """
    shown = os.fspath(path)
    try:
        data = read_limited(shown, MAX_BYTES)
    except FileNotFoundError:
        return _unreadable(shown, "Dit bestand bestaat niet. Controleer de naam en de map.")
    except IsADirectoryError:
        return _unreadable(shown, "Dit is een map, geen bestand. Kies een .yaml-bestand.")
    except NotRegularFileError:
        return _unreadable(shown, NOT_REGULAR)
    except FileTooBigError:
        return LoadResult(None, [too_big(_size_of(shown), shown)])
    except PermissionError:
        return _unreadable(shown, "Je hebt geen toestemming om dit bestand te lezen.")
    except (OSError, ValueError) as error:
        reason = os_reason(error)
        return _unreadable(shown, f"Dit bestand kan het spel niet lezen ({reason}).")
    return parse_deck(data, shown, Path(shown).stem)


def _size_of(path: str) -> int:
    """The size of a file found too big (it may have grown while read: at least the limit + 1)."""
    try:
        return max(os.stat(path).st_size, MAX_BYTES + 1)
    except OSError:
        return MAX_BYTES + 1


def _unreadable(path: str, message: str) -> LoadResult:
    """A result with one problem at 1:1 for a file that could not be read at all."""
    return LoadResult(None, [Problem(path, 1, 1, message)])


def _parse(data: bytes | str, path: str, name: str, loader: type | None) -> LoadResult:
    """Bytes -> text -> tree -> deck, collecting problems at every step."""
    text, problems = prepare(data, path)
    problems += _name_problems(name, path)
    deck = None
    if text is not None:
        spacing = missing_spaces(text, path, ALL_KEYS)
        if spacing:  # YAML would read `vraag:Wat` as one text: its errors would only confuse
            problems += spacing
            text = None
    if text is not None:
        root, more = read_tree(text, path, loader)
        problems += more
        if root is None and not more:
            message = (
                "Het bestand is leeg. Een stapel heeft 'thema:', 'kleur:' en 'kaarten:'. "
                "Een voorbeeld maak je met: dialoogspel new-deck NAAM"
            )
            problems.append(Problem(path, 1, 1, message))
        elif root is not None:
            checker = DeckChecker(path, text)
            deck = checker.deck(root, name)
            problems += checker.problems
    problems.sort(key=lambda p: (p.line, p.column))
    if any(not p.warning for p in problems):
        deck = None
    return LoadResult(deck, problems)


def _name_problems(name: str, path: str) -> list[Problem]:
    """The deck's name (its file name) may hold no control or format character either.

    The name is typed on the command line and shown in the setup screen and the outcome. Bytes
    that are not UTF-8 (lone surrogates, as Python reads such a name) stay allowed: they are
    odd but harmless, and every place that shows a name escapes them.
    """
    bad = next((c for c in name if is_refused(c, allow="") and not "\ud800" <= c <= "\udfff"), "")
    if not bad:
        return []
    message = (
        f"De naam van dit bestand bevat {kind(bad)} (U+{ord(bad):04X}). Geef het bestand een "
        "andere naam, met alleen letters, cijfers, '-' en '_'."
    )
    return [Problem(path, 1, 1, message)]
