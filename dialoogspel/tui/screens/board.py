"""The board overview: every settled card per quadrant, parked and open cards apart."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from dialoogspel.model import Mode, Session
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.keys import BOARD_KEYS, bindings
from dialoogspel.tui.widgets.board import Board, card_list
from dialoogspel.tui.widgets.footer import SteadyFooter
from dialoogspel.tui.widgets.topbar import TopBar


class BoardScreen(Screen[int | None]):
    """A look at the whole board; esc or b returns to the card. Opened from the play screen,
    enter on a parked card opens it (dismissed with its position)."""

    CSS_PATH = "board.tcss"

    KEYS = BOARD_KEYS
    BINDINGS = bindings(BOARD_KEYS)
    HELP_TITLE = "het bord"
    HELP_INTRO = "Hier zie je alle kaarten die al een plek hebben. Onderaan staan de open kaarten."

    def __init__(self, session: Session, glyphs: Glyphs, *, openable: bool = False) -> None:
        super().__init__()
        self.session = session
        """The game whose board is shown."""
        self.glyphs = glyphs
        """The characters to draw with."""
        self.parked = tuple(c for c in session.open_cards() if session.states[c.key].parked)
        """The parked cards, in play order."""
        self.openable = openable and bool(self.parked) and session.mode is not Mode.VRAGEN
        """A parked card can be opened from here (enter): the play screen asked for it."""

    def compose(self) -> ComposeResult:
        yield TopBar(self.glyphs)
        yield Board(self.glyphs, id="overview")
        if self.openable:
            yield Static("Geparkeerd: kies een kaart, enter opent hem.", id="parked-title")
            yield OptionList(
                *(Option(card_list((card,), self.glyphs)) for card in self.parked), id="parked"
            )
        yield Static(id="open-cards")
        yield SteadyFooter(compact=True, show_command_palette=False)

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
        parked = self.parked
        waiting = tuple(c for c in session.open_cards() if not session.states[c.key].parked)
        text = Text()
        if self.openable:
            self.query_one("#parked", OptionList).focus()
        else:
            text.append("Geparkeerd: ", style="bold")
            text.append_text(card_list(parked, self.glyphs) if parked else Text("geen", "dim"))
            text.append("\n")
        text.append("Nog niet besproken: ", style="bold")
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter opens a parked card only where one can be opened."""
        return self.openable if action == "open_parked" else True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_parked()

    def action_open_parked(self) -> None:
        """enter: back to the cards, at the chosen parked card."""
        index = self.query_one("#parked", OptionList).highlighted or 0
        self.dismiss(self.session.position_of(self.parked[index].key))

    def action_close(self) -> None:
        self.dismiss(None)
