"""Never a traceback, whatever the bytes: a deck, or located errors; the same on both parsers."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dialoogspel.decks.yamltree as yamltree
from dialoogspel.decks import LoadResult, parse_deck
from tests.unit.deckfiles import EXAMPLE

FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID = EXAMPLE.read_text(encoding="utf-8")
SYNTAX_CHARACTERS = list(" \t\n\r-:#'\"[]{},?&*!|>%@`\\aé0")
BOTH = yaml.__with_libyaml__


def assert_well_formed(result: LoadResult, text: str | bytes) -> None:
    """Either a deck without errors, or no deck and located errors; never an internal error."""
    assert (result.deck is not None and not result.errors) or (
        result.deck is None and result.errors
    ), result.problems
    lines = max(len(text.splitlines()), 1) + 1
    for problem in result.problems:
        assert 1 <= problem.line <= lines and problem.column >= 1, problem
        assert problem.message and "Interne fout" not in problem.message, problem


@st.composite
def mutated_decks(draw: st.DrawFn) -> str:
    """The example deck after a few deletions, insertions and line edits."""
    text = VALID
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["delete", "insert", "copy line", "drop line", "swap"]))
        if operation == "delete":
            start = draw(st.integers(0, len(text) - 1))
            text = text[:start] + text[start + draw(st.integers(1, 6)) :]
        elif operation == "insert":
            at = draw(st.integers(0, len(text)))
            piece = "".join(
                draw(st.lists(st.sampled_from(SYNTAX_CHARACTERS), min_size=1, max_size=4))
            )
            text = text[:at] + piece + text[at:]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            if operation == "copy line":
                lines.insert(i, lines[j])
            elif operation == "drop line":
                del lines[i]
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


def both_parsers(text: str) -> LoadResult:
    """Parse with each parser, check each result, and check that they agree."""
    python = parse_deck(text, "f.yaml", loader=yaml.SafeLoader)
    assert_well_formed(python, text)
    if BOTH:
        libyaml = parse_deck(text, "f.yaml", loader=yaml.CSafeLoader)
        assert libyaml == python, (text, libyaml.problems, python.problems)
    return python


@FUZZ
@given(st.binary(max_size=600))
def test_arbitrary_bytes(data: bytes) -> None:
    assert_well_formed(parse_deck(data, "f.yaml"), data)


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    both_parsers(text)


@FUZZ
@given(mutated_decks())
def test_mutated_decks(text: str) -> None:
    both_parsers(text)


@FUZZ
@given(mutated_decks().map(lambda text: text.encode("utf-8")))
def test_mutated_deck_bytes(data: bytes) -> None:
    assert_well_formed(parse_deck(data, "f.yaml"), data)


@pytest.mark.skipif(not BOTH, reason="PyYAML without libyaml")
@FUZZ
@given(mutated_decks())
def test_libyaml_errors_of_large_files_are_well_formed(text: str) -> None:
    """Above RECHECK_LIMIT libyaml's own error is mapped; simulate that on small files."""
    original = yamltree.RECHECK_LIMIT
    yamltree.RECHECK_LIMIT = 0
    try:
        assert_well_formed(parse_deck(text, "f.yaml", loader=yaml.CSafeLoader), text)
    finally:
        yamltree.RECHECK_LIMIT = original
