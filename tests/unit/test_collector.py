"""The start-up pause of the garbage collector: paused by the command, resumed exactly once."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from dialoogspel import collector


@pytest.fixture
def restore_gc() -> Iterator[None]:
    """Leave the test process's collector as it was found."""
    was_enabled = gc.isenabled()
    yield
    collector._paused = False
    if was_enabled:
        gc.enable()


def test_pause_then_resume_enables_collection_and_freezes_nothing(restore_gc) -> None:
    """Freezing would keep start-up garbage (and a replaced setup screen) alive all game."""
    frozen = gc.get_freeze_count()
    collector.pause_collector()
    assert not gc.isenabled()
    collector.resume_collector()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_pause_leaves_a_collector_someone_else_disabled_alone(restore_gc) -> None:
    gc.disable()
    collector.pause_collector()
    collector.resume_collector()
    assert not gc.isenabled(), "the pause did not switch it off, so it must not switch it on"


PROBE = """
import gc, sys
from dialoogspel import entry
sys.argv = ["dialoogspel", *sys.argv[1:]]
try:
    entry.main()
except SystemExit:
    pass
print("enabled" if gc.isenabled() else "paused", file=sys.stderr)
"""


@pytest.mark.parametrize("command", [["decks"], ["validate", "--help"], ["resume"]])
def test_commands_without_an_app_collect_garbage_as_usual(command: list[str], tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *command],
        capture_output=True,
        text=True,
        env={"DIALOOGSPEL_HOME": str(tmp_path), "PATH": ""},
    )
    assert done.stderr.strip().splitlines()[-1].startswith("enabled"), done.stderr
