"""The setup's choice of mode, with its explanation and verdekt stemmen where pawns are voted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Label, RadioSet, Static

from dialoogspel.model import Mode
from dialoogspel.tui.widgets.choice import ChoiceSet

MODES: tuple[Mode, ...] = (Mode.VRAGEN, Mode.PIONNEN, Mode.SAMEN, Mode.GEMENGD)
"""The modes in the order they are offered."""
HIDDEN_VOTING_HINT = "De pionnen blijven bedekt tot iedereen gekozen heeft. Zo kijkt niemand af."
HIDDEN_VOTING_ONLY_PIONNEN = "Verdekt stemmen is er alleen bij pionnen en gemengd."


class ModeChoice(Vertical):
    """Modus and verdekt stemmen; `mode` and `hidden_voting` read them."""

    def __init__(
        self, mode: Mode | None, hidden_voting: bool, *, plain: bool, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.start_mode = mode or Mode.PIONNEN
        """The mode chosen when the form opens (--modus, else pionnen)."""
        self.start_hidden = hidden_voting
        """--verdekt: the box is ticked when the form opens."""
        self.plain = plain
        """Draw with ASCII only."""

    def compose(self) -> ComposeResult:
        yield Label("Modus", classes="field-label")
        yield ChoiceSet(
            *(m.value for m in MODES),
            chosen=MODES.index(self.start_mode),
            id="mode",
            plain=self.plain,
        )
        yield Static(id="mode-explanation", classes="hint", markup=False)
        yield Checkbox("Verdekt stemmen", self.start_hidden, id="hidden")
        yield Static(id="hidden-explanation", classes="hint", markup=False)

    @property
    def mode(self) -> Mode:
        """The chosen mode."""
        index = self.query_one("#mode", RadioSet).pressed_index
        return MODES[index] if index >= 0 else self.start_mode

    @property
    def hidden_voting(self) -> bool:
        """Verdekt stemmen is on, where the mode votes with pawns (else the box is off)."""
        return self.mode.rules.votes_pawns and self.query_one("#hidden", Checkbox).value

    def show(self) -> None:
        """The explanation of the chosen mode; hidden voting only makes sense with pawns."""
        mode = self.mode
        self.query_one("#mode-explanation", Static).update(mode.explanation)
        hidden = self.query_one("#hidden", Checkbox)
        hidden.disabled = not mode.rules.votes_pawns
        state = "aan" if hidden.value else "uit"
        hidden.label = f"Verdekt stemmen: {state}"
        self.query_one("#hidden-explanation", Static).update(
            HIDDEN_VOTING_HINT if mode.rules.votes_pawns else HIDDEN_VOTING_ONLY_PIONNEN
        )

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.show()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.show()
