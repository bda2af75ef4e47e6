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


class Pass(IntEnum):
    """A pawn on no quadrant: "weet ik niet / pas" (key 0, stored and written as 0)."""

    PAS = 0

    @property
    def label(self) -> str:
        """The Dutch words for a pass."""
        return "Weet ik niet"


PASS = Pass.PAS
"""The one pass value."""

Vote = Quadrant | Pass
"""Where a pawn stands: a quadrant, or passed."""


def vote_from_number(number: int) -> Vote:
    """0 is a pass, 1–4 a quadrant; anything else raises ValueError."""
    if isinstance(number, bool) or not isinstance(number, int):
        raise ValueError(f"geen vak: {number!r}")
    return PASS if number == 0 else Quadrant(number)


def is_quadrant(vote: Vote | None) -> bool:
    """Whether a pawn stands on the board (not passed, not absent)."""
    return isinstance(vote, Quadrant)


GRID: dict[Quadrant, tuple[int, int]] = {
    Quadrant.BELANGRIJK_URGENT: (0, 0),
    Quadrant.BELANGRIJK_NIET_URGENT: (1, 0),
    Quadrant.NIET_BELANGRIJK_URGENT: (0, 1),
    Quadrant.NIET_BELANGRIJK_NIET_URGENT: (1, 1),
}
"""Column and row of each quadrant on the 2×2 board."""


def distance(first: Quadrant, second: Quadrant) -> int:
    """Steps between two quadrants: 0 the same, 1 neighbours, 2 opposite (1↔4, 2↔3)."""
    (x1, y1), (x2, y2) = GRID[first], GRID[second]
    return abs(x1 - x2) + abs(y1 - y2)
