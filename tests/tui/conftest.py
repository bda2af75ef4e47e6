"""Shared fixtures for Pilot flows and snapshots: a neutral terminal environment and small decks."""

from __future__ import annotations

import pytest

from dialoogspel.model import Card, DataSource, Deck


@pytest.fixture(autouse=True)
def neutral_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Colours and glyphs must not depend on the settings of the machine running the tests."""
    for name in ("NO_COLOR", "TEXTUAL_THEME", "DIALOOGSPEL_ASCII"):
        monkeypatch.delenv(name, raising=False)


def small_deck(
    name: str, colour: str, niveaus_per_card: list[tuple[str, ...]], description: str = ""
) -> Deck:
    """A deck named like its file stem; one card per entry, with those niveaus (empty: all)."""
    prefix = name[0].upper()
    cards = tuple(
        Card(
            f"{prefix}0{number}",
            f"Vraag {number} over {name}?",
            (DataSource("Studentvolgsysteem", "verzuim per week"),),
            niveaus,
        )
        for number, niveaus in enumerate(niveaus_per_card, start=1)
    )
    return Deck(name, name.capitalize(), colour, cards, description or f"Vragen over {name}.")


@pytest.fixture
def decks() -> list[Deck]:
    """Three decks: uitval (cards for every niveau, klas, opleiding), verzuim, welzijn (team)."""
    return [
        small_deck("uitval", "#D55E00", [(), ("klas",), ("opleiding",)]),
        small_deck("verzuim", "#E69F00", [(), ()]),
        small_deck("welzijn", "#0072B2", [("team",)], "Hoe gaat het met de studenten?"),
    ]
