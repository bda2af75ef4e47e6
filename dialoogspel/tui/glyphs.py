"""Characters that old consoles cannot draw get a plain fallback (--ascii / DIALOOGSPEL_ASCII)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
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
    {
        "→": "->",
        "←": "<-",
        "–": "-",
        "—": "-",
        "·": "-",
        "⌫": "bksp",
        "…": "...",
        "•": "-",
        "◆": "*",
    }
)
"""What ASCII mode writes instead of the few symbols in the game's own texts."""


UNICODE = Glyphs(border="round", settled="◆", bullet="•", dash="·", ellipsis="…")
ASCII = Glyphs(border="ascii", settled="*", bullet="-", dash="-", ellipsis="...")


def glyphs_of(app: object) -> Glyphs:
    """The characters the running app draws with (a dialog that was not handed them)."""
    glyphs = getattr(app, "glyphs", UNICODE)
    return glyphs if isinstance(glyphs, Glyphs) else UNICODE


ASCII_ENV = "DIALOOGSPEL_ASCII"
"""Environment variable: 1 (or ja) draws with plain ASCII, 0 (or nee) never; empty: decide."""
OFF = frozenset({"0", "nee", "no", "false", "uit", "off"})
"""Values of DIALOOGSPEL_ASCII that switch ASCII off, also on the old Windows console."""


def ascii_wanted(switch: bool, platform: str, env: Mapping[str, str]) -> bool:
    """ASCII for --ascii or DIALOOGSPEL_ASCII=1; by default on the old Windows console.

    The old console (conhost) cannot draw box and block characters; Windows Terminal can, and
    sets WT_SESSION. DIALOOGSPEL_ASCII=0 turns the default off (a console with a good font).
    """
    if switch:
        return True
    value = env.get(ASCII_ENV, "").strip().casefold()
    if value:
        return value not in OFF
    return platform == "win32" and not env.get("WT_SESSION")


def choose_glyphs(
    ascii_switch: bool, platform: str = sys.platform, env: Mapping[str, str] = os.environ
) -> Glyphs:
    """The characters to draw with: see `ascii_wanted`."""
    return ASCII if ascii_wanted(ascii_switch, platform, env) else UNICODE
