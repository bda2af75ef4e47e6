"""Autosave after every step, without holding the caller on the disk.

`BackgroundSaver` encodes the session on the caller's thread (a consistent snapshot: ~1 ms
for 1,000 cards, see `sessionjson`) and leaves writing, fsync and the rename to one writer
thread. Steps that come while a write is busy coalesce: the newest snapshot replaces the one
still waiting, so the file always ends at the latest step and never goes back to an older one.

No finished step is lost: the table waits for the writer when the team stops (q, ctrl+c, a
crash of the app) and an exit handler waits once more before the process ends. A process that
is killed loses at most the write in flight; the rename is atomic, so the file on disk is then
the previous complete save. `Autosaver` is the same contract on the caller's thread, for a plain
save function (tests, the line face, export).
"""

from __future__ import annotations

import atexit
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, Protocol

from dialoogspel.model import Session
from dialoogspel.oserrors import shown
from dialoogspel.storage import StorageError

WRITER_THREAD = "dialoogspel-autosave"
"""Name of the thread that writes the session file."""
IDLE_SECONDS = 30.0
"""The writer thread ends after this long without work; the next save starts a new one."""
EXIT_WAIT_SECONDS = 5.0
"""How long the process waits at exit for a write still in flight (a hung data folder)."""

Saver = Callable[[Session], object]
"""Writes the session somewhere safe; raises OSError or StorageError when it can't."""
Guard = Callable[[], None]
"""Runs just before a write takes the file's name; raises StorageError to call it off."""


class SaveResult(NamedTuple):
    """How one save ended."""

    revision: int
    """The session revision that was saved (or not)."""
    problem: str
    """Why it was not saved, in Dutch; empty when it was."""


class Store(Protocol):
    """What the writer needs of a `SessionStore`."""

    folder: Path

    def save(self, session: Session) -> Path:
        """Encode and write at once."""
        ...

    def encode(self, session: Session) -> tuple[Path, bytes]:
        """The session's file and bytes."""
        ...

    def write(self, path: Path, data: bytes, before_replace: Guard | None = None) -> None:
        """Replace the file with data atomically; StorageError in Dutch."""
        ...


class Autosaver:
    """Saves on the caller's thread with a plain save function."""

    def __init__(self, save: Saver) -> None:
        self._save = save
        self._result: SaveResult | None = None

    def submit(self, session: Session, guard: Guard | None = None) -> None:
        """Save this state of the session; the outcome comes from `take`."""
        try:
            if guard is not None:
                guard()
            self._save(session)
        except (OSError, StorageError) as error:
            self._result = SaveResult(session.revision, str(error))
        else:
            self._result = SaveResult(session.revision, "")

    def take(self) -> SaveResult | None:
        """The newest finished save not taken yet (None: nothing finished since)."""
        result, self._result = self._result, None
        return result

    def flush(self, timeout: float) -> bool:
        """Wait until every submitted state is written or failed; False when time ran out."""
        return True


class BackgroundSaver(Autosaver):
    """Encodes on the caller's thread; one writer thread writes the newest snapshot."""

    def __init__(self, store: Store) -> None:
        super().__init__(store.save)
        self.store = store
        """Where sessions are encoded and written."""
        self.listener: Callable[[], object] | None = None
        """Told in the writer thread after each write (a face wakes its own thread with it)."""
        self.writes = 0
        """How many writes were made (coalesced snapshots are never written)."""
        self._cond = threading.Condition()
        self._waiting: tuple[int, Path, bytes, Guard | None] | None = None
        self._busy = False
        self._thread: threading.Thread | None = None
        _savers.add(self)

    def submit(self, session: Session, guard: Guard | None = None) -> None:
        """Snapshot now (StorageError for an unsafe id), write soon; a newer one replaces it."""
        path, data = self.store.encode(session)
        with self._cond:
            self._waiting = (session.revision, path, data, guard)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=WRITER_THREAD, daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def take(self) -> SaveResult | None:
        with self._cond:
            result, self._result = self._result, None
        return result

    def flush(self, timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self._waiting is None and not self._busy, timeout)

    def _run(self) -> None:
        """The writer: take the newest snapshot, write it, tell the listener; end when idle."""
        while True:
            with self._cond:
                if not self._cond.wait_for(lambda: self._waiting is not None, IDLE_SECONDS):
                    self._thread = None
                    return
                assert self._waiting is not None
                revision, path, data, guard = self._waiting
                self._waiting, self._busy = None, True
            result = self._write(revision, path, data, guard)
            with self._cond:
                self._busy, self._result = False, result
                self.writes += 1
                self._cond.notify_all()
            if self.listener is not None:
                self.listener()

    def _write(self, revision: int, path: Path, data: bytes, guard: Guard | None) -> SaveResult:
        """One atomic write; its outcome in Dutch, whatever went wrong."""
        try:
            self.store.write(path, data, before_replace=guard)
        except StorageError as error:
            return SaveResult(revision, str(error))
        except Exception as error:  # the last net: the writer must go on, the team be told
            message = f"Het spel kon niet worden opgeslagen in {self.store.folder} ({error})."
            return SaveResult(revision, shown(message))
        return SaveResult(revision, "")


_savers: weakref.WeakSet[BackgroundSaver] = weakref.WeakSet()


@atexit.register
def _flush_all() -> None:
    """The last net at exit: a step handed to a writer still reaches the disk."""
    for saver in list(_savers):
        saver.flush(EXIT_WAIT_SECONDS)
