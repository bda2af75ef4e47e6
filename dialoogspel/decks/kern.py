"""The `kern` card key: `ja` or `nee`, read as the facilitator typed it."""

from __future__ import annotations

from dialoogspel.textsafe import visible

YES = "ja"
NO = "nee"
_MEANT = {
    **dict.fromkeys(("yes", "y", "j", "true", "waar", "1", "wel"), YES),
    **dict.fromkeys(("no", "n", "false", "onwaar", "0", "niet", "nein"), NO),
}
"""Words from other languages or tools that clearly mean ja or nee: the message names the fix."""


def kern_value(text: str) -> bool | None:
    """True for `ja`, False for `nee` or empty, None for anything else (any case)."""
    word = text.strip().casefold()
    if word in ("", NO):
        return False
    if word == YES:
        return True
    return None


def kern_problem(text: str) -> str:
    """The Dutch message for a `kern` value that is neither `ja` nor `nee`."""
    shown = visible(text.strip())
    if len(shown) > 30:
        shown = shown[:27] + "..."
    meant = _MEANT.get(text.strip().casefold())
    hint = f" Bedoel je '{meant}'?" if meant else ""
    return (
        f"'kern' is ja of nee, niet '{shown}'.{hint} Schrijf kern: ja voor een kernkaart, "
        "of laat 'kern' weg (dan is het nee)."
    )
