"""From bytes to text: size, encodings, binary junk, invisible characters, empty files."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialoogspel.decks import MAX_BYTES, load_deck, parse_deck
from tests.unit.deckfiles import SMALL, one_error, where


def test_utf8_with_bom_is_accepted_and_columns_ignore_the_bom() -> None:
    assert parse_deck(b"\xef\xbb\xbf" + SMALL.encode(), "t.yaml").ok
    text = "\ufeff" + SMALL.replace("thema:", "tema:")
    assert where(one_error(parse_deck(text.encode(), "t.yaml"))) == (1, 1)
    assert where(one_error(parse_deck(text, "t.yaml"))) == (1, 1)


def test_windows_1252_file_gets_a_clear_located_message() -> None:
    data = SMALL.replace("Wat doen we?", "Wat doen we met één café?").encode("cp1252")
    error = one_error(parse_deck(data, "t.yaml"))
    assert where(error) == (5, 28)
    assert "Windows-1252" in error.message and "'é'" in error.message
    assert "Sla het bestand op als UTF-8" in error.message
    assert "3 keer" in error.message


def test_bad_utf8_does_not_hide_other_problems() -> None:
    data = SMALL.replace("Wat doen we?", "caf\xe9").replace("vraag:", "vrag:").encode("latin-1")
    result = parse_deck(data, "t.yaml")
    assert [where(p) for p in result.errors] == [(5, 5), (5, 14)]


def test_column_of_a_bad_byte_counts_characters_not_bytes() -> None:
    data = SMALL.replace("Test", "ëë").encode().replace(b"\xc3\xab\n", b"\xc3\xab\xff\n")
    assert where(one_error(parse_deck(data, "t.yaml"))) == (1, 10)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_file_is_named_as_such(encoding: str) -> None:
    error = one_error(parse_deck(SMALL.encode(encoding), "t.yaml"))
    assert where(error) == (1, 1) and "UTF-16" in error.message and "UTF-8" in error.message


def test_binary_junk_is_not_a_text_file() -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    error = one_error(parse_deck(data, "plaatje.yaml"))
    assert "geen tekstbestand" in error.message and where(error) == (3, 1)


def test_nul_character_in_text_is_binary() -> None:
    error = one_error(parse_deck(SMALL.replace("Wat", "W\x00at"), "t.yaml"))
    assert where(error) == (5, 13) and "geen tekstbestand" in error.message


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x85", "\u2028", "\ud800"])
def test_invisible_characters_are_located_and_the_rest_is_still_checked(char: str) -> None:
    text = SMALL.replace("Wat", f"W{char}at").replace("id: T01", "ie: T01")
    result = parse_deck(text, "t.yaml")
    assert [where(p) for p in result.errors] == [(4, 5), (5, 13)]
    assert f"U+{ord(char):04X}" in result.errors[1].message


def test_many_invisible_characters_are_counted_once() -> None:
    error = one_error(
        parse_deck(SMALL.replace("Wat doen we?", "W\x07at d\x07oen w\x07e?"), "t.yaml")
    )
    assert "3 keer" in error.message


def test_size_cap_says_the_size_and_the_cap() -> None:
    data = b"# " + b"x" * (2 * MAX_BYTES) + b"\n"
    error = one_error(parse_deck(data, "groot.yaml"))
    assert where(error) == (1, 1) and "(2 MB)" in error.message and "1 MB" in error.message


def test_file_just_under_the_cap_is_read() -> None:
    padding = "#" * (MAX_BYTES - len(SMALL) - 1) + "\n"
    assert parse_deck((padding + SMALL).encode(), "t.yaml").ok


def test_load_deck_checks_the_size_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    with big.open("wb") as file:
        file.truncate(50 * MAX_BYTES)  # sparse: huge on paper, nothing to read
    assert "te groot" in one_error(load_deck(big)).message


@pytest.mark.parametrize("text", ["", "\n\n  \n", "# alleen commentaar\n", "\ufeff", "---\n"])
def test_empty_file_is_an_error(text: str) -> None:
    error = one_error(parse_deck(text.encode(), "leeg.yaml"))
    assert where(error) == (1, 1) or error.line == 2
    assert "leeg" in error.message or "geen stapel" in error.message


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    error = one_error(load_deck(tmp_path / "bestaat-niet.yaml"))
    assert where(error) == (1, 1) and "bestaat niet" in error.message
    assert str(error).startswith(str(tmp_path / "bestaat-niet.yaml") + ":1:1: ")


def test_folder_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    assert "map" in one_error(load_deck(tmp_path)).message


def test_problem_string_is_file_line_column_message() -> None:
    error = one_error(parse_deck(SMALL.replace("vraag:", "vrag:"), "decks/x.yaml"))
    assert str(error).startswith("decks/x.yaml:5:5: Onbekende sleutel 'vrag'.")


def test_refused_characters_are_yamls_plus_the_invisible_line_breaks() -> None:
    """Our short list of refused characters must say exactly what PyYAML's reader says."""
    from yaml.reader import Reader

    from dialoogspel.decks.text import _NOT_YAML_TEXT

    line_breaks = {"\x85", "\u2028", "\u2029"}
    code_points = [*range(0x10000), *range(0x10000, 0x110000, 997), 0x10FFFF]
    for number in code_points:
        char = chr(number)
        yaml_refuses = Reader.NON_PRINTABLE.match(char) is not None
        assert (_NOT_YAML_TEXT.match(char) is not None) == (yaml_refuses or char in line_breaks)
