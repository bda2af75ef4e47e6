"""What to show when space is short: cut with an ellipsis, count what is left out, drop by priority.

Pure decisions for the screen face; widths are counted in characters (the game's texts and the
Dutch letters are one cell wide each).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import NamedTuple

from dialoogspel.model import Quadrant

TOO_SMALL = "Maak het venster groter."
"""Shown instead of the game when the window is below `MIN_WIDTH` × `MIN_HEIGHT`."""
TOO_SMALL_DETAIL = "Het spel past er nu niet in. Stoppen kan met ctrl+q."
"""ctrl+q works on every screen, also where q is a letter to type."""
MIN_WIDTH = 40
MIN_HEIGHT = 12

QUADRANT_TITLES: dict[Quadrant, tuple[str, ...]] = {
    Quadrant.BELANGRIJK_URGENT: (
        "Belangrijk & urgent",
        "Belangr. & urgent",
        "Bel. & urgent",
        "urgent",
    ),
    Quadrant.BELANGRIJK_NIET_URGENT: (
        "Belangrijk, maar niet urgent",
        "Belangrijk, niet urgent",
        "Belangr., niet urgent",
        "Bel., niet urgent",
        "niet urgent",
    ),
    Quadrant.NIET_BELANGRIJK_URGENT: (
        "Niet belangrijk, wel urgent",
        "Niet belangr., wel urgent",
        "Niet bel., wel urgent",
        "wel urgent",
    ),
    Quadrant.NIET_BELANGRIJK_NIET_URGENT: (
        "Niet belangrijk, niet urgent",
        "Niet belangr., niet urgent",
        "Niet bel., niet urgent",
        "niet urgent",
    ),
}
"""Each quadrant's name, from long to short; every form keeps whether it is urgent."""


def too_small(width: int, height: int) -> bool:
    """Below this the layout breaks: the screen asks for a bigger window instead."""
    return width < MIN_WIDTH or height < MIN_HEIGHT


def shorten(text: str, width: int, ellipsis: str = "…") -> str:
    """One line of at most `width` characters; a cut ends with `ellipsis`, at a word if it can."""
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    room = width - len(ellipsis)
    if room <= 0:
        return ellipsis[: max(width, 0)]
    cut = line[:room]
    space = room if line[room] == " " else cut.rfind(" ")
    if space >= room // 2:  # a word boundary that does not throw away half the room
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + ellipsis


def quadrant_title(quadrant: Quadrant, room: int) -> str:
    """ "3 Niet belangrijk, wel urgent", or the longest shorter form that fits in `room`."""
    forms = [f"{quadrant.value} {words}" for words in QUADRANT_TITLES[quadrant]]
    return next((form for form in forms if len(form) <= room), forms[-1])


def more(count: int) -> str:
    """The line that says how many items did not fit: "+3 meer"."""
    return f"+{count} meer"


def more_notes(count: int) -> str:
    """The line under the notes that did fit: "+3 notities (n: bekijk ze)"."""
    word = "notitie" if count == 1 else "notities"
    return f"+{count} {word} (n: bekijk ze)"


class Fit(NamedTuple):
    """How many items of a list to show, and how many are left out (said with `more`)."""

    shown: int
    """The first `shown` items are drawn, one per row."""
    hidden: int
    """Items left out; when > 0, one row says "+N meer"."""


def fit_rows(count: int, rows: int) -> Fit:
    """`count` one-row items in `rows` rows: all of them, or all but room for "+N meer"."""
    if count <= rows:
        return Fit(count, 0)
    if rows <= 0:
        return Fit(0, count)
    return Fit(rows - 1, count - rows + 1)


def note_rows(screen_height: int) -> int:
    """How many rows the notes may take on the card, so the board below keeps its pawns."""
    return max(1, (screen_height - 18) // 2)


def question_rows(screen_height: int) -> int:
    """How many rows the question may take on the card (half the window, less the rest)."""
    return max(2, screen_height // 2 - 3 - note_rows(screen_height))


def status_rows(screen_height: int) -> int:
    """How many rows the status line may take."""
    return 4 if screen_height >= 24 else 3 if screen_height >= 16 else 2


def rows_for(length: int, width: int) -> int:
    """Rows a text of `length` characters takes when wrapped at `width`."""
    return max(1, -(-length // max(width, 1)))


def keep_lines(lengths: Sequence[int], order: Sequence[int], width: int, rows: int) -> list[int]:
    """Which lines to keep (in their own order): by priority `order`, while they fit in `rows`.

    The first line in `order` is always kept, even when it alone does not fit.
    """
    kept: list[int] = []
    used = 0
    for index in order:
        need = rows_for(lengths[index], width)
        if kept and used + need > rows:
            continue
        kept.append(index)
        used += need
    return sorted(kept)


def keep_keys(widths: Sequence[int], always: Sequence[bool], room: int) -> list[bool]:
    """Footer keys that fit in `room`: those marked `always`, then the others in order until
    one does not fit (the Footer lists the most used keys first)."""
    used = sum(width for width, must in zip(widths, always, strict=True) if must)
    shown = list(always)
    for index, width in enumerate(widths):
        if always[index]:
            continue
        if used + width > room:
            break
        shown[index] = True
        used += width
    return shown


class PawnLayout(NamedTuple):
    """How one quadrant of the play board shows its pawns in the rows it has."""

    named: bool
    """One pawn per row with name and role; else all pawns in one compact row of letters."""
    here_line: bool
    """The "Hier ligt de kaart" row (the heavy border says it too, so it goes first)."""
    count_line: bool
    """The "2 kaarten liggen hier" row."""
    cells: int = 4
    """Cells per compact pawn: " A " and a space, or in a tight box the letter and a space."""


PAWN_CELLS = 4
"""A compact pawn: " A " and a space."""
TIGHT_CELLS = 2
"""A pawn in a tight box: the letter on its colour, and a space."""


def pawn_layout(
    name_lengths: Sequence[int], here: bool, cards: int, count_length: int, rows: int, width: int
) -> PawnLayout:
    """Names where they fit; else one row of letters; the card count stays before the here row."""
    pawns = len(name_lengths)
    named_rows = sum(rows_for(length, width) for length in name_lengths)
    row_rows = rows_for(pawns * PAWN_CELLS - 1, width) if pawns else 0
    count_rows = rows_for(count_length, width) if cards else 0
    here_rows = 1 if here else 0
    if named_rows + count_rows + here_rows <= rows:
        return PawnLayout(True, here, bool(cards))
    if row_rows + count_rows + here_rows <= rows:
        return PawnLayout(False, here, bool(cards))
    if row_rows + count_rows <= rows:
        return PawnLayout(False, False, bool(cards))
    if pawns and row_rows <= rows:
        return PawnLayout(False, False, False)
    return PawnLayout(False, False, not pawns and bool(cards), TIGHT_CELLS)


LOW_HEIGHT = 16
"""Below this many rows the play screen packs tighter: a shorter card, quadrants of one row."""


def is_low(screen_height: int) -> bool:
    """A window so low that the card and the board share it in their tight form."""
    return screen_height < LOW_HEIGHT


def shorten_rows(text: str, width: int, rows: int, ellipsis: str = "…") -> list[str]:
    """Text wrapped at `width` in at most `rows` rows; a cut ends the last row with `ellipsis`."""
    lines = textwrap.wrap(text, max(width, 1)) or [""]
    if len(lines) <= rows:
        return lines
    kept = lines[: max(rows, 1)]
    rest = " ".join([kept[-1], *lines[len(kept) :]])
    kept[-1] = shorten(rest, width, ellipsis)
    return kept
