"""Deck files -> `model.Deck`: bytes, text, tree, deck, collecting problems at every step."""

from __future__ import annotations

import os
from pathlib import Path

from dialoogspel.decks.checker import ALL_KEYS, DeckChecker
from dialoogspel.decks.problems import LoadResult, Problem
from dialoogspel.decks.text import MAX_BYTES, missing_spaces, prepare, too_big
from dialoogspel.decks.yamltree import read_tree
from dialoogspel.oserrors import reason as os_reason


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
    """Read a deck file: checks the size before reading, never raises for a bad or missing file."""
    shown = os.fspath(path)
    try:
        if os.path.isdir(shown):
            return _unreadable(shown, "Dit is een map, geen bestand. Kies een .yaml-bestand.")
        size = os.stat(shown).st_size
        if size > MAX_BYTES:
            return LoadResult(None, [too_big(size, shown)])
        with open(shown, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return _unreadable(shown, "Dit bestand bestaat niet. Controleer de naam en de map.")
    except PermissionError:
        return _unreadable(shown, "Je hebt geen toestemming om dit bestand te lezen.")
    except (OSError, ValueError) as error:
        reason = os_reason(error)
        return _unreadable(shown, f"Dit bestand kan het spel niet lezen ({reason}).")
    return parse_deck(data, shown, Path(shown).stem)


def _unreadable(path: str, message: str) -> LoadResult:
    """A result with one problem at 1:1 for a file that could not be read at all."""
    return LoadResult(None, [Problem(path, 1, 1, message)])


def _parse(data: bytes | str, path: str, name: str, loader: type | None) -> LoadResult:
    """Bytes -> text -> tree -> deck, collecting problems at every step."""
    text, problems = prepare(data, path)
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
