"""Text on a colour band: black or white, whichever reads best (WCAG 2 relative luminance)."""

from __future__ import annotations

from dialoogspel.decks.colours import colour_hex

BLACK = "#000000"
WHITE = "#ffffff"
FALLBACK = "#808080"
"""Used for a colour the deck layer would not accept (it never reaches here from a valid deck)."""


def hex_of(colour: str) -> str:
    """A deck colour (#rgb, #rrggbb or a name) as `#rrggbb`."""
    return colour_hex(colour) or FALLBACK


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a colour, from 0 (black) to 1 (white)."""
    code = hex_of(colour)
    channels = [int(code[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background: str) -> str:
    """Black or white text, whichever contrasts more with the background (always >= 4.5:1)."""
    on_black = contrast_ratio(background, BLACK)
    on_white = contrast_ratio(background, WHITE)
    return BLACK if on_black >= on_white else WHITE
