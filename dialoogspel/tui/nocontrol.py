"""The last guard before the terminal: no control character from data is ever drawn raw.

Decks refuse control, bidi and zero-width characters, and commands echo them as visible escapes
(`dialoogspel.textsafe`). A paste into a text field or a hand-edited session file can still hold
them; drawn raw, ESC would let text change the terminal's title, clipboard or screen. This line
filter drops them from everything the screen draws. They take no room on screen, so dropping
them keeps every line exactly as wide as Textual measured it.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from dialoogspel.textsafe import is_refused


def without_control(text: str) -> str:
    """text without refused characters; one that takes room becomes that many `?`."""
    return "".join(("?" * cell_len(char)) if is_refused(char, allow="") else char for char in text)


class NoControlFilter(LineFilter):
    """Drops terminal control characters from drawn text; Textual's own control codes stay."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The same segments, cleaned where a text holds a refused character."""
        if all(segment.control or segment.text.isprintable() for segment in segments):
            return segments
        return [
            segment
            if segment.control or segment.text.isprintable()
            else Segment(without_control(segment.text), segment.style, segment.control)
            for segment in segments
        ]
