"""How a deck is named where a team chooses decks: its theme, and the file beside it only when
two decks share a theme (say `new-deck mijn-uitval --van uitval`: two decks named "Uitval")."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from dialoogspel.model import Deck
from dialoogspel.textsafe import visible


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _file_name(deck: Deck) -> str:
    return PurePath(deck.source).name if deck.source else deck.name


def deck_labels(decks: Sequence[Deck]) -> list[str]:
    """The name of each deck in a list, in the same order.

    A theme that no other deck in the list has stays as it is. Where themes repeat, each of
    those decks gets its name (the file stem) in brackets; where even that repeats (`x.yaml`
    and `x.yml`), the file name; where that repeats too, the whole path with the folder.
    """
    groups: dict[str, list[int]] = {}
    for index, deck in enumerate(decks):
        groups.setdefault(_key(deck.theme), []).append(index)
    labels = [deck.theme for deck in decks]
    for members in groups.values():
        if len(members) < 2:
            continue
        group = [decks[i] for i in members]
        for way in (lambda d: d.name, _file_name, lambda d: d.source or d.name):
            names = [way(deck) for deck in group]
            if len({_key(name) for name in names}) == len(names):
                break
        for index, name in zip(members, names, strict=True):
            labels[index] = f"{decks[index].theme} ({visible(name)})"
    return labels


def deck_label(deck: Deck, decks: Sequence[Deck]) -> str:
    """The name of one deck among the decks it is listed with."""
    for candidate, label in zip(decks, deck_labels(decks), strict=True):
        if candidate is deck:
            return label
    return deck.theme
