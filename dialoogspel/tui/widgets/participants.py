"""Who takes part: a name and a role in, the list of pawns they will get out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, OptionList, Static

from dialoogspel.model import DEFAULT_ROLES, Participant, assign_letters, canonical_role
from dialoogspel.present import letter_note
from dialoogspel.tui.widgets.board import pawn_with_name

PEOPLE_HINT = f"Enter zet iemand erbij. Rol: {', '.join(DEFAULT_ROLES)} of een eigen rol."
NOBODY_YET = "Nog niemand toegevoegd."


def with_letter_note(pawns: Sequence[Participant], person: Participant) -> Text:
    """A pawn and who it is; why its letter is not the name's initial, when it is not."""
    line = pawn_with_name(person)
    note = letter_note(pawns, person)
    if note:
        line.append(f": {note}", style="italic")
    return line


class ParticipantEditor(Vertical):
    """Name and role fields, the people added so far with their pawns, and a way to remove them.

    It says under the fields what is missing; every addition or removal is reported with
    `Changed`. Delete in the list is the owner's key binding: call `remove_highlighted`.
    """

    DEFAULT_CSS = """
    ParticipantEditor {
        height: auto;
        & > #person-row {
            height: auto;
            & > Input {
                width: 1fr;
                padding: 0 1;
            }
        }
        & > #people {
            height: auto;
            max-height: 9;
        }
    }
    """

    @dataclass
    class Changed(Message):
        """Someone was added to or removed from the list."""

        people: tuple[tuple[str, str], ...]
        """The (name, role) pairs now in the list, in order."""

    def __init__(self, people: Iterable[tuple[str, str]] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._people: list[tuple[str, str]] = list(people)
        """The (name, role) pairs entered so far: form input, turned into pawns at start."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="person-row"):
            yield Input(placeholder="Naam of initialen", max_length=40, id="name")
            yield Input(
                placeholder="Rol, bijv. docent",
                max_length=40,
                suggester=SuggestFromList(DEFAULT_ROLES, case_sensitive=False),
                id="role",
            )
            yield Button("Voeg toe", id="add")
        yield Static(PEOPLE_HINT, classes="hint")
        yield Static(id="person-problem", classes="problem", markup=False)
        yield OptionList(id="people")
        yield Static(id="people-empty", classes="hint")
        yield Button("Haal weg", id="remove")

    def on_mount(self) -> None:
        self.show_problem("")
        self._show_people()

    # -- reading ------------------------------------------------------------------------------

    @property
    def people(self) -> list[tuple[str, str]]:
        """The (name, role) pairs in the list, in the order they were added."""
        return list(self._people)

    @property
    def name_input(self) -> Input:
        """The name field: where typing someone new starts."""
        return self.query_one("#name", Input)

    @property
    def typed_name(self) -> str:
        """A name typed but not added yet ("" when the name field is empty)."""
        return self.name_input.value.strip()

    @property
    def list_has_focus(self) -> bool:
        """The list of people has the focus, so delete means: remove the highlighted one."""
        return self.screen.focused is self.query_one("#people", OptionList)

    # -- showing ------------------------------------------------------------------------------

    def show_problem(self, text: str) -> None:
        """Show (or clear, with "") the Dutch message under the fields."""
        problem = self.query_one("#person-problem", Static)
        problem.update(text)
        problem.display = bool(text)

    def _show_people(self, highlight: int | None = None) -> None:
        """Redraw the participant list with the pawns they will get."""
        people = self.query_one("#people", OptionList)
        people.clear_options()
        pawns = assign_letters(self._people)
        people.add_options(with_letter_note(pawns, person) for person in pawns)
        if self._people:
            people.highlighted = min(highlight or 0, len(self._people) - 1)
        people.display = bool(self._people)
        self.query_one("#remove", Button).display = bool(self._people)
        empty = self.query_one("#people-empty", Static)
        empty.display = not self._people
        empty.update(NOBODY_YET)

    # -- changing -----------------------------------------------------------------------------

    def add_participant(self) -> bool:
        """Add the typed name and role to the list; say what is missing if it can't."""
        name_input = self.name_input
        role_input = self.query_one("#role", Input)
        name, role = name_input.value.strip(), role_input.value.strip()
        if not name:
            self.show_problem("Typ eerst een naam of initialen.")
            name_input.focus()
            return False
        if not role:
            self.show_problem(f"Welke rol heeft {name}? Typ een rol, bijv. docent.")
            role_input.focus()
            return False
        # Enter does not take the grey suggestion: "slb" still means slb'er (one job, one colour).
        self._people.append((name, canonical_role(role)))
        name_input.value = role_input.value = ""
        self.show_problem("")
        self._show_people(highlight=len(self._people) - 1)
        name_input.focus()
        self.post_message(self.Changed(tuple(self._people)))
        return True

    def remove_highlighted(self) -> None:
        """Remove the participant highlighted in the list."""
        people = self.query_one("#people", OptionList)
        index = people.highlighted
        if index is None or not 0 <= index < len(self._people):
            return
        del self._people[index]
        self._show_people(highlight=index)
        if self._people:
            people.focus()
        else:
            self.name_input.focus()
        self.post_message(self.Changed(tuple(self._people)))

    # -- events -------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the name field goes on to the role, unless that is filled in: then it adds."""
        event.stop()
        if event.input.id == "name" and not self.query_one("#role", Input).value.strip():
            self.query_one("#role", Input).focus()
        else:
            self.add_participant()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "add":
            self.add_participant()
        elif event.button.id == "remove":
            self.remove_highlighted()
