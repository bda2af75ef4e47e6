"""One window per session: a face claims the session's lock before it plays.

The lock file lives in the data folder (see `locks.py`). A second window on the same session
is refused in Dutch; a stale lock (its process is gone) is taken over quietly; a live-looking
one only when the person confirms that the other window is closed.
"""

from __future__ import annotations

from pathlib import Path

from dialoogspel.locks import SessionLock, SessionLocked
from dialoogspel.storage import StorageError
from dialoogspel.table.options import StartRefused


class StartLocked(StartRefused):
    """The session is open in another window; the message says where and what to do."""

    def __init__(self, message: str, session_id: str) -> None:
        super().__init__(message)
        self.session_id = session_id
        """The session that is open elsewhere."""


def claim_session(home: Path, session_id: str, *, take_over: bool = False) -> SessionLock | None:
    """The session's lock for this window; StartLocked when another window plays it.

    None when the data folder cannot hold a lock file: the game still starts, and the first
    autosave tells the team that saving does not work.
    """
    try:
        return SessionLock.acquire(home, session_id, force=take_over)
    except SessionLocked as locked:
        raise StartLocked(str(locked), session_id) from None
    except StorageError:
        return None
