"""A YAML parser error as one located Dutch problem, whichever parser (libyaml or PyYAML) raised it.

The two parsers word the same mistake differently ("did not find expected key" against
"expected <block end>, but found ..."), and now and then point one character apart. Each
wording maps to one message here, and each message to one agreed place: the opening quote of an
unclosed text, the backslash of a bad escape, the start of a key without its colon.
"""

from __future__ import annotations

import yaml

from dialoogspel.decks.problems import Problem
from dialoogspel.decks.text import position

_QUOTES = "\"'"


MAX_DEPTH = 50
"""Deepest nesting of lists and blocks accepted; a deck needs five. Stops pathological input
early, before the pure-Python parser's cost grows with the nesting."""

TOO_DEEP = (
    f"Hier zit te veel in elkaar (meer dan {MAX_DEPTH} lagen diep). Een stapel heeft er maar "
    "een paar nodig: controleer de haakjes en streepjes."
)
"""Said by our own depth check and for libyaml 0.2.6's own nesting limit alike."""


def syntax_problem(error: yaml.YAMLError, text: str, path: str) -> Problem:
    """A parser error as one located Dutch problem, the same for libyaml's and PyYAML's wording."""
    if isinstance(error, yaml.reader.ReaderError):
        line, column = position(text, error.position)
        return Problem(path, line, column, "Dit teken kan het spel niet lezen. Haal het weg.")
    problem = (getattr(error, "problem", None) or "").lower()
    context = (getattr(error, "context", None) or "").lower()
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    context_mark = getattr(error, "context_mark", None) or mark
    index = mark.index if mark is not None else 0
    char = text[index] if 0 <= index < len(text) else ""
    at_context = False

    if "nesting depth" in problem:
        # libyaml 0.2.6 stops deep flow nesting itself, before our own depth check sees it.
        message = TOO_DEEP
    elif "cannot start any token" in problem and char == "\t":
        message = (
            "Hier staat een tab. YAML staat tabs alleen toe binnen aanhalingstekens: "
            "vervang de tab door een spatie."
        )
    elif (
        "cannot start any token" in problem
        or "while scanning an anchor" in context
        or ("while scanning an alias" in context)
    ):
        shown = char if char.isprintable() and char.strip() else "dit teken"
        message = (
            f"Een tekst mag niet beginnen met '{shown}'. Zet de hele tekst tussen "
            'aanhalingstekens, bijvoorbeeld: vraag: "..."'
        )
    elif "mapping values are not allowed" in problem:
        message = (
            "Hier staat een dubbele punt die YAML niet verwacht. Staat er ': ' in je tekst? Zet "
            "de hele tekst dan tussen aanhalingstekens. Of klopt het inspringen niet?"
        )
    elif "quoted scalar" in context and ("escape" in problem or "hex" in problem):
        mark = _back_to_backslash(text, mark)
        message = (
            "Binnen dubbele aanhalingstekens heeft een backslash (\\) een speciale betekenis. "
            "Schrijf \\\\ of zet de tekst tussen enkele aanhalingstekens."
        )
    elif "quoted scalar" in context:
        at_context = True
        message = (
            "Het aanhalingsteken hier wordt niet gesloten. Zet aan het eind van de tekst "
            "hetzelfde aanhalingsteken."
        )
    elif "could not find expected ':'" in problem:
        at_context = True
        message = (
            "Na deze tekst verwacht YAML een dubbele punt (':'). Mist er een ':' na de sleutel? "
            "Of loopt een tekst door over meer regels? Zet die dan tussen aanhalingstekens."
        )
    elif "while parsing a flow" in context:
        at_context = True
        bracket = "{" if "mapping" in context else "["
        message = (
            f"Wat hier met '{bracket}' begint, wordt niet goed gesloten. Controleer de haakjes "
            "en komma's, of zet tekst met een komma of haakje tussen aanhalingstekens."
        )
    elif _in_block(context) and _after_quote(text, index):
        message = (
            "Na het sluitende aanhalingsteken staat nog tekst. Staat er een aanhalingsteken in "
            "je tekst? Gebruik dan binnen de tekst het andere soort (' of \"), of schrijf een "
            "apostrof dubbel ('') binnen enkele aanhalingstekens."
        )
    elif _in_block(context) and char == "-":
        message = (
            "Dit lijstitem ('-') staat niet goed ingesprongen. Zet het precies even ver in als "
            "de andere items van dezelfde lijst."
        )
    elif _in_block(context):
        message = (
            "Deze regel springt niet goed in. Zet hem precies even ver in als de andere regels "
            "van hetzelfde blok (tel de spaties)."
        )
    else:
        message = (
            "De YAML klopt hier niet. Controleer het inspringen, de dubbele punten en de "
            "aanhalingstekens."
        )
    chosen = context_mark if at_context else mark
    if chosen is None:
        return Problem(path, 1, 1, message)
    return Problem(path, chosen.line + 1, chosen.column + 1, message)


def _back_to_backslash(text: str, mark: yaml.Mark) -> yaml.Mark:
    """The mark moved onto the backslash of a bad escape (libyaml points there, PyYAML after it)."""
    index = mark.index
    steps = next(
        (n for n in range(10) if 0 <= index - n < len(text) and text[index - n] == "\\"), 0
    )
    if steps > mark.column:
        return mark
    return yaml.Mark(mark.name, index - steps, mark.line, mark.column - steps, None, None)


def _in_block(context: str) -> bool:
    """Whether the parser was inside a block mapping or list (so indentation is the suspect)."""
    return (
        "while parsing a block mapping" in context or "while parsing a block collection" in context
    )


def _after_quote(text: str, index: int) -> bool:
    """Whether the nearest non-blank character before `index`, on the same line, is a quote."""
    i = index - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] in _QUOTES
