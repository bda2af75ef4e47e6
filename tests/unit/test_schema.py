"""The JSON Schema for deck files: valid draft-07, in step with the loader, in the package."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

import dialoogspel
from dialoogspel.decks import COLOUR_NAMES, builtin_decks_dir, parse_deck, schema_path, starter_deck
from dialoogspel.decks.yamltree import Mapping, Node, PythonLoader, Scalar, Sequence, read_tree
from tests.unit.deckfiles import DATA, SMALL

SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


def to_plain(node: Node | None) -> object:
    """The tree as dicts, lists and strings, every value as typed and an empty value as None.

    For checking a file against the JSON Schema with the loader's own view of the values.
    """
    if isinstance(node, Scalar):
        return None if node.empty else node.value
    if isinstance(node, Mapping):
        return {
            key.value if isinstance(key, Scalar) else repr(key): to_plain(value)
            for key, value in node.pairs
        }
    if isinstance(node, Sequence):
        return [to_plain(item) for item in node.items]
    return None


def as_data(text: str) -> object:
    """The file as the loader sees it: every value a string as typed, empty values None."""
    root, problems = read_tree(text, "t.yaml", PythonLoader)
    assert not problems
    return to_plain(root)


def schema_accepts(text: str) -> bool:
    return VALIDATOR.is_valid(as_data(text))


def test_schema_is_valid_draft_07() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_schema_lies_next_to_the_builtin_decks() -> None:
    """The wheel force-includes `decks/` as `dialoogspel/builtin_decks/`: the schema goes along."""
    assert schema_path() == builtin_decks_dir() / "deck.schema.json"
    assert schema_path().is_file()


def test_there_is_one_deck_schema_file() -> None:
    package = Path(dialoogspel.__file__).resolve().parent
    found = [*package.rglob("*.schema.json"), *builtin_decks_dir().rglob("*.schema.json")]
    outcome = package / "outcome" / "uitkomst.schema.json"  # the outcome's front matter
    assert sorted(found) == sorted([schema_path(), outcome])


MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")


@pytest.mark.parametrize(
    "path",
    sorted([*builtin_decks_dir().glob("*.yaml"), *DATA.glob("*.yaml")]),
    ids=lambda p: p.name,
)
def test_schema_line_of_a_deck_file_finds_the_schema(path: Path) -> None:
    """Editors read a relative `$schema=` from the deck's own folder."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.fullmatch(first)
    if path.parent == builtin_decks_dir():
        assert match is not None and match.group(1) == "deck.schema.json"
    if match is not None:
        assert (path.parent / match.group(1)).resolve() == schema_path()


DECK_FILES = sorted([*builtin_decks_dir().glob("*.yaml"), *DATA.glob("*.yaml")])


@pytest.mark.parametrize("path", DECK_FILES, ids=lambda p: p.name)
def test_schema_accepts_every_deck_file(path: Path) -> None:
    errors = list(VALIDATOR.iter_errors(as_data(path.read_text(encoding="utf-8"))))
    assert not errors, [error.message for error in errors]


def test_schema_accepts_the_starter_deck() -> None:
    assert schema_accepts(starter_deck("mijn-thema"))


MISTAKES = {
    "missing vraag": SMALL.replace("    vraag: Wat doen we?\n", "    niveaus: [klas]\n"),
    "empty vraag": SMALL.replace("Wat doen we?", ""),
    "blank vraag": SMALL.replace("Wat doen we?", '"  "'),
    "unknown card key": SMALL + "    vragen: x\n",
    "unknown top key": SMALL + "versie: 2\n",
    "kaarten empty": "thema: x\nkleur: red\nkaarten: []\n",
    "kaarten missing": "thema: x\nkleur: red\n",
    "bad kleur code": SMALL.replace('"#123456"', '"#12345"'),
    "unknown kleur name": SMALL.replace('"#123456"', "rood"),
    "kleur in capitals": SMALL.replace('"#123456"', "Orange"),
    "databron without naam": SMALL + "    databronnen:\n      - toelichting: x\n",
    "databron with unknown key": SMALL + "    databronnen:\n      - naam: x\n        url: y\n",
    "niveaus as a string": SMALL + "    niveaus: klas\n",
    "card as text": SMALL + "  - Wat nog meer?\n",
    "thema missing": SMALL.replace("thema: Test\n", ""),
}


@pytest.mark.parametrize("mistake", MISTAKES, ids=list(MISTAKES))
def test_schema_and_loader_both_reject_typical_mistakes(mistake: str) -> None:
    text = MISTAKES[mistake]
    assert not schema_accepts(text)
    assert not parse_deck(text, "t.yaml").ok


ACCEPTED = {
    "short hex": SMALL.replace('"#123456"', '"#abc"'),
    "colour name": SMALL.replace('"#123456"', "teal"),
    "text-like values": SMALL.replace("Wat doen we?", "no").replace("T01", "01"),
    "empty optional values": SMALL + "    databronnen:\n    niveaus:\nbeschrijving:\n",
    "source as text and block": SMALL + "    databronnen:\n      - a\n      - naam: b\n",
    "own niveau": SMALL + "    niveaus: [eigen woord]\n",
}


@pytest.mark.parametrize("case", ACCEPTED, ids=list(ACCEPTED))
def test_schema_and_loader_both_accept(case: str) -> None:
    assert schema_accepts(ACCEPTED[case])
    assert parse_deck(ACCEPTED[case], "t.yaml").ok


def test_colour_names_in_schema_match_the_loader() -> None:
    names = SCHEMA["properties"]["kleur"]["anyOf"][1]["enum"]
    assert names == sorted(COLOUR_NAMES)


def test_every_colour_name_means_the_same_to_textual() -> None:
    """The TUI hands the name to Textual: it must know it, with the same value."""
    from textual.color import Color

    for name, code in COLOUR_NAMES.items():
        assert Color.parse(name) == Color.parse(code), name
