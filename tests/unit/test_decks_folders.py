"""Deck folders, finding a deck by name, and the starter deck behind `new-deck`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import dialoogspel.decks.starter as starter
from dialoogspel.decks import (
    DeckLookupError,
    DeckNameError,
    builtin_decks_dir,
    deck_file_name,
    deck_folders,
    find_decks,
    parse_deck,
    resolve_deck,
    schema_path,
    starter_deck,
)
from tests.unit.deckfiles import SMALL


@pytest.fixture(autouse=True)
def no_env_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIALOOGSPEL_DECKS", raising=False)


def write(folder: Path, name: str, text: str = SMALL) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_folder_is_the_source_tree_decks_in_an_editable_install() -> None:
    assert builtin_decks_dir() == Path(__file__).resolve().parents[2] / "decks"


def test_folders_are_builtin_then_options_then_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    monkeypatch.setenv("DIALOOGSPEL_DECKS", os.pathsep.join([str(c), "", str(a)]))
    assert deck_folders([a, str(b)]) == [builtin_decks_dir(), a, b, c]


def test_find_decks_lists_yaml_and_yml_but_not_other_files(tmp_path: Path) -> None:
    write(tmp_path, "eigen.yaml")
    write(tmp_path, "Ander.YML")
    write(tmp_path, "README.md")
    refs = [r for r in find_decks([tmp_path]) if r.source == str(tmp_path)]
    assert [(r.name, r.path.name) for r in refs] == [
        ("Ander", "Ander.YML"),
        ("eigen", "eigen.yaml"),
    ]
    builtin = [r for r in find_decks() if r.source == "ingebouwd"]
    assert "uitval" in {r.name for r in builtin} and "README" not in {r.name for r in builtin}


def test_missing_folder_is_skipped(tmp_path: Path) -> None:
    assert find_decks([tmp_path / "weg"]) == find_decks()


def test_resolve_an_existing_path(tmp_path: Path) -> None:
    path = write(tmp_path, "los.yaml")
    assert resolve_deck(str(path)) == path


def test_resolve_a_name_in_any_folder_ignoring_case(tmp_path: Path) -> None:
    path = write(tmp_path, "Teamstapel.yaml")
    assert resolve_deck("teamstapel", [tmp_path]) == path
    assert resolve_deck("uitval") == builtin_decks_dir() / "uitval.yaml"


def test_unknown_name_suggests_and_lists_known_names() -> None:
    with pytest.raises(DeckLookupError) as raised:
        resolve_deck("uitvall")
    message = str(raised.value)
    assert "'uitvall'" in message and "Bedoel je 'uitval'?" in message and "'verzuim'" in message


def test_ambiguous_name_names_the_files(tmp_path: Path) -> None:
    copy = write(tmp_path, "uitval.yaml")
    with pytest.raises(DeckLookupError) as raised:
        resolve_deck("uitval", [tmp_path])
    assert str(copy) in str(raised.value) and str(builtin_decks_dir() / "uitval.yaml") in str(
        raised.value
    )


def test_missing_path_is_not_looked_up_by_name(tmp_path: Path) -> None:
    with pytest.raises(DeckLookupError, match="bestaat niet"):
        resolve_deck(str(tmp_path / "uitval.yaml"))


# -- starter deck ------------------------------------------------------------------------------


def test_starter_deck_validates_without_any_problem() -> None:
    result = parse_deck(starter_deck("mijn-thema"), "mijn-thema.yaml")
    assert result.ok and result.problems == []
    assert result.deck is not None
    assert result.deck.theme == "Mijn thema" and len(result.deck.cards) == 3
    assert [card.id for card in result.deck.cards] == ["M01", "M02", "M03"]


def test_starter_deck_points_at_the_installed_schema() -> None:
    first = starter_deck("x").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={schema_path().as_posix()}"
    assert schema_path().is_absolute()


def test_schema_path_with_a_space_becomes_a_file_uri(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        starter, "schema_path", lambda: Path("/Users/Jan de Vries/deck.schema.json")
    )
    assert starter.schema_reference() == "file:///Users/Jan%20de%20Vries/deck.schema.json"


def test_starter_deck_survives_odd_names() -> None:
    for name in ('een "rare" naam', "ééN", "x\\y", "---"):
        assert parse_deck(starter_deck(name), "x.yaml").ok, name


@pytest.mark.parametrize(
    ("typed", "file_name"),
    [
        ("mijn-thema", "mijn-thema.yaml"),
        ("Zorg.yaml", "Zorg.yaml"),
        ("stage_2", "stage_2.yaml"),
        ("oud.yml", "oud.yml"),
        ("één", "één.yaml"),
    ],
)
def test_deck_file_name(typed: str, file_name: str) -> None:
    assert deck_file_name(typed) == file_name


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "../x",
        "a/b",
        "a\\b",
        "met spatie",
        ".yaml",
        "-x",
        "x" * 61,
        "a:b",
        "CON",
        "nul.yaml",
        "com1",
    ],
)
def test_unsafe_deck_names_are_refused(typed: str) -> None:
    with pytest.raises(DeckNameError):
        deck_file_name(typed)
