"""Pawns: every participant gets a distinct letter (never colour alone) and a role colour."""

from __future__ import annotations

import string

import pytest

from dialoogspel.model import DEFAULT_ROLES, Participant, assign_letters, role_colour
from dialoogspel.model.participants import EXTRA_ROLE_COLOURS, ROLE_COLOURS


def letters(*names: str) -> list[str]:
    return [p.letter for p in assign_letters((name, "docent") for name in names)]


# -- letters ---------------------------------------------------------------------------------


def test_letter_is_the_initial_in_upper_case() -> None:
    assert letters("anna", "bram", "Chris") == ["A", "B", "C"]


def test_colliding_initials_take_another_letter_from_the_name() -> None:
    assert letters("Anna", "Ahmed") == ["A", "H"]


def test_a_third_colliding_name_skips_letters_already_taken() -> None:
    assert letters("Anna", "Ahmed", "Ahn") == ["A", "H", "N"]


def test_a_name_whose_letters_are_all_taken_gets_the_first_free_letter() -> None:
    assert letters("Ab", "Ba", "Abba") == ["A", "B", "C"]


@pytest.mark.parametrize("name", ["", "   ", "42", "-- ?"])
def test_a_name_without_letters_gets_the_first_free_letter(name: str) -> None:
    assert letters("Anna", name) == ["A", "B"]


def test_letters_are_distinct_for_many_participants() -> None:
    many = letters(*["Anna"] * 40)
    assert len(set(many)) == 40


def test_letters_of_the_first_26_participants_are_upper_case_letters() -> None:
    many = letters(*[f"Deelnemer {i}" for i in range(26)])
    assert sorted(many) == list(string.ascii_uppercase)


def test_a_letter_is_always_a_single_character() -> None:
    taken = ["Sara", "Tom", "Rick", "Anna", "Umut"]
    assert letters(*taken, "Strauß")[-1] != "SS"
    assert all(len(letter) == 1 for letter in letters(*taken, "Strauß", "ß"))


def test_letters_with_accents_are_kept() -> None:
    assert letters("Özlem", "Émile") == ["Ö", "É"]


def test_names_and_roles_are_stripped() -> None:
    (person,) = assign_letters([("  Anna ", " docent  ")])
    assert person == Participant(name="Anna", role="docent", letter="A")


def test_assign_letters_keeps_table_order() -> None:
    people = assign_letters([("Bram", "docent"), ("Anna", "slb'er")])
    assert [p.name for p in people] == ["Bram", "Anna"]


def test_assign_letters_accepts_any_iterable() -> None:
    assert len(assign_letters(iter([("Anna", "docent")]))) == 1


# -- colours ---------------------------------------------------------------------------------


def test_every_default_role_has_its_own_fixed_colour() -> None:
    colours = [role_colour(role) for role in DEFAULT_ROLES]
    assert colours == [ROLE_COLOURS[role] for role in DEFAULT_ROLES]
    assert len(set(colours)) == len(DEFAULT_ROLES)


def test_role_colours_are_hex_codes() -> None:
    for colour in [*ROLE_COLOURS.values(), *EXTRA_ROLE_COLOURS]:
        assert colour.startswith("#")
        assert len(colour) == 7
        int(colour[1:], 16)


def test_role_colour_ignores_case_and_surrounding_spaces() -> None:
    assert role_colour("  Docent ") == role_colour("docent")
    assert role_colour("SLB'ER") == role_colour("slb'er")


def test_a_typed_role_gets_a_stable_colour_from_the_extra_palette() -> None:
    colour = role_colour("Stagecoördinator")
    assert colour in EXTRA_ROLE_COLOURS
    assert role_colour("stagecoördinator") == colour
    assert role_colour(" STAGECOÖRDINATOR ") == colour


def test_typed_role_colour_does_not_depend_on_the_process() -> None:
    # A sum of code points, not hash(): the same colour after resume in a new process.
    assert role_colour("decaan") == EXTRA_ROLE_COLOURS[sum(map(ord, "decaan")) % 5]


def test_typed_roles_never_take_a_default_role_colour() -> None:
    defaults = set(ROLE_COLOURS.values())
    for role in ["decaan", "mentor", "bpv-docent", "orthopedagoog", "x", ""]:
        assert role_colour(role) not in defaults


def test_participant_colour_comes_from_the_role() -> None:
    (person,) = assign_letters([("Anna", "Teammanager")])
    assert person.colour == ROLE_COLOURS["teammanager"]
