"""Deck text is data: control and format characters are refused where they stand, never echoed.

Escape codes reach a terminal as YAML escapes (`"\\e]0;titel\\a"`) or as the characters
themselves; either way `validate` names the line and column of the character (or of the
backslash that made it), and nothing it prints holds the character raw. Markup is just text.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dialoogspel.cli import main
from dialoogspel.decks import find_decks, load_deck
from dialoogspel.decks.controls import MAX_REPORTS
from dialoogspel.textsafe import is_refused, visible
from tests.unit.deckfiles import LOADERS, SMALL, load, one_error, where

HEAD = 'thema: Test\nkleur: "#123456"\nkaarten:\n'

ESCAPE_DECKS = {
    "terminal title": (HEAD + '  - vraag: "Wat \\e]0;titel\\a doen we?"\n', (4, 17), "'\\e'"),
    "OSC 52 clipboard": (
        HEAD + '  - vraag: x\n    databronnen: ["Bron\\e]52;c;Y3VybCB4IHwgc2g=\\a"]\n',
        (5, 24),
        "'\\e'",
    ),
    "OSC 8 hyperlink": (
        HEAD + '  - vraag: "\\x1b]8;;file:///etc/passwd\\x1b\\\\klik\\x1b]8;;\\x1b\\\\"\n',
        (4, 13),
        "'\\x1b'",
    ),
    "bell alone": (HEAD + '  - vraag: "Hallo\\a"\n', (4, 18), "'\\a'"),
    "C1 CSI": (
        'thema: "Thema\\x9b2J"\nkleur: "#123456"\nkaarten:\n  - vraag: x\n',
        (1, 14),
        "\\x9b",
    ),
    "right-to-left override, escaped": (
        HEAD + '  - vraag: "Wat\\u202edoen we?"\n',
        (4, 16),
        "schrijfrichting",
    ),
    "right-to-left override, typed": (
        HEAD + "  - vraag: Wat\u202edoen we?\n",
        (4, 15),
        "schrijfrichting",
    ),
    "isolate in an id": (HEAD + "  - id: U\u206601\n    vraag: x\n", (4, 10), "U+2066"),
    "zero-width space": (HEAD + "  - vraag: Wat\u200b doen we?\n", (4, 15), "onzichtbaar"),
    "byte order mark inside text": (
        HEAD + "  - vraag: |\n      Wat doen\n      we\ufeff?\n",
        (6, 9),
        "U+FEFF",
    ),
    "escape after a folded line": (
        HEAD + '  - vraag: "Wat doen\n      we\\e[2J?"\n',
        (5, 9),
        "'\\e'",
    ),
    "zero-width in a key": (HEAD + "  - vr\u200baag: x\n", (4, 7), "U+200B"),
    "tag character": (HEAD + "  - vraag: Wat\U000e0041\n", (4, 15), "U+E0041"),
    "line separator escape": (HEAD + '  - vraag: "Wat\\Ldoen"\n', (4, 16), "regeleinde"),
}


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("case", ESCAPE_DECKS, ids=list(ESCAPE_DECKS))
def test_escape_code_decks_are_refused_at_the_character(loader: type, case: str) -> None:
    text, expected, fragment = ESCAPE_DECKS[case]
    result = load(text, loader)
    assert result.deck is None
    refused = [p for p in result.errors if "mag niet in een stapel" in p.message]
    assert len(refused) == 1, [str(p) for p in result.problems]
    assert where(refused[0]) == expected
    assert fragment in refused[0].message


@pytest.mark.parametrize("loader", LOADERS)
def test_tabs_and_line_breaks_in_values_stay_allowed(loader: type) -> None:
    text = HEAD + '  - vraag: "Wat\\tdoen\\nwe?"\n    databronnen:\n      - |\n        een\n'
    result = load(text, loader)
    assert result.ok, [str(p) for p in result.problems]
    assert result.deck is not None and result.deck.cards[0].question == "Wat\tdoen\nwe?"


@pytest.mark.parametrize("loader", LOADERS)
def test_markup_in_deck_text_is_just_text(loader: type) -> None:
    text = (
        'thema: "Thema [/] kapot"\nkleur: "#123456"\n'
        "beschrijving: '[bold]x[/bold]'\nkaarten:\n"
        '  - id: "[@click=app.quit]x[/]"\n'
        "    vraag: \"[@click=app.screenshot('uitkomst.md','/tmp')]Uitval[/]\"\n"
        "    databronnen: ['[/]', '[link=file:///etc/passwd]bron[/link]']\n"
    )
    result = load(text, loader)
    assert result.ok, [str(p) for p in result.problems]
    deck = result.deck
    assert deck is not None
    assert deck.theme == "Thema [/] kapot"
    assert deck.description == "[bold]x[/bold]"
    assert deck.cards[0].id == "[@click=app.quit]x[/]"
    assert deck.cards[0].question == "[@click=app.screenshot('uitkomst.md','/tmp')]Uitval[/]"
    assert [s.name for s in deck.cards[0].data_sources] == [
        "[/]",
        "[link=file:///etc/passwd]bron[/link]",
    ]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('thema: "Twee\\nregels"\nkleur: "#123456"\nkaarten:\n  - vraag: x\n', "'thema'"),
        ('thema: "Met\\ttab"\nkleur: "#123456"\nkaarten:\n  - vraag: x\n', "'thema'"),
        (HEAD + '  - id: "U\\t01"\n    vraag: x\n', "Een id"),
    ],
    ids=["theme with a line break", "theme with a tab", "id with a tab"],
)
def test_theme_and_id_fit_on_one_line(text: str, fragment: str) -> None:
    assert fragment in one_error(load(text)).message


def test_many_refused_texts_are_reported_ten_then_counted() -> None:
    cards = "".join(f"  - vraag: Vraag\u200b {n}\n" for n in range(MAX_REPORTS + 5))
    problems = load(HEAD + cards).errors
    assert len(problems) == MAX_REPORTS + 1
    assert [p.line for p in problems[:MAX_REPORTS]] == list(range(4, 4 + MAX_REPORTS))
    assert problems[-1].line == 4 + MAX_REPORTS and "Nog 5 teksten" in problems[-1].message


def test_refused_characters_in_comments_are_not_deck_text() -> None:
    assert load("# uitleg\u200b met \u202e\n" + SMALL).ok


def test_problem_text_never_holds_a_refused_character() -> None:
    result = load(HEAD + "  - vr\x1b]0;x\x07aag\u202e: x\n", path="map\x1b[2J/t\u202e.yaml")
    for problem in result.problems:
        shown = str(problem)
        assert not any(is_refused(char, allow="") for char in shown), shown
    assert str(result.problems[0]).startswith("map\\x1b[2J/t\\u202e.yaml:")


def test_a_file_name_with_a_control_character_is_refused(tmp_path: Path) -> None:
    deck = tmp_path / "uitval\x1b]0;x\x07.yaml"
    deck.write_text(SMALL, encoding="utf-8")
    problem = one_error(load_deck(deck))
    assert where(problem) == (1, 1) and "naam van dit bestand" in problem.message
    assert "\x1b" not in str(problem) and "\\x1b" in str(problem)


def test_visible_escapes_what_is_refused_and_keeps_the_rest() -> None:
    assert visible("Café [/] \x1b]0;x\x07 \u202e \x9b") == "Café [/] \\x1b]0;x\\x07 \\u202e \\x9b"
    assert visible("regel\nregel", allow="\n") == "regel\nregel"


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "stapels\u202e"
    folder.mkdir()
    (folder / "titel.yaml").write_text(ESCAPE_DECKS["terminal title"][0], encoding="utf-8")
    (folder / "link.yaml").write_text(ESCAPE_DECKS["OSC 8 hyperlink"][0], encoding="utf-8")
    (folder / "klembord.yaml").write_text(ESCAPE_DECKS["OSC 52 clipboard"][0], encoding="utf-8")
    (folder / "csi.yaml").write_text(ESCAPE_DECKS["C1 CSI"][0], encoding="utf-8")
    (folder / "sleutel.yaml").write_text(HEAD + "  - vr\u202eaag: x\n", encoding="utf-8")
    (folder / "naam\x1b[2J.yaml").write_text(SMALL, encoding="utf-8")
    return folder


def _raw_characters(output: str) -> list[str]:
    return [char for char in output if char not in "\n" and is_refused(char, allow="")]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows refuses such file names")
def test_validate_output_holds_no_escape_c1_or_bidi_character(tmp_path: Path) -> None:
    folder = _hostile_folder(tmp_path)
    result = CliRunner().invoke(main, ["validate", str(folder)], prog_name="dialoogspel")
    assert result.exit_code == 1, result.output
    assert _raw_characters(result.output) == []
    assert re.search(r"titel\.yaml:4:17: De code '\\e'", result.output)
    assert "naam\\x1b[2J.yaml:1:1:" in result.output
    assert "6 bestanden: 0 in orde, 6 met fouten." in result.output


@pytest.mark.skipif(sys.platform == "win32", reason="Windows refuses such file names")
def test_decks_and_lookup_errors_hold_no_raw_control_character(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIALOOGSPEL_DECKS", raising=False)
    folder = _hostile_folder(tmp_path)
    runner = CliRunner()
    listed = runner.invoke(main, ["decks", "--decks", str(folder)], prog_name="dialoogspel")
    assert listed.exit_code == 0, listed.output
    assert _raw_characters(listed.output) == []
    assert "naam\\x1b[2J" in listed.output
    for args in (["validate", "geen\x1b]0;x\x07"], ["new-deck", "x", "--van", "weg\u202e"]):
        result = runner.invoke(main, args, prog_name="dialoogspel")
        assert result.exit_code != 0
        assert _raw_characters(result.output) == [], result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_odd_entries_in_a_deck_folder_each_get_a_problem_and_the_rest_loads(
    tmp_path: Path,
) -> None:
    os.mkfifo(tmp_path / "pijp.yaml")
    (tmp_path / "nul.yaml").symlink_to("/dev/zero")
    (tmp_path / "map.yaml").mkdir()
    with (tmp_path / "groot.yaml").open("wb") as file:
        file.truncate(64 * 1024 * 1024)
    (tmp_path / "goed.yaml").write_text(SMALL, encoding="utf-8")
    refs = {ref.name: ref.path for ref in find_decks([tmp_path]) if ref.source == str(tmp_path)}
    assert sorted(refs) == ["goed", "groot", "map", "nul", "pijp"]
    expected = {
        "pijp": "geen gewoon bestand",
        "nul": "geen gewoon bestand",
        "map": "een map",
        "groot": "te groot",
    }
    for name, fragment in expected.items():
        problem = one_error(load_deck(refs[name]))
        assert where(problem) == (1, 1) and fragment in problem.message, str(problem)
    assert load_deck(refs["goed"]).ok


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_validate_a_folder_with_a_fifo_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pijp.yaml")
    (tmp_path / "goed.yaml").write_text(SMALL, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path)], prog_name="dialoogspel")
    assert result.exit_code == 1
    assert f"{tmp_path / 'pijp.yaml'}:1:1: Dit is geen gewoon bestand" in result.output
    assert f"{tmp_path / 'goed.yaml'}: OK: 1 kaart" in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_given_as_a_path_is_named_not_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.mkfifo(tmp_path / "pijp.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["new-deck", "kopie", "--van", str(tmp_path / "pijp.yaml")])
    assert not (tmp_path / "kopie.yaml").exists()
    assert result.exit_code != 0
    assert "geen gewoon bestand" in result.output and "bestaat niet" not in result.output


@pytest.mark.parametrize(
    ("char", "refused"),
    [
        ("a", False),
        ("é", False),
        ("\u00a0", False),
        ("\u00ad", False),  # soft hyphen: a format character, but harmless
        ("😀", False),
        ("\t", False),
        ("\n", False),
        ("\x1b", True),
        ("\x7f", True),
        ("\x9b", True),
        ("\u202e", True),
        ("\u2066", True),
        ("\u200b", True),
        ("\ufeff", True),
        ("\u2028", True),
        ("\u2061", True),  # invisible function application: a format character
        ("\U000e0041", True),  # tag character: hides text from readers
        ("\ue000", True),  # private use
        ("\u0378", True),  # unassigned
    ],
)
def test_which_characters_a_deck_refuses(char: str, refused: bool) -> None:
    assert is_refused(char) is refused
    if refused:
        assert visible(char).startswith("\\")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows refuses such file names")
def test_setup_and_play_show_deck_problems_without_raw_control_characters(tmp_path: Path) -> None:
    """The setup screen lists decks with errors; play refuses to start with their problems."""
    from dialoogspel.table.options import StartRefused
    from dialoogspel.table.start import load_all_decks, load_named_decks

    folder = _hostile_folder(tmp_path)
    decks, skipped = load_all_decks([str(folder)], tmp_path / "cache")
    assert len(skipped) == 6 and all(not _raw_characters(line) for line in skipped)
    assert {deck.name for deck in decks} >= {"uitval"}
    with pytest.raises(StartRefused) as refused:
        load_named_decks([str(folder / "titel.yaml")], [], tmp_path / "cache")
    assert "titel.yaml:4:17:" in str(refused.value) and not _raw_characters(str(refused.value))


def test_escapes_that_make_no_refused_character_are_skipped_on_the_way() -> None:
    from dialoogspel.decks.controls import Place, find_in_source

    text = 'vraag: "a\\\\b \\x41 \\u00e9 \\\n  c\\u200b"'
    place = Place(7, len(text), 1, 8, double_quoted=True)
    found = find_in_source(text, place)
    assert found is not None
    index, written, char = found
    assert (written, char) == ("\\u200b", "\u200b") and text[index:].startswith("\\u200b")
