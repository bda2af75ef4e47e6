"""Helpers for the deck loader tests: both YAML parsers, a small valid deck, one-error checks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dialoogspel.decks import LoadResult, Problem, parse_deck

DATA = Path(__file__).resolve().parent.parent / "data"
EXAMPLE = DATA / "voorbeeld.yaml"

LOADERS = [
    pytest.param(
        getattr(yaml, "CSafeLoader", None),
        id="libyaml",
        marks=pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml"),
    ),
    pytest.param(yaml.SafeLoader, id="python"),
]
"""Every loader test runs on both parsers: the results must be the same."""

SMALL = """\
thema: Test
kleur: "#123456"
kaarten:
  - id: T01
    vraag: Wat doen we?
"""
"""A valid deck of one card; tests change one thing in it."""


def load(text: str | bytes, loader: type | None = None, path: str = "t.yaml") -> LoadResult:
    """Parse with the given parser class."""
    return parse_deck(text, path, loader=loader)


def one_error(result: LoadResult) -> Problem:
    """The single error of a result (and no deck)."""
    assert result.deck is None
    assert len(result.errors) == 1, [str(p) for p in result.problems]
    return result.errors[0]


def where(problem: Problem) -> tuple[int, int]:
    """A problem's (line, column)."""
    return problem.line, problem.column
