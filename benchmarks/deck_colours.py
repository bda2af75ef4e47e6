"""Deck and role colours: how far apart they stay for colour-blind eyes and in 16-colour terminals.

Method as in the research note (shared/research/deck-colours.py), without numpy or colour-science:
sRGB -> linear RGB -> Machado et al. (2009) colour-vision-deficiency matrix -> sRGB -> CIELAB (D65)
-> CIEDE2000. The 16-colour case is the colour rich (and so Textual) falls back to on a terminal
without 256 colours (`Color.downgrade(ColorSystem.STANDARD)`), shown with rich's VGA palette.

    python benchmarks/deck_colours.py            # measure the decks in decks/ and the role colours
    python benchmarks/deck_colours.py --zoek     # search candidate palettes for the decks
"""

from __future__ import annotations

import argparse
import itertools
import math
from collections.abc import Iterable, Sequence

from rich._palettes import STANDARD_PALETTE
from rich.color import Color, ColorSystem

from dialoogspel.decks import builtin_decks_dir, load_deck
from dialoogspel.model.participants import EXTRA_ROLE_COLOURS, ROLE_COLOURS

Matrix = tuple[tuple[float, float, float], ...]
RGB = tuple[float, float, float]
Lab = tuple[float, float, float]

# Machado, Oliveira & Fernandes (2009), linear RGB, severity 1.0 (dichromacy) and 0.6 (anomaly).
MACHADO: dict[str, Matrix] = {
    "protan": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deutan": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritan": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
    "protan 60%": (
        (0.385450, 0.769005, -0.154455),
        (0.100526, 0.829802, 0.069673),
        (-0.007442, -0.022190, 1.029632),
    ),
    "deutan 60%": (
        (0.547494, 0.607765, -0.155259),
        (0.181692, 0.781742, 0.036566),
        (-0.010410, 0.027275, 0.983136),
    ),
    "tritan 60%": (
        (1.104996, -0.046633, -0.058363),
        (-0.032137, 0.971635, 0.060503),
        (0.001336, 0.317922, 0.680742),
    ),
}
CONDITIONS = ("normaal", "protan", "deutan", "tritan", "protan 60%", "deutan 60%", "tritan 60%")
DARK = "#121212"
"""The background of Textual's default dark theme."""

CANDIDATES = (
    # Okabe-Ito
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
    # Paul Tol bright, vibrant, muted, light (those readable on a dark background)
    "#4477AA", "#66CCEE", "#228833", "#CCBB44", "#EE6677", "#AA3377", "#BBBBBB",
    "#EE7733", "#0077BB", "#33BBEE", "#EE3377", "#CC3311", "#009988",
    "#CC6677", "#DDCC77", "#117733", "#88CCEE", "#44AA99", "#999933", "#AA4499",
    "#77AADD", "#99DDFF", "#EE8866", "#EEDD88", "#FFAABB", "#AAAA00", "#BBCC33",
    # a few in-between hues
    "#3D8BD1", "#E07B39", "#9B7FD1", "#C5A000", "#5AAE61", "#D36FA9",
    # colours whose 16-colour fallback is a hue rich would otherwise not use
    "#FF5555", "#7B7BF0", "#8080FF", "#8888FF", "#5599FF", "#AA77FF", "#E066E0", "#C77CFF",
    "#FF77FF", "#FF66CC", "#5FD75F", "#66CC66", "#44BB44", "#D75F5F", "#E8E800", "#FFD700",
    "#D0A000", "#00B3B3", "#00A0A0",
)  # fmt: skip
GREYS = {0, 4, 7, 8, 15}
"""Fallbacks that are no hue on a dark screen: black, dark blue, greys and white."""


def rgb(hex_code: str) -> RGB:
    """sRGB in 0..1 from #rrggbb."""
    code = hex_code.lstrip("#")
    return (int(code[0:2], 16) / 255, int(code[2:4], 16) / 255, int(code[4:6], 16) / 255)


def to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def from_linear(c: float) -> float:
    c = min(1.0, max(0.0, c))
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def simulate(colour: RGB, condition: str) -> RGB:
    """The colour as seen with a deficiency (Machado 2009), or unchanged for "normaal"."""
    if condition == "normaal":
        return colour
    linear = [to_linear(c) for c in colour]
    matrix = MACHADO[condition]
    out = [sum(matrix[row][k] * linear[k] for k in range(3)) for row in range(3)]
    return (from_linear(out[0]), from_linear(out[1]), from_linear(out[2]))


def lab(colour: RGB) -> Lab:
    """CIELAB (D65) of an sRGB colour."""
    r, g, b = (to_linear(c) for c in colour)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


def ciede2000(one: Lab, two: Lab) -> float:
    """The CIEDE2000 colour difference."""
    l1, a1, b1 = one
    l2, a2, b2 = two
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    dhh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lp, cp = (l1 + l2) / 2, (c1p + c2p) / 2
    hp = h1p + h2p
    if c1p * c2p:
        hp = (hp + 360) / 2 if abs(h1p - h2p) > 180 else hp / 2
        hp = hp - 180 if hp >= 360 else hp
    t = (
        1
        - 0.17 * math.cos(math.radians(hp - 30))
        + 0.24 * math.cos(math.radians(2 * hp))
        + 0.32 * math.cos(math.radians(3 * hp + 6))
        - 0.20 * math.cos(math.radians(4 * hp - 63))
    )
    sl = 1 + 0.015 * (lp - 50) ** 2 / math.sqrt(20 + (lp - 50) ** 2)
    sc, sh = 1 + 0.045 * cp, 1 + 0.015 * cp * t
    rt = (
        -2
        * math.sqrt(cp**7 / (cp**7 + 25**7))
        * math.sin(math.radians(60 * math.exp(-(((hp - 275) / 25) ** 2))))
    )
    return math.sqrt(
        (dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh)
    )


def contrast(one: str, two: str) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(code: str) -> float:
        r, g, b = (to_linear(c) for c in rgb(code))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ansi16(hex_code: str) -> int:
    """The standard colour (0-15) rich and Textual fall back to without 256 colours."""
    number = Color.parse(hex_code).downgrade(ColorSystem.STANDARD).number
    assert number is not None
    return number


def ansi16_rgb(hex_code: str) -> RGB:
    """How that standard colour looks in rich's VGA palette."""
    red, green, blue = STANDARD_PALETTE[ansi16(hex_code)]
    return (red / 255, green / 255, blue / 255)


def distance(one: RGB, two: RGB, condition: str) -> float:
    return ciede2000(lab(simulate(one, condition)), lab(simulate(two, condition)))


def worst_pair(
    colours: dict[str, str], condition: str, sixteen: bool = False
) -> tuple[float, str, str]:
    """The closest pair of named colours under a condition (in 16 colours when asked)."""
    seen = {name: ansi16_rgb(code) if sixteen else rgb(code) for name, code in colours.items()}
    return min(
        (distance(seen[a], seen[b], condition), a, b) for a, b in itertools.combinations(seen, 2)
    )


def report(title: str, colours: dict[str, str]) -> None:
    """Worst pair per condition, true colour and 16 colours, and contrast on the dark theme."""
    print(f"\n{title}")
    for name, code in colours.items():
        print(
            f"  {name:19s} {code}  contrast op {DARK}: {contrast(code, DARK):4.1f}"
            f"  16 kleuren: ANSI {ansi16(code)}"
        )
    numbers = [ansi16(code) for code in colours.values()]
    clash = len(set(numbers)) < len(numbers)
    print(f"  16 kleuren: {'twee of meer zelfde ANSI-kleur' if clash else 'allemaal verschillend'}")
    print(f"  {'conditie':12s} {'ware kleur (ΔE00)':34s} 16 kleuren (ΔE00)")
    for condition in CONDITIONS:
        d, a, b = worst_pair(colours, condition)
        d16, a16, b16 = worst_pair(colours, condition, sixteen=True)
        print(f"  {condition:12s} {d:5.1f} {a}–{b:24s} {d16:5.1f} {a16}–{b16}")


def pair_table(colours: Sequence[str], sixteen: bool = True) -> dict[tuple[str, str], float]:
    """Worst ΔE00 of each pair over normal, protan, deutan and tritan (and in 16 colours)."""
    table: dict[tuple[str, str], float] = {}
    for a, b in itertools.combinations(dict.fromkeys(colours), 2):
        worst = math.inf
        for condition in ("normaal", "protan", "deutan", "tritan"):
            worst = min(worst, distance(rgb(a), rgb(b), condition))
            if sixteen:
                worst = min(worst, distance(ansi16_rgb(a), ansi16_rgb(b), condition))
        table[a, b] = table[b, a] = worst
    return table


def best_sets(
    usable: Sequence[str], count: int, fixed: Sequence[str] = (), sixteen: bool = True
) -> list[tuple[float, tuple[str, ...]]]:
    """The five best sets of `count` colours from `usable` (plus `fixed`), each ANSI hue once."""
    table = pair_table([*usable, *fixed], sixteen)
    best: list[tuple[float, tuple[str, ...]]] = []
    floor = 0.0

    def grow(chosen: list[str], start: int, low: float) -> None:
        nonlocal floor
        if len(chosen) == count + len(fixed):
            best.append((low, tuple(chosen[len(fixed) :])))
            best.sort(reverse=True)
            del best[5:]
            floor = best[-1][0] if len(best) == 5 else 0.0
            return
        taken = {ansi16(c) for c in chosen}
        for i in range(start, len(usable)):
            code = usable[i]
            if ansi16(code) in taken:
                continue
            new_low = min([low, *(table[code, c] for c in chosen)])
            if new_low > floor:
                grow([*chosen, code], i + 1, new_low)

    start_low = min((table[a, b] for a, b in itertools.combinations(fixed, 2)), default=math.inf)
    grow(list(fixed), 0, start_low)
    return best


def search_decks(count: int) -> None:
    """Best deck palettes: text contrast >= 4.5 on dark, each its own hue in 16 colours."""
    pawns = {*ROLE_COLOURS.values(), *EXTRA_ROLE_COLOURS}
    usable = [
        c
        for c in dict.fromkeys(CANDIDATES)
        if contrast(c, DARK) >= 4.5 and ansi16(c) not in GREYS and c not in pawns
    ]
    print(
        f"\nBeste sets van {count} uit {len(usable)} kandidaten (contrast ≥ 4.5 op {DARK}, "
        "in 16 kleuren elk een eigen kleurtoon, geen pionkleur):"
    )
    for low, colours in best_sets(usable, count):
        print(f"  min ΔE00 {low:5.1f}: {', '.join(colours)}")


def search_roles(decks: Iterable[str]) -> None:
    """Best pawn colours for the six coloured roles, next to the grey student pawn.

    Black letters must read on the pawn (contrast >= 4.5, also in 16 colours), no pawn colour
    may look like a deck colour (ΔE00 >= 10 for normal vision), and each role has its own
    16-colour fallback. Scored on true colour only: with black letters, no seven of the sixteen
    standard colours stay more than 5.5 apart for every deficiency; the letter carries the role.
    """
    student = ROLE_COLOURS["student"]
    deck_list = list(decks)

    def fits(code: str) -> bool:
        vga = "#" + "".join(f"{round(c * 255):02X}" for c in ansi16_rgb(code))
        return (
            contrast(code, "#000000") >= 4.5
            and contrast(vga, "#000000") >= 4.5
            and ansi16(code) not in GREYS
            and all(distance(rgb(code), rgb(d), "normaal") >= 10 for d in deck_list)
        )

    usable = [c for c in dict.fromkeys(CANDIDATES) if fits(c)]
    print(f"\nBeste rolkleuren (6 naast {student}) uit {len(usable)} kandidaten:")
    for low, colours in best_sets(usable, 6, fixed=(student,), sixteen=False):
        print(f"  min ΔE00 {low:5.1f}: {', '.join(colours)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zoek", action="store_true", help="zoek betere stapel- en rolkleuren")
    args = parser.parse_args()
    # Cross-check with the research note: Machado deutan of #D55E00 is #9D8B00 there.
    seen = simulate(rgb("#D55E00"), "deutan")
    print("controle deutan #D55E00 ->", "#" + "".join(f"{round(c * 255):02X}" for c in seen))
    decks = {}
    for path in sorted(builtin_decks_dir().glob("*.yaml")):
        deck = load_deck(path).deck
        assert deck is not None, path
        decks[deck.name] = deck.colour
    report("Stapels", decks)
    report("Rollen (pionnen)", dict(ROLE_COLOURS))
    shared = sorted(set(decks.values()) & set(ROLE_COLOURS.values()))
    print(f"\nZelfde kleur bij stapel en rol: {', '.join(shared) or 'geen'}")
    closest = min(
        (distance(rgb(d), rgb(r), "normaal"), deck, role)
        for deck, d in decks.items()
        for role, r in ROLE_COLOURS.items()
    )
    print(f"Dichtst bij elkaar (normaal zien): {closest[1]}–{closest[2]} ΔE00 {closest[0]:.1f}")
    if args.zoek:
        search_decks(len(decks))
        search_roles(decks.values())


if __name__ == "__main__":
    main()
