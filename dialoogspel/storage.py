"""The only module that writes files: atomic autosaves, resume, and outcome files that never clash.

Every write goes to a temp file in the target folder first and is fsynced before it takes its final
name, so a killed process or a power cut leaves either the old file or the new one, never half.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import time
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

import platformdirs

from dialoogspel.model import (
    Mode,
    RuleError,
    Session,
    SessionFormatError,
    SessionSetup,
    session_from_dict,
    session_to_dict,
)
from dialoogspel.oserrors import reason

SESSIONS = "sessies"
OUTCOMES = "uitkomsten"
REPLACE_TRIES = 5
"""How often os.replace is tried when Windows reports the target busy (virus scanner, OneDrive)."""
_BINARY = getattr(os, "O_BINARY", 0)
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_DECKS_MARK = f"decks-{os.urandom(16).hex()}"
MAX_SESSION_BYTES = 32 * 1024 * 1024
"""Larger files in the sessions folder are not ours (a 1,000-card session is about 300 kB)."""


class StorageError(Exception):
    """A saved session that cannot be read or written; the message is Dutch, for the team."""


def data_home() -> Path:
    """The per-user, non-roaming data folder: DIALOOGSPEL_HOME if set, else the platform's."""
    override = os.environ.get("DIALOOGSPEL_HOME", "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("dialoogspel", appauthor=False, roaming=False))


# -- atomic writes ----------------------------------------------------------------------------


def _create_exclusively(path: Path, data: bytes) -> bool:
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
            os.fsync(handle.fileno())
    except BaseException:
        _unlink_quietly(path)
        raise
    return True


def _write_temp(folder: Path, stem: str, data: bytes) -> Path:
    """Write data to a new, uniquely named temp file in folder and fsync it."""
    while True:
        temp = folder / f".{stem[:40]}.{os.urandom(4).hex()}.tmp"
        if _create_exclusively(temp, data):
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


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace path with data in one step: temp file, fsync, os.replace (retried while busy)."""
    path = Path(path)
    temp = _write_temp(path.parent, path.name, data)
    try:
        for attempt in range(REPLACE_TRIES):
            try:
                os.replace(temp, path)
                break
            except PermissionError:
                if attempt == REPLACE_TRIES - 1:
                    raise
                time.sleep(0.05 + 0.025 * attempt)
    except BaseException:
        _unlink_quietly(temp)
        raise
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
    """Render and write the outcome to folder; if that fails, keep a copy in the data folder.
    Never raises OSError: the result carries the Dutch message. Run it off the UI thread."""
    from dialoogspel.outcome import render  # not needed to start play

    folder = Path(os.path.abspath(folder))
    text, name = render(session, day), outcome_filename(session, day)
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
    session.mark_exported(str(path))
    return SaveResult(path, None, f"De uitkomst staat in {path}.")


# -- sessions ---------------------------------------------------------------------------------


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
        self._decks: tuple[SessionSetup, str] | None = None
        """The JSON of the last saved setup's decks: they never change, so encode them once."""

    def _encode(self, session: Session) -> str:
        """The session as compact JSON: json.dumps(session_to_dict(session)) plus "saved"."""
        data = session_to_dict(session)
        data["saved"] = datetime.now().isoformat(timespec="seconds")
        if self._decks is None or self._decks[0] is not session.setup:
            self._decks = (session.setup, _dumps(data["setup"]["decks"]))
        data["setup"]["decks"] = _DECKS_MARK  # a random token no user text can contain
        return _dumps(data).replace(f'"{_DECKS_MARK}"', self._decks[1], 1)

    def path(self, session_id: str) -> Path:
        """The file of a session id (ids are checked: no path can escape the folder)."""
        if not _ID.match(session_id):
            raise StorageError(f"'{session_id}' is geen geldige code van een spel.")
        return self.folder / f"{session_id}.json"

    def save(self, session: Session) -> Path:
        """Save the session atomically; call after every change (a few ms for 200 cards)."""
        path = self.path(session.id)
        encoded = self._encode(session).encode("utf-8")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, encoded)
        except OSError as error:
            raise StorageError(
                f"Het spel kon niet worden opgeslagen in {self.folder} ({reason(error)})."
            ) from error
        return path

    def _read(self, path: Path) -> tuple[Session, dict[str, object]]:
        try:
            if path.stat().st_size > MAX_SESSION_BYTES:
                raise StorageError(f"{path} is te groot voor een opgeslagen spel.")
            data = json.loads(path.read_bytes().decode("utf-8"))
            session = session_from_dict(data)
        except FileNotFoundError:
            raise StorageError(f"Er is geen opgeslagen spel {path.stem}.") from None
        except OSError as error:
            raise StorageError(f"{path} kon niet worden gelezen ({reason(error)}).") from None
        except SessionFormatError as error:
            raise StorageError(f"{path} is geen bruikbaar spel: {error}") from None
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError, RuleError):
            raise StorageError(f"{path} is beschadigd (geen geldig opgeslagen spel).") from None
        if session.id != path.stem:
            raise StorageError(f"{path} hoort bij een ander spel ({session.id}).")
        return session, data

    def load(self, session_id: str) -> Session:
        """The saved session with this id; StorageError (Dutch) when missing or damaged."""
        return self._read(self.path(session_id))[0]

    def list_sessions(self) -> list[SessionSummary]:
        """All readable saved sessions, newest first; unreadable files go to `problems`."""
        self.problems = []
        summaries: list[SessionSummary] = []
        paths = sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []
        for path in paths:
            try:
                session, data = self._read(path)
            except StorageError as error:
                self.problems.append(str(error))
                continue
            summaries.append(_summary(session, data, path))
        return sorted(summaries, key=lambda s: (s.saved, s.created, s.id), reverse=True)

    def latest_unfinished(self) -> SessionSummary | None:
        """The most recently saved session without an outcome file, for "continue"."""
        return next((s for s in self.list_sessions() if not s.finished), None)

    @staticmethod
    def describe(summary: SessionSummary) -> str:
        """One Dutch line about a saved session, for the "continue?" offer on the start screen."""
        themes = ", ".join(summary.themes)
        when = summary.saved.strftime("%d-%m-%Y %H:%M")
        return (
            f"{_cut(summary.casus, 40) or '(geen casus)'} — {themes}, {summary.mode.value}, "
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
            if _ID.match(prefix) and self.path(prefix).is_file():
                self._read(self.path(prefix))  # damaged: say why, not "there is none"
            raise StorageError(f"Er is geen opgeslagen spel met code '{prefix}'.")
        raise StorageError(f"'{prefix}' past bij meer spellen: {', '.join(ids)}. Typ meer tekens.")


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _summary(session: Session, data: dict[str, object], path: Path) -> SessionSummary:
    try:
        saved = datetime.fromisoformat(str(data["saved"]))
    except (KeyError, ValueError):
        saved = datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    return SessionSummary(
        id=session.id,
        casus=session.setup.casus,
        themes=tuple(deck.theme for deck in session.setup.decks),
        mode=session.mode,
        created=session.created,
        saved=saved,
        settled=session.settled_count,
        total=len(session.cards),
        finished=bool(session.exported),
        path=path,
    )


def _cut(text: str, width: int) -> str:
    from dialoogspel.outcome import clean_text

    text = clean_text(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def format_session_table(summaries: Iterable[SessionSummary]) -> list[str]:
    """Dutch lines for `dialoogspel resume`: code, date, casus, themes, mode, progress."""
    rows = [
        (
            s.id,
            s.saved.strftime("%d-%m-%Y %H:%M"),
            _cut(s.casus, 28),
            _cut(", ".join(s.themes), 20),
            s.mode.value,
            s.progress + (" klaar" if s.finished else ""),
        )
        for s in summaries
    ]
    if not rows:
        return ["Er zijn nog geen opgeslagen spellen."]
    header = ("code", "opgeslagen", "casus", "thema's", "modus", "kaarten")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in [header, *rows]]  # fmt: skip
