"""The play screen: one card at a time, the board with pawns, and whose turn it is."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from dialoogspel.model import Mode, Quadrant, Step
from dialoogspel.present import (
    SCREEN_KEYS,
    ParkingOffer,
    Sentence,
    handover_sentences,
    pacing_line,
    prompt_sentences,
    top_line,
)
from dialoogspel.present.fit import is_low, keep_lines, status_rows
from dialoogspel.table import Table
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.keys import PLAY_KEYS, bindings
from dialoogspel.tui.screens.playactions import PlayActions
from dialoogspel.tui.widgets.board import Board, pawn
from dialoogspel.tui.widgets.card import CardView
from dialoogspel.tui.widgets.footer import KeepFooter
from dialoogspel.tui.widgets.topbar import TopBar

PLAY_HELP = (
    "Lees de kaart voor. Spatie draait de kaart om: daar staan de databronnen.\n"
    "Pionnen: wie aan de beurt is, kiest 1 tot 4. Staan de pionnen verschillend? Praat erover"
    " en kies samen 1 tot 4. Weet je het niet? Druk 0.\n"
    "Samen: kies samen 1 tot 4. Gemengd: kies samen 1 tot 4; twijfelt iemand, druk t.\n"
    "Vragen: praat en maak notities. Verdekt stemmen: geef de laptop door als het scherm"
    " dat vraagt, en druk enter."
)
NO_WIDTH = 999
"""Before the first layout the status has no width yet: nothing is cut then."""
PACE_SECONDS = 1.0
"""How often the pacing line in the top bar is redrawn (reading the time saves nothing)."""


class PlayScreen(PlayActions, Screen[None]):
    """Renders the session and turns the key contract of SPEC section 3 into model calls."""

    KEYS = PLAY_KEYS
    BINDINGS = bindings(PLAY_KEYS)
    HELP_TITLE = "spelen"
    HELP_INTRO = PLAY_HELP
    CURSOR_AT = ("#card",)  # the question, for braille displays and magnifiers (tui/cursor.py)

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
        self._low = False
        """The board and card were last drawn in their low-window form."""

    def compose(self) -> ComposeResult:
        yield TopBar(self.glyphs)
        yield CardView(self.glyphs, id="card")
        yield Board(self.glyphs, id="board")
        yield Static(id="handover")
        yield Static(id="status")
        yield KeepFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without a board, 1–4 leave the Footer; t (twijfel) is only there in gemengd."""
        if action == "place":
            return self.session.rules.has_board
        if action == "doubt":
            return self.session.mode is Mode.GEMENGD
        return True

    def on_key(self, event: events.Key) -> None:
        """t outside gemengd, 1–4 without a board: the model's Dutch refusal, not a key that
        does nothing."""
        if event.key == "t" and self.session.mode is not Mode.GEMENGD:
            event.stop()
            self._apply(self.session.doubt)
        elif event.key in ("1", "2", "3", "4") and not self.session.rules.has_board:
            event.stop()
            self.action_place(int(event.key))

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
        self._low = is_low(self.app.size.height)
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

    def status_text(self) -> Text:
        """What the team should do now, plus the last refused action; in a small window the
        lines that matter least are left out (the first line and the refusal stay)."""
        prompt = self.session.prompt
        # the hand-over view says it in the middle of the screen already
        sentences = [] if prompt.step is Step.HANDOVER else prompt_sentences(prompt, SCREEN_KEYS)
        lines: list[Text] = []
        for number, sentence in enumerate(sentences):
            bold = prompt.step is Step.DECIDE and number == 0
            italic = prompt.step is Step.VOTE and number == 1
            lines.append(self._sentence(sentence, "bold" if bold else "italic" if italic else ""))
        if self.problem:
            lines.append(Text(self.glyphs.text(self.problem), style="bold"))
        order = list(range(len(lines)))
        if self.problem and len(lines) > 1:
            order = [0, len(lines) - 1, *range(1, len(lines) - 1)]
        status = self.query_one("#status", Static)
        width = status.content_size.width or NO_WIDTH
        rows = status_rows(self.app.size.height)
        kept = keep_lines([len(line) for line in lines], order, width, rows)
        text = Text("\n").join(lines[index] for index in kept)
        if width == NO_WIDTH:
            return text
        wrapped = text.wrap(self.app.console, width)
        if len(wrapped) <= rows:
            return text
        # even the first line does not fit: cut it, and say so with the ellipsis
        shown = list(wrapped)[:rows]
        ellipsis = self.glyphs.ellipsis
        shown[-1].rstrip()
        shown[-1].truncate(width - len(ellipsis))
        shown[-1].append(ellipsis)
        return Text("\n").join(shown)

    def on_resize(self) -> None:
        # after the new layout: the status lines and the low-window form depend on the size
        self.call_after_refresh(self._fit_to_size)

    def _fit_to_size(self) -> None:
        """Redraw what depends on the window size: all of it when the low form comes or goes."""
        low = is_low(self.app.size.height)
        if low != self._low:
            self.refresh_view()
        else:
            self.query_one("#status", Static).update(self.status_text())

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

    def action_agreements(self) -> None:
        """e: to the afspraken and the outcome file."""
        self.post_message(self.AfsprakenRequested())

    def on_board_quadrant_chosen(self, message: Board.QuadrantChosen) -> None:
        """A click on a quadrant is the same as its number key."""
        self.action_place(message.quadrant.value)
