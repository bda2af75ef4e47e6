"""The only code that writes files: atomic writes, safe names, outcome files that never clash.

Every write goes to a temp file in the target folder first and is fsynced before it takes its final
name, so a killed process or a power cut leaves either the old file or the new one, never half.
The primitives live in `fileio.py`; the session's own outcome file (one per session, kept
current) in `outcomefile.py`; autosave and resume in `sessions.py`; the deck cache in
`deckcache.py`; the one-window-per-session lock in `locks.py`. This module is their front door.
"""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import NamedTuple

import platformdirs

from dialoogspel.fileio import (
    REPLACE_TRIES,
    abandon_pending_temps,
    atomic_write_bytes,
    create_exclusively,
    read_limited,
    utf8_bytes,
)
from dialoogspel.model import Session
from dialoogspel.textsafe import clean_text
from dialoogspel.timeouts import FolderStatus, create_folder, folder_status

__all__ = [
    "MAX_NAME",
    "OUTCOMES",
    "REPLACE_TRIES",
    "SESSIONS",
    "FolderStatus",
    "SaveResult",
    "StorageError",
    "abandon_pending_temps",
    "atomic_write_bytes",
    "create_folder",
    "create_text_file",
    "data_home",
    "folder_status",
    "outcome_filename",
    "read_limited",
    "safe_filename",
    "save_outcome",
    "slugify",
    "utf8_bytes",
    "write_outcome",
]

SESSIONS = "sessies"
OUTCOMES = "uitkomsten"


class StorageError(Exception):
    """A saved session that cannot be read or written; the message is Dutch, for the team."""


def data_home() -> Path:
    """The per-user, non-roaming data folder: DIALOOGSPEL_HOME if set, else the platform's."""
    override = os.environ.get("DIALOOGSPEL_HOME", "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("dialoogspel", appauthor=False, roaming=False))


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
    if not create_exclusively(Path(path), utf8_bytes(text)):
        raise FileExistsError(errno.EEXIST, "bestaat al", str(path))


def write_outcome(text: str, folder: Path, filename: str) -> Path:
    """Write text under a name nobody else has: name.md, name-2.md, … Never overwrites, never
    leaves a half-written file under the final name, and two writers at once both keep theirs.

    Each call makes a new file; to keep one file per session current, use
    `outcomefile.write_session_outcome`.
    """
    from dialoogspel.outcomefile import claim_new_file  # hashlib: not needed to start play

    return claim_new_file(utf8_bytes(text), Path(folder), filename)


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


def save_outcome(
    session: Session, folder: Path, day: date, *, home: Path | None = None
) -> SaveResult:
    """Render and write the outcome to a new file in folder; if that fails, keep a copy in the
    data folder. Never raises OSError: the result carries the Dutch message. Run it off the UI
    thread. Mutates nothing: the caller records the path on the session. (The application
    layer keeps one file per session with `outcomefile.save_outcome_text`.)"""
    from dialoogspel.outcome import render  # not needed to start play
    from dialoogspel.outcomefile import save_outcome_text

    text, name = render(session, day), outcome_filename(session, day)
    local = (home or data_home()) / OUTCOMES
    saved = save_outcome_text(text, Path(folder), name, local_folder=local)
    if saved.written is None:
        return SaveResult(None, saved.local.path if saved.local else None, saved.message)
    return SaveResult(saved.written.path, None, saved.message)
