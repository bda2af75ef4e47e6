"""The board overview: every settled card per quadrant, parked and open cards apart."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from dialoogspel.model import Mode, Session
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.keys import BOARD_KEYS, bindings
from dialoogspel.tui.widgets.board import Board, card_list
from dialoogspel.tui.widgets.topbar import TopBar


class BoardScreen(Screen[None]):
    """A read-only look at the whole board; esc or b returns to the card."""

    CSS_PATH = "board.tcss"

    KEYS = BOARD_KEYS
    BINDINGS = bindings(BOARD_KEYS)
    HELP_TITLE = "het bord"
    HELP_INTRO = "Hier zie je alle kaarten die al een plek hebben. Onderaan staan de open kaarten."

    def __init__(self, session: Session, glyphs: Glyphs) -> None:
        super().__init__()
        self.session = session
        """The game whose board is shown."""
        self.glyphs = glyphs
        """The characters to draw with."""

    def compose(self) -> ComposeResult:
        yield TopBar(self.glyphs)
        yield Board(self.glyphs, id="overview")
        yield Static(id="open-cards")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        session = self.session
        themes = ", ".join(deck.theme for deck in session.setup.decks)
        self.query_one(TopBar).show(
            "Het bord", themes, f"{session.settled_count} van {len(session.cards)} kaarten klaar"
        )
        board = self.query_one(Board)
        if session.mode is Mode.VRAGEN:
            board.display = False
            self.query_one("#open-cards", Static).add_class("-questions")
            self.query_one("#open-cards", Static).update(self._questions_text())
            return
        board.show_cards(session)
        open_cards = session.open_cards()
        parked = tuple(c for c in open_cards if session.states[c.key].parked)
        waiting = tuple(c for c in open_cards if not session.states[c.key].parked)
        text = Text("Geparkeerd: ", style="bold")
        text.append_text(card_list(parked, self.glyphs) if parked else Text("geen", "dim"))
        text.append("\nNog niet besproken: ", style="bold")
        text.append(str(len(waiting)) + " kaarten" if waiting else "geen")
        self.query_one("#open-cards", Static).update(text)

    def _questions_text(self) -> Text:
        """Vragen mode has no board: list the questions seen, with their notes."""
        session = self.session
        open_keys = {card.key for card in session.open_cards()}
        seen = [c for c in session.cards if c.key not in open_keys]
        parked = tuple(c for c in session.cards if session.states[c.key].parked)
        text = Text(f"Besproken vragen ({len(seen)} van {len(session.cards)})", style="bold")
        for card in seen:
            text.append("\n")
            text.append_text(card_list((card,), self.glyphs))
            for note in session.states[card.key].notes:
                text.append(f"\n   {self.glyphs.bullet} notitie: {note}", style="italic")
        if parked:
            text.append("\nGeparkeerd: ", style="bold")
            text.append_text(card_list(parked, self.glyphs))
        return text

    def action_close(self) -> None:
        self.dismiss(None)
