"""click's own English must not leak: path checks and the "[default: …]" in option help."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dialoogspel.cli import main


@pytest.mark.parametrize("command", [["play", "--uit"], ["decks", "--decks"]])
def test_a_file_given_for_a_folder_is_told_in_dutch(command: list[str], tmp_path: Path) -> None:
    file = tmp_path / "notities.txt"
    file.write_text("x")
    result = CliRunner().invoke(main, [*command, str(file)])
    assert result.exit_code == 2
    assert f"De map '{file}' is een bestand, geen map." in result.stderr
    assert "is a file" not in result.stderr


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("play", "Standaard: de map waar je nu bent"),
        ("resume", "Standaard: de map waar je nu bent"),
        ("export", "[standaard: .]"),
    ],
)
def test_shown_defaults_are_dutch(command: str, shown: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"], terminal_width=200)
    assert shown in result.stdout
    assert "default" not in result.stdout
