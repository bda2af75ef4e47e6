"""Characters that must never reach a terminal from deck or typed text, and how to show them.

Control characters (C0 except tab and newline, DEL, C1), bidirectional overrides and isolates,
and zero-width characters can change a terminal's title, clear its screen, put text on the
clipboard or make a card read differently from what it holds. Decks refuse them (see
`decks.controls`), also in a deck's file name; anything that echoes a file name, a path or an
error message shows them as visible escapes with `visible`.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Arabic letter mark, LRM/RLM, embeddings, overrides and isolates."""

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u180e")
"""Zero-width space, (non-)joiners, word joiner, byte order mark, Mongolian vowel separator."""

_REFUSED_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
"""Control, format (invisible: bidi, zero-width, tag characters), surrogate, private-use,
unassigned, and the Unicode line and paragraph separators."""
_SOFT_HYPHEN = "\xad"
"""A format character, but a harmless one: at most a hyphen where a word breaks."""


def is_refused(char: str, allow: str = "\t\n") -> bool:
    """True for a character no deck value may hold (except those in `allow`)."""
    if char in allow:
        return False
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return True
    if char in BIDI_CONTROLS or char in ZERO_WIDTH:
        return True
    if " " < char < "\xad" or char == _SOFT_HYPHEN:
        return False
    return unicodedata.category(char) in _REFUSED_CATEGORIES


def kind(char: str) -> str:
    """What a refused character is, in Dutch, as it fits in "Hier staat ...": "een stuurteken"."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "een stuurteken"
    if char in BIDI_CONTROLS:
        return "een teken dat de schrijfrichting omdraait"
    if 0xD800 <= code <= 0xDFFF:
        return "een ongeldig teken"
    category = unicodedata.category(char)
    if category in ("Zl", "Zp"):
        return "een onzichtbaar regeleinde"
    if category in ("Co", "Cn"):
        return "een teken zonder betekenis dat niet op elk scherm te zien is"
    return "een onzichtbaar teken"


def first_refused(text: str, allow: str = "\t\n") -> int | None:
    """The index of the first refused character in text, or None."""
    if text.isprintable():  # the usual case, at C speed: nothing below is refused then
        return None
    rest = text
    for char in allow:
        rest = rest.replace(char, "")
    if rest.isprintable():  # a text of several lines: also at C speed
        return None
    for index, char in enumerate(text):
        if (char < " " or char >= "\x7f") and is_refused(char, allow):
            return index
    return None


def describe(char: str) -> str:
    """A Dutch-readable name for a refused character: its code and, when known, its name."""
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    return f"{code} ({name.lower()})" if name else code


def escape(char: str) -> str:
    """A visible escape for one character: \\x1b, \\u202e."""
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str, allow: str = "") -> str:
    """text with every refused character (and surrogates from odd bytes) shown as an escape.

    Use this for anything echoed that did not come from us: paths, file names, parts of a
    deck in an error message. Newlines and tabs are escaped too unless in `allow`.
    """
    if text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        if char in allow:
            out.append(char)
        elif is_refused(char, allow="") or 0xD800 <= ord(char) <= 0xDFFF:
            out.append(escape(char))
        else:
            out.append(char)
    return "".join(out)


_FOLD = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def clean_text(text: str) -> str:
    """Typed text on one line: line breaks, tabs and control characters become spaces, outer
    whitespace goes (a note stays inside its list item, a casus inside its file name)."""
    return (text if text.isprintable() else _FOLD.sub(" ", text)).strip()
