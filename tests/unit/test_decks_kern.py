"""The `kern` card key: ja or nee, absent is nee, anything else a located Dutch error."""

from __future__ import annotations

import pytest

from dialoogspel.decks import parse_deck, starter_deck
from dialoogspel.model import deck_from_dict, deck_to_dict
from tests.unit.deckfiles import LOADERS, SMALL, load, one_error, where
from tests.unit.test_schema import schema_accepts


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest) -> type:
    return request.param


def with_kern(value: str) -> str:
    return SMALL + f"    kern: {value}\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("ja", True), ("nee", False), ("Ja", True), ("NEE", False), ('"ja"', True), ("", False)],
)
def test_ja_and_nee_in_any_case_are_read(loader: type, value: str, expected: bool) -> None:
    result = load(with_kern(value), loader)
    assert result.deck is not None and result.problems == []
    assert result.deck.cards[0].kern is expected


def test_a_card_without_kern_is_no_core_card(loader: type) -> None:
    result = load(SMALL, loader)
    assert result.deck is not None
    assert result.deck.cards[0].kern is False


@pytest.mark.parametrize("value", ["yes", "true", "1", "misschien", "jaa"])
def test_another_value_is_an_error_at_the_value(loader: type, value: str) -> None:
    error = one_error(load(with_kern(value), loader))
    assert where(error) == (6, 11)
    assert f"'kern' is ja of nee, niet '{value}'." in error.message
    assert str(error).startswith("t.yaml:6:11: ")


@pytest.mark.parametrize(("value", "meant"), [("yes", "ja"), ("True", "ja"), ("no", "nee")])
def test_a_value_that_clearly_means_ja_or_nee_names_the_fix(
    loader: type, value: str, meant: str
) -> None:
    assert f"Bedoel je '{meant}'?" in one_error(load(with_kern(value), loader)).message


def test_an_unclear_value_gets_no_guess(loader: type) -> None:
    assert "Bedoel je" not in one_error(load(with_kern("misschien"), loader)).message


def test_a_list_is_refused_as_kern(loader: type) -> None:
    error = one_error(load(with_kern("[ja]"), loader))
    assert where(error) == (6, 11)
    assert "'kern' moet één tekst zijn, geen lijst." in error.message


@pytest.mark.parametrize(
    "hostile", ['"[/]"', '"[bold]x[/bold]"', '"[@click=app.quit]x[/]"', '"\\x1b]0;x\\x07"']
)
def test_hostile_kern_values_are_refused_without_raw_control_characters(
    loader: type, hostile: str
) -> None:
    errors = load(with_kern(hostile), loader).errors
    assert any("'kern' is ja of nee" in error.message for error in errors)
    for error in errors:  # the control characters themselves are refused too, never echoed
        assert "\x1b" not in str(error) and "\x07" not in str(error)


def test_a_wrong_kern_does_not_hide_the_other_problems(loader: type) -> None:
    text = with_kern("soms") + "  - id: T02\n    vrag: Wat nu?\n"
    result = load(text, loader)
    assert result.deck is None
    assert [where(p) for p in result.errors] == [(6, 11), (8, 5)]


def test_kern_survives_saving_a_session() -> None:
    deck = parse_deck(with_kern("ja") + "  - id: T02\n    vraag: Wat nu?\n", "t.yaml").deck
    assert deck is not None
    again = deck_from_dict(deck_to_dict(deck))
    assert [card.kern for card in again.cards] == [True, False]


def test_a_saved_deck_from_before_kern_loads_without_core_cards() -> None:
    deck = parse_deck(with_kern("ja"), "t.yaml").deck
    assert deck is not None
    data = deck_to_dict(deck)
    del data["cards"][0]["kern"]
    assert deck_from_dict(data).cards[0].kern is False


def test_a_saved_kern_that_is_not_a_flag_is_refused() -> None:
    deck = parse_deck(SMALL, "t.yaml").deck
    assert deck is not None
    data = deck_to_dict(deck)
    data["cards"][0]["kern"] = "ja"
    with pytest.raises(TypeError):
        deck_from_dict(data)


def test_the_starter_deck_has_a_core_card_and_explains_the_key() -> None:
    text = starter_deck("mijn-thema")
    assert "#   kern " in text
    deck = parse_deck(text, "mijn-thema.yaml").deck
    assert deck is not None
    assert [card.kern for card in deck.cards] == [False, False, True]


@pytest.mark.parametrize("value", ["ja", "nee", "Ja", ""])
def test_the_schema_accepts_ja_and_nee(value: str) -> None:
    assert schema_accepts(with_kern(value))


@pytest.mark.parametrize("value", ["misschien", "yes", "[ja]"])
def test_the_schema_refuses_other_values(value: str) -> None:
    assert not schema_accepts(with_kern(value))
