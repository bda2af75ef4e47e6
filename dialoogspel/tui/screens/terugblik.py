"""The terugblik before the first card (SPEC section 8): per open earlier agreement the team
presses 1–4 (klaar, loopt nog, niet gelukt, vervalt), types an optional note, answers 1–3 for a
vermoeden (ja, nee, deels) and may carry the agreement over with a new date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from dialoogspel.model import (
    DeadlineError,
    Held,
    RuleError,
    Status,
    held_for,
    parse_deadline,
    status_for,
)
from dialoogspel.present.terugblik import (
    CARRY_QUESTION,
    HELD_QUESTION,
    INTRO,
    NOT_CARRIED,
    NOTE_QUESTION,
    STATUS_QUESTION,
    carried_line,
    item_heading,
    item_line,
    vermoeden_line,
)
from dialoogspel.table import Table
from dialoogspel.tui.glyphs import glyphs_of
from dialoogspel.tui.keys import TERUGBLIK_KEYS, bindings


class Phase(str, Enum):
    """Which question the screen asks now about the current item."""

    STATUS = "status"
    NOTE = "note"
    HELD = "held"
    CARRY = "carry"


class TerugblikScreen(ModalScreen[None]):
    """Asks about every unanswered earlier agreement, then closes; play starts after it."""

    CSS_PATH = ["modal.tcss", "terugblik.tcss"]
    AUTO_FOCUS = None  # 1–4 are answers, not text for the (hidden) input

    KEYS = TERUGBLIK_KEYS
    BINDINGS = bindings(TERUGBLIK_KEYS)
    HELP_TITLE = "terugblik"
    CURSOR_AT = ("#where",)  # without a field: the cursor on the item asked about (tui/cursor.py)
    HELP_INTRO = (
        "Hoe gingen de afspraken van vorige keer? Kies 1 klaar, 2 loopt nog, 3 niet gelukt of"
        " 4 vervalt. Typ dan een notitie (enter zonder tekst: geen notitie). Had de afspraak"
        " een vermoeden: 1 ja, 2 nee, 3 deels. Loopt het nog of is het niet gelukt, dan kun je"
        " de afspraak meenemen met een nieuwe datum."
    )

    def __init__(self, table: Table, today: Callable[[], date]) -> None:
        super().__init__()
        self.table = table
        """The session in play; every answer goes through it (and is saved)."""
        self.today = today
        """Today's date, for "te laat" and for reading a typed date."""
        self.position = table.session.next_terugblik() or 0
        """Which item is asked about."""
        self.phase = Phase.STATUS
        """Which question is asked now."""
        self.status: Status | None = None
        """The answer given for the current item, saved once the note (and vermoeden) follow."""
        self.note = ""
        """The note typed for the current item."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Terugblik", classes="title")
            yield Static(INTRO, classes="intro", markup=False)
            yield Static(id="where", markup=False)
            yield Static(id="item", markup=False)
            yield Static(id="vermoeden", markup=False)
            yield Static(id="question", markup=False)
            yield Input(id="answer")
            yield Static(id="problem", markup=False)

    def on_mount(self) -> None:
        self._show()

    # -- showing ------------------------------------------------------------------------------

    def _show(self) -> None:
        """The current item and the question of the current phase."""
        session = self.table.session
        item = session.terugblik[self.position]
        text = glyphs_of(self.app).text
        self.query_one("#where", Static).update(text(item_heading(session, self.position)))
        self.query_one("#item", Static).update(text(item_line(item, self.today())))
        vermoeden = self.query_one("#vermoeden", Static)
        vermoeden.update(text(vermoeden_line(item)) if item.asks_vermoeden else "")
        vermoeden.display = item.asks_vermoeden
        questions = {
            Phase.STATUS: STATUS_QUESTION,
            Phase.NOTE: NOTE_QUESTION,
            Phase.HELD: HELD_QUESTION + ". Enter: overslaan.",
            Phase.CARRY: CARRY_QUESTION,
        }
        self.query_one("#question", Static).update(text(questions[self.phase]))
        answer = self.query_one("#answer", Input)
        answer.display = self.phase in (Phase.NOTE, Phase.CARRY)
        answer.disabled = not answer.display
        answer.value = ""
        answer.placeholder = "Wat weten we nu?" if self.phase is Phase.NOTE else "Bijv. 1-12"
        if answer.display:
            answer.focus()
        else:
            self.set_focus(None)

    def _say(self, problem: str) -> None:
        self.query_one("#problem", Static).update(problem)

    # -- answering ----------------------------------------------------------------------------

    def action_answer(self, number: int) -> None:
        """1–4: the status; 1–3: whether the vermoeden held."""
        try:
            if self.phase is Phase.STATUS:
                self.status = status_for(str(number))
                self._go(Phase.NOTE)
            elif self.phase is Phase.HELD:
                self._save(held_for(str(number)))
        except RuleError as refusal:
            self._say(str(refusal))

    def action_skip(self) -> None:
        """Enter with nothing typed: no note, no vermoeden answer, not carried."""
        if self.phase is Phase.HELD:
            self._save(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.phase is Phase.NOTE:
            self.note = event.value
            item = self.table.session.terugblik[self.position]
            if item.asks_vermoeden:
                self._go(Phase.HELD)
            else:
                self._save(None)
        elif self.phase is Phase.CARRY:
            self._carry(event.value)

    def _go(self, phase: Phase) -> None:
        self.phase = phase
        self._say("")
        self._show()

    def _save(self, held: Held | None) -> None:
        """The note, the vermoeden and the status as the model's actions, saved at once."""
        session, position, status = self.table.session, self.position, self.status
        assert status is not None

        def answer() -> None:
            session.note_terugblik(position, self.note)
            if held is not None:
                session.vermoeden_terugblik(position, held)
            session.answer_terugblik(position, status)

        refusal = self.table.act(answer)
        if refusal:
            self._say(refusal)
        elif status.can_carry:
            self._go(Phase.CARRY)
        else:
            self._next()

    def _carry(self, typed: str) -> None:
        if not typed.strip():
            self.notify(NOT_CARRIED, timeout=3, markup=False)
            self._next()
            return
        try:
            deadline = parse_deadline(typed, self.today())
        except DeadlineError as error:
            self._say(str(error))
            return
        session, position = self.table.session, self.position
        refusal = self.table.act(lambda: session.carry_over(position, deadline))
        if refusal:
            self._say(refusal)
            return
        self.notify(carried_line(deadline), timeout=4, markup=False)
        self._next()

    def _next(self) -> None:
        """The next unanswered item, or close: the cards come next."""
        following = self.table.session.next_terugblik()
        if following is None:
            self.dismiss(None)
            return
        self.position, self.status, self.note = following, None, ""
        self._go(Phase.STATUS)
