"""YAML pitfalls: each one refused or explained at the right line and column, on both parsers."""

from __future__ import annotations

import pytest
import yaml

from dialoogspel.decks import parse_deck
from dialoogspel.decks.yamltree import PythonLoader, read_tree
from tests.unit.deckfiles import LOADERS, SMALL, load, one_error, where


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest) -> type:
    return request.param


# -- refused YAML features ---------------------------------------------------------------------


def test_anchor_and_alias_are_refused_where_they_stand(loader: type) -> None:
    text = SMALL.replace("vraag: Wat", "vraag: &v Wat") + "  - vraag: *v\n"
    result = load(text, loader)
    assert result.deck is None
    assert [where(p) for p in result.errors] == [(5, 12), (6, 12)]
    assert "'&v'" in result.errors[0].message and "'*v'" in result.errors[1].message


def test_alias_bomb_is_refused_quickly(loader: type) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    result = load("\n".join(lines) + "\n", loader)
    assert result.deck is None and result.errors


def test_explicit_tags_are_refused_except_str(loader: type) -> None:
    error = one_error(load(SMALL.replace("Wat doen we?", "!!int 3"), loader))
    assert where(error) == (5, 12) and "'!!int'" in error.message
    error = one_error(load(SMALL.replace("Wat doen we?", "!!python/object:os.system ls"), loader))
    assert "!!python/object:os.system" in error.message
    assert load(SMALL.replace("Wat doen we?", "!!str 3"), loader).ok


def test_tag_on_a_mapping_is_refused(loader: type) -> None:
    error = one_error(load("!!map\n" + SMALL, loader))
    assert where(error) == (1, 1)


def test_second_document_is_an_error_at_its_separator(loader: type) -> None:
    error = one_error(load(SMALL + "---\nthema: Nog een\n", loader))
    assert where(error) == (6, 1) and "'---'" in error.message


def test_a_leading_document_marker_is_fine(loader: type) -> None:
    assert load("---\n" + SMALL, loader).ok


# -- tabs --------------------------------------------------------------------------------------


def test_tab_indentation_is_explained_on_every_line(loader: type) -> None:
    text = SMALL.replace("  - id", "\t- id").replace("    vraag", "  \tvraag")
    result = load(text, loader)
    assert [where(p) for p in result.errors] == [(4, 1), (5, 3)]
    assert all("tab" in p.message and "spaties" in p.message for p in result.errors)


def test_many_tab_lines_are_summed_up(loader: type) -> None:
    text = SMALL + "".join(f"\t- vraag: {i}\n" for i in range(30))
    result = load(text, loader)
    assert len(result.errors) == 11 and "Nog 20 regels" in result.errors[-1].message


def test_tab_after_a_colon_is_an_error_on_both_parsers(loader: type) -> None:
    """libyaml accepts `vraag:<tab>x`, PyYAML does not: one rule for both."""
    error = one_error(load(SMALL.replace("vraag: Wat", "vraag:\tWat"), loader))
    assert where(error) == (5, 11) and "tab" in error.message


def test_tab_inside_quotes_is_fine(loader: type) -> None:
    assert load(SMALL.replace("Wat doen we?", '"Wat\tdoen we?"'), loader).ok


# -- syntax errors, located --------------------------------------------------------------------

SYNTAX = {
    "colon in text": (SMALL.replace("Wat doen we?", "Let op: wie belt?"), (5, 18), "dubbele punt"),
    "bad indentation": (SMALL + "     niveaus: [klas]\n", (6, 13), "inspringen"),
    "dash indentation": (SMALL + " - vraag: x\n", (6, 2), "ingesprongen"),
    "text after quote": (
        SMALL.replace("Wat doen we?", '"Wat" doen we?'),
        (5, 18),
        "aanhalingsteken",
    ),
    "apostrophe in single quotes": (SMALL.replace("Wat doen we?", "'slb'er'"), (5, 17), "dubbel"),
    "unclosed quote": (
        SMALL.replace("Wat doen we?", '"Wat doen we?'),
        (5, 12),
        "Hier begint tekst tussen aanhalingstekens die niet wordt afgesloten",
    ),
    "backslash": (SMALL.replace("Wat doen we?", '"C:\\Users\\x"'), (5, 15), "backslash"),
    "unclosed list": (SMALL + "    niveaus: [klas, opleiding\n", (6, 14), "'['"),
    "missing colon": (SMALL + "    databronnen\n", (6, 5), "dubbele punt"),
    "missing colon on line 1": (SMALL.replace("thema:", "thema"), (1, 1), "dubbele punt"),
    "missing colon on line 1, then a comment": (
        SMALL.replace("thema: Test\n", "thema Test\n\n# uitleg\n"),
        (1, 1),
        "dubbele punt",
    ),
    "missing colon in a card": (SMALL.replace("id: T01", "id T01"), (4, 5), "dubbele punt"),
    "fullwidth colon": (SMALL.replace("thema:", "thema\uff1a"), (1, 6), "(U+FF1A)"),
    "fullwidth colon in a card": (SMALL.replace("vraag:", "vraag\uff1a"), (5, 10), "lijkt"),
    "no-break space indent": (SMALL.replace("  - id", "\u00a0\u00a0- id"), (4, 1), "harde spatie"),
    "no-break space after spaces": (
        SMALL.replace("    vraag", "  \u00a0 vraag"),
        (5, 3),
        "harde spatie",
    ),
    "unclosed single quote": (
        SMALL.replace("Wat doen we?", "'Wat doen we?"),
        (5, 12),
        "niet wordt afgesloten",
    ),
    "unclosed quote noticed at the next one": (
        SMALL.replace("Wat doen we?", '"Wat doen we?') + '  - vraag: "Nog een"\n',
        (5, 12),
        "niet wordt afgesloten",
    ),
    "unclosed single quote noticed at the next one": (
        SMALL.replace("Wat doen we?", "'Wat doen we?") + "  - vraag: 'slb''er'\n",
        (5, 12),
        "enkel aanhalingsteken",
    ),
    "unclosed quote noticed two lines later": (
        SMALL.replace("Wat doen we?", '"Wat doen we?') + '    databronnen:\n      - "Bron"\n',
        (5, 12),
        "Hier begint tekst tussen aanhalingstekens",
    ),
    "quote inside a quoted source": (
        SMALL + '    databronnen:\n      - "Bron "x" y"\n',
        (7, 16),
        "Na het sluitende aanhalingsteken",
    ),
    "at sign": (SMALL.replace("Wat doen we?", "@school"), (5, 12), "'@'"),
    "backtick": (SMALL.replace("Wat doen we?", "`x`"), (5, 12), "'`'"),
}


@pytest.mark.parametrize("case", SYNTAX, ids=list(SYNTAX))
def test_syntax_error_is_one_located_dutch_problem(loader: type, case: str) -> None:
    text, expected, fragment = SYNTAX[case]
    error = one_error(load(text, loader))
    assert where(error) == expected
    assert fragment in error.message


@pytest.mark.parametrize("case", SYNTAX, ids=list(SYNTAX))
def test_both_parsers_agree_on_syntax_errors(case: str) -> None:
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML without libyaml")
    text = SYNTAX[case][0]
    assert parse_deck(text, "t.yaml", loader=yaml.CSafeLoader) == parse_deck(
        text, "t.yaml", loader=yaml.SafeLoader
    )


def test_libyaml_marks_differ_but_our_locations_do_not() -> None:
    """The raw parsers word errors differently; the reported problem is the same."""
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML without libyaml")
    text = SYNTAX["bad indentation"][0]
    problems = []
    for parser in (yaml.CSafeLoader, yaml.SafeLoader):
        with pytest.raises(yaml.MarkedYAMLError) as raised:
            list(yaml.parse(text, Loader=parser))
        problems.append(raised.value.problem)
    assert problems[0] != problems[1]
    assert read_tree(text, "t", yaml.CSafeLoader)[1] == read_tree(text, "t", PythonLoader)[1]


def test_flow_question_mark_where_parsers_disagree_gives_one_answer() -> None:
    """libyaml reads `[a?b]`, PyYAML refuses it: PyYAML decides for both."""
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML without libyaml")
    text = SMALL + "    niveaus: [klas, team?x]\n"
    assert parse_deck(text, "t", loader=yaml.CSafeLoader) == parse_deck(
        text, "t", loader=yaml.SafeLoader
    )


def test_missing_space_after_a_key_or_a_dash_is_named(loader: type) -> None:
    """YAML reads `vraag:Wat` as one text; say what is missing instead of what follows from it."""
    text = SMALL.replace('kleur: "', 'kleur:"') + "  -vraag: x\n  - vraag:Wat?\n"
    result = load(text, loader)
    assert [where(p) for p in result.errors] == [(2, 7), (6, 3), (7, 11)]
    assert result.errors[0].message == "Na de dubbele punt hoort een spatie: kleur: ..."
    assert result.errors[1].message == "Na het streepje hoort een spatie: - vraag: ..."


def test_text_that_merely_contains_a_key_and_colon_is_fine(loader: type) -> None:
    text = SMALL.replace("Wat doen we?", '"vraag:wat?"') + "  - vraag: Wat is id:3?\n"
    assert load(text, loader).ok


@pytest.mark.parametrize("opening", ["[", "{a: ", "- "])
def test_deep_nesting_is_refused_early(loader: type, opening: str) -> None:
    closing = {"[": "]", "{a: ": "}", "- ": ""}[opening]
    text = opening * 100_000 + "x" + closing * 100_000 + "\n"
    error = one_error(load(text, loader))
    assert error.line == 1 and "te veel in elkaar" in error.message


# -- the silent cut at ' #' --------------------------------------------------------------------


def test_text_cut_at_hash_is_a_warning_at_the_hash(loader: type) -> None:
    result = load(SMALL.replace("Wat doen we?", "Wat doen we bij #1?"), loader)
    assert result.ok
    assert result.deck is not None and result.deck.cards[0].question == "Wat doen we bij"
    (warning,) = result.warnings
    assert warning.warning and where(warning) == (5, 28)
    assert "'#1?'" in warning.message and "aanhalingstekens" in warning.message
    assert str(warning).startswith("t.yaml:5:28: waarschuwing: ")


def test_hash_cut_in_a_list_item_and_an_empty_value_warns(loader: type) -> None:
    text = SMALL + "    databronnen:\n      - JOB #2024\n    niveaus: #klas\n"
    result = load(text, loader)
    assert [where(p) for p in result.warnings] == [(7, 13), (8, 14)]


def test_no_warning_for_comment_lines_quoted_values_or_spaced_comments(loader: type) -> None:
    text = "# yaml-language-server: $schema=deck.schema.json\n# Uitleg #1\n" + SMALL
    text = text.replace("Wat doen we?", '"Wat doen we bij #1?" # goed zo')
    text = text.replace("thema: Test", "thema: Test   # de naam")
    result = load(text, loader)
    assert result.ok and result.problems == []


def test_hash_without_space_is_text(loader: type) -> None:
    result = load(SMALL.replace("Wat doen we?", "Wat doen we bij#1?"), loader)
    assert result.problems == []
    assert result.deck is not None and result.deck.cards[0].question == "Wat doen we bij#1?"
