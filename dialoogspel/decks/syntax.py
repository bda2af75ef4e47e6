"""A YAML parser error as one located Dutch problem, whichever parser (libyaml or PyYAML) raised it.

The two parsers word the same mistake differently ("did not find expected key" against
"expected <block end>, but found ..."), and now and then point one character apart. Each
wording maps to one message here, and each message to one agreed place: the opening quote of an
unclosed text, the backslash of a bad escape, the start of a key without its colon.
"""

from __future__ import annotations

import re

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
    elif "mapping values are not allowed" in problem and (
        (key := _key_above(text, index)) is not None
    ):
        return Problem(path, *position(text, key), _NO_COLON)
    elif "<document start>" in problem and (bare := _first_line_without_colon(text)) is not None:
        return Problem(path, *position(text, bare), _NO_COLON)
    elif "mapping values are not allowed" in problem:
        message = (
            "Hier staat een dubbele punt die YAML niet verwacht. Staat er ': ' in je tekst? Zet "
            "de hele tekst dan tussen aanhalingstekens. Of klopt het inspringen niet?"
        )
    elif "quoted scalar" in context and ("escape" in problem or "hex" in problem):
        mark = _back_to_backslash(text, mark) if mark is not None else None
        message = (
            "Binnen dubbele aanhalingstekens heeft een backslash (\\) een speciale betekenis. "
            "Schrijf \\\\ of zet de tekst tussen enkele aanhalingstekens."
        )
    elif "quoted scalar" in context:
        at_context = True
        start = context_mark.index if context_mark is not None else 0
        message = _unclosed(text[start] if 0 <= start < len(text) else '"')
    elif "could not find expected ':'" in problem:
        at_context = True
        message = _NO_COLON
    elif "while parsing a flow" in context:
        at_context = True
        bracket = "{" if "mapping" in context else "["
        message = (
            f"Wat hier met '{bracket}' begint, wordt niet goed gesloten. Controleer de haakjes "
            "en komma's, of zet tekst met een komma of haakje tussen aanhalingstekens."
        )
    elif _in_block(context) and _unclosed_before(text, index) is not None:
        start = _unclosed_before(text, index)
        assert start is not None
        line, column = position(text, start)
        return Problem(path, line, column, _unclosed(text[start]))
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


_NO_COLON = (
    "Na deze tekst verwacht YAML een dubbele punt (':'). Mist er een ':' na de sleutel? "
    "Of loopt een tekst door over meer regels? Zet die dan tussen aanhalingstekens."
)


def _unclosed(quote: str) -> str:
    """The message for a quoted text that is never closed, naming its kind of quote."""
    which = "een enkel aanhalingsteken (')" if quote == "'" else 'een dubbel aanhalingsteken (")'
    return (
        "Hier begint tekst tussen aanhalingstekens die niet wordt afgesloten. Zet aan het eind "
        f"van de tekst ook {which}."
    )


def _line_bounds(text: str, index: int) -> tuple[int, int]:
    """Where the line holding `index` starts and ends (before its line break)."""
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    ends = [i for i in (text.find("\n", index), text.find("\r", index)) if i >= 0]
    return start, min(ends) if ends else len(text)


def _key_above(text: str, index: int) -> int | None:
    """Where a key without its colon starts, when the colon at `index` made YAML notice it late.

    `thema Test` followed by `kleur: ...`: YAML reads "thema Test kleur" as one text and only
    stops at the colon of the next line. When the line above holds no colon and starts exactly
    where this line's key does, the missing colon is up there.
    """
    start, _end = _line_bounds(text, index)
    indent = len(text[start:index]) - len(text[start:index].lstrip(" "))
    while start > 0:
        end = start - 2 if text.startswith("\r\n", start - 2) else start - 1
        start, _end = _line_bounds(text, end)
        line = text[start:end]
        content = line.lstrip(" ")
        if not content or content.startswith("#"):
            continue  # blank lines and comments do not end a text
        item = content
        while item.startswith("- "):
            item = item[2:].lstrip(" ")
        key_at = len(line) - len(item)
        return start + key_at if ":" not in item and key_at == indent else None
    return None


def _first_line_without_colon(text: str) -> int | None:
    """Where the file's first line of content starts, when it is a bare text like `thema Test`.

    Followed by a comment and then `kleur: ...`, YAML reads that line as the whole document and
    complains about the next one; the colon is missing up here.
    """
    for match in re.finditer(r"[^\r\n]+", text):
        content = match.group().lstrip(" ")
        if content and not content.startswith(("#", "---", "%")):
            return match.start() + len(match.group()) - len(content) if ":" not in content else None
    return None


def _unclosed_before(text: str, index: int) -> int | None:
    """The start of a quoted text left open, when YAML only noticed it at the next one.

    `vraag: 'x` on one line and `vraag: 'y'` on the next: YAML closes the first text at the
    second opening quote and then finds `y'`. When the quote before `index` stands where a
    value begins (after `key: ` or `- `), it opened a text, and the open one began before it.
    """
    quote_at = index - 1
    while quote_at >= 0 and text[quote_at] in " \t":
        quote_at -= 1
    if quote_at < 0 or text[quote_at] not in _QUOTES:
        return None
    line_start, _end = _line_bounds(text, quote_at)
    before = text[line_start:quote_at].rstrip(" ")
    if before.strip(" -") and not before.endswith((":", "- ", "-", "[", ",")):
        return None
    quote = text[quote_at]
    i = quote_at - 1
    while i >= 0:
        if text[i] == quote:
            escaped = text[i - 1] == quote if quote == "'" else text[i - 1] == "\\"
            if not escaped or i == 0:
                return i
            i -= 2
        else:
            i -= 1
    return None


def _back_to_backslash(text: str, mark: yaml.Mark) -> yaml.Mark:
    """The mark moved onto the backslash of a bad escape (libyaml points there, PyYAML after it)."""
    index = mark.index
    steps = next(
        (n for n in range(10) if 0 <= index - n < len(text) and text[index - n] == "\\"), 0
    )
    if steps > mark.column:
        return mark
    return yaml.Mark(mark.name, index - steps, mark.line, mark.column - steps, None, 0)


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
