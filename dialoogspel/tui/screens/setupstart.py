"""The setup screen's check of the form and the start: a Dutch message under each field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, SelectionList, Static

from dialoogspel.model import Deck, Mode, RuleError, Session
from dialoogspel.table import new_session
from dialoogspel.tui.screens.setupcolumn import PlayChoices, Problem
from dialoogspel.tui.widgets.niveauchoice import NiveauChoice
from dialoogspel.tui.widgets.participants import ParticipantEditor

if TYPE_CHECKING:
    _ScreenBase = Screen[None]
else:
    # a plain class before `Screen`: Textual's CSS type names stay the screen's
    _ScreenBase = object

NIVEAU_MISSING = "Typ het niveau, of kies klas, opleiding, team of instelling."
NOT_READY = "Nog niet klaar. Kijk bij de meldingen in het formulier."


class SetupStart(_ScreenBase):
    """Mixed into the setup screen before `Screen`: messages under fields, and ctrl+s."""

    ready: bool
    earlier: list[Path]

    if TYPE_CHECKING:  # the setup screen's form readers and its message

        def _participants(self) -> ParticipantEditor: ...
        def _deck_list(self) -> SelectionList[int]: ...
        @property
        def niveau(self) -> str: ...
        @property
        def mode(self) -> Mode: ...
        @property
        def people(self) -> list[tuple[str, str]]: ...
        @property
        def hidden_voting(self) -> bool: ...
        @property
        def chosen_decks(self) -> tuple[Deck, ...]: ...

        Ready: Callable[[Session, tuple[Path, ...]], Message]

    def _problem(self, name: str, text: str) -> None:
        """Show (or clear, with "") the Dutch message under a field."""
        if name == "person":
            self._participants().show_problem(text)
        else:
            widget = self.query_one(f"#{name}-problem", Static)
            widget.update(text)
            widget.display = bool(text)
        if not text:
            self._forget_not_ready()

    def _forget_not_ready(self) -> None:
        """Take "not ready" away once every field is fixed: nothing is left to point at."""
        if not self.ready:
            return  # "not ready" can only be shown once the start button is there
        start = self.query_one("#start-problem", Static)
        fields = [p for p in self.query(".problem") if p is not start]
        if str(start.content) == NOT_READY and not any(p.display for p in fields):
            self._problem("start", "")

    def action_start(self) -> None:
        """ctrl+s / Start: check the form, build the session and hand it to the app."""
        if not self.ready:
            return  # pressed within the first frame: the form is not all there yet
        participants = self._participants()
        with self.prevent(ParticipantEditor.Changed):  # the whole form is checked below
            unfinished = bool(participants.typed_name) and not participants.add_participant()
        if unfinished:
            self._problem("start", "Maak de deelnemer eerst af, of maak het naamveld leeg.")
            return
        problems: list[Problem] = []
        casus = self.query_one("#casus", Input)
        if not casus.value.strip():
            problems.append(("casus", "Vul de casus in: waar gaat het gesprek over?", casus))
        if not self.niveau:
            problems.append(("niveau", NIVEAU_MISSING, self.query_one(NiveauChoice).other))
        if not self.chosen_decks:
            problems.append(("deck", "Kies minstens één thema (spatie).", self._deck_list()))
        play = self.query_one(PlayChoices)
        problems += play.problems()
        for name in ("casus", "niveau", "deck", "minutes", "person"):
            self._problem(name, next((text for n, text, _ in problems if n == name), ""))
        if problems:
            self._problem("start", NOT_READY)
            problems[0][2].focus()
            return
        try:
            session = new_session(
                casus=self.query_one("#casus", Input).value,
                niveau=self.niveau,
                decks=self.chosen_decks,
                mode=self.mode,
                people=self.people,
                hidden_voting=self.hidden_voting,
                choice=play.hour.choice(),
                minutes=play.hour.minutes(),
            )
        except RuleError as refusal:
            self._problem("start", str(refusal))
            self.app.bell()
            return
        self._problem("start", "")
        self.post_message(self.Ready(session, tuple(self.earlier)))
