"""The one outcome writer of a run: owns the folder, the single write in flight, the fallback
copy and the last result. A hung network share never blocks the caller: the text is rendered on
the caller's thread (fast, no copy of the session), and written in a daemon thread."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NamedTuple

from dialoogspel.model import Session
from dialoogspel.storage import SaveResult, data_home, outcome_filename, save_outcome_text

WRITER_THREAD = "dialoogspel-uitkomst"
"""Name of the thread that writes an outcome file."""


class ExportResult(NamedTuple):
    """What one write did, for the face to show and for the session to remember."""

    result: SaveResult
    """Where the file went (or the fallback copy) and the Dutch message."""
    revision: int
    """The session revision the written text was rendered from."""
    folder: Path
    """The folder the team chose for this write."""


Listener = Callable[[ExportResult], None]
"""Told about a finished write, in the writer thread: a face hands it to its own thread."""


class Exporter:
    """Writes the outcome file, one write at a time, off the caller's thread."""

    def __init__(self, folder: Path, home: Path | None = None) -> None:
        self.folder = Path(folder)
        """Where the next write goes; a successful write keeps it, another folder replaces it."""
        self.home = home if home is not None else data_home()
        """The local data folder, for the fallback copy."""
        self.listener: Listener | None = None
        """Called with each finished write that was not abandoned."""
        self.last: ExportResult | None = None
        """The last finished write."""
        self._lock = threading.Lock()
        self._generation = 0
        """Bumped by abandon(): a write of an older generation is ignored when it finishes."""
        self._running: threading.Thread | None = None
        self._done = threading.Event()
        self._done.set()

    @property
    def busy(self) -> bool:
        """A write is in flight (and was not abandoned)."""
        return not self._done.is_set()

    def start(self, session: Session, day: date, folder: Path | None = None) -> bool:
        """Render now and write in the background; False (nothing started) while one is busy."""
        from dialoogspel.outcome import render  # not needed to start play

        if self.busy:
            return False
        if folder is not None:
            self.folder = Path(folder)
        text, name = render(session, day), outcome_filename(session, day)
        target, revision = Path(os.path.abspath(self.folder)), session.revision
        with self._lock:
            self._generation += 1
            generation = self._generation
            self._done.clear()

        def write() -> None:
            try:
                result = save_outcome_text(text, name, target, self.home)
            except Exception as error:  # storage reports OSErrors itself; this is the last net
                result = SaveResult(None, None, f"Opslaan is niet gelukt: {error}")
            self._finish(generation, ExportResult(result, revision, target))

        self._running = threading.Thread(target=write, name=WRITER_THREAD, daemon=True)
        self._running.start()
        return True

    def _finish(self, generation: int, outcome: ExportResult) -> None:
        with self._lock:
            if generation != self._generation:
                return  # abandoned: the team already chose another way
            self.last = outcome
            self._done.set()
        if outcome.result.path is not None:
            self.folder = outcome.result.path.parent
        if self.listener is not None:
            self.listener(outcome)

    def abandon(self) -> None:
        """Stop waiting for the write in flight (a hung share): its result will be ignored, and
        the team may write elsewhere at once."""
        with self._lock:
            self._generation += 1
            self._done.set()

    def wait(self, seconds: float) -> ExportResult | None:
        """Wait at most `seconds` for the write in flight; its result, or None if it hangs."""
        if not self._done.wait(seconds):
            return None
        return self.last

    def write_now(self, session: Session, day: date, seconds: float) -> ExportResult | None:
        """Write and wait a few seconds at most (stopping the game); None when the share hangs."""
        if self.busy and self.wait(seconds) is None:
            return None
        if not self.start(session, day):
            return None
        return self.wait(seconds)
