"""The import contract: nothing below the TUI imports textual, and the core does not need click.

Each module is imported in a fresh interpreter, so what the test run already imported does not
count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORE = [
    "dialoogspel.model",
    "dialoogspel.decks",
    "dialoogspel.decks.reader",
    "dialoogspel.decks.folders",
    "dialoogspel.decks.starter",
    "dialoogspel.outcome",
    "dialoogspel.present",
    "dialoogspel.present.keys",
    "dialoogspel.present.dialogkeys",
]
"""Pure layers: no textual, no click (the decks package loads its parts on first use)."""
BELOW_TUI = [
    "dialoogspel.storage",
    "dialoogspel.sessions",
    "dialoogspel.deckcache",
    "dialoogspel.table",
    "dialoogspel.line",
    "dialoogspel.line.run",
    "dialoogspel.overview",
    "dialoogspel.overview.output",
]
"""May use more of the world, but never textual."""

PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def top_level_modules_after_import(module: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, module], capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.parametrize("module", CORE)
def test_core_layer_imports_neither_textual_nor_click(module: str) -> None:
    loaded = top_level_modules_after_import(module)
    assert not loaded & {"textual", "rich", "click"}


@pytest.mark.parametrize("module", BELOW_TUI)
def test_layer_below_the_tui_does_not_import_textual(module: str) -> None:
    assert not top_level_modules_after_import(module) & {"textual", "rich"}


START = """
import json, sys
from pathlib import Path
from dialoogspel.sessions import SessionStore
from dialoogspel.table import StartOptions, start_session
options = StartOptions(decks=["uitval"], mode="samen", casus="Test", players=["Anna:docent"])
launch = start_session(options, SessionStore(Path(sys.argv[1])))
assert launch.session is not None
later = ("dialoogspel.outcome", "hashlib", "importlib.resources")
print(json.dumps({
    "yaml": sorted(name for name in sys.modules if name.split(".")[0] == "yaml"),
    "later": [name for name in later if name in sys.modules],
}))
"""


def test_a_start_from_the_deck_cache_does_not_load_the_yaml_parser(tmp_path) -> None:
    """Importing PyYAML costs ~12 ms of every start; a deck that did not change needs none."""

    assert "yaml" in modules_after_start(tmp_path)["yaml"], "the first start reads the deck"
    assert modules_after_start(tmp_path)["yaml"] == []


def modules_after_start(home: Path) -> dict[str, list[str]]:
    """Which of the modules a start can do without were loaded by start_session."""
    done = subprocess.run(
        [sys.executable, "-c", START, str(home)], capture_output=True, text=True, check=True
    )
    loaded: dict[str, list[str]] = json.loads(done.stdout.splitlines()[-1])
    return loaded


def test_a_start_does_not_load_the_outcome_reader_or_openssl(tmp_path) -> None:
    """The outcome package (read back, render) and hashlib (OpenSSL, ~1 MB) wait for a save or
    a terugblik file: each costs milliseconds and memory on every start. (The first start reads
    the deck, and a card id without one is a hash; later starts take the deck from the cache.)"""
    modules_after_start(tmp_path)
    assert modules_after_start(tmp_path)["later"] == []
