"""A small modal to type a note for the current card."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from dialoogspel.tui.keys import NOTE_KEYS, bindings


class NoteScreen(ModalScreen[str | None]):
    """Ask for one note; dismissed with the text, or None when cancelled."""

    CSS_PATH = "modal.tcss"

    KEYS = NOTE_KEYS
    BINDINGS = bindings(NOTE_KEYS)
    HELP_TITLE = "notitie"
    HELP_INTRO = "Typ wat het team wil onthouden bij deze kaart. De notitie komt in de uitkomst."

    def __init__(self, card_label: str, text: str = "") -> None:
        super().__init__()
        self.card_label = card_label
        """Which card the note is for, shown in the title (deck text: never markup)."""
        self.text = text
        """The note as it was, when an existing note is changed."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            verb = "wijzigen" if self.text else "bij"
            yield Label(f"Notitie {verb} {self.card_label}", classes="title", markup=False)
            yield Input(self.text, placeholder="Wat willen jullie onthouden?", id="note")
            yield Label("enter: bewaren · esc: annuleren", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_save(self) -> None:
        """enter (or the list of actions): keep what was typed."""
        self.dismiss(self.query_one(Input).value)

    def action_cancel(self) -> None:
        """esc: no note."""
        self.dismiss(None)
