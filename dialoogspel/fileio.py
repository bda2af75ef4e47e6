"""File primitives under `storage`: bounded reads, atomic and exclusive writes, no leftovers.

- Only regular files are read, never more than a limit: a FIFO, a device or a link to
  /dev/zero in a data folder can neither hang the app nor fill its memory.
- Every write goes to a temp file in the target folder first. Each temp file is registered
  while it exists, so a quitting app can remove the ones a hung write still holds
  (`abandon_pending_temps`), and its name carries the host and process id, so a later write
  can remove the ones a killed process left (`sweep_stale_temps`).
- Text is written as UTF-8 that always encodes (`utf8_bytes`).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

from dialoogspel.liveness import host_tag, pid_alive
from dialoogspel.oserrors import FileTooBigError, NotRegularFileError, WriteAbandoned
from dialoogspel.timeouts import run_with_timeout

REPLACE_TRIES = 5
"""How often os.replace is tried when Windows reports the target busy (virus scanner, OneDrive)."""
STALE_TEMP_SECONDS = 24 * 3600
"""A temp file this old is left over whoever made it (no write takes a day)."""
_BINARY = getattr(os, "O_BINARY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

Epoch = tuple[int, int]
"""How often writes were abandoned everywhere and in one folder, when a write started."""

_pending: dict[Path, tuple[bool, Epoch | None]] = {}
"""Temp files of writes in flight in this process -> (abandoned?, the write's epoch)."""
_abandons: dict[str, int] = {}
"""How often abandon_pending_temps ran, per absolute folder ("" = for all folders)."""
_pending_lock = threading.Lock()


# -- reading ----------------------------------------------------------------------------------


def _check_regular(info: os.stat_result, path: str | os.PathLike[str], limit: int) -> None:
    """Raise unless info is a regular file of at most limit bytes."""
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "dit is een map", os.fspath(path))
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFileError(22, "geen gewoon bestand", os.fspath(path))
    if info.st_size > limit:
        raise FileTooBigError(27, "te groot", os.fspath(path))


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises FileNotFoundError and the like, IsADirectoryError, NotRegularFileError (FIFO,
    device, socket: never opened for reading in blocking mode) or FileTooBigError (also when
    the file grew while being read: at most limit + 1 bytes are read).
    """
    _check_regular(os.stat(path), path, limit)
    fd = os.open(path, os.O_RDONLY | _BINARY | _NONBLOCK)
    try:
        _check_regular(os.fstat(fd), path, limit)  # it may have been swapped since the stat
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileTooBigError(27, "te groot", os.fspath(path))
    return data


def utf8_bytes(text: str) -> bytes:
    """Text as UTF-8; a lone surrogate (from a name that was not UTF-8) becomes U+FFFD."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8")


# -- temp files -------------------------------------------------------------------------------


def _temp_name(stem: str) -> str:
    """`.<stem>.<host><pid>.<random>.tmp`: hidden, and telling who made it."""
    stem = stem[:40].replace(".", "_")
    return f".{stem}.{host_tag()}-{os.getpid()}.{os.urandom(4).hex()}.tmp"


def write_epoch(folder: Path) -> Epoch:
    """Stamp a write with this when it starts: abandoning its folder later calls it off, also
    when it was still hanging before its temp file existed."""
    key = os.path.abspath(folder)
    with _pending_lock:
        return (_abandons.get("", 0), _abandons.get(key, 0))


def check_not_abandoned(temp: Path) -> None:
    """Raise WriteAbandoned (and remove the temp file) when abandon_pending_temps took it."""
    with _pending_lock:
        abandoned, since = _pending.get(temp, (False, None))
    if not abandoned and since is not None:
        abandoned = write_epoch(temp.parent) != since
    if abandoned:
        unlink_quietly(temp)
        raise WriteAbandoned(125, "afgebroken", str(temp))


def _forget(temp: Path) -> None:
    """Remove a temp file and its registration."""
    unlink_quietly(temp)
    with _pending_lock:
        _pending.pop(temp, None)


def abandon_pending_temps(folder: Path | None = None, timeout: float = 2.0) -> list[Path]:
    """Remove the temp files of writes still in flight (all, or those in `folder`).

    For an app that quits while a write hangs on a share: the write then ends with
    WriteAbandoned instead of taking its final name; so does a write stamped with an earlier
    `write_epoch` of that folder that has not made its temp file yet. The removal runs in a
    daemon thread and waits at most `timeout` seconds (it may hang on the same share).
    Returns the temp files.
    """
    key = "" if folder is None else os.path.abspath(folder)
    with _pending_lock:
        _abandons[key] = _abandons.get(key, 0) + 1
        temps = [t for t in _pending if not key or os.path.abspath(t.parent) == key]
        for temp in temps:
            _pending[temp] = (True, _pending[temp][1])

    def remove() -> None:
        """Unlink each abandoned temp file (may hang on a share: runs in a daemon thread)."""
        for temp in temps:
            unlink_quietly(temp)

    run_with_timeout(remove, timeout)
    return temps


def sweep_stale_temps(folder: Path) -> int:
    """Remove our temp files that a killed process left in folder; returns how many.

    A temp file is removed when it was made on this computer by a process that has ended, or
    when it is older than a day. Any error only ends the sweep.
    """
    removed, now, tag = 0, time.time(), host_tag()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            parts = entry.name[:-4].rsplit(".", 2) if entry.name.endswith(".tmp") else []
            if len(parts) != 3 or not entry.name.startswith("."):
                continue
            host, _, pid = parts[1].partition("-")
            if host == tag and pid.isdigit() and int(pid) != os.getpid():
                gone = not pid_alive(int(pid))
            else:
                gone = now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS
            if gone and entry.is_file(follow_symlinks=False):
                unlink_quietly(Path(entry.path))
                removed += 1
    return removed


def create_exclusively(path: Path, data: bytes, *, durable: bool = True) -> bool:
    """Create `path` only if it does not exist, write data and fsync; False if it existed.

    A failure while writing removes the file again, so no half-written file stays behind.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    except FileExistsError:
        return False
    try:
        with open(fd, "wb", closefd=True) as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
    except BaseException:
        unlink_quietly(path)
        raise
    return True


def write_temp(
    folder: Path, stem: str, data: bytes, *, durable: bool = True, since: Epoch | None = None
) -> Path:
    """Write data to a new temp file in folder (fsynced when durable) and register it.

    The caller must end with `discard_temp` (or a rename); abandoning it raises WriteAbandoned.
    """
    while True:
        temp = folder / _temp_name(stem)
        with _pending_lock:
            _pending[temp] = (False, since)
        try:
            created = create_exclusively(temp, data, durable=durable)
            if created:
                check_not_abandoned(temp)
                return temp
        except BaseException:
            _forget(temp)
            raise
        with _pending_lock:
            _pending.pop(temp, None)


def discard_temp(temp: Path) -> None:
    """Remove a temp file (if still there) and stop tracking it."""
    _forget(temp)


def unlink_quietly(path: Path) -> None:
    """Remove a file if it is there; any error is ignored."""
    with contextlib.suppress(OSError):
        path.unlink()


def sync_folder(folder: Path) -> None:
    """Make a rename durable on POSIX by fsyncing the folder (best effort; Windows cannot)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_retrying(temp: Path, path: Path, tries: int = REPLACE_TRIES) -> None:
    """os.replace(temp, path), retried a few times while Windows reports the target busy."""
    for attempt in range(tries):
        check_not_abandoned(temp)
        try:
            os.replace(temp, path)
            return
        except FileNotFoundError:
            check_not_abandoned(temp)  # removed by abandon_pending_temps: say so
            raise
        except PermissionError:
            if attempt == tries - 1:
                raise
            time.sleep(0.05 + 0.025 * attempt)


def atomic_write_bytes(
    path: Path,
    data: bytes,
    *,
    durable: bool = True,
    before_replace: Callable[[], None] | None = None,
    since: Epoch | None = None,
) -> None:
    """Replace path with data in one step: temp file, fsync, os.replace (retried while busy).

    `before_replace` runs just before the rename and may raise to call it off (the temp file
    is removed); `since` is the write's `write_epoch`. `durable=False` is for caches: no
    fsync and no waiting for a busy target; a power cut may then leave the old, an empty or a
    damaged file. Never for the team's work.
    """
    path = Path(path)
    temp = write_temp(path.parent, path.name, data, durable=durable, since=since)
    try:
        if before_replace is not None:
            before_replace()
        replace_retrying(temp, path, REPLACE_TRIES if durable else 1)
    finally:
        _forget(temp)
    if durable:
        sync_folder(path.parent)
