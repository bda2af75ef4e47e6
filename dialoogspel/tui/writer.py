"""The thread that writes an outcome file, kept apart so a hung share never blocks the app."""

from __future__ import annotations

import threading
from collections.abc import Callable

WRITER_THREAD = "dialoogspel-uitkomst"
"""Name of the thread that writes an outcome file."""


def start_writer(write: Callable[[], None]) -> None:
    """Run `write` in a daemon thread: leaving a screen does not cancel it, and a share that hangs
    for minutes cannot keep the app from quitting (Textual's workers are joined at exit)."""
    threading.Thread(target=write, name=WRITER_THREAD, daemon=True).start()


def outcome_still_writing() -> bool:
    """Whether an outcome file is still being written (e.g. to a network share that hangs)."""
    return any(t.name == WRITER_THREAD and t.is_alive() for t in threading.enumerate())
