"""Calls that may hang on a network share run in a daemon thread and give up after a timeout.

A hung SMB share can block os.stat or os.mkdir for minutes, and neither Ctrl+C nor closing the
terminal ends such a call. Nothing that touches a share runs on the caller's thread before the
first screen: these helpers wait at most `timeout` seconds and leave the hung call behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Literal

FolderStatus = Literal["ok", "missing", "not_a_folder", "unreachable", "timeout"]


def run_with_timeout(action: Callable[[], object], timeout: float) -> tuple[bool, object]:
    """Run action in a daemon thread; (finished, its result or exception) after at most timeout.

    A call that hangs on a network share keeps its thread, never the caller's.
    """
    outcome: list[object] = []

    def run() -> None:
        """Keep the action's result or exception for the caller."""
        try:
            outcome.append(action())
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=run, name="dialoogspel-io", daemon=True)
    thread.start()
    thread.join(timeout)
    return (True, outcome[0]) if outcome else (False, None)


def _status_now(path: Path) -> FolderStatus:
    """The folder's status, asked directly (may hang on a share)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "missing"
    except NotADirectoryError:
        return "not_a_folder"
    except (OSError, ValueError):
        return "unreachable"
    return "ok" if stat.S_ISDIR(info.st_mode) else "not_a_folder"


def folder_status(path: Path, timeout: float = 2.0) -> FolderStatus:
    """ok, missing, not_a_folder, unreachable, or timeout when the check hangs (a hung share).

    Never blocks the caller longer than `timeout` seconds.
    """
    finished, answer = run_with_timeout(lambda: _status_now(Path(path)), timeout)
    if not finished:
        return "timeout"
    return answer if isinstance(answer, str) else "unreachable"  # type: ignore[return-value]


def create_folder(path: Path, timeout: float = 2.0) -> FolderStatus:
    """Make the folder (and its parents) off the caller's thread; then its status."""

    def make() -> FolderStatus:
        """mkdir -p, then the status (may hang on a share)."""
        with contextlib.suppress(OSError):
            Path(path).mkdir(parents=True, exist_ok=True)
        return _status_now(Path(path))

    finished, answer = run_with_timeout(make, timeout)
    if not finished:
        return "timeout"
    return answer if isinstance(answer, str) else "unreachable"  # type: ignore[return-value]
