"""The fast front-matter reader gives what PyYAML gives, or gives up (then PyYAML reads)."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dialoogspel.model import Mode
from dialoogspel.outcome import fastyaml, render
from tests.outcome_sessions import DAY, played
from tests.unit.test_outcome import FIELDS, _session, hostile


def _head(text: str) -> str:
    return text.split("\n---\n", 1)[0].removeprefix("---\n")


def _pyyaml(head: str) -> object:
    try:
        return yaml.load(head, Loader=yaml.CSafeLoader)
    except (yaml.YAMLError, ValueError):
        return "fout"


@settings(max_examples=150, deadline=None)
@given(mode=st.sampled_from(Mode), texts=st.fixed_dictionaries(dict.fromkeys(FIELDS, hostile)))
def test_every_front_matter_the_writer_makes_is_read_fast_and_the_same(
    mode: Mode, texts: dict[str, str]
) -> None:
    head = _head(render(_session(mode, texts), DAY))
    fast = fastyaml.load(head)
    assert fast is not None
    assert fast == _pyyaml(head)


@settings(max_examples=500, deadline=None)
@given(st.integers(0, 1400), st.integers(0, 40), st.text(max_size=6))
def test_an_edited_front_matter_is_read_the_same_or_left_to_pyyaml(
    at: int, cut: int, typed: str
) -> None:
    head = _head(render(played(Mode.PIONNEN), DAY))
    edited = head[:at] + typed + head[at + cut :]
    fast = fastyaml.load(edited)
    assert fast is None or fast == _pyyaml(edited)


@pytest.mark.parametrize(
    "line",
    [
        "casus: yes", "casus: 1.10", "casus: 0755", "casus: x # opmerking", "casus: 'x'",
        "casus: ~", "casus: 2026-02-30", "casus: \"\\x41\"", "casus: [a,b]", "casus: ",
        "- lijst", "casus:  x", "Casus: x", "casus: 1_000", "on: x", "bord:\n  - {on: 1}",
        "casus: \"\\ud800\"",
    ],
)  # fmt: skip
def test_what_the_writer_never_makes_goes_to_pyyaml(line: str) -> None:
    assert fastyaml.load(line) is None
