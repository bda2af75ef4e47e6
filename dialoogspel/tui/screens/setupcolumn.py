"""The setup's second column: mode, participants, the hour, terugblik and the start button.

At 80x24 it lies below the fold, so the setup screen mounts it just after the first frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from dialoogspel.model import RuleError
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.screens.terugblikkeuze import earlier_button
from dialoogspel.tui.widgets.hourchoice import HourChoice
from dialoogspel.tui.widgets.modechoice import ModeChoice
from dialoogspel.tui.widgets.participants import ParticipantEditor

if TYPE_CHECKING:
    from dialoogspel.table import SetupDefaults

Problem = tuple[str, str, Widget]
"""A field's name (for its message), the Dutch message, and the widget to focus."""


class PlayChoices(Vertical):
    """How the team plays and who plays, built from the command line's choices."""

    def __init__(
        self, defaults: SetupDefaults, glyphs: Glyphs, earlier_folder: Path | None
    ) -> None:
        super().__init__()
        self.defaults = defaults
        """Choices from the command line that fill the fields at the start."""
        self.glyphs = glyphs
        """The characters to draw with."""
        self.earlier_folder = earlier_folder
        """Where earlier outcome files are offered from (terugblik); None: no button."""

    def compose(self) -> ComposeResult:
        defaults = self.defaults
        yield ModeChoice(defaults.mode, defaults.hidden_voting, plain=self.glyphs.plain, id="modes")
        yield Label("Deelnemers", classes="field-label")
        yield ParticipantEditor(defaults.participants, id="participants")
        yield HourChoice(  # tijd and cards per deck (issue 13): --tijd, --kern and --kaart
            minutes=defaults.minutes,
            core_only=defaults.core_only,
            card_ids=defaults.cards,
            plain=self.glyphs.plain,
        )
        yield from earlier_button(self.earlier_folder)
        with Horizontal(id="start-row"):
            yield Button("Start het spel", variant="primary", id="start")
            problem = Static(id="start-problem", classes="problem", markup=False)
            problem.display = False
            yield problem

    @property
    def hour(self) -> HourChoice:
        """Tijd and the cards per deck."""
        return self.query_one(HourChoice)

    def problems(self) -> list[Problem]:
        """What is wrong with the time or the participants for the chosen mode, in Dutch."""
        found: list[Problem] = []
        try:
            self.hour.minutes()
        except RuleError as refusal:
            found.append(("minutes", str(refusal), self.hour.query_one("#minutes")))
        choice = self.query_one(ModeChoice)
        participants = self.query_one(ParticipantEditor)
        try:
            choice.mode.rules.check_setup(len(participants.people), choice.hidden_voting)
        except RuleError as refusal:
            found.append(("person", str(refusal), participants.name_input))
        return found
