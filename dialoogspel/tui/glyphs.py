"""Characters that old consoles cannot draw get a plain fallback (--ascii / DIALOOGSPEL_ASCII)."""

from __future__ import annotations

import os
from typing import NamedTuple


class Glyphs(NamedTuple):
    """The few non-ASCII characters the game draws, and the border style to use."""

    border: str
    """Textual border type for cards and quadrants."""
    settled: str
    """Marks the quadrant where the current card lies."""
    bullet: str
    """List bullet."""
    dash: str
    """Separator in running text."""
    ellipsis: str
    """Ends text that was cut short, or work still going on."""

    @property
    def plain(self) -> bool:
        """ASCII mode: asked where a character has no field here (arrows differ per place)."""
        return self.border == "ascii"

    def text(self, words: str) -> str:
        """Running text as this terminal can draw it: arrows and dashes become ASCII if needed."""
        return words.translate(_ASCII_TEXT) if self.plain else words


_ASCII_TEXT = str.maketrans(
    {"→": "->", "←": "<-", "–": "-", "—": "-", "⌫": "bksp", "…": "...", "•": "-", "◆": "*"}
)
"""What ASCII mode writes instead of the few symbols in the game's own texts."""


UNICODE = Glyphs(border="round", settled="◆", bullet="•", dash="·", ellipsis="…")
ASCII = Glyphs(border="ascii", settled="*", bullet="-", dash="-", ellipsis="...")

ASCII_ENV = "DIALOOGSPEL_ASCII"
"""Environment variable that switches the ASCII fallback on (any value but "", "0", "nee")."""


def choose_glyphs(ascii_switch: bool) -> Glyphs:
    """ASCII when asked for by the switch or the environment variable."""
    env = os.environ.get(ASCII_ENV, "").strip().casefold()
    return ASCII if ascii_switch or env not in ("", "0", "nee", "no", "false") else UNICODE
