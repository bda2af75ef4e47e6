"""The play screen: one card at a time, the board with pawns, and whose turn it is."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from dialoogspel.model import Agreement, Mode, Quadrant, RuleError, Session
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.keys import PLAY_KEYS, bindings
from dialoogspel.tui.messages import SessionChanged
from dialoogspel.tui.widgets.board import Board, pawn, pawn_with_name
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

    def __init__(self, session: Session, glyphs: Glyphs) -> None:
        super().__init__()
        self.session = session
        """The game being played (owned by the app, changed only through model calls)."""
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
        """Vragen has no board: 1–4 leave the Footer there."""
        return not (action == "place" and self.session.mode is Mode.VRAGEN)

    def on_mount(self) -> None:
        self.query_one(Board).display = self.session.mode is not Mode.VRAGEN
        self.refresh_view()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    # -- rendering ----------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Draw everything from the model."""
        session = self.session
        card = session.current
        setup = session.setup
        position = f"kaart {session.index + 1} van {len(session.cards)}"
        # In vragen a card counts as done once shown, so "klaar" would only echo the position.
        done = () if session.mode is Mode.VRAGEN else (f"{session.settled_count} klaar",)
        self.query_one(TopBar).show(card.deck.theme, position, *done, setup.mode.value, setup.casus)
        self.query_one(CardView).show(card, session.current_state, position)
        if session.mode is not Mode.VRAGEN:
            self.query_one(Board).show_pawns(session)
        status = self.query_one("#status", Static)
        status.update(self.status_text())
        status.set_class(session.needs_decision(), "-contested")
        status.set_class(bool(self.problem), "-problem")

    def status_text(self) -> Text:
        """What the team should do now, plus the last refused action."""
        text = self._guidance()
        if self.problem:
            text.append("\n")
            text.append(self.glyphs.text(self.problem), style="bold")
        return text

    def _guidance(self) -> Text:
        g = self.glyphs
        session = self.session
        state = session.current_state
        if state.parked:
            return Text(g.text("Deze kaart is geparkeerd. s: terughalen · →: volgende kaart."))
        if session.mode is Mode.VRAGEN:
            return Text(
                g.text("Praat over de vraag. n: notitie · spatie: databronnen · →: volgende.")
            )
        if session.needs_decision():
            return self._disagreement()
        if state.final is not None:
            how = {
                "eens": "Iedereen koos hetzelfde:",
                "besproken": "Besproken. De kaart ligt in",
                "samen": "De kaart ligt in",
            }[state.settled_by.value if state.settled_by else "samen"]
            return Text(
                g.text(f"{how} {state.final.value} {state.final.label}. →: volgende kaart.")
            )
        if session.mode is Mode.SAMEN:
            return Text(g.text("Waar hoort deze kaart? Kies samen 1–4."))
        person = session.current_participant
        assert person is not None
        text = Text("Aan de beurt: ")
        text.append_text(pawn_with_name(person))
        text.append(g.text(" kies 1–4."))
        if session.setup.hidden_voting:
            chosen = len(session.participants) - len(session.pending_participants())
            verb = "heeft" if chosen == 1 else "hebben"
            text.append(
                f"\nVerdekt: {chosen} van de {len(session.participants)} {verb} gekozen. "
                "Niemand kijkt mee!",
                style="italic",
            )
        return text

    def _disagreement(self) -> Text:
        words = "De pionnen staan verschillend. Praat erover en kies samen 1–4.\n"
        text = Text(self.glyphs.text(words), "bold")
        parts = [(q, people) for q, people in self.session.positions().items() if people]
        for number, (quadrant, people) in enumerate(parts):
            if number:
                text.append(" | ")
            text.append(f"{quadrant.value}: ")
            for person in people:
                text.append_text(pawn(person))
                text.append(f"{person.role} ")
        return text

    # -- actions ------------------------------------------------------------------------------

    def _apply(self, change: object, *args: object) -> bool:
        """Run a model call; on a refusal show why, else save and redraw."""
        try:
            change(*args)  # type: ignore[operator]
        except RuleError as refusal:
            self.problem = str(refusal)
            self.app.bell()
            self.refresh_view()
            return False
        self.problem = ""
        self.post_message(SessionChanged())
        self.refresh_view()
        return True

    def action_place(self, number: int) -> None:
        """1–4: place a pawn, the card, or the final quadrant."""
        self._apply(self.session.place, Quadrant(number))

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
        if not self.session.undo():
            self.problem = "Er is op deze kaart niets om terug te nemen."
            self.refresh_view()
            return
        self.problem = ""
        self.post_message(SessionChanged())
        self.refresh_view()

    def action_park(self) -> None:
        """s: park the card for later, or take it back."""
        self._apply(self.session.toggle_park)

    def action_note(self) -> None:
        """n: write a note on this card."""
        card = self.session.current

        def keep(text: str | None) -> None:
            if text and text.strip():
                self._apply(self.session.add_note, text, card.key)

        from dialoogspel.tui.screens.note import NoteScreen  # loaded when first needed

        self.app.push_screen(NoteScreen(f"kaart {card.card.id}"), keep)

    def action_board(self) -> None:
        """b: the board overview."""
        from dialoogspel.tui.screens.board import BoardScreen  # loaded when first needed

        self.app.push_screen(BoardScreen(self.session, self.glyphs))

    def action_add_agreement(self) -> None:
        """a: an agreement about this card."""

        def keep(agreement: Agreement | None) -> None:
            if agreement is not None and self._apply(self.session.add_agreement, agreement):
                self.notify(f"Afspraak gemaakt voor {agreement.who}. e: alle afspraken.")

        from dialoogspel.tui.screens.agreement import AgreementScreen  # loaded when first needed

        form = AgreementScreen(self.session, self.glyphs, card_key=self.session.current.key)
        self.app.push_screen(form, keep)

    def action_agreements(self) -> None:
        """e: to the afspraken and the outcome file."""
        self.post_message(self.AfsprakenRequested())

    def on_board_quadrant_chosen(self, message: Board.QuadrantChosen) -> None:
        """A click on a quadrant is the same as its number key."""
        self.action_place(message.quadrant.value)
