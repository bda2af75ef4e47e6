"""The printed card layout: every card once per side, inside the page, backs behind fronts."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialoogspel.printing.layout import A4, Box, CardPage, Geometry, layout_cards

TOLERANCE = 1e-9

geometries = st.builds(
    Geometry,
    page_width=st.sampled_from([210.0, 297.0, 216.0]),
    page_height=st.sampled_from([297.0, 210.0, 279.0]),
    card_width=st.floats(40, 100),
    card_height=st.floats(30, 95),
    gap=st.floats(0, 10),
    margin=st.floats(0, 15),
)
counts = st.integers(min_value=0, max_value=60)


def overlaps(first: Box, second: Box) -> bool:
    return (
        first.x < second.x + second.width - TOLERANCE
        and second.x < first.x + first.width - TOLERANCE
        and first.y < second.y + second.height - TOLERANCE
        and second.y < first.y + first.height - TOLERANCE
    )


def on_page(box: Box, geometry: Geometry) -> bool:
    return (
        box.x >= -TOLERANCE
        and box.y >= -TOLERANCE
        and box.x + box.width <= geometry.page_width + TOLERANCE
        and box.y + box.height <= geometry.page_height + TOLERANCE
    )


def fits_two_pairs(geometry: Geometry) -> bool:
    """Whether one fold-over pair and one card row fit inside the margins."""
    return (
        2 * geometry.card_width + 2 * geometry.margin <= geometry.page_width
        and geometry.card_height + 2 * geometry.margin <= geometry.page_height
    )


@given(geometries, counts)
def test_duplex_every_back_lands_behind_its_front(geometry: Geometry, count: int) -> None:
    pages = layout_cards(count, duplex=True, geometry=geometry)
    assert [page.kind for page in pages] == ["fronts", "backs"] * (len(pages) // 2)
    for fronts, backs in zip(pages[0::2], pages[1::2], strict=True):
        assert [slot.card for slot in fronts.slots] == [slot.card for slot in backs.slots]
        for front, back in zip(fronts.slots, backs.slots, strict=True):
            expected = geometry.page_width - front.box.x - geometry.card_width
            assert math.isclose(back.box.x, expected, abs_tol=TOLERANCE)
            assert back.box.y == front.box.y
            assert back.box.width == front.box.width == geometry.card_width
            assert (front.side, back.side) == ("front", "back")


@given(geometries, counts)
def test_every_card_is_printed_once_on_each_side(geometry: Geometry, count: int) -> None:
    for duplex in (False, True):
        slots = [
            slot
            for page in layout_cards(count, duplex=duplex, geometry=geometry)
            for slot in page.slots
        ]
        for side in ("front", "back"):
            assert sorted(s.card for s in slots if s.side == side) == list(range(count))


@given(geometries, counts, st.booleans())
def test_cards_stay_on_the_page_and_never_overlap(
    geometry: Geometry, count: int, duplex: bool
) -> None:
    for page in layout_cards(count, duplex=duplex, geometry=geometry):
        boxes = [slot.box for slot in page.slots]
        if fits_two_pairs(geometry):
            assert all(on_page(box, geometry) for box in boxes)
        for i, first in enumerate(boxes):
            assert not any(overlaps(first, second) for second in boxes[i + 1 :])


@given(geometries, counts)
def test_fold_over_puts_the_back_right_of_its_front_on_the_fold(
    geometry: Geometry, count: int
) -> None:
    for page in layout_cards(count, geometry=geometry):
        assert page.kind == "fold"
        fronts = [s for s in page.slots if s.side == "front"]
        backs = {s.card: s for s in page.slots if s.side == "back"}
        assert len(page.folds) == len(page.cuts) == len(fronts)
        for front, fold, cut in zip(fronts, page.folds, page.cuts, strict=True):
            back = backs[front.card]
            assert back.box.x == front.box.x + geometry.card_width
            assert back.box.y == front.box.y
            assert fold.x == back.box.x and fold.height == geometry.card_height
            assert cut == Box(front.box.x, front.box.y, 2 * geometry.card_width, front.box.height)


@pytest.mark.parametrize("count", [1, 3, 7, 9])
def test_a_partial_last_row_is_mirrored_too(count: int) -> None:
    pages = layout_cards(count, duplex=True)
    fronts, backs = pages[-2], pages[-1]
    last_front, last_back = fronts.slots[-1], backs.slots[-1]
    if count % 2:  # alone in its row, on the left: its back stands on the right
        assert last_front.box.x < A4.page_width / 2 < last_back.box.x
    assert last_back.box.x == A4.page_width - last_front.box.x - A4.card_width


def test_a4_takes_four_pairs_or_eight_duplex_cards_per_sheet() -> None:
    assert [len(p.slots) for p in layout_cards(18)] == [8, 8, 8, 8, 4]
    duplex = layout_cards(18, duplex=True)
    assert [len(p.slots) for p in duplex] == [8, 8, 8, 8, 2, 2]
    assert layout_cards(0) == []


def test_the_grid_is_centred_with_room_for_cut_marks() -> None:
    page: CardPage = layout_cards(8, duplex=True)[0]
    xs = sorted({slot.box.x for slot in page.slots})
    ys = sorted({slot.box.y for slot in page.slots})
    assert len(xs) == 2 and len(ys) == 4
    assert math.isclose(xs[0], A4.page_width - xs[1] - A4.card_width)
    assert math.isclose(ys[0], A4.page_height - ys[-1] - A4.card_height)
    assert xs[0] >= A4.margin and ys[0] >= A4.margin
    assert xs[1] - xs[0] - A4.card_width == A4.gap
