"""Autosave and resume: one JSON file per session in `<data folder>/sessies/`.

Saved after every change through `storage.atomic_write_bytes`, so a laptop that dies mid-game
loses nothing; read back with every damage reported in Dutch, never a traceback. One damaged
file (bad JSON, odd types, impossible dates, a FIFO, a link to /dev/zero, a huge file) is
reported and skipped; it never hides the others. Text that is not valid Unicode (a lone
surrogate from a name that was not UTF-8) is saved as a JSON escape and comes back unchanged.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from dialoogspel.model import (
    Mode,
    RuleError,
    Session,
    SessionFormatError,
    session_from_dict,
)
from dialoogspel.oserrors import FileTooBigError, NotRegularFileError, reason, shown
from dialoogspel.sessionjson import SessionEncoder
from dialoogspel.sessiontable import cut
from dialoogspel.storage import (
    SESSIONS,
    StorageError,
    atomic_write_bytes,
    data_home,
    read_limited,
)

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_DAMAGE = (
    ValueError,  # bad JSON, bad UTF-8, bad dates and numbers
    TypeError,
    LookupError,
    AttributeError,
    OverflowError,  # a date like 0001-01-01T00:00:00+01:00 moved to local time
    RecursionError,
    RuleError,
)
"""What a damaged session file can raise while it is decoded and rebuilt."""
MAX_SESSION_BYTES = 20 * 1024 * 1024
"""Larger files in the sessions folder are not ours (a 1,000-card session is about 300 kB)."""


class SessionSummary(NamedTuple):
    """One saved session as the resume list shows it."""

    id: str
    """The session's code (what `resume` and `export` take, or a unique start of it)."""
    casus: str
    """The case as the team typed it."""
    themes: tuple[str, ...]
    """The theme names in play order."""
    mode: Mode
    """vragen, pionnen or samen."""
    created: datetime
    """When the session started."""
    saved: datetime
    """When it was last saved (the file's time when the save has no stamp)."""
    settled: int
    """Cards done (placed, or seen in vragen mode), parked ones not counted."""
    total: int
    """All cards of the session."""
    finished: bool
    """An outcome file was written for it (to the chosen folder, not only a local copy)."""
    path: Path
    """The autosave file."""

    @property
    def progress(self) -> str:
        """Cards done out of all cards, e.g. "12/30"."""
        return f"{self.settled}/{self.total}"


class SessionStore:
    """Autosave and resume: one JSON file per session in `<home>/sessies/`."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = Path(home) if home is not None else data_home()
        """The data folder (holds sessies/ and uitkomsten/)."""
        self.folder = self.home / SESSIONS
        """Where sessions are saved."""
        self.problems: list[str] = []
        """Dutch notes about files the last list_sessions() skipped."""
        self.encoder = SessionEncoder()
        """Keeps the JSON of the decks and of unchanged cards between saves."""

    def path(self, session_id: str) -> Path:
        """The file of a session id (ids are checked: no path can escape the folder)."""
        if not _ID.match(session_id):
            raise StorageError(shown(f"'{session_id}' is geen geldige code van een spel."))
        return self.folder / f"{session_id}.json"

    def save(self, session: Session) -> Path:
        """Save the session atomically; call after every change (a few ms for 200 cards)."""
        path, data = self.encode(session)
        self.write(path, data)
        return path

    def encode(self, session: Session) -> tuple[Path, bytes]:
        """The session's file and its bytes, made on the caller's thread (the session may
        change right after); StorageError for an id that is not a safe file name."""
        return self.path(session.id), self.encoder.encode(session)

    def write(
        self, path: Path, data: bytes, before_replace: Callable[[], None] | None = None
    ) -> None:
        """Replace the session file with data (temp file, fsync, rename); StorageError in Dutch.

        `before_replace` may raise to call the write off just before the rename."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data, before_replace=before_replace)
        except OSError as error:
            message = f"Het spel kon niet worden opgeslagen in {self.folder} ({reason(error)})."
            raise StorageError(shown(message)) from error

    def _read(self, path: Path) -> tuple[Session, dict[str, object]]:
        """The session and its JSON; StorageError (Dutch) for every kind of damage."""
        try:
            data = _load(path)
            session = session_from_dict(data)
        except (OSError, SessionFormatError, *_DAMAGE) as error:
            raise StorageError(_damage(path, error)) from None
        if session.id != path.stem:
            raise StorageError(shown(f"{path} hoort bij een ander spel ({session.id})."))
        return session, data

    def load(self, session_id: str) -> Session:
        """The saved session with this id; StorageError (Dutch) when missing or damaged."""
        return self._read(self.path(session_id))[0]

    def list_sessions(self) -> list[SessionSummary]:
        """All readable saved sessions, newest first; unreadable files go to `problems`."""
        self.problems = []
        summaries: list[SessionSummary] = []
        for path in self._paths():
            try:
                session, data = self._read(path)
                summaries.append(_summary(session, data, path))
            except StorageError as error:
                self.problems.append(str(error))
        return sorted(summaries, key=lambda s: (s.saved, s.created.isoformat(), s.id), reverse=True)

    def latest_unfinished(self) -> SessionSummary | None:
        """The most recently saved session without an outcome file, for "continue".

        Asked on every start screen, with maybe a year of sessions in the folder: each file is
        only decoded to see whether it is finished and when it was saved, and only the newest
        unfinished one is rebuilt (a damaged one gives way to the next). Same answer as the
        first unfinished session of `list_sessions`, several times faster. Files that cannot
        be read go to `problems`.
        """
        self.problems = []
        candidates: list[tuple[datetime, str, str, Path]] = []
        for path in self._paths():
            try:
                data = _load(path)
                if not isinstance(data, dict):
                    raise SessionFormatError("Dit opgeslagen spel heeft een onbekende vorm.")
                if not data.get("finished", bool(data.get("exported"))):
                    created, session_id = str(data.get("created", "")), str(data.get("id", ""))
                    candidates.append((_saved_at(data, path), created, session_id, path))
            except (OSError, SessionFormatError, *_DAMAGE) as error:
                self.problems.append(_damage(path, error))
        for *_, path in sorted(candidates, reverse=True):
            try:
                session, data = self._read(path)
            except StorageError as error:
                self.problems.append(str(error))
                continue
            if not session.finished:
                return _summary(session, data, path)
        return None

    def _paths(self) -> list[Path]:
        """The *.json names in the sessions folder (none when it is missing)."""
        return sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []

    @staticmethod
    def describe(summary: SessionSummary) -> str:
        """One Dutch line about a saved session, for the "continue?" offer on the start screen."""
        themes = ", ".join(summary.themes)
        when = summary.saved.strftime("%d-%m-%Y %H:%M")
        return shown(
            f"{cut(summary.casus, 40) or '(geen casus)'} — {themes}, {summary.mode.value}, "
            f"{summary.progress} kaarten, opgeslagen {when}"
        )

    def resolve(self, prefix: str) -> str:
        """The id of the one saved session whose id starts with prefix (Dutch error otherwise)."""
        prefix = prefix.strip()
        ids = [s.id for s in self.list_sessions() if s.id.startswith(prefix)] if prefix else []
        if prefix in ids:
            return prefix
        if len(ids) == 1:
            return ids[0]
        if not ids:
            if _ID.match(prefix) and os.path.lexists(self.path(prefix)):
                self._read(self.path(prefix))  # damaged: say why, not "there is none"
            raise StorageError(shown(f"Er is geen opgeslagen spel met code '{prefix}'."))
        message = f"'{prefix}' past bij meer spellen: {', '.join(ids)}. Typ meer tekens."
        raise StorageError(shown(message))


def _damage(path: Path, error: Exception) -> str:
    """What is wrong with a session file that could not be read, in Dutch (printable)."""
    return shown(_damage_text(path, error))


def _damage_text(path: Path, error: Exception) -> str:
    """What is wrong with a session file that could not be read, in Dutch."""
    if isinstance(error, FileNotFoundError):
        return f"Er is geen opgeslagen spel {path.stem}."
    if isinstance(error, FileTooBigError):
        return f"{path} is te groot voor een opgeslagen spel."
    if isinstance(error, NotRegularFileError):
        return f"{path} is geen gewoon bestand; het spel leest het niet."
    if isinstance(error, OSError):
        return f"{path} kon niet worden gelezen ({reason(error)})."
    if isinstance(error, SessionFormatError):
        return f"{path} is geen bruikbaar spel: {error}"
    return f"{path} is beschadigd (geen geldig opgeslagen spel)."


def _load(path: Path) -> Any:
    """A session file's JSON (not yet checked): only a regular file, at most MAX_SESSION_BYTES."""
    return json.loads(read_limited(path, MAX_SESSION_BYTES).decode("utf-8"))


def _saved_at(data: dict[str, Any], path: Path) -> datetime:
    """When the session was saved: as written in the file, else the file's time (local, naive,
    so that all of them can be compared)."""
    try:
        saved = datetime.fromisoformat(str(data["saved"]))
        return saved.astimezone().replace(tzinfo=None) if saved.tzinfo else saved
    except (KeyError, ValueError, OverflowError):
        pass
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    except (OSError, ValueError, OverflowError):
        return datetime.min


def _summary(session: Session, data: dict[str, Any], path: Path) -> SessionSummary:
    """The resume list's line of a rebuilt session."""
    saved = _saved_at(data, path)
    return SessionSummary(
        id=session.id,
        casus=session.setup.casus,
        themes=tuple(deck.theme for deck in session.setup.decks),
        mode=session.mode,
        created=session.created,
        saved=saved,
        settled=session.settled_count,
        total=len(session.cards),
        finished=session.finished,
        path=path,
    )
