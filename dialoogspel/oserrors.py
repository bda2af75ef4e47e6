"""What went wrong with a file or folder, in Dutch words instead of the system's English."""

from __future__ import annotations

import errno
import re

_REASONS: dict[int, str] = {
    errno.ENOENT: "bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.EACCES: "geen toegang",
    errno.EPERM: "geen toegang",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EEXIST: "bestaat al",
    errno.EBUSY: "het bestand is in gebruik",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ETIMEDOUT: "de map reageert niet (netwerk?)",
    errno.EHOSTDOWN: "de netwerkmap is niet bereikbaar",
    errno.EHOSTUNREACH: "de netwerkmap is niet bereikbaar",
    errno.ENETUNREACH: "het netwerk is niet bereikbaar",
    errno.EIO: "lezen of schrijven mislukte (schijf of netwerk)",
    errno.EINVAL: "deze naam of dit pad kan hier niet",
    errno.EFBIG: "het bestand is te groot",
}

_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def shown(text: object) -> str:
    """Text safe to print in a message: control, bidi and lone surrogates become U+FFFD.

    File names that are not UTF-8 (lone surrogates) would crash a print; an escape code in a
    file name would reach the terminal.
    """
    return _UNSHOWABLE.sub("\ufffd", str(text))


class NotRegularFileError(OSError):
    """A FIFO, device or socket where a file was expected: never read (it may hang or never end)."""


class FileTooBigError(OSError):
    """A file larger than the caller's limit: not read, it cannot be ours."""


class WriteAbandoned(OSError):
    """A write whose temp file was removed on purpose (the app quits during a hung write)."""


def reason(error: BaseException) -> str:
    """A short Dutch reason for an OSError (falls back to the system text when unknown)."""
    if isinstance(error, NotRegularFileError):
        return "dit is geen gewoon bestand"
    if isinstance(error, FileTooBigError):
        return "het bestand is te groot"
    if isinstance(error, WriteAbandoned):
        return "het opslaan is afgebroken"
    number = getattr(error, "errno", None)
    if isinstance(number, int) and number in _REASONS:
        return _REASONS[number]
    if isinstance(error, PermissionError):
        return "geen toegang"
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return f"systeemmelding: {text}"
