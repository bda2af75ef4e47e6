"""What went wrong with a file or folder, in Dutch words instead of the system's English."""

from __future__ import annotations

import errno

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
}


def reason(error: BaseException) -> str:
    """A short Dutch reason for an OSError (falls back to the system text when unknown)."""
    number = getattr(error, "errno", None)
    if isinstance(number, int) and number in _REASONS:
        return _REASONS[number]
    if isinstance(error, PermissionError):
        return "geen toegang"
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return f"systeemmelding: {text}"
