"""Remember a deck's parse between starts, so the first card shows sooner.

Reading a deck means importing the YAML parser and checking every rule: about a fifth of the
time to the first card. A deck that loaded without errors is therefore kept as JSON in
`<data folder>/cache/`, together with the exact text it came from. The next start reads the
deck file again and uses the JSON only when the text is still the same, the program is the
same version, and the code that reads decks has not changed since. Anything else (an edited
deck, a damaged or missing cache file, a read-only data folder) simply means a full read; the
cache can never change what a deck means or hide one of its errors. Only regular files are
read, deck or cache entry, and never more than a limit: a FIFO or a link to /dev/zero in a
deck folder gets a Dutch problem instead of hanging the start.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dialoogspel import __version__
from dialoogspel.model import deck_from_dict, deck_to_dict
from dialoogspel.storage import atomic_write_bytes, read_limited

if TYPE_CHECKING:
    from dialoogspel.decks import LoadResult

CACHE = "cache"
"""The cache's folder inside the data folder."""
FORMAT = 1
"""Raise when the layout of a cache file changes."""
MAX_ENTRY_BYTES = 16 * 1024 * 1024
"""A cache entry holds the deck's text and its JSON, both ASCII-escaped: a few times MAX_BYTES."""
_HERE = Path(__file__).resolve().parent
_READING_CODE = (
    _HERE / "deckcache.py",
    _HERE / "decks",
    _HERE / "model",  # deck.py, serialize.py and the helpers they use (plain.py)
    _HERE / "textsafe.py",
)
"""The code that decides what a deck file means; a change to it makes every entry stale."""


def load_deck_cached(path: str | os.PathLike[str], cache_dir: Path) -> LoadResult:
    """`decks.load_deck`, but from the cache when the file's text has not changed.

    Never raises, like `load_deck`. Only decks without errors are stored; their warnings are
    stored with them, so the result is the same either way.
    """
    shown = os.fspath(path)
    data = _read_small_file(shown)
    if data is None:  # missing, a folder, a FIFO, too big, unreadable: load_deck says why
        from dialoogspel.decks import load_deck

        return load_deck(shown)
    entry = cache_dir / _entry_name(shown)
    text = _utf8(data)
    stamp = _code_stamp()
    if text is not None:
        remembered = _remembered(entry, shown, text, stamp)
        if remembered is not None:
            return remembered
    from dialoogspel.decks import parse_deck

    result = parse_deck(data, shown, Path(shown).stem)
    if text is not None and result.deck is not None and not result.errors:
        _remember(entry, shown, text, stamp, result)
    return result


def _read_small_file(path: str) -> bytes | None:
    """The deck file's bytes; None when it is no regular file of at most MAX_BYTES, or unreadable.

    `load_deck` then says why, with the same bounded read: a FIFO is never opened.
    """
    from dialoogspel.decks import MAX_BYTES

    try:
        return read_limited(path, MAX_BYTES)
    except (OSError, ValueError):
        return None


def _utf8(data: bytes) -> str | None:
    """The file's text; None when it is not UTF-8 (then the reader explains what it is)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _entry_name(shown: str) -> str:
    """One cache file per deck path: the stem (readable) and a checksum of the whole path."""
    checksum = zlib.crc32(shown.encode("utf-8", "surrogatepass"))
    readable = re.sub(r"[^A-Za-z0-9_-]+", "_", Path(shown).stem[:40])  # ASCII on every disk
    return f"{readable}-{checksum:08x}.json"


@functools.cache
def _code_stamp() -> tuple[int, ...]:
    """Modification times of the deck-reading code (a few stat calls, once per run)."""
    stamp: list[int] = []
    for place in _READING_CODE:
        try:
            if place.is_dir():
                stamp.extend(
                    entry.stat().st_mtime_ns
                    for entry in sorted(os.scandir(place), key=lambda e: e.name)
                    if entry.name.endswith(".py")
                )
            else:
                stamp.append(place.stat().st_mtime_ns)
        except OSError:
            stamp.append(-1)
    return tuple(stamp)


def _remembered(entry: Path, shown: str, text: str, stamp: tuple[int, ...]) -> LoadResult | None:
    """The stored result if it belongs to exactly this text, version and code; else None."""
    try:
        stored = json.loads(read_limited(entry, MAX_ENTRY_BYTES))
        if (
            stored["format"] != FORMAT
            or stored["version"] != __version__
            or tuple(stored["code"]) != stamp
            or stored["path"] != shown
            or stored["text"] != text
        ):
            return None
        from dialoogspel.decks import LoadResult, Problem

        deck = deck_from_dict(stored["deck"])
        warnings = [
            Problem(shown, int(line), int(column), str(message), warning=True)
            for line, column, message in stored["warnings"]
        ]
        return LoadResult(deck, warnings)
    except Exception:  # a cache that cannot be used is a cache miss, whatever went wrong
        return None


def _remember(
    entry: Path, shown: str, text: str, stamp: tuple[int, ...], result: LoadResult
) -> None:
    """Store a good deck's result; a failure only costs the next start some time."""
    assert result.deck is not None
    stored: dict[str, Any] = {
        "format": FORMAT,
        "version": __version__,
        "code": list(stamp),
        "path": shown,
        "text": text,
        "deck": deck_to_dict(result.deck),
        "warnings": [[p.line, p.column, p.message] for p in result.warnings],
    }
    # ASCII JSON: a file name that is not valid UTF-8 (lone surrogates on Linux) survives too.
    with contextlib.suppress(OSError, ValueError):
        data = json.dumps(stored, separators=(",", ":")).encode("ascii")
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(entry, data, durable=False)  # a lost entry only costs time
