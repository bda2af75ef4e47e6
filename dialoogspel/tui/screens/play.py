"""The play screen: one card at a time, the board with pawns, and whose turn it is."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from dialoogspel.model import Agreement, Quadrant, Step
from dialoogspel.present import (
    SCREEN_KEYS,
    Sentence,
    agreement_made,
    prompt_sentences,
    top_line,
)
from dialoogspel.table import Table
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.keys import PLAY_KEYS, bindings
from dialoogspel.tui.widgets.board import Board, pawn
from dialoogspel.tui.widgets.card import CardView
from dialoogspel.tui.widgets.topbar import TopBar

PLAY_HELP = (
    "Lees de kaart voor. Spatie draait de kaart om: daar staan de databronnen.\n"
    "Pionnen: wie aan de beurt is, kiest 1 tot 4. Staan de pionnen verschillend? Praat erover"
    " en kies samen 1 tot 4.\nSamen: kies samen 1 tot 4. Vragen: praat en maak notities."
)


class PlayScreen(Screen[None]):
    """Renders the session and turns the key contract of SPEC section 3 into model calls."""

    KEYS = PLAY_KEYS
    BINDINGS = bindings(PLAY_KEYS)
    HELP_TITLE = "spelen"
    HELP_INTRO = PLAY_HELP

    class AfsprakenRequested(Message):
        """e: the team wants the afspraken screen (the app knows the output folder)."""

    def __init__(self, table: Table, glyphs: Glyphs) -> None:
        super().__init__()
        self.table = table
        """The session in play; every change goes through it (it saves)."""
        self.session = table.session
        """The game being played (read only here: changes go through the table)."""
        self.glyphs = glyphs
        """The characters to draw with."""
        self.problem = ""
        """The last refused action's Dutch explanation, shown until the next action."""

    def compose(self) -> ComposeResult:
        yield TopBar(self.glyphs)
        yield CardView(self.glyphs, id="card")
        yield Board(self.glyphs, id="board")
        yield Static(id="status")
        yield Footer(compact=True, show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without a board, 1–4 leave the Footer."""
        return not (action == "place" and not self.session.rules.has_board)

    def on_mount(self) -> None:
        self.query_one(Board).display = self.session.rules.has_board
        self.refresh_view()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    # -- rendering ----------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Draw everything from the model."""
        session = self.session
        title, position, *parts = top_line(session)
        self.query_one(TopBar).show(title, position, *parts)
        self.query_one(CardView).show(session.current, session.current_state, position)
        if session.rules.has_board:
            self.query_one(Board).show_pawns(session)
        status = self.query_one("#status", Static)
        status.update(self.status_text())
        status.set_class(session.prompt.step is Step.DECIDE, "-contested")
        status.set_class(bool(self.problem), "-problem")
        self.call_after_refresh(self.place_cursor)

    def place_cursor(self) -> None:
        """Put the terminal cursor on the question, where braille displays and magnifiers look."""
        if self.is_current:
            self.app.cursor_position = self.query_one(CardView).content_region.offset

    def status_text(self) -> Text:
        """What the team should do now, plus the last refused action."""
        prompt = self.session.prompt
        lines = prompt_sentences(prompt, SCREEN_KEYS)
        text = Text()
        for number, sentence in enumerate(lines):
            if number:
                text.append("\n")
            bold = prompt.step is Step.DECIDE and number == 0
            italic = prompt.step is Step.VOTE and number == 1
            text.append_text(
                self._sentence(sentence, "bold" if bold else "italic" if italic else "")
            )
        if self.problem:
            text.append("\n")
            text.append(self.glyphs.text(self.problem), style="bold")
        return text

    def _sentence(self, sentence: Sentence, style: str) -> Text:
        """A present sentence with pawns drawn in their role colour."""
        text = Text(style=style)
        for part in sentence:
            if isinstance(part, str):
                text.append(self.glyphs.text(part))
                continue
            text.append_text(pawn(part.person))
            text.append(
                f" {part.person.name} ({part.person.role})" if part.with_name else part.person.role
            )
        return text

    # -- actions ------------------------------------------------------------------------------

    def _apply(self, change: Callable[[], object]) -> bool:
        """Run a model call through the table; on a refusal show why, else redraw."""
        refusal = self.table.act(change)
        self.problem = refusal or ""
        if refusal:
            self.app.bell()
        self.refresh_view()
        return refusal is None

    def action_place(self, number: int) -> None:
        """1–4: place a pawn, the card, or the final quadrant."""
        self._apply(lambda: self.session.place(Quadrant(number)))

    def action_flip(self) -> None:
        """Space: question ⇄ data sources."""
        card = self.query_one(CardView)
        card.show_back = not card.show_back

    def action_next_card(self) -> None:
        """Enter/→: next card, once this one is settled or parked."""
        self._apply(self.session.advance)

    def action_previous_card(self) -> None:
        """←: previous card."""
        self._apply(self.session.back)

    def action_undo(self) -> None:
        """Backspace: take back the last pawn or placement."""
        self._apply(self.session.undo)

    def action_park(self) -> None:
        """s: park the card for later, or take it back."""
        self._apply(self.session.toggle_park)

    def action_note(self) -> None:
        """n: write a note on this card."""
        card = self.session.current

        def keep(text: str | None) -> None:
            if text and text.strip():
                self._apply(lambda: self.session.add_note(text, card.key))

        from dialoogspel.tui.screens.note import NoteScreen  # loaded when first needed

        self.app.push_screen(NoteScreen(f"kaart {card.card.id}"), keep)

    def action_board(self) -> None:
        """b: the board overview."""
        from dialoogspel.tui.screens.board import BoardScreen  # loaded when first needed

        self.app.push_screen(BoardScreen(self.session, self.glyphs))

    def action_add_agreement(self) -> None:
        """a: an agreement about this card."""

        def keep(agreement: Agreement | None) -> None:
            if agreement is not None and self._apply(lambda: self.session.add_agreement(agreement)):
                self.notify(agreement_made(agreement.who), markup=False)

        from dialoogspel.tui.screens.agreement import AgreementScreen  # loaded when first needed

        form = AgreementScreen(
            self.session, self.glyphs, card_key=self.session.current.key, today=self.table.today
        )
        self.app.push_screen(form, keep)

    def action_agreements(self) -> None:
        """e: to the afspraken and the outcome file."""
        self.post_message(self.AfsprakenRequested())

    def on_board_quadrant_chosen(self, message: Board.QuadrantChosen) -> None:
        """A click on a quadrant is the same as its number key."""
        self.action_place(message.quadrant.value)
