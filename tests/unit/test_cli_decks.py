"""`dialoogspel decks`, `validate` and `new-deck`: output, streams and exit codes; Dutch help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import dialoogspel.deckcli as deckcli
from dialoogspel.cli import main
from dialoogspel.decks import builtin_decks_dir, parse_deck, schema_path
from tests.unit.deckfiles import EXAMPLE, SMALL


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DIALOOGSPEL_DECKS", "NO_COLOR", "COLORTERM", "WT_SESSION", "DIALOOGSPEL_ASCII"):
        monkeypatch.delenv(name, raising=False)


def run(*args: str, color: bool = False) -> Result:
    return CliRunner().invoke(main, list(args), color=color, prog_name="dialoogspel")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


# -- decks -------------------------------------------------------------------------------------


def test_decks_lists_every_builtin_deck_on_its_own_line() -> None:
    result = run("decks")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    uitval = next(line for line in lines if line.startswith("uitval "))
    assert "Uitval" in uitval and "#ee6677" in uitval and "21 kaarten" in uitval
    assert uitval.endswith("ingebouwd")
    assert lines[-1] == f"ingebouwd: {builtin_decks_dir()}"
    names = {line.split()[0] for line in lines[:-2]}
    assert names == {path.stem for path in builtin_decks_dir().glob("*.yaml")}


def test_decks_from_an_extra_folder_and_a_broken_one(tmp_path: Path) -> None:
    write(tmp_path, "eigen.yaml", SMALL)
    broken = write(tmp_path, "kapot.yaml", "thema: [\n")
    result = run("decks", "--decks", str(tmp_path))
    assert result.exit_code == 0
    eigen = next(line for line in result.stdout.splitlines() if line.startswith("eigen "))
    assert "Test" in eigen and "#123456" in eigen and "1 kaart " in eigen
    assert eigen.endswith(str(tmp_path))
    kapot = next(line for line in result.stdout.splitlines() if line.startswith("kapot "))
    assert kapot.endswith(f"fout: zie dialoogspel validate {broken}")


def test_decks_shows_the_own_copy_instead_of_the_builtin_deck(tmp_path: Path) -> None:
    write(tmp_path, "uitval.yaml", SMALL.replace("thema: Test", "thema: Uitval van ons"))
    result = run("decks", "--decks", str(tmp_path))
    assert result.exit_code == 0, result.output
    uitval = [line for line in result.stdout.splitlines() if line.startswith("uitval ")]
    assert len(uitval) == 1
    assert "Uitval van ons" in uitval[0]
    assert uitval[0].endswith(f"{tmp_path}  (vervangt de ingebouwde stapel)")
    verzuim = next(line for line in result.stdout.splitlines() if line.startswith("verzuim "))
    assert verzuim.endswith("ingebouwd")


def test_decks_names_a_copy_in_a_later_folder_that_does_not_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "eigen", "zorg.yaml", SMALL)
    team = write(tmp_path / "team", "zorg.yaml", SMALL)
    broken = write(tmp_path / "eigen", "uitval.yaml", "thema: [\n")
    monkeypatch.setenv("DIALOOGSPEL_DECKS", str(tmp_path / "team"))
    lines = run("decks", "--decks", str(tmp_path / "eigen")).stdout.splitlines()
    zorg = [line for line in lines if line.startswith("zorg ")]
    assert len(zorg) == 1 and zorg[0].endswith(f"{tmp_path / 'eigen'}  (vervangt {team})")
    uitval = [line for line in lines if line.startswith("uitval ")]
    assert len(uitval) == 1
    assert uitval[0].split(maxsplit=1)[1] == (
        f"fout: zie dialoogspel validate {broken}  (vervangt de ingebouwde stapel)"
    )


def test_decks_folder_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "uitenv.yaml", SMALL)
    monkeypatch.setenv("DIALOOGSPEL_DECKS", str(tmp_path))
    assert any(line.startswith("uitenv ") for line in run("decks").stdout.splitlines())


def test_decks_warns_about_a_missing_folder(tmp_path: Path) -> None:
    result = run("decks", "--decks", str(tmp_path / "weg"))
    assert result.exit_code == 0
    assert "bestaat niet" in result.stderr and "uitval" in result.stdout


def test_decks_output_is_plain_when_not_a_terminal() -> None:
    output = run("decks", color=True).stdout
    assert "\x1b[" not in output and "██" not in output


def test_decks_swatch_in_true_colour_or_256_colours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deckcli, "_wants_colour", lambda: True)
    monkeypatch.setenv("COLORTERM", "truecolor")
    assert "\x1b[38;2;238;102;119m██" in run("decks", color=True).stdout  # uitval #EE6677
    monkeypatch.delenv("COLORTERM")
    assert "\x1b[38;5;204m██" in run("decks", color=True).stdout


def test_no_color_and_dumb_terminals_get_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert deckcli._wants_colour()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not deckcli._wants_colour()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not deckcli._wants_colour()


# -- validate ----------------------------------------------------------------------------------


def test_validate_a_good_file() -> None:
    result = run("validate", str(EXAMPLE))
    assert result.exit_code == 0
    assert result.stdout == f"{EXAMPLE}: OK: 5 kaarten\n" and result.stderr == ""


def test_validate_a_bad_file_prints_every_problem_on_stdout(tmp_path: Path) -> None:
    path = write(
        tmp_path, "fout.yaml", SMALL.replace("vraag:", "vrag:") + "  - id: T01\n    vraag: b\n"
    )
    result = run("validate", str(path))
    assert result.exit_code == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:5:5: Onbekende sleutel 'vrag'.")
    assert lines[1].startswith(f"{path}:6:9: Het id 'T01'")
    assert lines[2] == f"{path}: niet in orde, 2 fouten"


def test_validate_with_only_warnings_passes(tmp_path: Path) -> None:
    path = write(tmp_path, "let-op.yaml", SMALL.replace("Wat doen we?", "Wat doen we bij #1?"))
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert f"{path}:5:28: waarschuwing: " in result.stdout
    assert result.stdout.endswith(f"{path}: OK: 1 kaart, 1 waarschuwing\n")


def test_validate_many_files_folders_and_names(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", SMALL)
    write(tmp_path, "b.yml", "thema: x\n")
    result = run("validate", str(tmp_path), "uitval", str(tmp_path / "weg.yaml"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'a.yaml'}: OK: 1 kaart" in result.stdout
    assert f"{tmp_path / 'b.yml'}: niet in orde" in result.stdout
    assert f"{builtin_decks_dir() / 'uitval.yaml'}: OK: 21 kaarten" in result.stdout
    assert f"{tmp_path / 'weg.yaml'}:1:1: Dit bestand bestaat niet." in result.stdout
    assert result.stdout.endswith("4 bestanden: 2 in orde, 2 met fouten.\n")


def test_validate_unknown_deck_name_suggests_one() -> None:
    result = run("validate", "uitvall")
    assert result.exit_code == 1
    assert result.stdout.startswith("uitvall: Er is geen stapel met de naam 'uitvall'. Bedoel je")


def test_validate_empty_folder(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path))
    assert result.exit_code == 1 and "geen .yaml-bestanden" in result.stdout


def test_validate_every_builtin_deck() -> None:
    result = run("validate", str(builtin_decks_dir()))
    assert result.exit_code == 0, result.stdout


def test_validate_without_a_file_is_a_usage_error_in_dutch() -> None:
    result = run("validate")
    assert result.exit_code == 2 and result.stdout == ""
    assert "Gebruik: dialoogspel validate [OPTIES] BESTAND..." in result.stderr
    assert "Fout: 'BESTAND...' ontbreekt." in result.stderr


# -- new-deck ----------------------------------------------------------------------------------


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty current folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_deck_writes_a_starter_deck_that_validates(in_tmp: Path) -> None:
    result = run("new-deck", "mijn-thema")
    assert result.exit_code == 0, result.output
    assert "Nieuwe stapel gemaakt: mijn-thema.yaml" in result.stdout
    text = (in_tmp / "mijn-thema.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={schema_path().as_posix()}\n")
    assert parse_deck(text, "mijn-thema.yaml").problems == []
    checked = run("validate", "mijn-thema.yaml")
    assert checked.exit_code == 0 and checked.stdout == "mijn-thema.yaml: OK: 3 kaarten\n"


def test_new_deck_keeps_a_given_suffix(in_tmp: Path) -> None:
    assert run("new-deck", "Zorg.yml").exit_code == 0
    assert [p.name for p in in_tmp.iterdir()] == ["Zorg.yml"]


def test_new_deck_never_overwrites(in_tmp: Path) -> None:
    (in_tmp / "stage.yaml").write_text("van mij\n", encoding="utf-8")
    result = run("new-deck", "stage")
    assert result.exit_code == 1 and "stage.yaml bestaat al" in result.stderr
    assert (in_tmp / "stage.yaml").read_text(encoding="utf-8") == "van mij\n"


@pytest.mark.parametrize("name", ["../buiten", "met spatie", "CON", ""])
def test_new_deck_refuses_unsafe_names(in_tmp: Path, name: str) -> None:
    result = run("new-deck", name)
    assert result.exit_code == 2 and "Fout: Ongeldige waarde voor NAAM" in result.stderr
    assert list(in_tmp.iterdir()) == []


def test_new_deck_copies_a_builtin_deck_with_an_absolute_schema_line(in_tmp: Path) -> None:
    builtin = builtin_decks_dir() / "uitval.yaml"
    result = run("new-deck", "proef", "--van", "uitval")
    assert result.exit_code == 0, result.output
    assert f"Nieuwe stapel gemaakt: proef.yaml, een kopie van {builtin}" in result.stdout
    assert "dialoogspel validate proef.yaml" in result.stdout
    assert "vervangt" not in result.stdout
    text = (in_tmp / "proef.yaml").read_text(encoding="utf-8")
    original = builtin.read_text(encoding="utf-8")
    assert original.startswith("# yaml-language-server: $schema=deck.schema.json\n")
    first, rest = text.split("\n", 1)
    assert first == f"# yaml-language-server: $schema={schema_path().as_posix()}"
    assert rest == original.split("\n", 1)[1]
    checked = run("validate", "proef.yaml")
    assert checked.exit_code == 0 and checked.stdout == "proef.yaml: OK: 21 kaarten\n"


def test_new_deck_copies_a_deck_from_a_decks_folder_or_a_path(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = write(in_tmp / "team", "zorg.yaml", SMALL.replace("\n", "\r\n"))
    assert run("new-deck", "a", "--van", "zorg").exit_code == 2  # not in a deck folder
    assert run("new-deck", "a", "--van", "zorg", "--decks", str(team.parent)).exit_code == 0
    assert run("new-deck", "b", "--van", str(team)).exit_code == 0
    monkeypatch.setenv("DIALOOGSPEL_DECKS", str(team.parent))
    assert run("new-deck", "c.yml", "--van", "zorg").exit_code == 0
    for name in ("a.yaml", "b.yaml", "c.yml"):
        data = (in_tmp / name).read_bytes()
        schema = schema_path().as_posix()
        assert data == f"# yaml-language-server: $schema={schema}\r\n".encode() + team.read_bytes()


def test_new_deck_copies_the_own_version_that_replaces_a_builtin_deck(in_tmp: Path) -> None:
    own = write(in_tmp / "eigen", "uitval.yaml", SMALL)
    result = run("new-deck", "proef", "--van", "uitval", "--decks", str(own.parent))
    assert result.exit_code == 0 and f"een kopie van {own}" in result.stdout
    assert (in_tmp / "proef.yaml").read_text(encoding="utf-8").endswith(SMALL)


def test_a_copy_under_the_builtin_name_replaces_the_builtin_deck(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run("new-deck", "Uitval", "--van", "uitval")
    assert result.exit_code == 0
    assert "Dan vervangt het de ingebouwde stapel Uitval." in result.stdout
    listing = run("decks", "--decks", str(in_tmp)).stdout.splitlines()
    uitval = [line for line in listing if line.casefold().startswith("uitval ")]
    assert len(uitval) == 1 and uitval[0].endswith(f"{in_tmp}  (vervangt de ingebouwde stapel)")


def test_new_deck_copy_never_overwrites(in_tmp: Path) -> None:
    (in_tmp / "proef.yaml").write_text("van mij\n", encoding="utf-8")
    result = run("new-deck", "proef", "--van", "uitval")
    assert result.exit_code == 1 and "proef.yaml bestaat al" in result.stderr
    assert (in_tmp / "proef.yaml").read_text(encoding="utf-8") == "van mij\n"
    own = write(in_tmp, "eigen.yaml", SMALL)
    result = run("new-deck", "eigen", "--van", str(own))  # a copy onto itself
    assert result.exit_code == 1 and own.read_text(encoding="utf-8") == SMALL


def test_new_deck_from_an_unknown_deck_suggests_one(in_tmp: Path) -> None:
    result = run("new-deck", "proef", "--van", "uitvall")
    assert result.exit_code == 2
    assert "Fout: Ongeldige waarde voor --van: Er is geen stapel met de naam 'uitvall'." in (
        result.stderr
    )
    assert "Bedoel je 'uitval'?" in result.stderr
    assert list(in_tmp.iterdir()) == []


def test_new_deck_copy_checks_the_name_first(in_tmp: Path) -> None:
    result = run("new-deck", "../buiten", "--van", "uitval")
    assert result.exit_code == 2 and "Ongeldige waarde voor NAAM" in result.stderr
    assert list(in_tmp.iterdir()) == []


def test_new_deck_does_not_copy_a_windows_1252_file(in_tmp: Path) -> None:
    old = in_tmp / "oud.yaml"
    old.write_bytes("thema: Ziekte en verzuim \xeb\n".encode("cp1252"))
    result = run("new-deck", "nieuw", "--van", str(old))
    assert result.exit_code == 1 and "geen UTF-8-tekst" in result.stderr
    assert not (in_tmp / "nieuw.yaml").exists()


# -- Dutch help --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["decks"], ["validate"], ["new-deck"]])
def test_help_is_dutch(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Gebruik: dialoogspel")
    assert "Opties:" in result.stdout and "Toon deze hulp en stop." in result.stdout
    assert "Usage" not in result.stdout and "Show this" not in result.stdout


def test_unknown_command_and_option_in_dutch() -> None:
    result = run("valdate")
    assert (
        result.exit_code == 2
        and "Fout: Onbekende opdracht: valdate. Bedoel je validate?" in result.stderr
    )
    result = run("decks", "--dek", "x")
    assert (
        result.exit_code == 2
        and "Fout: Onbekende optie: --dek. Bedoel je --decks?" in result.stderr
    )


# -- start-up cost -----------------------------------------------------------------------------

PROBE = """
import json, sys
from dialoogspel.cli import main
for args in (["decks"], ["validate", sys.argv[1]]):
    try:
        main(args, standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))))
"""


def test_decks_and_validate_do_not_import_textual() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(EXAMPLE)], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.splitlines()[-1]) == []


def test_a_folder_given_as_deck_is_named_a_folder(tmp_path) -> None:
    from dialoogspel.decks import DeckLookupError, resolve_deck

    with pytest.raises(DeckLookupError, match="is een map"):
        resolve_deck(str(tmp_path))
