"""Deck folders, finding a deck by name, and the starter deck behind `new-deck`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import dialoogspel.decks.starter as starter
from dialoogspel.decks import (
    MAX_BYTES,
    DeckCopyError,
    DeckLookupError,
    DeckNameError,
    builtin_decks_dir,
    copy_of_deck,
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


# -- a facilitator's own copy wins --------------------------------------------------------------


def test_own_copy_replaces_the_builtin_deck(tmp_path: Path) -> None:
    copy = write(tmp_path, "uitval.yaml")
    builtin = builtin_decks_dir() / "uitval.yaml"
    assert resolve_deck("uitval", [tmp_path]) == copy
    uitval = [r for r in find_decks([tmp_path]) if r.name.casefold() == "uitval"]
    assert [(r.path, r.source) for r in uitval] == [(copy, str(tmp_path))]
    assert [(r.path, r.source) for r in uitval[0].replaces] == [(builtin, "ingebouwd")]


def test_other_builtin_decks_stay_and_are_not_marked(tmp_path: Path) -> None:
    write(tmp_path, "uitval.yaml")
    write(tmp_path, "eigen.yaml")
    refs = {r.name: r for r in find_decks([tmp_path])}
    assert refs["verzuim"].source == "ingebouwd" and refs["verzuim"].replaces == ()
    assert refs["eigen"].replaces == ()
    assert set(refs) == {p.stem for p in builtin_decks_dir().glob("*.yaml")} | {"eigen"}


def test_own_copy_wins_whatever_its_case_or_suffix(tmp_path: Path) -> None:
    copy = write(tmp_path, "Uitval.yml")
    assert resolve_deck("uitval", [tmp_path]) == copy
    assert [r.path for r in find_decks([tmp_path]) if r.name.casefold() == "uitval"] == [copy]


def test_environment_folder_copy_also_replaces_the_builtin_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = write(tmp_path, "uitval.yaml")
    monkeypatch.setenv("DIALOOGSPEL_DECKS", str(tmp_path))
    assert resolve_deck("uitval") == copy


def test_decks_option_folder_goes_before_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = write(tmp_path / "eigen", "uitval.yaml")
    team = write(tmp_path / "team", "uitval.yaml")
    monkeypatch.setenv("DIALOOGSPEL_DECKS", str(tmp_path / "team"))
    assert resolve_deck("uitval", [tmp_path / "eigen"]) == mine
    (ref,) = [r for r in find_decks([tmp_path / "eigen"]) if r.name == "uitval"]
    assert ref.path == mine
    assert [r.path for r in ref.replaces] == [team, builtin_decks_dir() / "uitval.yaml"]


def test_earlier_folder_wins_among_decks_options_and_environment_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = write(tmp_path / "a", "zorg.yaml")
    b = write(tmp_path / "b", "zorg.yaml")
    assert resolve_deck("zorg", [tmp_path / "a", tmp_path / "b"]) == a
    assert resolve_deck("zorg", [tmp_path / "b", tmp_path / "a"]) == b
    monkeypatch.setenv("DIALOOGSPEL_DECKS", os.pathsep.join([str(b.parent), str(a.parent)]))
    assert resolve_deck("zorg") == b
    (ref,) = [r for r in find_decks() if r.name == "zorg"]
    assert [r.path for r in ref.replaces] == [a]


def test_a_path_always_means_that_file(tmp_path: Path) -> None:
    write(tmp_path, "uitval.yaml")
    builtin = builtin_decks_dir() / "uitval.yaml"
    assert resolve_deck(str(builtin), [tmp_path]) == builtin


def test_two_files_of_one_name_in_one_folder_are_ambiguous(tmp_path: Path) -> None:
    yaml_file = write(tmp_path, "zorg.yaml")
    yml_file = write(tmp_path, "zorg.yml")
    assert {r.path for r in find_decks([tmp_path]) if r.name == "zorg"} == {yaml_file, yml_file}
    with pytest.raises(DeckLookupError) as raised:
        resolve_deck("zorg", [tmp_path])
    message = str(raised.value)
    assert "in dezelfde map" in message and str(yaml_file) in message and str(yml_file) in message


def test_setup_screen_offers_only_the_own_copy(tmp_path: Path) -> None:
    from dialoogspel.table import load_all_decks, load_named_decks

    write(tmp_path, "uitval.yaml", SMALL.replace("thema: Test", "thema: Uitval van ons"))
    cache = tmp_path / "cache"
    decks, skipped = load_all_decks([str(tmp_path)], cache)
    assert skipped == []
    assert [d.theme for d in decks if d.name == "uitval"] == ["Uitval van ons"]
    named = load_named_decks(["uitval"], [str(tmp_path)], cache)
    assert [d.theme for d in named] == ["Uitval van ons"]


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


# -- a copy of a deck (new-deck --van) --------------------------------------------------------

SCHEMA_LINE = f"# yaml-language-server: $schema={schema_path().as_posix()}"


def test_copy_replaces_a_relative_schema_line_with_the_absolute_one() -> None:
    text = "# yaml-language-server: $schema=deck.schema.json\n# Uitleg\n" + SMALL
    assert starter.with_schema_line(text) == f"{SCHEMA_LINE}\n# Uitleg\n{SMALL}"


def test_copy_without_a_schema_line_gets_one_on_top() -> None:
    assert starter.with_schema_line(SMALL) == f"{SCHEMA_LINE}\n{SMALL}"
    assert starter.with_schema_line("# Uitleg\n") == f"{SCHEMA_LINE}\n# Uitleg\n"
    assert starter.with_schema_line("") == f"{SCHEMA_LINE}\n"


def test_copy_keeps_windows_line_endings_and_drops_a_bom() -> None:
    text = "\ufeff#  yaml-language-server: $schema=x.json\r\nthema: T\r\n"
    assert starter.with_schema_line(text) == f"{SCHEMA_LINE}\r\nthema: T\r\n"


def test_copy_of_every_builtin_deck_loads_the_same(tmp_path: Path) -> None:
    for path in sorted(builtin_decks_dir().glob("*.yaml")):
        text = copy_of_deck(path)
        original = path.read_text(encoding="utf-8")
        assert text.splitlines()[0] == SCHEMA_LINE
        assert text.splitlines()[1:] == original.splitlines()[1:]
        copy = parse_deck(text, "kopie.yaml", path.stem)
        assert copy.ok and copy.deck == parse_deck(original, "kopie.yaml", path.stem).deck


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Wat doen we aan verzuim?".encode("cp1252") + b"\xeb", "geen UTF-8-tekst"),
        (b"#" * (MAX_BYTES + 1), "te groot"),
    ],
    ids=["windows-1252", "too big"],
)
def test_copy_refuses_a_file_it_cannot_read_as_a_deck(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "oud.yaml"
    path.write_bytes(data)
    with pytest.raises(DeckCopyError, match=message):
        copy_of_deck(path)


def test_copy_of_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(DeckCopyError, match="kan niet gelezen worden"):
        copy_of_deck(tmp_path / "weg.yaml")


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
