"""A whole pionnen session piped in from a file: `python -m dialoogspel play ... < input.txt`.

Standard input is a file, so the plain-line face starts by itself; TERM=dumb and a Windows code
page must not bring in an escape code or a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

INPUT = Path(__file__).parent / "data" / "pionnen.txt"
"""A contested card, a note, an agreement, a parked card, the afspraken and the outcome."""


def play(
    tmp_path: Path, env: dict[str, str], *options: str, stdin_text: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    out = tmp_path / "uit"
    out.mkdir(exist_ok=True)
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DIALOOGSPEL_EENVOUDIG", "ACCESSIBLE", "NO_COLOR", "TEXTUAL")
    }
    environment.update(DIALOOGSPEL_HOME=str(tmp_path / "home"), **env)
    root = str(Path(__file__).resolve().parents[2])  # this checkout's code, not an installed one
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "dialoogspel", "play", "--deck", "uitval"]
    command += ["--modus", "pionnen", "--casus", "Klas 3B", "--uit", str(out)]
    command += ["--speler", "Anna:slb", "--speler", "Ahmed:docent", *options]
    source = INPUT
    if stdin_text is not None:
        source = tmp_path / "invoer.txt"
        source.write_text(stdin_text, encoding="utf-8")
    with source.open("rb") as stdin:
        return subprocess.run(
            command, stdin=stdin, capture_output=True, env=environment, timeout=60, check=False
        )


@pytest.mark.parametrize(
    "env",
    [
        {"TERM": "dumb", "PYTHONIOENCODING": "cp437"},
        {"TERM": "xterm-256color", "PYTHONIOENCODING": "cp1252"},
        {"TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8"},
    ],
    ids=["dumb-cp437", "xterm-cp1252", "xterm-utf8"],
)
def test_a_whole_session_from_a_file(tmp_path: Path, env: dict[str, str]) -> None:
    done = play(tmp_path, env)
    encoding = env["PYTHONIOENCODING"]
    said = done.stdout.decode(encoding)
    assert done.returncode == 0, done.stderr.decode(encoding, "replace")
    assert done.stderr == b""
    assert b"\x1b" not in done.stdout
    assert "Traceback" not in said
    assert "De pionnen staan verschillend. Praat erover en kies samen 1, 2, 3 of 4." in said
    assert "'zzz' ken ik niet. Typ een vraagteken (?) voor alle toetsen." in said
    assert "Afspraak gemaakt voor Ahmed. e: alle afspraken." in said
    [written] = (tmp_path / "uit").glob("*.md")
    assert f"De uitkomst staat in {written}." in said
    text = written.read_text(encoding="utf-8")
    head = yaml.safe_load(text.split("---")[1])
    assert head["modus"] == "pionnen" and head["casus"] == "Klas 3B"
    assert "Anna ziet het eerder dan Ahmed." in text
    assert "**Ahmed** (docent): verzuim per week opvragen" in text
    assert "besproken" in text


def test_scherm_without_a_terminal_says_so_in_dutch(tmp_path: Path) -> None:
    done = play(tmp_path, {"TERM": "xterm-256color"}, "--scherm")
    assert done.returncode == 2
    assert done.stderr.decode().startswith("Het scherm werkt hier niet: de invoer")
    assert list((tmp_path / "uit").iterdir()) == []


def test_the_readme_example_input_plays_to_an_outcome(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = readme.split("(`invoer.txt`)", 1)[1].split("```\n", 2)[1]
    assert example.startswith("1\n3\n")
    done = play(tmp_path, {"TERM": "dumb"}, stdin_text=example)
    said = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    assert "Afspraak gemaakt voor Ahmed." in said and "De uitkomst staat in" in said
    assert "Deze kaart is geparkeerd." in said


def test_no_input_at_all_ends_at_once_instead_of_waiting_for_keys(tmp_path: Path) -> None:
    """`dialoogspel < /dev/null` used to start the screen, which never exited."""
    root = str(Path(__file__).resolve().parents[2])
    environment = {**os.environ, "DIALOOGSPEL_HOME": str(tmp_path / "home"), "PYTHONPATH": root}
    environment.pop("DIALOOGSPEL_EENVOUDIG", None)
    done = subprocess.run(
        [sys.executable, "-m", "dialoogspel"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=environment,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0
    assert done.stdout.decode().rstrip().endswith("Gestopt zonder spel. Er is niets bewaard.")
    assert b"\x1b" not in done.stdout
