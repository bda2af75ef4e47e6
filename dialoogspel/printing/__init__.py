"""Printable cards: the paper backup, made from the same deck files (SPEC section 10).

- `layout`: a deck's cards -> A4 pages of positioned cards (fold-over or duplex), in mm
- `fit`: will a card's text fit; the font size that does
- `colour`: black or white text on a colour band (WCAG contrast)
- `html`, `sheets`, `style`: pages -> one self-contained HTML file
- `cards`: what gets printed (decks, cards, their place in the file; core cards)

Pure: no textual, no click, no files. `dialoogspel/printcli.py` reads the decks and writes.
"""

from __future__ import annotations

from dialoogspel.printing.cards import PrintDeck, core_only, is_core
from dialoogspel.printing.html import Rendered, render
from dialoogspel.printing.layout import A4, Geometry, layout_cards

__all__ = [
    "A4",
    "Geometry",
    "PrintDeck",
    "Rendered",
    "core_only",
    "is_core",
    "layout_cards",
    "render",
]
