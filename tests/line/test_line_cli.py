"""The command line picks the plain-line face for play, resume and the default command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dialoogspel.cli import main
from dialoogspel.sessions import SessionStore

PLAY = ["--deck", "uitval", "--modus", "samen", "--casus", "Klas 3B", "--speler", "Anna:slb"]


@pytest.fixture(autouse=True)
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TERM", "xterm-256color")
    for name in ("DIALOOGSPEL_EENVOUDIG", "ACCESSIBLE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "home"


def run(args: list[str], lines: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(main, args, input=lines)
    return done.exit_code, done.stdout, done.stderr


@pytest.mark.parametrize("first", [["play"], []], ids=["play", "default command"])
def test_input_that_is_not_a_terminal_gets_the_plain_line_face(
    tmp_path: Path, first: list[str]
) -> None:
    code, out, err = run([*first, *PLAY, "--uit", str(tmp_path)], "1\nq\n")
    assert (code, err) == (0, "")
    assert out.startswith("Dialoogspel in eenvoudige regels.")
    assert "De kaart ligt in 1 Belangrijk & urgent." in out
    assert "\x1b" not in out
    assert len(list(tmp_path.glob("*.md"))) == 1


def test_resume_continues_in_the_plain_line_face(tmp_path: Path, home: Path) -> None:
    run(["play", *PLAY, "--uit", str(tmp_path), "--eenvoudig"], "1\n")
    [saved] = SessionStore(home).list_sessions()
    code, out, _ = run(["resume", saved.id[:6], "--eenvoudig"], "\n2\n")
    assert code == 0
    assert "Kaart 2 van" in out and "De kaart ligt in 2 Belangrijk, maar niet urgent." in out


def test_scherm_and_eenvoudig_together_are_refused_in_dutch() -> None:
    code, _, err = run(["play", *PLAY, "--scherm", "--eenvoudig"], "")
    assert code == 2 and err.strip() == "Kies --eenvoudig of --scherm, niet allebei."


def test_scherm_without_a_terminal_says_why_and_starts_nothing(home: Path) -> None:
    code, out, err = run(["resume", "abc", "--scherm"], "")
    assert code == 2 and out == ""
    assert "Het scherm werkt hier niet: de invoer en de uitvoer zijn geen terminal." in err


def test_help_names_the_new_options_in_dutch() -> None:
    _, out, _ = run(["play", "--help"], "")
    assert "--eenvoudig" in out and "schermlezer" in out
    assert "--kleuren [standaard|terminal]" in out
