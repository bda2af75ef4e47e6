"""The only module that writes files: atomic writes, safe names, outcome files that never clash.

Every write goes to a temp file in the target folder first and is fsynced before it takes its final
name, so a killed process or a power cut leaves either the old file or the new one, never half.
Autosave and resume (`sessions.py`) and the deck cache (`deckcache.py`) write through here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import time
import unicodedata
from datetime import date
from pathlib import Path
from typing import NamedTuple

import platformdirs

from dialoogspel.model import Session
from dialoogspel.oserrors import reason

SESSIONS = "sessies"
OUTCOMES = "uitkomsten"
REPLACE_TRIES = 5
"""How often os.replace is tried when Windows reports the target busy (virus scanner, OneDrive)."""
_BINARY = getattr(os, "O_BINARY", 0)


class StorageError(Exception):
    """A saved session that cannot be read or written; the message is Dutch, for the team."""


def data_home() -> Path:
    """The per-user, non-roaming data folder: DIALOOGSPEL_HOME if set, else the platform's."""
    override = os.environ.get("DIALOOGSPEL_HOME", "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("dialoogspel", appauthor=False, roaming=False))


# -- atomic writes ----------------------------------------------------------------------------


def _create_exclusively(path: Path, data: bytes, *, durable: bool = True) -> bool:
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
        _unlink_quietly(path)
        raise
    return True


def _write_temp(folder: Path, stem: str, data: bytes, *, durable: bool = True) -> Path:
    """Write data to a new, uniquely named temp file in folder (and fsync it when durable)."""
    while True:
        temp = folder / f".{stem[:40]}.{os.urandom(4).hex()}.tmp"
        if _create_exclusively(temp, data, durable=durable):
            return temp


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _sync_folder(folder: Path) -> None:
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


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace path with data in one step: temp file, fsync, os.replace (retried while busy).

    `durable=False` is for caches: no fsync and no waiting for a busy target, so it costs
    nothing noticeable; a power cut may then leave the old, an empty or a damaged file, and a
    busy target raises PermissionError at once. Never use it for the team's work.
    """
    path = Path(path)
    temp = _write_temp(path.parent, path.name, data, durable=durable)
    tries = REPLACE_TRIES if durable else 1
    try:
        for attempt in range(tries):
            try:
                os.replace(temp, path)
                break
            except PermissionError:
                if attempt == tries - 1:
                    raise
                time.sleep(0.05 + 0.025 * attempt)
    except BaseException:
        _unlink_quietly(temp)
        raise
    if durable:
        _sync_folder(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """atomic_write_bytes for UTF-8 text (newlines written as given, also on Windows)."""
    atomic_write_bytes(path, text.encode("utf-8"))


# -- file names -------------------------------------------------------------------------------

_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"} | {
    f"{port}{n}" for port in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]
}
_REFUSED = {".lock", "desktop.ini", "thumbs.db", ".ds_store"}
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPECIAL_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d"})
MAX_NAME = 80
"""Longest outcome file name before a -2, -3 … suffix: short enough for deep SharePoint paths."""


def slugify(text: str, limit: int = MAX_NAME) -> str:
    """Lowercase ASCII words joined by dashes: accents dropped (ë → e), the rest becomes a dash."""
    from dialoogspel.outcome import clean_text  # not needed to start play

    folded = unicodedata.normalize("NFKD", clean_text(text).lower().translate(_SPECIAL_LETTERS))
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1].rfind("-")  # end on a whole word when one fits
        slug = slug[: cut if cut > limit // 2 else limit].strip("-")
    return slug


def safe_filename(name: str, limit: int = 150) -> str:
    """Any name made safe for Windows, macOS, SMB shares and OneDrive (a guard, not a slug):
    no forbidden or control characters, no reserved device name, no trailing dot or space."""
    name = _FORBIDDEN.sub("-", name).strip(" ")
    while name.startswith("~$"):
        name = name[2:].lstrip(" ")
    name = re.sub("_vti_", "-vti-", name, flags=re.IGNORECASE)
    if len(name) > limit:
        stem, dot, suffix = name.rpartition(".")
        keep = dot and 0 < len(suffix) < 10
        name = stem[: limit - len(suffix) - 1] + "." + suffix if keep else name[:limit]
    name = name.rstrip(". ")
    device = name.split(".", 1)[0].rstrip(" ").upper()
    if not name or device in _RESERVED or name.casefold() in _REFUSED:
        name = "uitkomst-" + name if name else "uitkomst"
    return name


def outcome_filename(session: Session, day: date) -> str:
    """`YYYY-MM-DD_<thema>_<casus-slug>.md`: only [a-z0-9-_.], at most MAX_NAME characters."""
    themes = "-".join(filter(None, (slugify(deck.theme, 30) for deck in session.setup.decks)))
    themes = slugify(themes, 30) or "thema"
    if themes == "vti":  # "_vti_" is a name OneDrive refuses
        themes = "thema-vti"
    room = MAX_NAME - len(f"{day.isoformat()}__{themes}.md")
    casus = slugify(session.setup.casus, room) or "casus"
    return safe_filename(f"{day.isoformat()}_{themes}_{casus}.md")


# -- outcome files ----------------------------------------------------------------------------


def create_text_file(path: Path, text: str) -> None:
    """Write a new UTF-8 file that must not exist yet (new-deck): FileExistsError if it does.

    Claimed exclusively, so nothing is ever overwritten, even by a second process at once.
    """
    if not _create_exclusively(Path(path), text.encode("utf-8")):
        raise FileExistsError(errno.EEXIST, "bestaat al", str(path))


def write_outcome(text: str, folder: Path, filename: str) -> Path:
    """Write text under a name nobody else has: name.md, name-2.md, … Never overwrites, never
    leaves a half-written file under the final name, and two writers at once both keep theirs."""
    folder = Path(folder)
    stem, dot, suffix = safe_filename(filename).rpartition(".")
    if not dot:
        stem, suffix = suffix, "md"
    data = text.encode("utf-8")
    temp = _write_temp(folder, stem, data)
    link = getattr(os, "link", None)  # hard links: absent on a few platforms
    links = link is not None
    try:
        for number in range(1, 1000):
            candidate = folder / (
                f"{stem}.{suffix}" if number == 1 else f"{stem}-{number}.{suffix}"
            )
            if links:
                try:
                    link(temp, candidate)  # fails if the name exists: an exclusive claim
                    break
                except FileExistsError:
                    continue
                except OSError:
                    links = False  # FAT, some SMB and OneDrive folders: claim by O_EXCL instead
            if _create_exclusively(candidate, data):
                break
        else:
            raise FileExistsError(errno.EEXIST, "Te veel bestanden met deze naam", str(folder))
    finally:
        _unlink_quietly(temp)
    _sync_folder(folder)
    return candidate


class SaveResult(NamedTuple):
    """What save_outcome did, told in Dutch; the face shows `message` and offers another folder
    when `path` is None."""

    path: Path | None
    """Where the outcome was written in the chosen folder, or None when that failed."""
    fallback_path: Path | None
    """The copy in the local data folder when the chosen folder failed."""
    message: str
    """One Dutch sentence or three for the team."""

    @property
    def ok(self) -> bool:
        """The file is in the chosen folder."""
        return self.path is not None


def _why(folder: Path, error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "bestaat niet (meer)"
    try:
        not_a_folder = isinstance(error, NotADirectoryError) or folder.is_file()
    except OSError:
        not_a_folder = False
    if not_a_folder:
        return "is geen map"
    if isinstance(error, PermissionError) or error.errno in (errno.EROFS, errno.EACCES):
        return "is alleen-lezen of je mag er niet schrijven"
    return f"is niet bereikbaar ({reason(error)})"


def save_outcome(
    session: Session, folder: Path, day: date, *, home: Path | None = None
) -> SaveResult:
    """Render the outcome and write it to folder (see save_outcome_text). Mutates nothing:
    the caller records `result.path` on the session."""
    from dialoogspel.outcome import render  # not needed to start play

    return save_outcome_text(render(session, day), outcome_filename(session, day), folder, home)


def save_outcome_text(text: str, name: str, folder: Path, home: Path | None = None) -> SaveResult:
    """Write an outcome text to folder; if that fails, keep a copy in the data folder.
    Never raises OSError: the result carries the Dutch message. Run it off the UI thread."""
    folder = Path(os.path.abspath(folder))
    try:
        path = write_outcome(text, folder, name)
    except OSError as error:
        problem = f"De map {folder} {_why(folder, error)}."
        local = (home or data_home()) / OUTCOMES
        try:
            local.mkdir(parents=True, exist_ok=True)
            copy = write_outcome(text, local, name)
        except OSError as second:
            message = f"{problem} Ook een kopie in {local} lukte niet ({reason(second)})."
            return SaveResult(None, None, f"{message} Kies een andere map.")
        return SaveResult(None, copy, f"{problem} Een kopie staat in {copy}. Kies een andere map.")
    return SaveResult(path, None, f"De uitkomst staat in {path}.")
