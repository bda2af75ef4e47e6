"""The play screen's model calls and the dialogs it opens: notes, board, agreement, parking."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

from dialoogspel.model import Agreement, Session
from dialoogspel.present import ParkingOffer, agreement_made, parked_rest, parking_question
from dialoogspel.table import Table
from dialoogspel.tui.glyphs import Glyphs

if TYPE_CHECKING:
    _ScreenBase = Screen[None]
else:
    # a plain class before `Screen`: Textual's CSS type names stay the screen's
    _ScreenBase = object


class PlayActions(_ScreenBase):
    """Mixed into the play screen before `Screen`: every change goes through `_apply`."""

    table: Table
    session: Session
    glyphs: Glyphs
    problem: str
    parking: ParkingOffer

    if TYPE_CHECKING:

        def refresh_view(self) -> None:
            """Draw everything from the model (the play screen's)."""

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

    def action_note(self) -> None:
        """n: write a note on this card; with notes there, first the list to change or remove
        one (or to write a new one)."""
        from dialoogspel.tui.screens.notes import NoteFlow  # loaded when first needed

        NoteFlow(self, self.session, self._apply).start()

    def edit_notes(self, key: str) -> None:
        """The notes of any card, to change one (the privacy check's "aanpassen")."""
        from dialoogspel.tui.screens.notes import NoteFlow

        NoteFlow(self, self.session, self._apply, key).start()

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
                self.notify(agreement_made(agreement.who, key_hint=False), markup=False)

        from dialoogspel.tui.screens.agreement import AgreementScreen  # loaded when first needed

        form = AgreementScreen(
            self.session, self.glyphs, card_key=self.session.current.key, today=self.table.today
        )
        self.app.push_screen(form, keep)
