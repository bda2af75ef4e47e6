"""Two small questions the afspraken screen asks: really wipe this? and which folder then?"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from dialoogspel.textsafe import visible
from dialoogspel.tui.keys import CONFIRM_KEYS, FOLDER_KEYS, bindings


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question that only `j` answers with yes, so no stray key can wipe anything."""

    CSS_PATH = ["modal.tcss", "ask.tcss"]

    KEYS = CONFIRM_KEYS
    BINDINGS = bindings(CONFIRM_KEYS)
    HELP_TITLE = "zeker weten?"
    HELP_INTRO = "Alleen j zegt ja. Elke andere keuze laat alles zoals het is."

    def __init__(
        self, question: str, detail: str = "", hint: str = "j: ja, wissen · n of esc: nee, houden"
    ) -> None:
        super().__init__()
        self.question = question
        """The question, e.g. "Afspraak wissen?"."""
        self.detail = detail
        """What it is about, e.g. the agreement as one line."""
        self.hint = hint
        """What j and n do here."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.question, classes="title")
            if self.detail:
                yield Static(self.detail, id="detail", markup=False)
            yield Label(self.hint, classes="hint", markup=False)

    def action_answer(self, yes: bool) -> None:
        """j answers yes; n and esc answer no."""
        self.dismiss(yes)


class FolderScreen(ModalScreen[Path | None]):
    """Ask for another folder for the outcome file; dismissed with the folder, or None."""

    CSS_PATH = ["modal.tcss", "ask.tcss"]

    KEYS = FOLDER_KEYS
    BINDINGS = bindings(FOLDER_KEYS)
    HELP_TITLE = "andere map"
    HELP_INTRO = (
        "Typ de map waar de uitkomst naartoe moet, bijvoorbeeld een map op je eigen laptop."
        " Enter slaat op in die map. Esc houdt de oude map."
    )

    def __init__(self, folder: Path, problem: str = "", suggestion: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        """The folder the Input starts with (the one that was tried last)."""
        self.problem = problem
        """Why another folder is asked for (the Dutch message of a failed save), if any."""
        self.suggestion = suggestion
        """A folder that usually works (the home folder), shown as a hint."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Andere map voor de uitkomst", classes="title")
            if self.problem:
                yield Static(self.problem, id="problem", markup=False)
            yield Label("Typ de map waar het bestand naartoe moet:")
            yield Input(str(self.folder), id="folder")
            if self.suggestion is not None:
                yield Label(
                    f"Bijvoorbeeld je eigen map: {visible(str(self.suggestion))}",
                    classes="hint",
                    markup=False,
                )
            yield Label("enter: opslaan in deze map · esc: annuleren", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_choose()

    def action_choose(self) -> None:
        """enter: save in the typed folder (an empty field asks for one)."""
        field = self.query_one(Input)
        text = field.value.strip().strip('"')
        if not text:
            field.placeholder = "Typ eerst een map."
            return
        self.dismiss(Path(text).expanduser())

    def action_cancel(self) -> None:
        """esc: keep the old folder."""
        self.dismiss(None)
