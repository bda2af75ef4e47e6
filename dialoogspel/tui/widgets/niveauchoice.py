"""The setup's niveau: klas, opleiding, team, instelling, or "anders" with a field to type it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, RadioSet, Static

from dialoogspel.model import NIVEAUS
from dialoogspel.tui.widgets.choice import ChoiceSet

OTHER_NIVEAU = "anders"
"""The last niveau choice: a free text field appears."""


class NiveauChoice(Vertical):
    """The niveau choices and the free field under "anders"; `niveau` reads the answer."""

    def __init__(self, niveau: str, *, plain: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.start_niveau = niveau
        """--niveau: one of NIVEAUS, free text, or "" for the usual opleiding."""
        self.plain = plain
        """Draw with ASCII only."""

    def compose(self) -> ComposeResult:
        known = self.start_niveau.strip().casefold() in NIVEAUS
        yield Label("Niveau", classes="field-label")
        yield ChoiceSet(
            *NIVEAUS, OTHER_NIVEAU, chosen=self._start_index(), id="niveau", plain=self.plain
        )
        yield Input(
            "" if known else self.start_niveau,
            placeholder="Welk niveau? Bijv. afdeling zorg",
            id="niveau-other",
        )
        yield Static(id="niveau-problem", classes="problem", markup=False)

    def _start_index(self) -> int:
        wanted = self.start_niveau.strip().casefold()
        if not wanted:
            return NIVEAUS.index("opleiding")
        return NIVEAUS.index(wanted) if wanted in NIVEAUS else len(NIVEAUS)

    @property
    def niveau(self) -> str:
        """The niveau as chosen, or as typed under "anders"."""
        index = self.query_one("#niveau", RadioSet).pressed_index
        if 0 <= index < len(NIVEAUS):
            return NIVEAUS[index]
        return self.query_one("#niveau-other", Input).value.strip()

    @property
    def other(self) -> Input:
        """The field for a niveau of one's own."""
        return self.query_one("#niveau-other", Input)

    def show_other(self) -> None:
        """The free niveau field shows only when "anders" is chosen."""
        self.other.display = self.query_one("#niveau", RadioSet).pressed_index == len(NIVEAUS)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.show_other()
