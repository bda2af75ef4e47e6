"""Plain Dutch sentences for both faces: no rich, no textual, no colour.

The screen face adds colour and pawns to these parts; the plain-line face prints them as they
are; the outcome file reuses the same words. A rule decides *what* is the case (`model`); this
package only says it.
"""

from __future__ import annotations

from dialoogspel.present.pacing import pacing_line, parking_question
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
    person_name,
    plain,
    prompt_sentences,
    top_line,
)

__all__ = [
    "LINE_KEYS",
    "PASS_MARK",
    "SCREEN_KEYS",
    "KeyWords",
    "Part",
    "Sentence",
    "agreement_line",
    "card_heading",
    "first_speakers_sentence",
    "handover_sentences",
    "pacing_line",
    "parking_question",
    "person_name",
    "plain",
    "prompt_sentences",
    "top_line",
]
