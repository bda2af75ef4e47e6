"""Will the text fit on the card? An estimate of wrapped text height, and a font size that fits.

A browser wraps the text itself; this module only estimates, a little on the safe side, so that
no card is printed with text running off its edge without anybody being told. Widths follow
Arial and its metric twins (Liberation Sans, Helvetica), the fonts the page asks for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

PT_MM = 25.4 / 72
"""One typographic point in millimetres."""
CHAR_WIDTH = 0.50
"""Average width of a character of Dutch text in Arial, in em, with room to spare (Chromium
measured 0.47 for the built-in decks; 0.51 for nine lines in ten)."""
BOLD_WIDTH = 0.56
"""The same for bold text."""
LINE_HEIGHT = 1.2
"""Line height in em; the CSS uses the same value."""
STEP = 0.5
"""Font sizes are tried in steps of half a point."""


class Block(NamedTuple):
    """A paragraph of text as the card shows it."""

    text: str
    """The words."""
    scale: float = 1.0
    """Font size relative to the card's base size."""
    bold: bool = False
    """Bold text is wider."""
    space_after: float = 0.0
    """Empty space after the paragraph, in em of the base size."""


def line_count(text: str, chars_per_line: int) -> int:
    """Lines a paragraph takes when wrapped at word boundaries (a long word breaks anywhere)."""
    chars_per_line = max(1, chars_per_line)
    lines, used = 1, 0
    for word in text.split():
        size = len(word)
        if used and used + 1 + size <= chars_per_line:
            used += 1 + size
            continue
        if used:
            lines += 1
        lines += (size - 1) // chars_per_line
        used = (size - 1) % chars_per_line + 1
    return lines


def text_height(blocks: Sequence[Block], width: float, size: float) -> float:
    """Estimated height in mm of the blocks in a column `width` mm wide at `size` pt."""
    total = 0.0
    for block in blocks:
        points = size * block.scale
        char = (BOLD_WIDTH if block.bold else CHAR_WIDTH) * points * PT_MM
        lines = line_count(block.text, math.floor(width / char))
        total += lines * LINE_HEIGHT * points * PT_MM + block.space_after * size * PT_MM
    return total


def fitting_size(
    blocks: Sequence[Block], width: float, height: float, largest: float, smallest: float
) -> float | None:
    """The largest size (pt, in half points) at which the blocks fit; None below smallest."""
    size = largest
    while size >= smallest - 1e-9:
        if text_height(blocks, width, size) <= height:
            return size
        size -= STEP
    return None
