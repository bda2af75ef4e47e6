"""The play loop of the plain-line face: one input line is one action (SPEC section 3.3).

Keys as on the screen: 1–4 place, 0 pass, t twijfel, s park, u undo, d databronnen, n note,
a agreement, b board, e afspraken, q stop, an empty line goes on. Every change goes through the
table (it saves); every refusal is the model's own Dutch sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from dialoogspel.line.agreement import ask_agreement
from dialoogspel.line.console import Console
from dialoogspel.line.notes import edit_notes
from dialoogspel.line.words import board_lines, card_lines, say_prompt
from dialoogspel.model import PASS, Quadrant, Step
from dialoogspel.model.board import Vote
from dialoogspel.present import (
    PARKING_DECLINED,
    ParkingOffer,
    agreement_made,
    data_source_lines,
    pacing_line,
    parked_rest,
    parking_question,
    pawn_placed,
)
from dialoogspel.table import Table

PLAY_HELP: tuple[tuple[str, str], ...] = (
    ("1, 2, 3 of 4", "zet de pion of de kaart in dat vak"),
    ("een lege regel", "volgende kaart"),
    ("v", "vorige kaart"),
    ("k", "lees de kaart nog eens voor"),
    ("d", "databronnen (de achterkant van de kaart)"),
    ("u", "neem de laatste pion of plaatsing terug"),
    ("s", "parkeer de kaart, of haal hem terug"),
    ("n", "notitie bij deze kaart; staan er al notities, dan kun je ze ook wijzigen of weghalen"),
    ("a", "afspraak bij deze kaart (daarna vier vragen)"),
    ("b", "het bord in woorden"),
    ("e", "de afspraken en de uitkomst opslaan"),
    ("0", "weet ik niet of pas"),
    ("t", "twijfel: deze kaart gaat naar de pionnen (gemengd)"),
    ("q", "stop; de uitkomst wordt opgeslagen"),
    ("? (vraagteken)", "deze lijst"),
)
"""The keys of the plain-line face, as `?` lists them."""
UNKNOWN = "'{typed}' ken ik niet. Typ een vraagteken (?) voor alle toetsen."
UNDONE = "Teruggenomen."
NOTE_QUESTION = "Typ de notitie op één regel. Een lege regel: geen notitie."
NOTE_KEPT = "Notitie bewaard bij kaart {label}."
NOTE_EMPTY = "Geen notitie gemaakt."
BACK_AT_CARDS = "Terug bij de kaarten."


class LinePlay:
    """Reads actions until the team stops (q) or the input ends."""

    def __init__(self, console: Console, table: Table) -> None:
        self.console = console
        """Where lines come from and go to."""
        self.table = table
        """The session in play; every change goes through it."""
        self.session = table.session
        """The game (read only here)."""
        self.actions: dict[str, Callable[[], bool]] = {
            "": self.next_card,
            "v": self.previous_card,
            "k": self.read_card,
            "d": self.data_sources,
            "u": self.undo,
            "s": self.park,
            "n": self.note,
            "a": self.agreement,
            "b": self.board,
            "e": self.afspraken,
            "0": self.abstain,
            "t": self.doubt,
            "q": lambda: False,
            "?": self.help,
        }
        """Key -> action; an action returns False when the team stops."""
        self.parking = ParkingOffer()
        """Asks about parking the rest only when it is new (see `ParkingOffer`)."""

    def run(self) -> None:
        """Say the card, then one action per line until q or the end of the input."""
        self.read_card()
        while True:
            prompt = self.session.prompt
            # on the hand-over the next voter may type a choice at once: keep it unseen too
            secret = prompt.hidden and prompt.step in (Step.VOTE, Step.HANDOVER)
            typed = self.console.ask(secret=secret)
            if typed is None or not self.handle(typed):
                return

    def handle(self, typed: str) -> bool:
        """Do what one input line asks; False means stop."""
        key = typed.strip().casefold()
        if key in ("1", "2", "3", "4"):
            return self.place(Quadrant(int(key)))
        action = self.actions.get(key)
        if action is None:
            return self._hint(UNKNOWN.format(typed=typed.strip()[:40]))
        return action()

    # -- speaking ---------------------------------------------------------------------------

    def _hint(self, text: str) -> bool:
        self.console.say(text)
        return True

    def _act(self, change: Callable[[], object]) -> bool:
        """Run a model call through the table; say the refusal, or nothing. True when done."""
        refusal = self.table.act(change)
        if refusal:
            self.console.say(refusal)
        return refusal is None

    def read_card(self) -> bool:
        """The card: where we are, the time (with --tijd), the question, its notes, then what
        to do; when time runs short, the question whether to park the rest."""
        self.console.say(*card_lines(self.session))
        pace = self.session.pace()
        if pace is not None:
            self.console.say(f"Tijd: {pacing_line(pace)}.")
        if not self.offer_parking():
            return False
        say_prompt(self.console, self.session)
        return True

    def _started(self) -> bool:
        """The team has placed or parked a card already."""
        return self.session.settled_count > 0 or bool(self.session.parked_cards())

    def offer_parking(self) -> bool:
        """Little time and many cards left: ask (j/n) whether to park the rest; False at the
        end of the input."""
        pace = self.session.pace()
        if not self.parking.due(self.session.prompt.offer_parking, pace, self._started()):
            return True
        assert pace is not None
        answer = self.console.ask(f"{parking_question(pace)} Typ j of n.")
        if answer is None:
            return False
        if answer.strip().casefold() not in ("j", "ja"):
            return self._hint(PARKING_DECLINED)
        parked: list[int] = []
        if self._act(lambda: parked.append(self.session.park_rest())):
            self.console.say(parked_rest(parked[0]))
        return True

    def help(self) -> bool:
        """?: every key, one line each."""
        self.console.say("Toetsen: typ er één en druk enter.")
        self.console.say(*(f"{key}: {what}" for key, what in PLAY_HELP))
        return True

    # -- actions ------------------------------------------------------------------------------

    def place(self, quadrant: Quadrant) -> bool:
        """1–4: a pawn, the card, or the final quadrant after a discussion."""
        return self._vote(quadrant, lambda: self.session.place(quadrant))

    def abstain(self) -> bool:
        """0: "weet ik niet / pas" for the one whose turn it is."""
        return self._vote(PASS, self.session.abstain)

    def _vote(self, vote: Vote, change: Callable[[], object]) -> bool:
        """Place or pass; say whose pawn went where (hidden: only that it did), then what next."""
        before = self.session.prompt
        if not self._act(change):
            return True
        if before.step in (Step.VOTE, Step.HANDOVER) and before.person is not None:
            self.console.say(pawn_placed(before.person, vote, self.session.setup.hidden_voting))
        say_prompt(self.console, self.session)
        return True

    def doubt(self) -> bool:
        """t (gemengd): this card goes to pawn voting."""
        if self._act(self.session.doubt):
            say_prompt(self.console, self.session)
        return True

    def next_card(self) -> bool:
        """An empty line: the next card, once this one is settled or parked; on the hand-over
        of hidden voting, the next voter is ready."""
        handing_over = self.session.prompt.step is Step.HANDOVER
        if not self._act(self.session.advance):
            return True
        if handing_over:
            say_prompt(self.console, self.session)
            return True
        return self.read_card()

    def previous_card(self) -> bool:
        """v: the previous card."""
        if self._act(self.session.back):
            return self.read_card()
        return True

    def undo(self) -> bool:
        """u: take back the last pawn or placement on this card."""
        if self._act(self.session.undo):
            self.console.say(UNDONE)
            say_prompt(self.console, self.session)
        return True

    def park(self) -> bool:
        """s: park the card for later, or take it back."""
        if self._act(self.session.toggle_park):
            say_prompt(self.console, self.session)
        return True

    def data_sources(self) -> bool:
        """d: the back of the card."""
        self.console.say("Databronnen:", *data_source_lines(self.session.current))
        return True

    def note(self) -> bool:
        """n: the note text comes on the next line; with notes on the card, first the choice to
        change or remove one of them."""
        if self.session.current_state.notes:
            return edit_notes(self.console, self.table, self.add_note)
        return self.add_note()

    def add_note(self) -> bool:
        """The text of a new note on the next line."""
        card = self.session.current
        text = self.console.ask(NOTE_QUESTION)
        if text is None:
            return False
        if not text.strip():
            return self._hint(NOTE_EMPTY)
        if self._act(lambda: self.session.add_note(text, card.key)):
            self.console.say(NOTE_KEPT.format(label=self.session.card_label(card.key)))
        return True

    def agreement(self) -> bool:
        """a: soort, wie, wat, vóór, one line each; the card is the current one."""
        card = self.session.current
        self.console.say(f"Nieuwe afspraak bij kaart {self.session.card_label(card.key)}.")
        made = ask_agreement(self.console, self.session, self.table.today, card_key=card.key)
        if made is None:
            return False
        if self._act(lambda: self.session.add_agreement(made)):
            self.console.say(agreement_made(made.who))
        return True

    def board(self) -> bool:
        """b: the board in words."""
        self.console.say(*board_lines(self.session))
        return True

    def afspraken(self) -> bool:
        """e: the afspraken list and the outcome; back here with an empty line."""
        from dialoogspel.line.afspraken import LineAfspraken

        if not LineAfspraken(self.console, self.table).run():
            return False
        self.console.say(BACK_AT_CARDS)
        return self.read_card()
