"""Fixtures for every test: each outcome any test renders is checked against the schema."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest

from tests.outcome_schema import check_front_matter

_render = importlib.import_module("dialoogspel.outcome.render")


@pytest.fixture(autouse=True, scope="session")
def outcomes_match_the_schema() -> Iterator[None]:
    """`render` gets its front matter from `front_matter_text`: check what it returns.

    Session-scoped (set once, undone at the end) so hypothesis tests get it too."""
    original = _render.front_matter_text

    def checked(record: object) -> str:
        text = original(record)
        check_front_matter(text)
        return text

    _render.front_matter_text = checked
    yield
    _render.front_matter_text = original
