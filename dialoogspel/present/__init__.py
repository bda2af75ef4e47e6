"""Plain Dutch sentences for both faces: no rich, no textual, no colour.

The screen face adds colour and pawns to these parts; the plain-line face prints them as they
are; the outcome file reuses the same words. A rule decides *what* is the case (`model`); this
package only says it.
"""

from __future__ import annotations

from dialoogspel.present.board import (
    KIND_EXPLANATIONS,
    REMINDER,
    BoardGroup,
    CardLine,
    agreement_made,
    board_groups,
    data_source_hint,
    data_source_lines,
    pawn_line,
    pawn_placed,
    save_problem,
)
from dialoogspel.present.pacing import (
    PARKING_DECLINED,
    ParkingOffer,
    pacing_line,
    parked_rest,
    parking_question,
)
from dialoogspel.present.words import (
    LINE_KEYS,
    PASS_MARK,
    SCREEN_KEYS,
    KeyWords,
    Part,
    Sentence,
    agreement_line,
    card_heading,
    first_speakers_sentence,
    handover_sentences,
    letter_note,
    person_name,
    plain,
    prompt_sentences,
    top_line,
)

__all__ = [
    "KIND_EXPLANATIONS",
    "LINE_KEYS",
    "PARKING_DECLINED",
    "PASS_MARK",
    "REMINDER",
    "SCREEN_KEYS",
    "BoardGroup",
    "CardLine",
    "KeyWords",
    "ParkingOffer",
    "Part",
    "Sentence",
    "agreement_line",
    "agreement_made",
    "board_groups",
    "card_heading",
    "data_source_hint",
    "data_source_lines",
    "first_speakers_sentence",
    "handover_sentences",
    "letter_note",
    "pacing_line",
    "parked_rest",
    "parking_question",
    "pawn_line",
    "pawn_placed",
    "person_name",
    "plain",
    "prompt_sentences",
    "save_problem",
    "top_line",
]
