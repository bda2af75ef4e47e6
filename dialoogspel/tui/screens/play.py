"""The play screen: one card at a time, the board with pawns, and whose turn it is."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from dialoogspel.model import Agreement, Mode, Quadrant, Step
from dialoogspel.present import (
    SCREEN_KEYS,
    ParkingOffer,
    Sentence,
    agreement_made,
    handover_sentences,
    pacing_line,
    parked_rest,
    parking_question,
    prompt_sentences,
    top_line,
)
from dialoogspel.table import Table
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.keys import PLAY_KEYS, bindings
from dialoogspel.tui.widgets.board import Board, pawn
from dialoogspel.tui.widgets.card import CardView
from dialoogspel.tui.widgets.footer import SteadyFooter
from dialoogspel.tui.widgets.topbar import TopBar

PLAY_HELP = (
    "Lees de kaart voor. Spatie draait de kaart om: daar staan de databronnen.\n"
    "Pionnen: wie aan de beurt is, kiest 1 tot 4. Staan de pionnen verschillend? Praat erover"
    " en kies samen 1 tot 4. Weet je het niet? Druk 0.\n"
    "Samen: kies samen 1 tot 4. Gemengd: kies samen 1 tot 4; twijfelt iemand, druk t.\n"
    "Vragen: praat en maak notities. Verdekt stemmen: geef de laptop door als het scherm"
    " dat vraagt, en druk enter."
)
PACE_SECONDS = 1.0
"""How often the pacing line in the top bar is redrawn (reading the time saves nothing)."""


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
        self.parking = ParkingOffer()
        """Asks about parking the rest only when it is new (see `ParkingOffer`)."""

    def compose(self) -> ComposeResult:
        yield TopBar(self.glyphs)
        yield CardView(self.glyphs, id="card")
        yield Board(self.glyphs, id="board")
        yield Static(id="handover")
        yield Static(id="status")
        yield SteadyFooter(compact=True, show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without a board, 1–4 leave the Footer; t (twijfel) is only there in gemengd."""
        if action == "place":
            return self.session.rules.has_board
        if action == "doubt":
            return self.session.mode is Mode.GEMENGD
        return True

    def on_key(self, event: events.Key) -> None:
        """t outside gemengd: the model's Dutch refusal, not a key that does nothing."""
        if event.key == "t" and self.session.mode is not Mode.GEMENGD:
            event.stop()
            self._apply(self.session.doubt)

    def on_mount(self) -> None:
        self.refresh_view()
        if self.session.setup.minutes is not None:
            self.set_interval(PACE_SECONDS, self.show_top)
        self.offer_parking()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    # -- rendering ----------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Draw everything from the model."""
        session = self.session
        position = self.show_top()
        self.query_one(CardView).show(session.current, session.current_state, position)
        handing_over = session.prompt.step is Step.HANDOVER
        board = self.query_one(Board)
        board.display = session.rules.has_board and not handing_over
        if board.display:
            board.show_pawns(session)
        handover = self.query_one("#handover", Static)
        handover.display = handing_over
        if handing_over:
            handover.update(self.handover_text())
        status = self.query_one("#status", Static)
        status.update(self.status_text())
        status.set_class(session.prompt.step is Step.DECIDE, "-contested")
        status.set_class(bool(self.problem), "-problem")
        self.call_after_refresh(self.place_cursor)

    def show_top(self) -> str:
        """The top bar: theme, the pacing line (with --tijd), where the team is; the position.

        Called once a second too: reading the time changes nothing, so nothing is saved."""
        title, position, *parts = top_line(self.session)
        pace = self.session.pace()
        line = pacing_line(pace) if pace is not None else ""
        over = pace is not None and pace.over
        self.query_one(TopBar).show(title, position, *parts, pace=line, over=over)
        return position

    def handover_text(self) -> Text:
        """The hand-over view of hidden voting: who gets the laptop; no pawn in sight."""
        text = Text()
        for number, sentence in enumerate(handover_sentences(self.session.prompt)):
            if number:
                text.append("\n\n")
            text.append_text(self._sentence(sentence, "bold" if number == 0 else ""))
        return text

    def place_cursor(self) -> None:
        """Put the terminal cursor on the question, where braille displays and magnifiers look."""
        if self.is_current:
            self.app.cursor_position = self.query_one(CardView).content_region.offset

    def status_text(self) -> Text:
        """What the team should do now, plus the last refused action."""
        prompt = self.session.prompt
        # the hand-over view says it in the middle of the screen already
        lines = [] if prompt.step is Step.HANDOVER else prompt_sentences(prompt, SCREEN_KEYS)
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
            if lines:
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
        index = self.session.index
        refusal = self.table.act(change)
        self.problem = refusal or ""
        if refusal:
            self.app.bell()
        self.refresh_view()
        if self.session.index != index:
            self.offer_parking()
        return refusal is None

    def offer_parking(self) -> None:
        """Little time and many cards left (on a new card): ask whether to park the rest."""
        pace = self.session.pace()
        started = self.session.settled_count > 0 or bool(self.session.parked_cards())
        if pace is None or not self.parking.due(self.session.prompt.offer_parking, pace, started):
            return

        def answered(yes: bool | None) -> None:
            parked: list[int] = []
            if yes and self._apply(lambda: parked.append(self.session.park_rest())):
                self.notify(parked_rest(parked[0]), markup=False)

        from dialoogspel.tui.screens.ask import ConfirmScreen  # loaded when first needed

        question = ConfirmScreen(
            "De rest parkeren?",
            parking_question(pace),
            hint="j: ja, parkeren · n of esc: nee, de kaarten blijven open",
        )
        self.app.push_screen(question, answered)

    def action_place(self, number: int) -> None:
        """1–4: place a pawn, the card, or the final quadrant."""
        self._apply(lambda: self.session.place(Quadrant(number)))

    def action_abstain(self) -> None:
        """0: "weet ik niet / pas" for the one whose turn it is (a ?-pawn)."""
        self._apply(self.session.abstain)

    def action_doubt(self) -> None:
        """t (gemengd): this card goes to pawn voting."""
        self._apply(self.session.doubt)

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
        """n: write a note on this card; with notes there, first the list to change or remove
        one (or to write a new one)."""
        from dialoogspel.tui.screens.notes import NoteFlow  # loaded when first needed

        NoteFlow(self, self.session, self._apply).start()

    def action_board(self) -> None:
        """b: the board overview; a parked card chosen there (enter) is opened."""
        from dialoogspel.tui.screens.board import BoardScreen  # loaded when first needed

        def opened(index: int | None) -> None:
            if index is not None:
                self._apply(lambda: self.session.go_to(index))

        self.app.push_screen(BoardScreen(self.session, self.glyphs, openable=True), opened)

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
