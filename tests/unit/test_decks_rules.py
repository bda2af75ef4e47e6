"""The deck rules of SPEC section 4: keys, types, colours, cards, ids; each problem located."""

from __future__ import annotations

import pytest

from tests.unit.deckfiles import LOADERS, SMALL, load, one_error, where


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest) -> type:
    return request.param


# -- keys --------------------------------------------------------------------------------------


def test_unknown_card_key_is_named_with_a_suggestion_and_the_allowed_keys(loader: type) -> None:
    error = one_error(load(SMALL.replace("vraag:", "vrag:"), loader))
    assert where(error) == (5, 5)
    assert "'vrag'" in error.message and "Bedoel je 'vraag'?" in error.message
    assert "'id', 'vraag', 'databronnen', 'niveaus' en 'kern'" in error.message


def test_unknown_top_level_key_without_a_near_miss_lists_the_allowed_keys(loader: type) -> None:
    error = one_error(load(SMALL + "versie: 2\n", loader))
    assert where(error) == (6, 1)
    assert "Bedoel je" not in error.message
    assert "'thema', 'kleur', 'beschrijving' en 'kaarten'" in error.message


def test_key_in_wrong_case_gets_the_right_spelling(loader: type) -> None:
    error = one_error(load(SMALL.replace("thema:", "Thema:"), loader))
    assert where(error) == (1, 1) and "Bedoel je 'thema'?" in error.message


def test_duplicate_key_is_an_error_at_the_second_key(loader: type) -> None:
    error = one_error(load(SMALL + "    vraag: Nog een vraag?\n", loader))
    assert where(error) == (6, 5)
    assert "'vraag'" in error.message and "regel 5" in error.message


def test_missing_required_key_points_at_the_mapping_that_lacks_it(loader: type) -> None:
    error = one_error(load(SMALL + "  - id: T02\n    databronnen: [x]\n", loader))
    assert where(error) == (6, 5) and "'vraag:'" in error.message
    error = one_error(load(SMALL.replace('kleur: "#123456"\n', ""), loader))
    assert where(error) == (1, 1) and "'kleur:'" in error.message
    error = one_error(load("thema: x\nkleur: red\n", loader))
    assert "'kaarten:'" in error.message


def test_misspelt_required_key_is_reported_once(loader: type) -> None:
    """`vrag:` gets "bedoel je 'vraag'?", not also "vraag ontbreekt"."""
    one_error(load(SMALL.replace("vraag:", "vrag:"), loader))


def test_all_problems_of_a_file_come_in_one_run(loader: type) -> None:
    text = SMALL.replace("vraag:", "vrag:").replace('"#123456"', "rood")
    text += "  - id: T01\n    vraag: Tweede?\nextra: 1\n"
    result = load(text, loader)
    assert result.deck is None
    assert [where(p) for p in result.errors] == [(2, 8), (5, 5), (6, 9), (8, 1)]


def test_problems_come_in_file_order(loader: type) -> None:
    text = "kaarten:\n  - vrag: x\nkleur: rood\nthema:\n"
    result = load(text, loader)
    lines = [(p.line, p.column) for p in result.problems]
    assert lines == sorted(lines) and len(lines) == 3


# -- wrong types -------------------------------------------------------------------------------


def test_kaarten_must_be_a_list(loader: type) -> None:
    error = one_error(load("thema: x\nkleur: red\nkaarten: Wat?\n", loader))
    assert where(error) == (3, 10) and "lijst" in error.message


def test_kaarten_without_dashes_is_explained(loader: type) -> None:
    error = one_error(load("thema: x\nkleur: red\nkaarten:\n  vraag: Wat?\n", loader))
    assert where(error) == (4, 3) and "'- '" in error.message


def test_vraag_as_a_mapping_is_an_error_at_that_node(loader: type) -> None:
    text = SMALL.replace("vraag: Wat doen we?", "vraag:\n      Let op: wie belt?")
    error = one_error(load(text, loader))
    assert where(error) == (6, 7) and "aanhalingstekens" in error.message


def test_vraag_as_a_list_is_an_error(loader: type) -> None:
    error = one_error(load(SMALL.replace("Wat doen we?", "[a, b]"), loader))
    assert where(error) == (5, 12) and "lijst" in error.message


def test_a_card_that_is_only_text_is_explained(loader: type) -> None:
    error = one_error(load(SMALL + "  - Wat doen we nog meer?\n", loader))
    assert where(error) == (6, 5) and "vraag: " in error.message


def test_an_empty_card_is_an_error(loader: type) -> None:
    error = one_error(load(SMALL + "  -\n", loader))
    assert where(error)[0] == 6 and "Lege kaart" in error.message


def test_a_key_must_be_text(loader: type) -> None:
    error = one_error(load(SMALL + "    [a]: b\n", loader))
    assert where(error) == (6, 5)


def test_file_must_be_a_mapping(loader: type) -> None:
    assert "lijst" in one_error(load("- vraag: x\n", loader)).message
    assert where(one_error(load("Gewoon tekst\n", loader))) == (1, 1)


# -- empty values ------------------------------------------------------------------------------


def test_empty_vraag_is_an_error_at_the_key(loader: type) -> None:
    error = one_error(load(SMALL.replace("vraag: Wat doen we?", "vraag:"), loader))
    assert where(error) == (5, 5) and "vraag is leeg" in error.message


def test_blank_quoted_vraag_is_an_error(loader: type) -> None:
    error = one_error(load(SMALL.replace("Wat doen we?", '"   "'), loader))
    assert "leeg" in error.message


def test_empty_thema_is_an_error(loader: type) -> None:
    error = one_error(load(SMALL.replace("thema: Test", "thema:"), loader))
    assert where(error) == (1, 1) and "thema is leeg" in error.message


@pytest.mark.parametrize("empty", ["kaarten: []", "kaarten:"])
def test_kaarten_needs_at_least_one_card(loader: type, empty: str) -> None:
    error = one_error(load(f"thema: x\nkleur: red\n{empty}\n", loader))
    assert error.line == 3 and "minstens één kaart" in error.message


# -- kleur -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("rood", "'red'"),
        ("Orange", "kleine letters: 'orange'"),
        ('"123456"', '"#123456"'),
        ('"#12345g"', "geen kleurcode"),
        ('"#1234"', "geen kleurcode"),
        ("oranje-ish", "geen kleur die het spel kent"),
        ("tael", "Bedoel je 'teal'?"),
    ],
)
def test_bad_kleur_is_explained(loader: type, typed: str, expected: str) -> None:
    error = one_error(load(SMALL.replace('"#123456"', typed), loader))
    assert where(error) == (2, 8) and expected in error.message


def test_kleur_code_without_quotes_is_explained(loader: type) -> None:
    """`kleur: #e0a526` is a comment to YAML, so the colour is empty: say why."""
    error = one_error(load(SMALL.replace('"#123456"', "#e0a526"), loader))
    assert where(error) == (2, 1)
    assert 'kleur: "#e0a526"' in error.message


def test_empty_kleur_is_an_error(loader: type) -> None:
    assert "kleur is leeg" in one_error(load(SMALL.replace('"#123456"', ""), loader)).message


# -- niveaus and databronnen ------------------------------------------------------------------


def test_niveaus_as_a_single_string_is_refused_with_the_list_form(loader: type) -> None:
    error = one_error(load(SMALL + "    niveaus: klas, opleiding\n", loader))
    assert where(error) == (6, 14) and "niveaus: [klas, opleiding]" in error.message


def test_near_miss_niveau_is_a_warning(loader: type) -> None:
    result = load(SMALL + "    niveaus: [klas, opleding, eigen niveau]\n", loader)
    assert result.ok
    assert len(result.warnings) == 1
    assert (
        where(result.warnings[0]) == (6, 21)
        and "Bedoel je 'opleiding'?" in result.warnings[0].message
    )


def test_databronnen_as_a_string_is_refused(loader: type) -> None:
    error = one_error(load(SMALL + "    databronnen: JOB-monitor\n", loader))
    assert where(error) == (6, 18) and "lijst" in error.message


def test_databron_block_needs_a_naam(loader: type) -> None:
    text = SMALL + "    databronnen:\n      - toelichting: zonder naam\n"
    error = one_error(load(text, loader))
    assert where(error) == (7, 9) and "'naam:'" in error.message


def test_databron_block_with_unknown_key(loader: type) -> None:
    text = SMALL + "    databronnen:\n      - naam: x\n        uitleg: y\n"
    error = one_error(load(text, loader))
    assert where(error) == (8, 9) and "'naam' en 'toelichting'" in error.message


def test_empty_databron_is_an_error(loader: type) -> None:
    text = SMALL + "    databronnen:\n      -\n      - naam: x\n"
    error = one_error(load(text, loader))
    assert error.line == 7 and "Lege databron" in error.message


# -- ids ---------------------------------------------------------------------------------------


def test_duplicate_card_id_is_an_error_at_the_second_naming_the_first_line(loader: type) -> None:
    error = one_error(load(SMALL + "  - id: T01\n    vraag: Nog een?\n", loader))
    assert where(error) == (6, 9)
    assert "'T01'" in error.message and "regel 4" in error.message


def test_duplicate_ids_differing_in_case_are_duplicates(loader: type) -> None:
    error = one_error(load(SMALL + "  - id: t01\n    vraag: Nog een?\n", loader))
    assert "regel 4" in error.message


def test_id_must_be_short_text(loader: type) -> None:
    assert one_error(load(SMALL.replace("id: T01", "id: [T01]"), loader)).line == 4
    long_id = "X" * 41
    assert "te lang" in one_error(load(SMALL.replace("T01", long_id), loader)).message
