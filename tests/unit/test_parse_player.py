"""--speler "Naam:rol" as the command line reads it."""

from __future__ import annotations

import pytest

from dialoogspel.model import parse_player


def test_name_and_role_are_split_at_the_first_colon() -> None:
    assert parse_player("Anna:slb'er") == ("Anna", "slb'er")
    assert parse_player(" Bo : team:manager ") == ("Bo", "team:manager")


def test_role_defaults_to_docent() -> None:
    assert parse_player("Ahmed") == ("Ahmed", "docent")
    assert parse_player("Ahmed:") == ("Ahmed", "docent")


@pytest.mark.parametrize("text", ["", ":docent", "   :slb'er"])
def test_a_player_needs_a_name(text: str) -> None:
    with pytest.raises(ValueError, match="geen naam"):
        parse_player(text)
