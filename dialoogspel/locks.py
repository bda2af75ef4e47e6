"""One window per session: a lock file `<home>/sessies/<id>.lock` while a session is open.

The lock holds JSON with the process id, the computer's name, the start time and a random
token. It is created exclusively (a hard link of a complete temp file, or O_EXCL where links
are missing), so of two windows opening the same session at once exactly one wins.

A lock is stale when its process has ended: same computer and the process id is not running
(POSIX: `os.kill(pid, 0)`; Windows: OpenProcess via ctypes, and when Windows will not say, the
process counts as alive), or that id now belongs to a program started after the lock (Linux,
e.g. after a restart). A lock of another computer (a data folder on a share) is never called
stale by itself: only after the user confirms (`force=True`). A stale lock is taken over
under a short-lived guard file, so two windows taking over at once still give one winner.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import time
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from dialoogspel.fileio import (
    create_exclusively,
    discard_temp,
    read_limited,
    replace_retrying,
    unlink_quietly,
    write_temp,
)
from dialoogspel.liveness import host_name, pid_alive, process_started
from dialoogspel.oserrors import reason, shown
from dialoogspel.storage import SESSIONS, StorageError

MAX_LOCK_BYTES = 64 * 1024
"""A lock file is a few hundred bytes; anything bigger is not ours."""
YOUNG_SECONDS = 10.0
"""An unreadable lock or guard younger than this is being written right now: it counts."""
REUSED_PID_SLACK = 60.0
"""A process that started this much later than its lock cannot be the one that took it."""
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_held: dict[str, Path] = {}
"""Token -> lock file of the locks this process holds (released at a normal exit too)."""


class LockHolder(NamedTuple):
    """Who holds a session's lock, as its lock file says."""

    pid: int
    """The process id (0 when the file could not be read)."""
    host: str
    """The computer's name."""
    started: datetime | None
    """When the lock was taken (local time, naive); None when unknown."""
    token: str
    """Random; tells one holder from the next."""
    age: float
    """Seconds since the lock file was last written."""

    @property
    def readable(self) -> bool:
        """The file held a lock we could read."""
        return bool(self.token)

    def is_stale(self, *, force: bool = False) -> bool:
        """Its process has ended (so it may be taken over); `force` after the user confirmed."""
        if force:
            return True
        if not self.readable:
            return self.age > YOUNG_SECONDS
        if self.host != host_name():
            return False
        if self.pid == os.getpid():
            return self.token not in _held
        if not pid_alive(self.pid):
            return True
        began = process_started(self.pid)
        lock_time = self.started.timestamp() if self.started is not None else None
        return began is not None and lock_time is not None and began > lock_time + REUSED_PID_SLACK


class SessionLocked(StorageError):
    """The session is open in another window; the Dutch message says since when, where, what now."""

    def __init__(self, session_id: str, holder: LockHolder) -> None:
        self.session_id = session_id
        """The session that is locked."""
        self.holder = holder
        """Who holds it."""
        super().__init__(locked_message(holder))


def locked_message(holder: LockHolder) -> str:
    """Dutch: open in another window since <time> on <host>; close it, or take over if gone."""
    host = shown(_CONTROL.sub("", holder.host))[:60] or "een andere computer"
    if holder.started is None:
        since = ""
    elif holder.started.date() == datetime.now().date():
        since = f" sinds {holder.started:%H:%M}"
    else:
        since = f" sinds {holder.started:%d-%m-%Y %H:%M}"
    return (
        f"Dit spel is al open in een ander venster{since}, op {host}. "
        "Speel verder in dat venster, of sluit het eerst. "
        "Is dat venster al dicht, of is die computer uit? Dan kun je het spel hier toch openen."
    )


def lock_path(home: Path, session_id: str) -> Path:
    """`<home>/sessies/<id>.lock` (the id is checked: no path can escape the folder)."""
    if not _ID.match(session_id):
        raise StorageError(shown(f"'{session_id}' is geen geldige code van een spel."))
    return Path(home) / SESSIONS / f"{session_id}.lock"


def _read(path: Path) -> tuple[LockHolder, bytes] | None:
    """The holder and the raw bytes of a lock file; None when there is no lock file."""
    try:
        age = max(time.time() - os.stat(path).st_mtime, 0.0)
    except FileNotFoundError:
        return None
    try:
        raw = read_limited(path, MAX_LOCK_BYTES)
    except FileNotFoundError:
        return None
    except OSError:
        return LockHolder(0, "", None, "", age), b""
    try:
        data = json.loads(raw.decode("utf-8"))
        started = datetime.fromisoformat(str(data["started"]))
        if started.tzinfo is not None:
            started = started.astimezone().replace(tzinfo=None)
        holder = LockHolder(int(data["pid"]), str(data["host"]), started, str(data["token"]), age)
    except (ValueError, TypeError, LookupError, OverflowError, RecursionError):
        return LockHolder(0, "", None, "", age), raw
    return holder, raw


def read_lock(home: Path, session_id: str) -> LockHolder | None:
    """Who holds the session's lock, or None when nobody does."""
    found = _read(lock_path(home, session_id))
    return found[0] if found is not None else None


def _claim(path: Path, data: bytes) -> bool:
    """Create the lock file with data, exclusively and complete; False when it exists."""
    temp = write_temp(path.parent, path.name, data, durable=False)
    try:
        os.link(temp, path)
        return True
    except FileExistsError:
        return False
    except (OSError, AttributeError):  # no hard links here: O_EXCL (briefly empty, see YOUNG)
        return create_exclusively(path, data, durable=False)
    finally:
        discard_temp(temp)


def _take_over(path: Path, judged: bytes, data: bytes) -> bool:
    """Replace a stale lock whose bytes are still `judged`, under a guard; False to try again."""
    guard = path.with_name(path.name + ".overnemen")
    if not create_exclusively(guard, str(os.getpid()).encode(), durable=False):
        with contextlib.suppress(OSError):
            if time.time() - os.stat(guard).st_mtime > YOUNG_SECONDS:
                unlink_quietly(guard)  # a window died while taking over
        return False
    try:
        found = _read(path)
        if found is None or found[1] != judged:
            return False  # released or taken meanwhile: judge again
        temp = write_temp(path.parent, path.name, data, durable=False)
        try:
            replace_retrying(temp, path)
        finally:
            discard_temp(temp)
        return True
    finally:
        unlink_quietly(guard)


class SessionLock:
    """A held lock on one session; release it when the window closes (or use `with`)."""

    def __init__(self, path: Path, session_id: str, holder: LockHolder) -> None:
        self.path = path
        """The lock file."""
        self.session_id = session_id
        """The locked session."""
        self.holder = holder
        """What the lock file says about us."""

    @classmethod
    def acquire(cls, home: Path, session_id: str, *, force: bool = False) -> SessionLock:
        """Take the session's lock; SessionLocked (Dutch) when a live window holds it.

        A stale lock is taken over at once; `force=True` takes over any lock (after the user
        confirmed that the other window is gone). Raises StorageError when the data folder
        cannot be written.
        """
        path = lock_path(home, session_id)
        started = datetime.now().replace(microsecond=0)
        stamp = started.astimezone().isoformat()  # with its UTC offset: other computers read it
        token = os.urandom(8).hex()
        fields = {"pid": os.getpid(), "host": host_name(), "started": stamp}
        data = json.dumps({**fields, "token": token}, ensure_ascii=True).encode("ascii")
        holder = LockHolder(os.getpid(), host_name(), started, token, 0.0)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            other = holder
            for _ in range(200):
                if _claim(path, data):
                    break
                found = _read(path)
                if found is None:
                    continue  # released meanwhile
                other, raw = found
                if not other.is_stale(force=force):
                    raise SessionLocked(session_id, other)
                if _take_over(path, raw, data):
                    break
                time.sleep(0.005)
            else:
                raise SessionLocked(session_id, other)
        except OSError as error:
            message = f"Het spel kon niet worden vastgezet in {path.parent} ({reason(error)})."
            raise StorageError(shown(message)) from error
        _held[token] = path
        return cls(path, session_id, holder)

    def held(self) -> bool:
        """The lock file still names us (False after another window took it over)."""
        found = _read(self.path)
        return found is not None and found[0].token == self.holder.token

    def release(self) -> None:
        """Remove the lock file if it is still ours; safe to call more than once."""
        if self.holder.token in _held and self.held():
            unlink_quietly(self.path)
        _held.pop(self.holder.token, None)

    def __enter__(self) -> SessionLock:
        """`with SessionLock.acquire(...) as lock:` releases it at the end."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Release the lock."""
        self.release()


@atexit.register
def _release_all() -> None:
    """At a normal exit (also after an error), remove the lock files this process still holds."""
    for token, path in list(_held.items()):
        found = _read(path)
        if found is not None and found[0].token == token:
            unlink_quietly(path)
    _held.clear()
