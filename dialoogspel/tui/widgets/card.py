"""The card on the table: question on the front, data sources on the back, in the theme colour."""

from __future__ import annotations

from rich.text import Text
from textual.color import Color, ColorParseError
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from dialoogspel.model import CardState, SessionCard
from dialoogspel.present import SCREEN_KEYS, data_source_hint
from dialoogspel.present.board import NO_DATA_SOURCES
from dialoogspel.present.fit import (
    is_low,
    more_notes,
    note_rows,
    question_rows,
    shorten,
    shorten_rows,
)
from dialoogspel.tui.glyphs import Glyphs


def theme_colour(value: str) -> Color:
    """The deck's colour as typed by the facilitator, or a neutral grey if Textual can't read it."""
    try:
        return Color.parse(value)
    except ColorParseError:
        return Color.parse("grey")


class CardView(Static):
    """Shows one session card; flipping is a view choice, so it is a reactive here."""

    DEFAULT_CSS = """
    CardView {
        height: auto;
        padding: 0 1;
    }
    """

    show_back: reactive[bool] = reactive(False)
    """True shows the data sources (back), False the question (front)."""

    def __init__(self, glyphs: Glyphs, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.glyphs = glyphs
        """The characters to draw with."""
        self._card: SessionCard | None = None
        self._state: CardState | None = None
        self._position = ""

    def show(self, card: SessionCard, state: CardState, position: str) -> None:
        """Put a card on the table (or refresh it), e.g. position "kaart 3 van 18"."""
        if self._card is None or card.key != self._card.key:
            self.show_back = False
        self._card, self._state, self._position = card, state, position
        self._redraw()

    def watch_show_back(self) -> None:
        self._redraw()

    def on_resize(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        card, state = self._card, self._state
        if card is None or state is None:
            return
        colour = theme_colour(card.deck.colour)
        self.styles.border = (self.glyphs.border, colour)  # type: ignore[assignment]
        # Deck text is data: as Content it is never markup, so never a link or an action.
        self.border_title = Content(f"{card.card.id} {self.glyphs.dash} {card.deck.theme}")
        side = "achterkant: databronnen" if self.show_back else "voorkant: vraag"
        parked = " GEPARKEERD" if state.parked else ""
        self.border_subtitle = Content(f"{self._position} {self.glyphs.dash} {side}{parked}")
        self.update(self._back_text(card) if self.show_back else self._front_text(card, state))

    def _front_text(self, card: SessionCard, state: CardState) -> Text:
        notes = state.notes
        width = self.content_size.width or 999
        if self.is_attached and is_low(self.app.size.height):
            return self._low_front(card.card.question, len(notes), width)
        question = card.card.question
        if self.is_attached and self.content_size.width:
            rows = question_rows(self.app.size.height)
            question = "\n".join(shorten_rows(question, width, rows, self.glyphs.ellipsis))
        text = Text(question, style="bold")
        hint = data_source_hint(len(card.card.data_sources), SCREEN_KEYS.flip)
        text.append(f"\n{hint}", style="dim")
        # Notes take one row each and only a few rows, so the board below keeps its pawns.
        rows = note_rows(self.app.size.height) if self.is_attached else len(notes)
        shown = notes if len(notes) <= rows else notes[: rows - 1]
        label = f"{self.glyphs.bullet} notitie: "
        for note in shown:
            text.append(f"\n{label}", style="italic")
            text.append(shorten(note, width - len(label), self.glyphs.ellipsis))
        if len(shown) < len(notes):
            text.append(f"\n{more_notes(len(notes) - len(shown))}", style="italic")
        return text

    def _low_front(self, question: str, notes: int, width: int) -> Text:
        """A low window: two rows, the question cut with an ellipsis, then how many notes."""
        lines = shorten_rows(question, width, 1 if notes else 2, self.glyphs.ellipsis)
        text = Text("\n".join(lines), style="bold")
        if notes:
            text.append(f"\n{more_notes(notes)}", style="italic")
        return text

    def _back_text(self, card: SessionCard) -> Text:
        text = Text("Databronnen", style="bold underline")
        if not card.card.data_sources:
            text.append(f"\n{NO_DATA_SOURCES}")
        for source in card.card.data_sources:
            text.append(f"\n{self.glyphs.bullet} ")
            text.append(source.name, style="bold")
            if source.explanation:
                text.append(f": {source.explanation}")
        return text
