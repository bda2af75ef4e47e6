"""Which face to start: the screen or the plain line (SPEC section 3.3), as a pure decision.

Order of precedence: --scherm, then --eenvoudig, then DIALOOGSPEL_EENVOUDIG and ACCESSIBLE,
then TERM dumb or unknown, then standard input or output not being a terminal; else the screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

SCREEN = "scherm"
LINE = "eenvoudig"
ENV_SWITCHES = ("DIALOOGSPEL_EENVOUDIG", "ACCESSIBLE")
"""Environment variables that ask for the plain-line face (any value but "", "0", "nee")."""
PLAIN_TERMS = ("dumb", "unknown")
"""TERM values of terminals that cannot draw a screen."""
OFF = ("", "0", "nee", "no", "false", "uit", "off")

BOTH = "Kies --eenvoudig of --scherm, niet allebei."
NO_TERMINAL = (
    "Het scherm werkt hier niet: {what} geen terminal. Laat --scherm weg, dan start het"
    " spel in eenvoudige regels."
)
PLAIN_TERMINAL = (
    "Let op: deze terminal (TERM={term}) kan het scherm misschien niet goed tekenen."
    " Lukt het niet? Start dan met --eenvoudig."
)


class FaceChoice(NamedTuple):
    """The face to start, why, and what to tell the person first."""

    face: str
    """SCREEN or LINE."""
    reason: str
    """Which rule decided (for tests and for the curious)."""
    warning: str = ""
    """A Dutch sentence to say before starting (--scherm where the screen may not work)."""
    refusal: str = ""
    """A Dutch sentence when nothing can start (exit code 2)."""


def _on(value: str | None) -> bool:
    return value is not None and value.strip().casefold() not in OFF


def choose_face(
    *,
    eenvoudig: bool,
    scherm: bool,
    environ: Mapping[str, str],
    stdin_tty: bool,
    stdout_tty: bool,
) -> FaceChoice:
    """The face SPEC 3.3 asks for, given the switches, the environment and the streams."""
    term = environ.get("TERM", "").strip().casefold()
    if eenvoudig and scherm:
        return FaceChoice(LINE, "--eenvoudig en --scherm", refusal=BOTH)
    if scherm:
        missing = [
            what for what, tty in (("de invoer", stdin_tty), ("de uitvoer", stdout_tty)) if not tty
        ]
        if missing:
            what = " en ".join(missing) + (" zijn" if len(missing) > 1 else " is")
            return FaceChoice(SCREEN, "--scherm", refusal=NO_TERMINAL.format(what=what))
        warning = PLAIN_TERMINAL.format(term=term) if term in PLAIN_TERMS else ""
        return FaceChoice(SCREEN, "--scherm", warning=warning)
    if eenvoudig:
        return FaceChoice(LINE, "--eenvoudig")
    for name in ENV_SWITCHES:
        if _on(environ.get(name)):
            return FaceChoice(LINE, name)
    if term in PLAIN_TERMS:
        return FaceChoice(LINE, f"TERM={term}")
    if not stdin_tty:
        return FaceChoice(LINE, "de invoer is geen terminal")
    if not stdout_tty:
        return FaceChoice(LINE, "de uitvoer is geen terminal")
    return FaceChoice(SCREEN, "een terminal")
