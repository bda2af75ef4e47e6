"""The card questions in an outcome body (format 2): `- **U03** — <question> — <how>`, read with
markdown-it-py tokens, so escapes and entities the writer put in come back as typed text.

Only the question is returned, never the "how" part after it (that part names people).
"""

from __future__ import annotations

import re

from dialoogspel.outcome.body import _parser, _segments, _split, outline
from dialoogspel.outcome.check import OutcomeFormatError
from dialoogspel.outcome.markdown import SEPARATOR
from dialoogspel.outcome.read import _split as _front_and_body
from dialoogspel.outcome.record import OutcomeRecord

_CARD_SECTIONS = ("bord", "besproken vragen")
"""The `##` headings whose list items are cards."""
_HOW_END = re.compile(
    r"(?:eens|besproken → [1-4]|samen gelegd(?: → [1-4])?|geparkeerd|nog niet gelegd)\Z"
)
"""How the writer ends the "how" part of a card line (render.py `_Body.how`)."""


def _card_part(body: str) -> str:
    """The body from the first `## Bord` or `## Besproken vragen` heading on ("" when none)."""
    lines = body.split("\n")
    for number, line in enumerate(lines):
        if line.startswith("## ") and line[3:].strip().casefold() in _CARD_SECTIONS:
            return "\n".join(lines[number:])
    return ""


def labels(record: OutcomeRecord) -> dict[str, str]:
    """How the body names each card (its id, or deck:id when two decks share the id) → `deck/id`."""
    ids = [card.kaart.partition("/")[2] for card in record.bord]
    found: dict[str, str] = {}
    for card, card_id in zip(record.bord, ids, strict=True):
        deck = card.kaart.partition("/")[0]
        found[card_id if ids.count(card_id) == 1 else f"{deck}:{card_id}"] = card.kaart
    return found


def read_questions(body: str, record: OutcomeRecord) -> dict[str, str]:
    """`deck/id` → the question as the body shows it, for the cards the body lists with words."""
    known = labels(record)
    names_split = any(SEPARATOR.strip() in person.naam for person in record.deelnemers)
    questions: dict[str, str] = {}
    for part in outline(_parser().parse(_card_part(body))):
        if part.tag == "li":
            found = _question(_segments(part.children), names_split)
            if found is not None and found[0] in known:
                questions.setdefault(known[found[0]], found[1])
    return questions


def questions_in(text: str, record: OutcomeRecord) -> dict[str, str]:
    """`read_questions` on a whole outcome file (front matter and body); {} when it is damaged."""
    try:
        _, body = _front_and_body(text)
    except OutcomeFormatError:
        return {}
    return read_questions(body, record)


def _question(segments: list[tuple[str, bool | None]], names_split: bool) -> tuple[str, str] | None:
    """(label, question) of `**label** — question[ — how]`, or None for another line."""
    while segments and segments[0] == ("", False):
        segments = segments[1:]
    if len(segments) < 3 or segments[0] != ("", None):
        return None
    close = next((n for n in range(1, len(segments)) if segments[n][1] is None), None)
    if close is None:
        return None
    label = "".join(text for text, _ in segments[1:close]).strip()
    chars = "".join(text for text, _ in segments[close + 1 :])
    typed = [flag for text, flag in segments[close + 1 :] for _ in text]
    parts = _split(chars, typed)
    if len(parts) < 2 or parts[0].strip():
        return None
    words = parts[1:]
    if names_split and len(words) > 1:
        words = words[:1]  # a name with a dash in it: keep only what surely is the question
    elif len(words) > 1 and _HOW_END.search(words[-1]):
        words = words[:-1]
    question = SEPARATOR.join(words).strip()
    return (label, question) if question and question != "—" else None
