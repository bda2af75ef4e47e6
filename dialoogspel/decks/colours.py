"""Theme colours: `#rrggbb`, `#rgb` or a colour name from a short list Textual also knows."""

from __future__ import annotations

import re

from dialoogspel.decks.problems import did_you_mean

_NAMES = """
black 000000  white ffffff  gray 808080  grey 808080  silver c0c0c0  lightgray d3d3d3
lightgrey d3d3d3  darkgray a9a9a9  darkgrey a9a9a9  slategray 708090  red ff0000
darkred 8b0000  maroon 800000  crimson dc143c  firebrick b22222  tomato ff6347  coral ff7f50
salmon fa8072  orange ffa500  darkorange ff8c00  gold ffd700  goldenrod daa520  yellow ffff00
khaki f0e68c  olive 808000  olivedrab 6b8e23  green 008000  darkgreen 006400
forestgreen 228b22  seagreen 2e8b57  limegreen 32cd32  lime 00ff00  teal 008080
turquoise 40e0d0  cyan 00ffff  aqua 00ffff  skyblue 87ceeb  lightblue add8e6
steelblue 4682b4  dodgerblue 1e90ff  cornflowerblue 6495ed  royalblue 4169e1  blue 0000ff
darkblue 00008b  navy 000080  indigo 4b0082  purple 800080  mediumpurple 9370db
violet ee82ee  orchid da70d6  plum dda0dd  lavender e6e6fa  magenta ff00ff  fuchsia ff00ff
pink ffc0cb  hotpink ff69b4  brown a52a2a  sienna a0522d  chocolate d2691e  tan d2b48c
beige f5f5dc
"""
_WORDS = _NAMES.split()
COLOUR_NAMES: dict[str, str] = {
    name: f"#{code}" for name, code in zip(_WORDS[0::2], _WORDS[1::2], strict=True)
}
"""The colour names a deck may use (lower case), with their CSS value."""

DUTCH_NAMES: dict[str, str] = {
    "zwart": "black",
    "wit": "white",
    "grijs": "gray",
    "lichtgrijs": "lightgray",
    "donkergrijs": "darkgray",
    "zilver": "silver",
    "rood": "red",
    "donkerrood": "darkred",
    "oranje": "orange",
    "goud": "gold",
    "geel": "yellow",
    "groen": "green",
    "donkergroen": "darkgreen",
    "lichtgroen": "limegreen",
    "blauwgroen": "teal",
    "turkoois": "turquoise",
    "blauw": "blue",
    "lichtblauw": "lightblue",
    "hemelsblauw": "skyblue",
    "donkerblauw": "navy",
    "paars": "purple",
    "lila": "plum",
    "roze": "pink",
    "bruin": "brown",
}
"""Dutch colour words a facilitator may type, with the name to use instead."""

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_BARE_HEX = re.compile(r"(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def colour_problem(value: str) -> str | None:
    """Why a `kleur` value is not usable (a Dutch sentence), or None when it is fine."""
    if _HEX.fullmatch(value) or value in COLOUR_NAMES:
        return None
    example = (
        'Gebruik een code zoals "#e0a526" (met aanhalingstekens) of een Engelse kleurnaam '
        "zoals orange."
    )
    lowered = value.casefold()
    if lowered in COLOUR_NAMES:
        return f"Schrijf de kleurnaam met kleine letters: '{lowered}'."
    if lowered in DUTCH_NAMES:
        return (
            f"Kleurnamen zijn Engels: schrijf '{DUTCH_NAMES[lowered]}' in plaats van "
            f"'{value}'. Of gebruik een code zoals \"#e0a526\" (met aanhalingstekens)."
        )
    if _BARE_HEX.fullmatch(value) and any(ch.isdigit() for ch in value):
        return f'Een kleurcode begint met #. Schrijf: kleur: "#{value}" (met aanhalingstekens).'
    if value.startswith("#"):
        return (
            f"'{value}' is geen kleurcode. Een code is # met 6 tekens 0-9 of a-f, "
            'zoals "#e0a526".'
        )
    hint = did_you_mean(value, COLOUR_NAMES)
    return f"'{value}' is geen kleur die het spel kent.{hint} {example}"


def colour_hex(value: str) -> str | None:
    """The `#rrggbb` of a valid colour (for swatches), or None."""
    if _HEX.fullmatch(value):
        digits = value[1:]
        if len(digits) == 3:
            digits = "".join(ch * 2 for ch in digits)
        return f"#{digits.lower()}"
    return COLOUR_NAMES.get(value)
