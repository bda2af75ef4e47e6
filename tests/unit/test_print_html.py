"""The printable HTML: escaped deck text, nothing from outside, readable colours, text that fits."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialoogspel.decks import COLOUR_NAMES, find_decks, load_deck
from dialoogspel.model import DEFAULT_ROLES, Card, DataSource, Deck, Quadrant, role_colour
from dialoogspel.model.participants import EXTRA_ROLE_COLOURS
from dialoogspel.printing import PrintDeck, core_only, is_core, render
from dialoogspel.printing.colour import (
    BLACK,
    WHITE,
    contrast_ratio,
    relative_luminance,
    text_colour_on,
)
from dialoogspel.printing.fit import Block, fitting_size, line_count, text_height

HOSTILE = [
    "<script>alert(1)</script>",
    "</style><b>vet</b>",
    '"onload="alert(1)',
    "[@click=app.quit]x[/]",
    "[bold]x[/bold] [/]",
    "a\x1b[31mrood\x07 & <i>",
]


def deck(*cards: Card, colour: str = "#D55E00", theme: str = "Uitval") -> Deck:
    return Deck("uitval", theme, colour, tuple(cards), source="stapels/uitval.yaml")


def card(question: str = "Wat zien we?", *sources: DataSource, card_id: str = "U01") -> Card:
    return Card(card_id, question, tuple(sources))


class Collector(HTMLParser):
    """Tags, attributes and text of a document, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def parse(document: str) -> Collector:
    collector = Collector()
    collector.feed(document)
    collector.close()
    return collector


def builtin_decks() -> list[PrintDeck]:
    loaded = [load_deck(ref.path).deck for ref in find_decks()]
    return [PrintDeck(d, d.cards) for d in loaded if d is not None]


# -- escaping and self-containment --------------------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE)
def test_deck_text_is_text_never_markup(hostile: str) -> None:
    source = DataSource(hostile, hostile)
    printed = render(
        [
            PrintDeck(
                deck(card(hostile, source, card_id=hostile), theme=hostile),
                (card(hostile, source, card_id=hostile),),
            )
        ]
    ).html
    parsed = parse(printed)
    assert parsed.tags.count("script") == 0
    assert parsed.tags.count("style") == 1  # ours only: "</style>" in a deck cannot close it
    assert not {"b", "i"} & set(parsed.tags)
    assert all(not name.startswith("on") for name, _ in parsed.attributes)
    shown = "".join(parsed.text)
    visible = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", hostile)
    assert shown.count(visible) >= 5  # theme and id on both sides, question, source, toelichting
    assert "\x1b" not in printed and "\x07" not in printed


def test_the_file_needs_nothing_from_outside() -> None:
    printed = render(builtin_decks()).html
    parsed = parse(printed)
    assert "script" not in parsed.tags and "<script" not in printed.casefold()
    assert not {"link", "img", "iframe", "object", "embed", "svg", "a"} & set(parsed.tags)
    assert "http" not in printed.casefold()
    assert "url(" not in printed.casefold() and "@import" not in printed
    assert "@font-face" not in printed
    assert all(value is None or "//" not in value for _, value in parsed.attributes)


def test_the_page_is_a4_in_mm_without_printer_margins() -> None:
    printed = render(builtin_decks()).html
    assert "@page { size: A4 portrait; margin: 0; }" in printed
    assert "@page liggend { size: A4 landscape; margin: 0; }" in printed
    assert "print-color-adjust: exact" in printed  # the colour bands are backgrounds
    assert '<html lang="nl">' in printed and '<meta charset="utf-8">' in printed


def test_board_pawns_rules_and_form_are_in_the_file() -> None:
    rendered = render([PrintDeck(deck(card()), (card(),))])
    text = " ".join(parse(rendered.html).text)
    for quadrant in Quadrant:
        assert f"{quadrant.value}" in text and quadrant.label in text
    for role in DEFAULT_ROLES:
        assert role in text
    for word in (
        "Vragen",
        "Pionnen",
        "Samen",
        "Gemengd",
        "Verdekt stemmen",
        "Uitzoeken",
        "Aan de slag",
        "Wie",
        "Wat",
        "Vóór (datum)",
        "Kaart",
    ):
        assert word in text
    assert rendered.pages == 1 + 4  # one page of cards, then rules, board, pawns and the form


def test_duplex_gives_every_extra_page_an_empty_back() -> None:
    rendered = render([PrintDeck(deck(card()), (card(),))], duplex=True)
    assert rendered.pages == 2 + 4 * 2
    assert rendered.html.count('aria-label="lege achterkant"') == 4


# -- colour ---------------------------------------------------------------------------------


def every_deck_colour() -> set[str]:
    colours = set(COLOUR_NAMES) | set(COLOUR_NAMES.values()) | set(EXTRA_ROLE_COLOURS)
    colours |= {role_colour(role) for role in DEFAULT_ROLES}
    colours |= {d.deck.colour for d in builtin_decks()}
    return colours


@pytest.mark.parametrize("colour", sorted(every_deck_colour()))
def test_text_on_every_deck_colour_meets_wcag_aa(colour: str) -> None:
    assert contrast_ratio(colour, text_colour_on(colour)) >= 4.5


@given(st.integers(0, 0xFFFFFF))
def test_black_or_white_always_reaches_aa(value: int) -> None:
    colour = f"#{value:06x}"
    ink = text_colour_on(colour)
    other = WHITE if ink == BLACK else BLACK
    assert contrast_ratio(colour, ink) >= max(4.5, contrast_ratio(colour, other))


def test_luminance_follows_wcag() -> None:
    assert relative_luminance("#000") == 0 and relative_luminance("white") == 1
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21)
    assert text_colour_on("#ffff00") == BLACK and text_colour_on("navy") == WHITE


def test_colour_is_never_the_only_cue() -> None:
    printed = render([PrintDeck(deck(card()), (card(),))]).html
    for role in DEFAULT_ROLES:
        assert f'<div class="role">{html.escape(role)}</div>' in printed
    assert printed.count("<span>Uitval</span>") == 1  # the theme's name on the front band
    assert "Uitval U01" in printed  # and on the back


# -- fitting text -----------------------------------------------------------------------------


@given(st.text(st.sampled_from("ab "), max_size=200), st.integers(1, 60))
def test_line_count_lies_between_full_lines_and_a_line_per_word(text: str, width: int) -> None:
    words = text.split()
    letters = sum(len(w) for w in words)
    most = sum(-(-len(w) // width) for w in words)
    assert max(1, -(-letters // width)) <= line_count(text, width) <= max(1, most)


def test_text_height_grows_with_size_and_text() -> None:
    short, long = [Block("Wat zien we?")], [Block("Wat zien we? " * 30)]
    assert text_height(short, 80, 10) < text_height(short, 80, 12) < text_height(long, 80, 12)
    assert fitting_size(short, 80, 40, 14, 8) == 14
    assert 8 <= (fitting_size(long, 80, 30, 14, 8) or 0) < 14
    assert fitting_size([Block("woord " * 400)], 80, 40, 14, 8) is None


def test_a_card_too_full_is_named_and_the_rest_is_still_printed() -> None:
    crowded = card("Vraag", *(DataSource(f"Bron {i}", "uitleg " * 40) for i in range(6)))
    fine = card("Tweede vraag", card_id="U02")
    printed = render([PrintDeck(deck(crowded, fine), (crowded, fine), ((12, 5), (20, 5)))])
    assert [str(w) for w in printed.warnings] == [
        "stapels/uitval.yaml:12:5: waarschuwing: kaart U01: de tekst op de achterkant past niet "
        "op de kaart, ook niet met een kleine letter. Maak de tekst korter. De kaart is wel "
        "geprint, maar de tekst is afgesneden."
    ]
    assert "Tweede vraag" in printed.html and "font-size:7.0pt" in printed.html


def test_a_long_question_shrinks_but_stays_readable() -> None:
    long = card("Hoe " + "lang is deze vraag eigenlijk " * 7)
    printed = render([PrintDeck(deck(long), (long,))])
    sizes = [
        float(s) for s in re.findall(r'class="question" style="font-size:([\d.]+)pt', printed.html)
    ]
    assert sizes and 8 <= sizes[0] < 14 and not printed.warnings


def test_no_builtin_card_overflows() -> None:
    assert render(builtin_decks()).warnings == []
    assert render(builtin_decks(), duplex=True).warnings == []


# -- core cards (kern: ja) ----------------------------------------------------------------------


def test_core_cards_are_the_cards_marked_kern() -> None:
    assert is_core(Card("A", "x", kern=True))
    assert not is_core(Card("A", "x", kern=False)) and not is_core(card())


def test_core_only_keeps_core_cards_with_their_places() -> None:
    cards = (Card("A", "a"), Card("B", "b", kern=True), Card("C", "c", kern=True))
    chosen = core_only(PrintDeck(deck(), cards, ((3, 5), (7, 5), (11, 5))))
    assert [c.id for c in chosen.cards] == ["B", "C"]
    assert chosen.places == ((7, 5), (11, 5))
    assert render([chosen]).html.count('<div class="foot">kernkaart</div>') == 2


def test_the_printing_package_is_pure() -> None:
    probe = (
        "import json, sys, dialoogspel.printing; "
        "print(json.dumps(sorted({n.split('.')[0] for n in sys.modules})))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert not set(json.loads(done.stdout)) & {"textual", "rich", "click", "yaml"}
