"""The one outcome writer of a run: owns the folder, the single write in flight, the local copy
and the last result. One file per session, kept current (`outcomefile`). A hung network share
never blocks the caller: the text is rendered on the caller's thread (fast, no copy of the
session) and written in a daemon thread that can be abandoned."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NamedTuple

from dialoogspel.model import OutcomeRef, Session
from dialoogspel.oserrors import reason, shown
from dialoogspel.outcomefile import (
    OutcomeFileRecord,
    OutcomeSave,
    save_outcome_text,
    write_session_outcome,
)
from dialoogspel.storage import OUTCOMES, abandon_pending_temps, data_home, outcome_filename

WRITER_THREAD = "dialoogspel-uitkomst"
"""Name of the thread that writes an outcome file."""


class ExportResult(NamedTuple):
    """What one write did, for the face to show and for the session to remember."""

    saved: OutcomeSave
    """The file in the chosen folder, or the local copy, and the Dutch message."""
    revision: int
    """The session revision the written text was rendered from."""
    folder: Path
    """The folder the team chose for this write."""

    @property
    def path(self) -> Path | None:
        """Where the outcome is in the chosen folder; None when that folder failed."""
        return self.saved.written.path if self.saved.written is not None else None

    @property
    def message(self) -> str:
        """Dutch sentences for the team."""
        return self.saved.message


Listener = Callable[[ExportResult], None]
"""Told about a finished write, in the writer thread: a face hands it to its own thread."""


def _record(ref: OutcomeRef | None, folder: Path | None = None) -> OutcomeFileRecord | None:
    """The storage record of a session's file; None when it is in another folder."""
    if ref is None or (folder is not None and Path(ref.path).parent != folder):
        return None
    return OutcomeFileRecord(ref.path, ref.sha256)


class Exporter:
    """Writes the outcome file, one write at a time, off the caller's thread."""

    def __init__(self, folder: Path, home: Path | None = None) -> None:
        self.folder = Path(folder)
        """Where the next write goes; a successful write keeps it, another folder replaces it."""
        self.home = home if home is not None else data_home()
        """The local data folder, for the copy when the chosen folder fails."""
        self.listener: Listener | None = None
        """Called with each finished write that was not abandoned."""
        self.last: ExportResult | None = None
        """The last finished write."""
        self._lock = threading.Lock()
        self._generation = 0
        """Bumped by abandon(): a write of an older generation is ignored when it finishes."""
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
        target = Path(os.path.abspath(self.folder))
        text, name, revision = (
            render(session, day),
            outcome_filename(session, day),
            session.revision,
        )
        previous = _record(session.outcome_file, target)
        previous_local = _record(session.outcome_local)
        local = self.home / OUTCOMES
        with self._lock:
            self._generation += 1
            generation = self._generation
            self._done.clear()

        def write() -> None:
            try:
                saved = save_outcome_text(
                    text,
                    target,
                    name,
                    local_folder=local,
                    previous=previous,
                    previous_local=previous_local,
                )
            except Exception as error:  # storage reports OSErrors itself; this is the last net
                saved = OutcomeSave(None, None, f"Opslaan is niet gelukt: {error}")
            self._finish(generation, ExportResult(saved, revision, target))

        threading.Thread(target=write, name=WRITER_THREAD, daemon=True).start()
        return True

    def _finish(self, generation: int, outcome: ExportResult) -> None:
        with self._lock:
            if generation != self._generation:
                return  # abandoned: the team already chose another way
            self.last = outcome
            self._done.set()
        if outcome.path is not None:
            self.folder = outcome.path.parent
        if self.listener is not None:
            self.listener(outcome)

    def abandon(self) -> None:
        """Stop waiting for the write in flight (a hung share): its result is ignored, its temp
        file is removed when the share answers, and the team may write elsewhere at once."""
        with self._lock:
            self._generation += 1
            self._done.set()
        abandon_pending_temps(Path(os.path.abspath(self.folder)), timeout=0.5)

    def wait(self, seconds: float) -> ExportResult | None:
        """Wait at most `seconds` for the write in flight; its result, or None if it hangs."""
        if not self._done.wait(seconds):
            return None
        return self.last

    def keep_local(self, session: Session, day: date) -> ExportResult:
        """Write the outcome only to the local data folder; the chosen folder is not touched
        (the privacy check held it back). Local disk: done on the caller's thread."""
        from dialoogspel.outcome import render  # not needed to start play

        local = self.home / OUTCOMES
        try:
            local.mkdir(parents=True, exist_ok=True)
            copy = write_session_outcome(
                render(session, day),
                local,
                outcome_filename(session, day),
                _record(session.outcome_local),
            )
        except OSError as error:
            message = f"Ook een kopie op deze computer lukte niet ({reason(error)})."
            saved = OutcomeSave(None, None, shown(message))
        else:
            saved = OutcomeSave(
                None, copy, shown(f"Een kopie staat op deze computer: {copy.path}.")
            )
        return ExportResult(saved, session.revision, Path(os.path.abspath(self.folder)))

    def write_now(self, session: Session, day: date, seconds: float) -> ExportResult | None:
        """Write and wait a few seconds at most (stopping the game); None when the share hangs."""
        if self.busy and self.wait(seconds) is None:
            return None
        if not self.start(session, day):
            return None
        return self.wait(seconds)
