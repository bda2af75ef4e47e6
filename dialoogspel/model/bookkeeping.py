"""The session's records besides the cards: notes, agreements, outcome files, privacy answers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from dialoogspel.model.agreements import Agreement
from dialoogspel.model.rules import RuleError
from dialoogspel.model.state import CardState, OutcomeRef

if TYPE_CHECKING:
    from dialoogspel.model.session import Session


class BookkeepingActions:
    """The session's note, agreement and outcome actions (mixed into `Session`)."""

    states: dict[str, CardState]
    agreements: list[Agreement]
    exported: list[str]
    outcome_file: OutcomeRef | None
    outcome_local: OutcomeRef | None
    output_dir: str
    privacy_allowed: set[str]
    finished: bool

    def add_note(self, text: str, key: str | None = None) -> None:
        """n: add a note to a card (the current one by default); empty notes are refused."""
        cleaned = text.strip()
        if not cleaned:
            raise RuleError("De notitie is leeg. Er is niets bewaard.")
        self.states[key or self._session().current.key].notes.append(cleaned)
        self._session()._changed()

    def replace_note(self, position: int, text: str, key: str | None = None) -> None:
        """Change a note of a card; an empty text is refused (remove the note instead)."""
        notes = self._notes(position, key)
        cleaned = text.strip()
        if not cleaned:
            raise RuleError("De notitie is leeg. Wil je hem weghalen? Kies dan: weghalen.")
        if notes[position] != cleaned:
            notes[position] = cleaned
            self._session()._changed()

    def remove_note(self, position: int, key: str | None = None) -> str:
        """Remove a note of a card and return its text."""
        notes = self._notes(position, key)
        removed = notes.pop(position)
        self._session()._changed()
        return removed

    def _notes(self, position: int, key: str | None) -> list[str]:
        """A card's notes, when `position` names one of them."""
        notes = self.states[key or self._session().current.key].notes
        if not 0 <= position < len(notes):
            raise RuleError("Die notitie bestaat niet (meer).")
        return notes

    # -- agreements ---------------------------------------------------------------------------

    def add_agreement(self, agreement: Agreement) -> None:
        """Add an agreement at the end of the list."""
        self.agreements.append(agreement)
        self._session()._changed()

    def replace_agreement(self, position: int, agreement: Agreement) -> None:
        """Edit an agreement in place."""
        self.agreements[position] = agreement
        self._session()._changed()

    def remove_agreement(self, position: int) -> Agreement:
        """Delete an agreement and return it."""
        removed = self.agreements.pop(position)
        self._session()._changed()
        return removed

    def mark_exported(self, path: str) -> None:
        """Remember where an outcome file of this session was written."""
        if not self.exported or self.exported[-1] != path:
            self.exported.append(path)
            self._session()._changed()

    def record_outcome(self, written: OutcomeRef | None, local: OutcomeRef | None) -> None:
        """An outcome write finished: remember the file (or the local copy) for the next one."""
        if written is not None:
            self.outcome_file = written
            self.mark_exported(written.path)
        if local is not None and local != self.outcome_local:
            self.outcome_local = local
            self._session()._changed()

    def set_output_dir(self, folder: str) -> None:
        """The folder the outcome file goes to, kept with the session for resume."""
        if folder != self.output_dir:
            self.output_dir = folder
            self._session()._changed()

    def allow_privacy(self, keys: Iterable[str]) -> None:
        """The team said "toch opslaan" for these findings: do not ask about them again."""
        new = set(keys) - self.privacy_allowed
        if new:
            self.privacy_allowed |= new
            self._session()._changed()

    def finish(self, done: bool = True) -> None:
        """The team says the session is done (or not done after all)."""
        if done != self.finished:
            self.finished = done
            self._session()._changed()

    def _session(self) -> Session:
        return self  # type: ignore[return-value]  # mixed into Session only
