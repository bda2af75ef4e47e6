"""The deck shapes that used to take quadratic time give the right result (speed: benchmarks/).

`benchmarks/slow_decks.py` times 1 MB of each shape; these tests check, on a few hundred or
thousand lines, that the linear code reports exactly what it should, where it should.
"""

from __future__ import annotations

import hashlib

import pytest
import yaml

from dialoogspel.decks import yamltree
from dialoogspel.decks.checker import MAX_GUESSES
from dialoogspel.decks.controls import MAX_REPORTS
from dialoogspel.decks.ids import generated_id
from tests.unit.deckfiles import load

HEAD = 'thema: Traag\nkleur: "#0072B2"\nkaarten:\n'


def _slow_generated_ids(prefix: str, questions: list[str]) -> list[str]:
    """The ids as the old, quadratic code made them: the new code must give the same."""
    taken: set[str] = set()
    ids = []
    for question in questions:
        card_id = generated_id(prefix, question, taken)  # no counters: the old loop
        taken.add(card_id.casefold())
        ids.append(card_id)
    return ids


def test_identical_questions_get_distinct_stable_ids() -> None:
    cards = 600
    result = load(HEAD + "  - vraag: Wat zien we?\n" * cards)
    assert result.ok and result.deck is not None
    ids = [card.id for card in result.deck.cards]
    assert len(set(ids)) == cards
    digest = hashlib.sha1(b"wat zien we?").hexdigest()
    assert ids[:5] == [f"T-{digest[:n]}" for n in (4, 6, 8, 40)] + [f"T-{digest[:4]}-2"]
    assert ids[-1] == f"T-{digest[:4]}-{cards - 3}"
    assert ids == _slow_generated_ids("T", ["Wat zien we?"] * cards)


def test_counters_skip_ids_that_were_typed() -> None:
    digest = hashlib.sha1(b"x").hexdigest()[:4]
    typed = [f"T-{digest}-3", f"T-{digest}-4"]
    text = HEAD + "".join(f"  - id: {i}\n    vraag: y\n" for i in typed) + "  - vraag: x\n" * 7
    result = load(text)
    assert result.deck is not None
    generated = [card.id for card in result.deck.cards[2:]]
    assert generated[4:] == [f"T-{digest}-2", f"T-{digest}-5", f"T-{digest}-6"]


def test_every_value_cut_at_hash_gets_its_own_warning_at_the_hash() -> None:
    cards = 2000
    result = load(HEAD + "".join(f"  - vraag: Vraag {n} #b\n" for n in range(cards)))
    assert result.ok
    assert len(result.warnings) == cards
    for n, warning in enumerate(result.warnings):
        assert (warning.line, warning.column) == (4 + n, 19 + len(str(n)))
        assert "valt weg: '#b'." in warning.message


def test_every_missing_space_after_a_colon_is_reported_where_it_is() -> None:
    lines = 3000
    result = load(HEAD + "  - vraag:x\n" * lines)
    assert result.deck is None
    assert len(result.errors) == lines
    assert [(p.line, p.column) for p in result.errors] == [(4 + n, 11) for n in range(lines)]


def test_many_hidden_characters_are_counted_after_the_first_ten() -> None:
    cards = 1000
    result = load(HEAD + "".join(f"  - vraag: Vraag\u200b {n}\n" for n in range(cards)))
    assert len(result.errors) == MAX_REPORTS + 1
    assert f"Nog {cards - MAX_REPORTS} teksten" in result.errors[-1].message


def test_the_same_typo_on_every_card_is_explained_on_every_card() -> None:
    cards = 500
    result = load(HEAD + "".join(f"  - vraag: x{n}\n    niveaus: [klsa]\n" for n in range(cards)))
    assert len(result.warnings) == cards
    assert all("Bedoel je 'klas'?" in w.message for w in result.warnings)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
def test_a_big_deck_with_a_tab_in_quotes_or_an_anchor_is_read_by_libyaml_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Above RECHECK_LIMIT the slow parser is never asked: the answers stay the same."""
    cards = "".join(f'  - vraag: "Vraag\t{n}"\n' for n in range(200))
    anchored = HEAD + "  - vraag: &eerste x\n" + cards
    expected_tab, expected_anchor = load(HEAD + cards), load(anchored)
    monkeypatch.setattr(yamltree, "RECHECK_LIMIT", 100)

    def refuse(*_args: object) -> None:
        raise AssertionError("the pure-Python parser was used")

    monkeypatch.setattr(yamltree.PythonLoader, "__init__", refuse)
    assert load(HEAD + cards) == expected_tab and expected_tab.ok
    assert load(anchored) == expected_anchor
    assert "anker" in expected_anchor.errors[0].message


def test_thousands_of_unknown_keys_each_get_an_error_and_the_first_ones_a_guess() -> None:
    keys = MAX_GUESSES + 300
    cards = "".join(f"  - vraag: x{n}\n    vrag{n}: y\n" for n in range(keys))
    errors = load(HEAD + cards).errors
    assert len(errors) == keys
    assert [p.line for p in errors] == [5 + 2 * n for n in range(keys)]
    assert "Bedoel je 'vraag'?" in errors[0].message
    assert "Bedoel je" in errors[MAX_GUESSES - 1].message
    assert "Bedoel je" not in errors[-1].message and "Onbekende sleutel" in errors[-1].message
