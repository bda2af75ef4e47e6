"""Card ids that nobody typed: generated from the question, stable, never colliding."""

from __future__ import annotations

import hashlib
import unicodedata


def id_prefix(theme: str) -> str:
    """The first letter of the theme, in plain upper-case ASCII ("Één" -> "E"), or "K"."""
    folded = unicodedata.normalize("NFKD", theme)
    return next((ch.upper() for ch in folded if ch.isascii() and ch.isalpha()), "K")


def generated_id(
    prefix: str, question: str, taken: set[str], counters: dict[str, int] | None = None
) -> str:
    """A stable id for a card without one: the theme's initial and a short hash of the question.

    Stable because it depends on the question only (case and spacing ignored), not on the
    card's position: adding, removing or reordering other cards never changes it, so saved
    sessions and outcome files keep pointing at the right card. Editing the question does
    change it; type an id to pin it. `taken` holds the casefolded ids already in use (all typed
    ids first), and the hash grows or gets a counter until it is free, so a generated id never
    equals a typed one.

    `counters` (one dict for all cards of a deck) remembers the last counter used per hash, so
    thousands of identical questions cost linear time; the ids are the same with or without it
    (`taken` only grows, so every counter below the remembered one is still taken).
    """
    normalised = " ".join(question.split()).casefold()
    digest = hashlib.sha1(normalised.encode("utf-8", "surrogatepass")).hexdigest()
    for length in (4, 6, 8, 40):
        candidate = f"{prefix}-{digest[:length]}"
        if candidate.casefold() not in taken:
            return candidate
    base = f"{prefix}-{digest[:4]}"
    counter = 2 if counters is None else counters.get(base.casefold(), 2)
    while f"{base}-{counter}".casefold() in taken:
        counter += 1
    if counters is not None:
        counters[base.casefold()] = counter
    return f"{base}-{counter}"
