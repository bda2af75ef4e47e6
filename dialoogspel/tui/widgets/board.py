"""The 2×2 board: four quadrants in reading order, clickable, showing pawns or cards."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.widgets import Static

from dialoogspel.model import Participant, Quadrant, Session, SessionCard
from dialoogspel.present.fit import (
    TIGHT_CELLS,
    fit_rows,
    is_low,
    more,
    pawn_layout,
    quadrant_title,
    shorten,
)
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.widgets.card import theme_colour


def pawn(person: Participant) -> Text:
    """A pawn: the letter on the role colour, so it reads in monochrome too."""
    text = Text()
    text.append(f" {person.letter} ", style=f"bold black on {person.colour}")
    return text


def tight_pawn(person: Participant) -> Text:
    """A pawn where space is short: only the letter on the role colour."""
    return Text(person.letter, style=f"bold black on {person.colour}")


def pawn_with_name(person: Participant) -> Text:
    """A pawn followed by who it is."""
    text = pawn(person)
    text.append(f" {person.name} ({person.role})")
    return text


Draw = Callable[[int, int], Text]
"""Makes a box's text for the rows and columns it has."""


class QuadrantBox(Static):
    """One quadrant; a click chooses it. Its text is redrawn to fit whenever its size changes."""

    def __init__(self, quadrant: Quadrant, glyphs: Glyphs) -> None:
        super().__init__(id=f"q{quadrant.value}", classes="quadrant")
        self.quadrant = quadrant
        """Which quadrant this box is."""
        self.styles.border = (glyphs.border, "grey")  # type: ignore[assignment]
        self.border_title = f"{quadrant.value} {quadrant.label}"
        self.draw: Draw | None = None
        """Makes the text for the current size; set by the board's `show_*` calls."""

    def redraw(self) -> None:
        """Fit title and text to the box as it is now (before layout: as if it were large)."""
        width, rows = self.content_size.width, self.content_size.height
        if self.outer_size.width:  # the title sits in the border: "╭─ title ─╮"
            self.border_title = quadrant_title(self.quadrant, self.outer_size.width - 6)
        if self.draw is not None:
            self.update(self.draw(rows or 99, width or 99))

    def on_resize(self) -> None:
        self.redraw()

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(Board.QuadrantChosen(self.quadrant))


class Board(Grid):
    """The board itself; what it shows is decided by the screen through `show_*` calls."""

    DEFAULT_CSS = """
    Board {
        grid-size: 2 2;
        grid-gutter: 0 1;
        height: 1fr;
        min-height: 8;
    }
    Board > .quadrant {
        height: 100%;
        padding: 0 1;
    }
    Board > .quadrant.-final {
        border-title-style: bold reverse;
    }
    """

    class QuadrantChosen(Message):
        """A quadrant was clicked: the same as pressing its number."""

        def __init__(self, quadrant: Quadrant) -> None:
            super().__init__()
            self.quadrant = quadrant
            """The quadrant chosen."""

    def __init__(self, glyphs: Glyphs, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.glyphs = glyphs
        """The characters to draw with."""

    def compose(self) -> ComposeResult:
        for quadrant in Quadrant:
            yield QuadrantBox(quadrant, self.glyphs)

    def box(self, quadrant: Quadrant) -> QuadrantBox:
        """The box of one quadrant."""
        return self.query_one(f"#q{quadrant.value}", QuadrantBox)

    def show_pawns(self, session: Session) -> None:
        """Play view: the pawns on the current card, where the card lies, and how full each is."""
        state = session.current_state
        revealed = session.pawns_revealed()
        positions = session.positions()
        low = self._fit_height()
        for quadrant in Quadrant:
            box = self.box(quadrant)
            final_here = state.final is quadrant and not state.parked
            people = positions[quadrant] if revealed else ()
            count = len(session.cards_in(quadrant))
            box.draw = self._pawn_drawing(people, final_here, count)
            box.redraw()
            box.set_class(final_here, "-final")
            heavy = "ascii" if self.glyphs.plain else "heavy"
            box.styles.border = (  # type: ignore[assignment]
                heavy if final_here else self.glyphs.border,
                theme_colour(session.current.deck.colour) if final_here else "grey",
            )
            if low:
                box.styles.border_bottom = ("none", "grey")

    def _fit_height(self) -> bool:
        """A low window: quadrants of a title row and one row of text, without a bottom border."""
        low = self.is_attached and is_low(self.app.size.height)
        self.styles.min_height = 4 if low else 8
        for quadrant in Quadrant:
            box = self.box(quadrant)
            edge = box.styles.border_top
            box.styles.border_bottom = ("none", edge[1]) if low else edge
        return low

    def _pawn_drawing(self, people: tuple[Participant, ...], here: bool, count: int) -> Draw:
        """The text of one quadrant in play: names when they fit, else a row of pawn letters."""
        words = "kaart ligt" if count == 1 else "kaarten liggen"
        count_text = f"{count} {words} hier"

        def draw(rows: int, width: int) -> Text:
            names = [len(pawn_with_name(person)) for person in people]
            plan = pawn_layout(names, here, count, len(count_text), rows, width)
            lines: list[Text] = []
            if plan.here_line:
                lines.append(Text(f"{self.glyphs.settled} Hier ligt de kaart", style="bold"))
            if plan.named:
                lines.extend(pawn_with_name(person) for person in people)
            elif people and plan.cells == TIGHT_CELLS:
                lines.append(Text(" ").join(tight_pawn(person) for person in people))
            elif people:
                lines.append(Text(" ").join(pawn(person) for person in people))
            if plan.count_line:
                lines.append(Text(count_text, style="dim"))
            return Text("\n").join(lines)

        return draw

    def show_cards(self, session: Session) -> None:
        """Overview: the settled cards in each quadrant, one line each, and "+N meer"."""
        self._fit_height()
        for quadrant in Quadrant:
            box = self.box(quadrant)
            box.draw = fitted_card_list(session.cards_in(quadrant), self.glyphs)
            box.redraw()


def fitted_card_list(cards: tuple[SessionCard, ...], glyphs: Glyphs) -> Draw:
    """Cards one per line, cut to the width; what does not fit is counted in "+N meer"."""

    def draw(rows: int, width: int) -> Text:
        if not cards:
            return Text(shorten("Nog geen kaarten.", width, glyphs.ellipsis), style="dim")
        fit = fit_rows(len(cards), rows)
        text = Text()
        for number, card in enumerate(cards[: fit.shown]):
            if number:
                text.append("\n")
            colour = theme_colour(card.deck.colour).hex
            text.append(card.card.id, style=f"bold {colour}")
            room = width - len(card.card.id) - 1
            text.append(" " + shorten(card.card.question, room, glyphs.ellipsis))
        if fit.hidden:
            text.append("\n" if fit.shown else "")
            text.append(more(fit.hidden), style="bold")
        return text

    return draw


def card_list(cards: tuple[SessionCard, ...], glyphs: Glyphs) -> Text:
    """Cards as short lines: a theme-coloured id and the question."""
    text = Text()
    if not cards:
        text.append("Nog geen kaarten.", style="dim")
    for number, card in enumerate(cards):
        if number:
            text.append("\n")
        colour = theme_colour(card.deck.colour).hex
        text.append(f"{card.card.id}", style=f"bold {colour}")
        text.append(f" {card.card.question}")
    return text
