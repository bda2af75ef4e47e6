"""What the screen leaves out when space is short, and how it says so."""

from __future__ import annotations

import pytest

from dialoogspel.model import Quadrant
from dialoogspel.present.fit import (
    PAWN_CELLS,
    TIGHT_CELLS,
    Fit,
    fit_rows,
    is_low,
    keep_keys,
    keep_lines,
    more,
    more_notes,
    note_rows,
    pawn_layout,
    quadrant_title,
    question_rows,
    shorten,
    shorten_rows,
    too_small,
)


def test_short_text_stays_as_it_is() -> None:
    assert shorten("Klas 3B", 20) == "Klas 3B"


def test_a_cut_ends_with_the_ellipsis_at_a_word() -> None:
    line = shorten("Klas 3B van de opleiding Zorg en Welzijn", 25)
    assert line == "Klas 3B van de opleiding…"
    assert len(line) <= 25


def test_ascii_ellipsis_is_three_dots() -> None:
    line = shorten("Klas 3B van de opleiding Zorg en Welzijn", 25, "...")
    assert line.endswith("...") and "…" not in line
    assert len(line) <= 25


def test_one_long_word_is_cut_inside_the_word() -> None:
    assert shorten("Verzuimregistratieoverzicht", 10) == "Verzuimre…"


def test_no_room_gives_no_more_than_the_room() -> None:
    assert shorten("Klas 3B", 0) == ""
    assert shorten("Klas 3B", 2, "...") == ".."


def test_hostile_text_is_cut_as_plain_characters() -> None:
    line = shorten("[@click=app.quit]x[/] en [bold]meer[/bold] tekst", 30)
    assert line.startswith("[@click=app.quit]x[/]")
    assert line.endswith("…")


@pytest.mark.parametrize("room", range(12, 40))
def test_quadrant_titles_keep_whether_it_is_urgent(room: int) -> None:
    for quadrant in Quadrant:
        title = quadrant_title(quadrant, room)
        assert title.startswith(f"{quadrant.value} ")
        urgent = "urgent" in title
        assert urgent, title
        if quadrant in (Quadrant.BELANGRIJK_NIET_URGENT, Quadrant.NIET_BELANGRIJK_NIET_URGENT):
            assert "niet urgent" in title
        if quadrant is Quadrant.NIET_BELANGRIJK_URGENT:
            assert "wel urgent" in title


def test_quadrant_titles_are_full_where_they_fit_and_fit_at_sixty_columns() -> None:
    assert quadrant_title(Quadrant.NIET_BELANGRIJK_URGENT, 40) == "3 Niet belangrijk, wel urgent"
    # at 60 columns a quadrant's border leaves 23 or 24 characters for its title
    for quadrant in Quadrant:
        assert len(quadrant_title(quadrant, 23)) <= 23
    assert quadrant_title(Quadrant.NIET_BELANGRIJK_URGENT, 23) == "3 Niet bel., wel urgent"
    assert quadrant_title(Quadrant.BELANGRIJK_NIET_URGENT, 24) == "2 Belangr., niet urgent"


def test_fit_rows_counts_what_is_left_out() -> None:
    assert fit_rows(3, 5) == Fit(3, 0)
    assert fit_rows(5, 5) == Fit(5, 0)
    assert fit_rows(16, 5) == Fit(4, 12)
    assert fit_rows(16, 1) == Fit(0, 16)
    assert fit_rows(16, 0) == Fit(0, 16)
    assert more(12) == "+12 meer"


def test_notes_count_reads_in_dutch() -> None:
    assert more_notes(1).startswith("+1 notitie ")
    assert more_notes(3).startswith("+3 notities ")


def test_notes_take_fewer_rows_in_a_smaller_window() -> None:
    assert note_rows(24) == 3
    assert note_rows(20) == 1
    assert note_rows(12) == 1
    assert note_rows(40) > note_rows(24)


def test_too_small_below_forty_by_twelve() -> None:
    assert not too_small(40, 12)
    assert too_small(39, 12)
    assert too_small(40, 11)
    assert is_low(12) and not is_low(24)


def test_the_first_line_stays_and_the_rest_goes_by_priority() -> None:
    # line 0 (what to do), line 2 (a refusal) before line 1 (who stands where)
    assert keep_lines([30, 30, 30], [0, 2, 1], 40, 3) == [0, 1, 2]
    assert keep_lines([30, 30, 30], [0, 2, 1], 40, 2) == [0, 2]
    assert keep_lines([100, 30], [0, 1], 40, 2) == [0]  # the first one alone takes 3 rows


def test_stop_and_help_never_drop_from_the_footer() -> None:
    widths = [8, 12, 10, 9, 7, 7]
    always = [False, False, False, False, True, True]
    assert keep_keys(widths, always, 100) == [True] * 6
    assert keep_keys(widths, always, 34) == [True, True, False, False, True, True]
    assert keep_keys(widths, always, 33) == [True, False, False, False, True, True]
    assert keep_keys(widths, always, 10) == [False, False, False, False, True, True]


def test_six_named_pawns_become_a_row_of_letters() -> None:
    names = [20] * 6
    assert pawn_layout(names, True, 2, 21, 10, 35).named
    plan = pawn_layout(names, True, 2, 21, 4, 35)
    assert not plan.named and plan.here_line and plan.count_line
    assert plan.cells == PAWN_CELLS


def test_the_card_count_stays_before_the_here_row() -> None:
    plan = pawn_layout([20] * 6, True, 2, 21, 2, 35)
    assert not plan.named and not plan.here_line and plan.count_line


def test_a_tight_box_gets_letters_only() -> None:
    plan = pawn_layout([20] * 6, True, 2, 21, 1, 14)
    assert plan.cells == TIGHT_CELLS
    assert 6 * TIGHT_CELLS - 1 <= 14


def test_an_empty_quadrant_still_says_how_many_cards_lie_there() -> None:
    assert pawn_layout([], False, 2, 21, 1, 14).count_line


def test_shorten_rows_cuts_the_last_row() -> None:
    question = "Welke signalen zagen we in de eerste tien weken bij studenten die later stopten?"
    rows = shorten_rows(question, 36, 2)
    assert len(rows) == 2
    assert rows[-1].endswith("…")
    assert all(len(row) <= 36 for row in rows)
    assert shorten_rows("Kort?", 36, 2) == ["Kort?"]


def test_the_question_keeps_at_least_two_rows() -> None:
    assert question_rows(12) == 2
    assert question_rows(24) == 6
    assert question_rows(60) >= question_rows(24)
