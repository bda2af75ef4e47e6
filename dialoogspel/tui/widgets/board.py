"""The 2×2 board: four quadrants in reading order, clickable, showing pawns or cards."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.widgets import Static

from dialoogspel.model import Participant, Quadrant, Session, SessionCard
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.widgets.card import theme_colour


def pawn(person: Participant) -> Text:
    """A pawn: the letter on the role colour, so it reads in monochrome too."""
    text = Text()
    text.append(f" {person.letter} ", style=f"bold black on {person.colour}")
    return text


def pawn_with_name(person: Participant) -> Text:
    """A pawn followed by who it is."""
    text = pawn(person)
    text.append(f" {person.name} ({person.role})")
    return text


class QuadrantBox(Static):
    """One quadrant; a click chooses it."""

    def __init__(self, quadrant: Quadrant, glyphs: Glyphs) -> None:
        super().__init__(id=f"q{quadrant.value}", classes="quadrant")
        self.quadrant = quadrant
        """Which quadrant this box is."""
        self.styles.border = (glyphs.border, "grey")  # type: ignore[assignment]
        self.border_title = f"{quadrant.value} {quadrant.label}"

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
        for quadrant in Quadrant:
            box = self.box(quadrant)
            text = Text()
            if state.final is quadrant and not state.parked:
                text.append(f"{self.glyphs.settled} Hier ligt de kaart\n", style="bold")
            if revealed:
                for number, person in enumerate(positions[quadrant]):
                    if number:
                        text.append("\n")
                    text.append_text(pawn_with_name(person))
            count = len(session.cards_in(quadrant))
            if count:
                words = "kaart ligt" if count == 1 else "kaarten liggen"
                text.append(f"\n{count} {words} hier", style="dim")
            box.update(text)
            final_here = state.final is quadrant and not state.parked
            box.set_class(final_here, "-final")
            heavy = "ascii" if self.glyphs.plain else "heavy"
            box.styles.border = (  # type: ignore[assignment]
                heavy if final_here else self.glyphs.border,
                theme_colour(session.current.deck.colour) if final_here else "grey",
            )

    def show_cards(self, session: Session) -> None:
        """Overview: the settled cards in each quadrant (id and question, in the theme colour)."""
        for quadrant in Quadrant:
            self.box(quadrant).update(card_list(session.cards_in(quadrant), self.glyphs))


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
