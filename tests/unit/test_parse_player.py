"""--speler "Naam:rol" as the command line reads it."""

from __future__ import annotations

import pytest

from dialoogspel.model import canonical_role, parse_player


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


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("slb", "slb'er"),
        ("SLB'er", "slb'er"),
        ("slb’er", "slb'er"),
        ("Docent", "docent"),
        ("zorgcoordinator", "zorgcoördinator"),
        ("prak", "praktijkopleider"),
        ("coach", "coach"),
        ("", ""),
    ],
)
def test_typed_roles_become_the_default_role_they_mean(typed: str, role: str) -> None:
    assert canonical_role(typed) == role


def test_ambiguous_starts_stay_as_typed() -> None:
    assert canonical_role("zorg") == "zorgcoördinator"
    assert canonical_role("co") == "co"


def test_speler_uses_the_default_role_spelling() -> None:
    assert parse_player("Anna:slb") == ("Anna", "slb'er")


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("tm", "teammanager"),
        ("TM", "teammanager"),
        ("zoco", "zorgcoördinator"),
        ("vc", "verzuimcoördinator"),
        ("po", "praktijkopleider"),
        ("tmx", "tmx"),
    ],
)
def test_common_short_forms_of_roles_are_understood(typed: str, role: str) -> None:
    assert canonical_role(typed) == role
    assert parse_player(f"Bram:{typed}") == ("Bram", role)
