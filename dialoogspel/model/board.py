"""The four-quadrant board (important/urgent), numbered in reading order."""

from __future__ import annotations

from enum import IntEnum


class Quadrant(IntEnum):
    """A quadrant of the board; the value is the key a team presses."""

    BELANGRIJK_URGENT = 1
    BELANGRIJK_NIET_URGENT = 2
    NIET_BELANGRIJK_URGENT = 3
    NIET_BELANGRIJK_NIET_URGENT = 4

    @property
    def label(self) -> str:
        """The Dutch name shown to the team and written in the outcome."""
        return QUADRANT_LABELS[self]


QUADRANT_LABELS: dict[Quadrant, str] = {
    Quadrant.BELANGRIJK_URGENT: "Belangrijk & urgent",
    Quadrant.BELANGRIJK_NIET_URGENT: "Belangrijk, maar niet urgent",
    Quadrant.NIET_BELANGRIJK_URGENT: "Niet belangrijk, wel urgent",
    Quadrant.NIET_BELANGRIJK_NIET_URGENT: "Niet belangrijk, niet urgent",
}
