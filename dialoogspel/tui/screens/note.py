"""A small modal to type a note for the current card."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class NoteScreen(ModalScreen[str | None]):
    """Ask for one note; dismissed with the text, or None when cancelled."""

    CSS_PATH = "modal.tcss"

    BINDINGS = [Binding("escape", "cancel", "Annuleer")]

    def __init__(self, card_label: str) -> None:
        super().__init__()
        self.card_label = card_label
        """Which card the note is for, shown in the title."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(f"Notitie bij {self.card_label}", classes="title")
            yield Input(placeholder="Wat willen jullie onthouden?", id="note")
            yield Label("enter: bewaren · esc: annuleren", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
