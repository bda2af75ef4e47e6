"""Where each card goes on paper: a deck's cards -> A4 pages of positioned cards, in mm.

Two ways to print (SPEC section 10):

- fold-over (the default): front and back side by side, with a fold line between them. After
  cutting out the pair and folding it, the back sits behind its front whatever the printer does.
- duplex (`--dubbelzijdig`): fronts on one page, backs on the next. The printer turns the sheet
  over its long edge, so a back must stand at the mirrored place: back x = page width - front x -
  card width, at the same y. A half-filled last row is mirrored too, so every back still lands
  behind its front.

Pure arithmetic: no HTML, no files. `html.py` draws what this module places.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

Side = Literal["front", "back"]
PageKind = Literal["fold", "fronts", "backs"]


@dataclass(frozen=True)
class Geometry:
    """Paper and card sizes in millimetres (A4 portrait and landscape poker cards by default)."""

    page_width: float = 210.0
    """Width of the sheet."""
    page_height: float = 297.0
    """Height of the sheet."""
    card_width: float = 88.0
    """Width of one card (one side)."""
    card_height: float = 63.0
    """Height of one card."""
    gap: float = 6.0
    """Space between two cards (or pairs): room for the cut marks and a clean cut."""
    margin: float = 8.0
    """Smallest distance to the paper's edge, within what every printer can print."""


A4 = Geometry()
"""The sizes used by `dialoogspel print`."""


class Box(NamedTuple):
    """A rectangle on the page, in mm from the top-left corner."""

    x: float
    """Distance from the left edge."""
    y: float
    """Distance from the top edge."""
    width: float
    """Width."""
    height: float
    """Height."""


class Slot(NamedTuple):
    """One side of one card placed on a page."""

    card: int
    """The card's position in the deck's list of printed cards."""
    side: Side
    """Which side of the card is drawn here."""
    box: Box
    """Where it is drawn."""


class CardPage(NamedTuple):
    """One sheet of cards."""

    kind: PageKind
    """fold: pairs side by side; fronts or backs: one side of a duplex sheet."""
    slots: tuple[Slot, ...]
    """Every card side on this page, in reading order of the fronts."""
    cuts: tuple[Box, ...]
    """Rectangles to cut out (they get cut marks at their corners); none on a backs page."""
    folds: tuple[Box, ...]
    """Fold lines as zero-width boxes (x, top, 0, length)."""


def grid(units: int, unit: float, gap: float, room: float, margin: float) -> tuple[float, ...]:
    """Start positions of as many units as fit (at most `units`), centred in `room`."""
    fit = int((room - 2 * margin + gap) // (unit + gap))
    count = max(1, min(units, fit))
    used = count * unit + (count - 1) * gap
    start = (room - used) / 2
    return tuple(start + i * (unit + gap) for i in range(count))


def columns_and_rows(geometry: Geometry, duplex: bool) -> tuple[tuple[float, ...], ...]:
    """The x positions of the columns and the y positions of the rows of one sheet."""
    unit = geometry.card_width if duplex else 2 * geometry.card_width
    xs = grid(99, unit, geometry.gap, geometry.page_width, geometry.margin)
    ys = grid(99, geometry.card_height, geometry.gap, geometry.page_height, geometry.margin)
    return xs, ys


def mirrored_x(geometry: Geometry, x: float) -> float:
    """Where a back stands on a long-edge duplex sheet, for a front at x."""
    return geometry.page_width - x - geometry.card_width


def layout_cards(count: int, *, duplex: bool = False, geometry: Geometry = A4) -> list[CardPage]:
    """Pages for `count` cards of one deck: fold-over pairs, or duplex front and back sheets."""
    xs, ys = columns_and_rows(geometry, duplex)
    per_page = len(xs) * len(ys)
    pages: list[CardPage] = []
    for first in range(0, count, per_page):
        indexes = range(first, min(count, first + per_page))
        places = [(xs[n % len(xs)], ys[n // len(xs)]) for n in range(len(indexes))]
        if duplex:
            pages.extend(_duplex_sheet(geometry, indexes, places))
        else:
            pages.append(_fold_sheet(geometry, indexes, places))
    return pages


def _fold_sheet(geometry: Geometry, indexes: range, places: list[tuple[float, float]]) -> CardPage:
    """One page of fold-over pairs: front on the left, back on the right, fold in between."""
    width, height = geometry.card_width, geometry.card_height
    slots: list[Slot] = []
    cuts: list[Box] = []
    folds: list[Box] = []
    for index, (x, y) in zip(indexes, places, strict=True):
        slots.append(Slot(index, "front", Box(x, y, width, height)))
        slots.append(Slot(index, "back", Box(x + width, y, width, height)))
        cuts.append(Box(x, y, 2 * width, height))
        folds.append(Box(x + width, y, 0.0, height))
    return CardPage("fold", tuple(slots), tuple(cuts), tuple(folds))


def _duplex_sheet(
    geometry: Geometry, indexes: range, places: list[tuple[float, float]]
) -> tuple[CardPage, CardPage]:
    """A fronts page and its backs page, each back mirrored behind its front."""
    width, height = geometry.card_width, geometry.card_height
    fronts = tuple(
        Slot(index, "front", Box(x, y, width, height))
        for index, (x, y) in zip(indexes, places, strict=True)
    )
    backs = tuple(
        Slot(slot.card, "back", slot.box._replace(x=mirrored_x(geometry, slot.box.x)))
        for slot in fronts
    )
    return (
        CardPage("fronts", fronts, tuple(slot.box for slot in fronts), ()),
        CardPage("backs", backs, (), ()),
    )
