"""One outcome file per session, kept current (SPEC section 6). Pure I/O: text in, file out.

The first write claims a fresh name exclusively (name.md, name-2.md, …), also against another
laptop saving the same name at the same moment. Later writes replace that file atomically,
but only while it still holds exactly what this session last wrote (its SHA-256 is what the
session remembers); a file someone changed or removed is left alone and a new name is claimed.
Nothing here mutates a session: the caller keeps the returned record.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Literal, NamedTuple

from dialoogspel.fileio import (
    Epoch,
    atomic_write_bytes,
    check_not_abandoned,
    create_exclusively,
    discard_temp,
    read_limited,
    replace_retrying,
    sweep_stale_temps,
    sync_folder,
    unlink_quietly,
    utf8_bytes,
    write_epoch,
    write_temp,
)
from dialoogspel.oserrors import FileTooBigError, NotRegularFileError, reason, shown
from dialoogspel.storage import safe_filename

MAX_OUTCOME_BYTES = 20 * 1024 * 1024
"""A larger file under the session's name is not what it wrote (1,000 cards: about 300 kB)."""

OutcomeStatus = Literal["nieuw", "bijgewerkt", "ongewijzigd", "opnieuw geclaimd"]


class OutcomeFileRecord(NamedTuple):
    """What a session remembers of its last outcome write."""

    path: str
    """The absolute path of the file it wrote."""
    sha256: str
    """The hex SHA-256 of the bytes it wrote there."""


class OutcomeWrite(NamedTuple):
    """What one write did; keep `record` in the session for the next write."""

    path: Path
    """The file that now holds the outcome."""
    sha256: str
    """The hex SHA-256 of its bytes."""
    status: OutcomeStatus
    """nieuw, bijgewerkt, ongewijzigd, or opnieuw geclaimd (the old file was changed or gone)."""
    message: str
    """One or two Dutch sentences for the team."""
    why: str = ""
    """For "opnieuw geclaimd": the Dutch sentence about the old file; else empty."""

    @property
    def record(self) -> OutcomeFileRecord:
        """What the session keeps for its next write."""
        return OutcomeFileRecord(str(self.path), self.sha256)


class OutcomeSave(NamedTuple):
    """The outcome written to the chosen folder, or the local copy when that failed."""

    written: OutcomeWrite | None
    """The write in the chosen folder, or None when that folder failed."""
    local: OutcomeWrite | None
    """The copy in the local data folder when the chosen folder failed."""
    message: str
    """Dutch sentences for the team; offers another folder when `written` is None."""

    @property
    def ok(self) -> bool:
        """The outcome is in the chosen folder."""
        return self.written is not None


class _Changed(Exception):
    """The session's old file no longer holds what it wrote; the Dutch reason is the message."""


def _sha(data: bytes) -> str:
    """Hex SHA-256 of data."""
    import hashlib  # loads OpenSSL: only when a file is written, not to start play

    return hashlib.sha256(data).hexdigest()


def claim_new_file(data: bytes, folder: Path, filename: str, *, since: Epoch | None = None) -> Path:
    """Write data under a name nobody has yet: name.md, name-2.md, … and return it.

    Never overwrites and never leaves a half-written file: the data is written and synced to
    a temp file first, which then takes the name by a hard link (fails if the name exists).
    Without hard links (FAT, some shares) the name is first claimed empty with O_EXCL and then
    replaced atomically by the temp file. The temp file is always removed.
    """
    folder = Path(folder)
    stem, dot, suffix = safe_filename(filename).rpartition(".")
    if not dot:
        stem, suffix = suffix, "md"
    temp = write_temp(folder, stem, data, since=since)
    link = getattr(os, "link", None)  # hard links: absent on a few platforms
    try:
        for number in range(1, 1000):
            name = f"{stem}.{suffix}" if number == 1 else f"{stem}-{number}.{suffix}"
            candidate = folder / name
            check_not_abandoned(temp)
            if link is not None:
                try:
                    link(temp, candidate)  # fails if the name exists: an exclusive claim
                    break
                except FileExistsError:
                    continue
                except OSError:
                    link = None  # not supported here: claim by O_EXCL instead
            if _claim_then_replace(temp, candidate):
                break
        else:
            raise FileExistsError(errno.EEXIST, "Te veel bestanden met deze naam", str(folder))
    finally:
        discard_temp(temp)
    sync_folder(folder)
    return candidate


def _claim_then_replace(temp: Path, candidate: Path) -> bool:
    """Claim candidate empty and exclusively, then move temp onto it; False if it existed."""
    if not create_exclusively(candidate, b"", durable=False):
        return False
    try:
        replace_retrying(temp, candidate)
    except BaseException:
        unlink_quietly(candidate)  # our own empty claim: nobody else writes under it
        raise
    return True


def _current(old: Path) -> bytes | None:
    """The old file's bytes; None when it is gone, b"" when it is no longer a small file."""
    try:
        return read_limited(old, MAX_OUTCOME_BYTES)
    except FileNotFoundError:
        return None
    except (IsADirectoryError, NotRegularFileError, FileTooBigError):
        return b""


def _check_ours(old: Path, current: bytes | None, expected: str) -> None:
    """_Changed, with the Dutch reason, unless the file still holds what the session wrote."""
    if current is None:
        raise _Changed(shown(f"Het bestand {old} is er niet meer (weggehaald of verplaatst)."))
    if _sha(current) != expected:
        raise _Changed(shown(f"Iemand heeft {old} veranderd. Dat bestand blijft zoals het is."))


def _update(old: Path, data: bytes, digest: str, expected: str, since: Epoch) -> OutcomeWrite:
    """Replace the session's own file atomically; _Changed when it is no longer ours."""
    current = _current(old)
    if current == data:
        message = shown(f"De uitkomst in {old} was al bijgewerkt.")
        return OutcomeWrite(old, digest, "ongewijzigd", message)
    _check_ours(old, current, expected)

    def still_ours() -> None:
        """Checked again just before the rename: an edit made meanwhile is not lost."""
        _check_ours(old, _current(old), expected)

    atomic_write_bytes(old, data, before_replace=still_ours, since=since)
    return OutcomeWrite(old, digest, "bijgewerkt", shown(f"De uitkomst in {old} is bijgewerkt."))


def write_session_outcome(
    text: str, folder: Path, filename: str, previous: OutcomeFileRecord | None
) -> OutcomeWrite:
    """Write the session's outcome: a new file the first time, the same file after that.

    `previous` is the record of the session's last write (None at first). When it lies in
    this folder and still holds exactly those bytes, it is replaced (or left alone when the
    text did not change); else a fresh name is claimed. Raises OSError when the folder fails.
    """
    folder = Path(os.path.abspath(folder))
    since = write_epoch(folder)
    data = utf8_bytes(text)
    digest = _sha(data)
    sweep_stale_temps(folder)
    why = ""
    if previous is not None and Path(os.path.abspath(previous.path)).parent == folder:
        try:
            old = Path(os.path.abspath(previous.path))
            return _update(old, data, digest, previous.sha256, since)
        except _Changed as change:
            why = str(change)
    path = claim_new_file(data, folder, filename, since=since)
    if why:
        message = shown(f"{why} De uitkomst staat nu in {path}.")
        return OutcomeWrite(path, digest, "opnieuw geclaimd", message, why)
    return OutcomeWrite(path, digest, "nieuw", shown(f"De uitkomst staat in {path}."))


def folder_problem(error: OSError) -> str:
    """Why a folder could not be written, in Dutch words after "De map X …"."""
    if isinstance(error, FileNotFoundError):
        return "bestaat niet (meer)"
    if isinstance(error, NotADirectoryError):
        return "is geen map"
    if isinstance(error, PermissionError) or error.errno in (errno.EROFS, errno.EACCES):
        return "is alleen-lezen of je mag er niet schrijven"
    return f"is niet bereikbaar ({reason(error)})"


def save_outcome_text(
    text: str,
    folder: Path,
    filename: str,
    *,
    local_folder: Path,
    previous: OutcomeFileRecord | None = None,
    previous_local: OutcomeFileRecord | None = None,
) -> OutcomeSave:
    """Write to the chosen folder; when that fails, keep the local copy current instead.

    Never raises OSError: the result carries the Dutch message. Run it off the UI thread.
    `previous` / `previous_local` are the records of the last write in each place.
    """
    folder = Path(os.path.abspath(folder))
    try:
        written = write_session_outcome(text, folder, filename, previous)
    except OSError as error:
        problem = f"De map {folder} {folder_problem(error)}."
        try:
            local_folder.mkdir(parents=True, exist_ok=True)
            local = write_session_outcome(text, local_folder, filename, previous_local)
        except OSError as second:
            message = f"{problem} Ook een kopie in {local_folder} lukte niet ({reason(second)})."
            return OutcomeSave(None, None, shown(f"{message} Kies een andere map."))
        why = f" {local.why}" if local.why else ""
        message = f"{problem}{why} Een kopie staat in {local.path}. Kies een andere map."
        return OutcomeSave(None, local, shown(message))
    return OutcomeSave(written, None, written.message)
