"""The notes of a card as a list: change one, remove one, or write a new one (n on a card that
has notes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from dialoogspel.model import Session
from dialoogspel.tui.keys import NOTES_KEYS, bindings
from dialoogspel.tui.screens.note import NoteScreen

Apply = Callable[[Callable[[], object]], bool]
"""Runs a model call through the table; True when it was done (the play screen's `_apply`)."""

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


class NoteFlow:
    """n on the play screen: a new note at once, or first the list of the card's notes."""

    def __init__(
        self, screen: Screen[None], session: Session, apply: Apply, key: str | None = None
    ) -> None:
        self.screen = screen
        """The play screen: it shows the dialogs and the result."""
        self.session = session
        """The game (changes go through `apply`)."""
        self.apply = apply
        """Runs a change through the table and redraws, or shows the refusal."""
        card = session.current if key is None else session.card(key)
        self.key = card.key
        """The card the notes belong to (the current one when n was pressed)."""
        self.label = f"kaart {card.card.id}"
        """The card as the dialogs name it."""

    def start(self) -> None:
        """The note dialog, or the list when the card has notes already."""
        notes = self.session.states[self.key].notes
        if notes:
            self.screen.app.push_screen(NotesScreen(self.label, notes), self.chosen)
        else:
            self.new_note()

    def chosen(self, choice: NoteChoice | None) -> None:
        """What the team chose in the list: new, change or remove (None: nothing)."""
        if choice is None:
            return
        if choice.action == "new":
            self.new_note()
        elif choice.action == "remove":
            if self.apply(lambda: self.session.remove_note(choice.position, self.key)):
                self.screen.notify("Notitie weggehaald.", markup=False)
        else:
            self.change_note(choice.position)

    def new_note(self) -> None:
        """The note dialog for a new note; an empty one is not kept."""

        def keep(text: str | None) -> None:
            if text and text.strip():
                self.apply(lambda: self.session.add_note(text, self.key))

        self.screen.app.push_screen(NoteScreen(self.label), keep)

    def change_note(self, position: int) -> None:
        """The note dialog with an existing note; an empty text is the model's refusal."""

        def keep(text: str | None) -> None:
            if text is not None:
                self.apply(lambda: self.session.replace_note(position, text, self.key))

        text = self.session.states[self.key].notes[position]
        self.screen.app.push_screen(NoteScreen(self.label, text), keep)
