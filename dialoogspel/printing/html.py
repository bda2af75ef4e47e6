"""Pages -> one self-contained HTML file: cards, board, pawns, rules and an afspraken form.

Everything a deck author typed goes through `text()`: escaped for HTML, so a question is always
shown as typed and never becomes markup or script. Colours reach the style only as `#rrggbb`
made by `colour.hex_of`. No link, font, script or image comes from outside the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import NamedTuple

from dialoogspel.decks.problems import Problem
from dialoogspel.model import Card, Deck
from dialoogspel.printing.cards import PrintDeck, is_core
from dialoogspel.printing.colour import hex_of, text_colour_on
from dialoogspel.printing.fit import Block, fitting_size
from dialoogspel.printing.layout import A4, Box, CardPage, Geometry, Slot, layout_cards
from dialoogspel.printing.sheets import extra_sheets
from dialoogspel.printing.style import CSS

QUESTION_AREA = (80.0, 42.0)
"""Width and height (mm) of the question on the front: the card minus band, margins and foot."""
SOURCES_AREA = (80.0, 50.0)
"""Width and height (mm) of the databronnen on the back."""
QUESTION_SIZES = (14.0, 8.0)
"""Largest and smallest font size (pt) of a question."""
SOURCES_SIZES = (10.0, 7.0)
"""Largest and smallest font size (pt) of the databronnen."""
MARK_LENGTH, MARK_OFFSET, MARK_WIDTH = 2.5, 0.6, 0.2
"""Cut marks: length, distance from the corner, line width (mm)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Rendered(NamedTuple):
    """The finished file and the cards whose text did not fit."""

    html: str
    """The whole document."""
    warnings: list[Problem]
    """One warning per card side that is too full, located at the card in its deck file."""
    pages: int
    """How many A4 pages a browser prints."""


def text(value: str) -> str:
    """Typed text made safe for HTML: control characters dropped, markup characters escaped."""
    return html.escape(_CONTROL.sub("", value), quote=True)


def question_blocks(card: Card) -> list[Block]:
    """The front's text as blocks, for the size estimate."""
    return [Block(card.question, bold=True)]


def source_blocks(card: Card) -> list[Block]:
    """The back's text as blocks, for the size estimate."""
    blocks: list[Block] = []
    for source in card.data_sources:
        if source.explanation:
            blocks.append(Block(source.name, bold=True))
            blocks.append(Block(source.explanation, space_after=0.8))
        else:
            blocks.append(Block(source.name, bold=True, space_after=0.8))
    return blocks or [Block("Geen databronnen bij deze kaart.")]


def render(
    decks: Sequence[PrintDeck], *, duplex: bool = False, geometry: Geometry = A4
) -> Rendered:
    """The whole printable document for these decks."""
    sheets: list[str] = []
    warnings: list[Problem] = []
    for deck in decks:
        sizes = [_sizes(deck, i, warnings) for i in range(len(deck.cards))]
        for page in layout_cards(len(deck.cards), duplex=duplex, geometry=geometry):
            sheets.append(_card_sheet(deck, page, sizes, geometry))
    extras = extra_sheets()
    for sheet in extras:
        sheets.append(sheet)
        if duplex:  # the back of this sheet stays empty, so the next fronts start on a new sheet
            sheets.append('<section class="sheet" aria-label="lege achterkant"></section>')
    body = "\n".join(sheets)
    document = (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        "<title>Dialoogspel: kaarten om te printen</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n{_help(duplex)}\n{body}\n</body>\n</html>\n"
    )
    return Rendered(document, warnings, len(sheets))


def _sizes(deck: PrintDeck, index: int, warnings: list[Problem]) -> tuple[float, float]:
    """Font sizes of the front and back of one card; a warning for a side that does not fit."""
    card = deck.cards[index]
    chosen: list[float] = []
    for side, blocks, area, (largest, smallest) in (
        ("voorkant", question_blocks(card), QUESTION_AREA, QUESTION_SIZES),
        ("achterkant", source_blocks(card), SOURCES_AREA, SOURCES_SIZES),
    ):
        size = fitting_size(blocks, area[0], area[1], largest, smallest)
        if size is None:
            line, column = deck.place(index)
            message = (
                f"kaart {card.id}: de tekst op de {side} past niet op de kaart, ook niet met "
                f"een kleine letter. Maak de tekst korter. De kaart is wel geprint, maar de "
                "tekst is afgesneden."
            )
            warnings.append(Problem(deck.deck.source, line, column, message, warning=True))
            size = smallest
        chosen.append(size)
    return chosen[0], chosen[1]


def _help(duplex: bool) -> str:
    """A note seen on screen only: how to print this file."""
    how = (
        "Kies dubbelzijdig printen, omslaan via de lange kant."
        if duplex
        else "Enkelzijdig printen. Knip elk paar uit, vouw over de stippellijn en plak het dicht."
    )
    return (
        '<div class="help"><strong>Zo print je dit bestand.</strong> Kies in het printvenster: '
        "papier A4, schaal 100 % (niet: passend maken), kop- en voetteksten uit, "
        f"achtergrondafbeeldingen aan. {how} Deze uitleg wordt niet geprint.</div>"
    )


def _card_sheet(
    deck: PrintDeck, page: CardPage, sizes: list[tuple[float, float]], geometry: Geometry
) -> str:
    """One page of cards with cut marks and fold lines."""
    parts = [_note(page, deck.deck)]
    for slot in page.slots:
        card = deck.cards[slot.card]
        size = sizes[slot.card][0 if slot.side == "front" else 1]
        parts.append(_face(deck.deck, card, slot, size))
    for cut in page.cuts:
        parts.extend(_cut_marks(cut))
    for fold in page.folds:
        where = f"left:{fold.x:.2f}mm;top:{fold.y:.2f}mm;height:{fold.height:.2f}mm"
        parts.append(f'<div class="fold" style="{where}"></div>')
    label = {"fold": "kaarten om te vouwen", "fronts": "voorkanten", "backs": "achterkanten"}
    return (
        f'<section class="sheet" aria-label="{label[page.kind]}">' + "".join(parts) + "</section>"
    )


def _note(page: CardPage, deck: Deck) -> str:
    """The instruction at the top of a card page."""
    theme = text(deck.theme)
    if page.kind == "fold":
        how = "knip langs de hoekjes en vouw over de stippellijn: de databronnen komen achter."
    elif page.kind == "fronts":
        how = "voorkanten. De achterkanten staan op de volgende bladzijde (lange kant omslaan)."
    else:
        how = "achterkanten. Deze kant komt achter de voorkanten van de vorige bladzijde."
    return f'<div class="note" style="top:4mm">{theme}: {how}</div>'


def _face(deck: Deck, card: Card, slot: Slot, size: float) -> str:
    """One side of one card."""
    colour = hex_of(deck.colour)
    ink = text_colour_on(colour)
    band_style = f"background:{colour};color:{ink}"
    theme, card_id = text(deck.theme), text(card.id)
    if slot.side == "front":
        core = '<div class="foot">kernkaart</div>' if is_core(card) else ""
        return (
            f'<div class="card front" style="{_place(slot.box)}">'
            f'<div class="band" style="{band_style}"><span>{theme}</span>'
            f'<span class="id">{card_id}</span></div>'
            f'<div class="body"><p class="question" style="font-size:{size}pt">'
            f"{text(card.question)}</p></div>"
            f"{core}</div>"
        )
    items = "".join(
        f'<li><span class="name">{text(s.name)}</span>{text(s.explanation)}</li>'
        for s in card.data_sources
    )
    listing = (
        f"<ul>{items}</ul>" if items else '<p class="none">Geen databronnen bij deze kaart.</p>'
    )
    return (
        f'<div class="card back" style="{_place(slot.box)}">'
        f'<div class="band" style="{band_style}"><span>Databronnen</span>'
        f'<span class="id">{theme} {card_id}</span></div>'
        f'<div class="body" style="font-size:{size}pt">{listing}</div></div>'
    )


def _place(box: Box) -> str:
    """CSS position and size of a box in mm."""
    return (
        f"left:{box.x:.2f}mm;top:{box.y:.2f}mm;width:{box.width:.2f}mm;height:{box.height:.2f}mm;"
    )


def _cut_marks(box: Box) -> list[str]:
    """Short lines just outside each corner of a box, along its edges."""
    marks = []
    right, bottom = box.x + box.width, box.y + box.height
    for corner_x, corner_y, away_x, away_y in (
        (box.x, box.y, -1, -1),
        (right, box.y, 1, -1),
        (box.x, bottom, -1, 1),
        (right, bottom, 1, 1),
    ):
        start_x = corner_x + MARK_OFFSET if away_x > 0 else corner_x - MARK_OFFSET - MARK_LENGTH
        start_y = corner_y + MARK_OFFSET if away_y > 0 else corner_y - MARK_OFFSET - MARK_LENGTH
        horizontal = Box(start_x, corner_y - MARK_WIDTH / 2, MARK_LENGTH, MARK_WIDTH)
        vertical = Box(corner_x - MARK_WIDTH / 2, start_y, MARK_WIDTH, MARK_LENGTH)
        marks.append(f'<div class="mark" style="{_place(horizontal)}"></div>')
        marks.append(f'<div class="mark" style="{_place(vertical)}"></div>')
    return marks
