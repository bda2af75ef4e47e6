"""User text made inert for Markdown with as few escapes as possible, so a body reads well raw.

Only what would otherwise change structure is escaped: emphasis, code, links and images, raw
HTML and autolinks, table cells and strike-through anywhere in a line; list markers, quotes and
headings only where the text would start a line; a trailing `#` that a heading would eat.
"""

from __future__ import annotations

import functools
import re

from dialoogspel.textsafe import clean_text

SEPARATOR = " — "
"""Between the parts of a line (an em dash with spaces)."""

_INLINE = re.compile(
    r"[`*\[\]|~]"  # code, emphasis, links and images, table cells, strike-through
    r"|<(?=[A-Za-z/!?])"  # raw HTML, comments and autolinks; "< 5" stays as typed
    r"|\\(?=[!-/:-@\[-`{-~]|\Z)"  # a backslash that would escape what follows it
    r"|_(?![^\W_])|(?<![^\W_])_"  # an underscore not inside a word (snake_case stays)
    r"|&(?=#?[A-Za-z0-9]+;)"  # an ampersand that would start an entity
)
_LINE_START = re.compile(r"^(?:[-+=>#]|\d+(?=[.)]))")
"""At the start of a line these would begin a list, quote, heading or heading underline."""


def _escape_one(match: re.Match[str]) -> str:
    return "\\" + match.group()


@functools.lru_cache(maxsize=4096)  # names, roles and sources repeat on every card
def escape(text: str) -> str:
    """User text on one line, inert for Markdown and still readable raw."""
    text = _INLINE.sub(_escape_one, clean_text(text))
    if text.endswith("#"):  # a heading would drop a closing run of #
        run = len(text) - len(text.rstrip("#"))
        text = text[:-run] + "\\" + text[-run:]
    start = _LINE_START.match(text)
    if start is None:
        return text
    cut = start.end() if start.group()[0].isdigit() else 0  # "1." → "1\.", "- x" → "\- x"
    return text[:cut] + "\\" + text[cut:]


def strong(text: str) -> str:
    """Bold user text; empty text shows as a dash so the bold markers never touch."""
    return f"**{escape(text) or '—'}**"


def in_parentheses(text: str) -> str:
    """` (text)` after a name, or nothing when the text is empty."""
    shown = escape(text)
    return f" ({shown})" if shown else ""
