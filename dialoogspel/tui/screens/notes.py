"""The notes of a card as a list: change one, remove one, or write a new one (n on a card that
has notes)."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from dialoogspel.tui.keys import NOTES_KEYS, bindings

NEW_NOTE = "+ nieuwe notitie"
"""The last line of the list: write another note."""


class NoteChoice(NamedTuple):
    """What the team chose in the list of notes."""

    action: str
    """"new", "edit" or "remove"."""
    position: int = -1
    """Which note (edit, remove)."""


class NotesScreen(ModalScreen[NoteChoice | None]):
    """The notes of one card; dismissed with the team's choice, or None (esc)."""

    CSS_PATH = "modal.tcss"

    KEYS = NOTES_KEYS
    BINDINGS = bindings(NOTES_KEYS)
    HELP_TITLE = "notities"
    HELP_INTRO = (
        "Kies een notitie met de pijltjes. Enter: wijzigen. Delete: weghalen."
        " Kies de laatste regel voor een nieuwe notitie."
    )

    def __init__(self, card_label: str, notes: list[str]) -> None:
        super().__init__()
        self.card_label = card_label
        """Which card, shown in the title (deck text: never markup)."""
        self.notes = list(notes)
        """The card's notes (typed text: shown as text, never markup)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(f"Notities bij {self.card_label}", classes="title", markup=False)
            yield OptionList(
                *(Option(Text(f"{n}. {note}"), id=f"n{n}") for n, note in enumerate(self.notes, 1)),
                Option(Text(NEW_NOTE), id="new"),
                id="notes",
            )
            yield Label(
                "enter: wijzigen · del: weghalen · esc: sluiten", classes="hint", markup=False
            )

    def on_mount(self) -> None:
        notes = self.query_one(OptionList)
        notes.highlighted = 0
        notes.focus()

    def _position(self) -> int | None:
        """The highlighted note, or None on the "new note" line."""
        index = self.query_one(OptionList).highlighted
        return index if index is not None and index < len(self.notes) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        """enter: change the highlighted note, or write a new one."""
        position = self._position()
        self.dismiss(NoteChoice("new") if position is None else NoteChoice("edit", position))

    def action_remove(self) -> None:
        """del: remove the highlighted note (the "new note" line removes nothing)."""
        position = self._position()
        if position is None:
            self.app.bell()
            return
        self.dismiss(NoteChoice("remove", position))

    def action_cancel(self) -> None:
        """esc: change nothing."""
        self.dismiss(None)
