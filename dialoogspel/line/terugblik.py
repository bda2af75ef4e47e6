"""The terugblik in plain lines, before the first card (SPEC section 8 and 3.3).

Per open earlier agreement: `1` klaar, `2` loopt nog, `3` niet gelukt, `4` vervalt; then a note
(an empty line skips it); for an uitzoek-afspraak with a vermoeden `1` ja, `2` nee, `3` deels;
after loopt nog or niet gelukt a new date carries it into this session (empty: no). Each answer
goes through the table, so the step is autosaved and resumes at the first unanswered item.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from dialoogspel.line.console import Console
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
    DONE,
    HELD_QUESTION,
    INTRO,
    NOT_CARRIED,
    NOTE_QUESTION,
    STATUS_QUESTION,
    answered_line,
    carried_line,
    item_heading,
    item_line,
    vermoeden_line,
)
from dialoogspel.table import NO_ANSWER, Table, chosen_paths, describe, list_earlier

T = TypeVar("T")
HELD_SKIP = ". Een lege regel: overslaan."
CHOOSE_QUESTION = (
    "Terugkijken op afspraken van vorige keer? Typ de nummers, bijvoorbeeld 1 of 1 3."
    " Een lege regel: niet terugkijken."
)


class _Ended(Exception):
    """The input ended in the middle of the step."""


class LineTerugblik:
    """Asks about every unanswered earlier agreement, one line per answer."""

    def __init__(self, console: Console, table: Table, today: Callable[[], date]) -> None:
        self.console = console
        self.table = table
        self.session = table.session
        self.today = today

    def run(self) -> bool:
        """Ask until every item is answered; False when the input ended first."""
        if not self.session.terugblik_pending:
            return True
        self.console.say(INTRO)
        try:
            while (position := self.session.next_terugblik()) is not None:
                self._one(position)
        except _Ended:
            return False
        self.console.say(DONE)
        return True

    def _ask(self, question: str) -> str:
        answer = self.console.ask(question)
        if answer is None:
            raise _Ended
        return answer.strip()

    def _choice(self, question: str, read: Callable[[str], T], *, empty_skips: bool) -> T | None:
        while True:
            typed = self._ask(question)
            if not typed and empty_skips:
                return None
            try:
                return read(typed)
            except RuleError as refusal:
                self.console.say(str(refusal))

    def _one(self, position: int) -> None:
        item = self.session.terugblik[position]
        self.console.say("", item_heading(self.session, position), item_line(item, self.today()))
        if item.asks_vermoeden:
            self.console.say(vermoeden_line(item))
        status = self._choice(STATUS_QUESTION, status_for, empty_skips=False)
        assert status is not None
        note = self._ask(NOTE_QUESTION)
        held: Held | None = None
        if item.asks_vermoeden:
            held = self._choice(HELD_QUESTION + HELD_SKIP, held_for, empty_skips=True)
        self.table.act(lambda: self._save(position, status, note, held))
        self.console.say(answered_line(item))
        if status.can_carry:
            self._carry(position)

    def _save(self, position: int, status: Status, note: str, held: Held | None) -> None:
        """One answer as the model's actions: the note and vermoeden first, the status last."""
        self.session.note_terugblik(position, note)
        if held is not None:
            self.session.vermoeden_terugblik(position, held)
        self.session.answer_terugblik(position, status)

    def _carry(self, position: int) -> None:
        question = CARRY_QUESTION
        while True:
            typed = self._ask(question)
            if not typed:
                self.console.say(NOT_CARRIED)
                return
            try:
                deadline = parse_deadline(typed, self.today())
            except DeadlineError as error:
                question = str(error)
                continue
            self._carry_with(position, deadline)
            return

    def _carry_with(self, position: int, deadline: date | None) -> None:
        refusal = self.table.act(lambda: self.session.carry_over(position, deadline))
        self.console.say(refusal or carried_line(deadline))


def choose_earlier(console: Console, folder: Path) -> list[Path] | None:
    """Offer the outcome files in `folder` (newest first); the chosen paths, None at the end."""
    listed = list_earlier(folder)
    if listed.hung:
        console.say(NO_ANSWER)
        return []
    for broken in listed.broken:
        console.say(f"{broken.name}: {broken.reason} Dit bestand slaan we over.")
    files = listed.files  # all of them, as on the screen (SPEC 8): each says how many are open
    if not files:
        return []
    console.say("Uitkomsten van vorige keer:")
    console.say(*(f"{n}. {describe(f)}" for n, f in enumerate(files, start=1)))
    question = CHOOSE_QUESTION
    while True:
        typed = console.ask(question)
        if typed is None:
            return None
        words = typed.replace(",", " ").split()
        if not words:
            return []
        try:
            return chosen_paths(files, [int(word) for word in words])
        except ValueError as error:
            question = str(error) if "nummer" in str(error) else CHOOSE_QUESTION
