"""Setup: choose earlier outcome files to look back on (SPEC section 8). The folder's files are
listed newest first (date, themes, casus, open agreements); files that cannot be read are named
with the reason and left out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from dialoogspel.table import NO_ANSWER, EarlierFiles, describe, list_earlier
from dialoogspel.tui.keys import TERUGBLIK_CHOICE_KEYS, bindings

if TYPE_CHECKING:
    from dialoogspel.tui.screens.setup import SetupScreen

BUTTON = "Terugblik kiezen"
NONE_FOUND = "In deze map staan nog geen uitkomsten van vorige keer."


def earlier_button(folder: Path | None) -> list[Button]:
    """The setup's button that opens the list (none when no folder is known)."""
    return [] if folder is None else [Button(BUTTON, id="terugblik")]


def choose_earlier(setup: SetupScreen, folder: Path) -> None:
    """Read the folder off the UI thread, then open the list; what the team ticks becomes the
    setup's `earlier` files. A folder that does not answer gets a warning and no list."""

    def chosen(paths: list[Path] | None) -> None:
        if paths is None:
            return
        setup.earlier = paths
        label = f"{BUTTON} ({len(paths)} gekozen)" if paths else BUTTON
        setup.query_one("#terugblik", Button).label = label

    def show(listed: EarlierFiles) -> None:
        if listed.hung:
            setup.notify(NO_ANSWER, severity="warning", markup=False, timeout=8)
        elif setup.is_current:
            setup.app.push_screen(EarlierScreen(listed, setup.earlier), chosen)

    def read() -> None:
        listed = list_earlier(folder)
        setup.app.call_from_thread(show, listed)

    setup.run_worker(read, thread=True, exclusive=True, group="terugblik", exit_on_error=False)


class EarlierScreen(ModalScreen[list[Path] | None]):
    """The outcome files of the folder to tick; dismissed with the ticked paths, or None."""

    CSS_PATH = "modal.tcss"

    KEYS = TERUGBLIK_CHOICE_KEYS
    BINDINGS = bindings(TERUGBLIK_CHOICE_KEYS)
    HELP_TITLE = "terugblik kiezen"
    HELP_INTRO = (
        "Kies de uitkomsten van vorige keer: spatie zet een uitkomst aan of uit. Voor de eerste"
        " kaart kijkt het team dan terug op de open afspraken. ctrl+s: kiezen. Esc: niets kiezen."
    )

    def __init__(self, listed: EarlierFiles, chosen: list[Path]) -> None:
        super().__init__()
        self.listed = listed
        """The files of the folder (newest first) and the ones that could not be read."""
        self.chosen = chosen
        """What was ticked before, ticked again."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Terugblik: uitkomsten van vorige keer", classes="title")
            files = self.listed.files
            if files:
                yield SelectionList[int](
                    *(
                        Selection(Text(describe(f)), n, f.path in self.chosen)
                        for n, f in enumerate(files)
                    ),
                    id="earlier",
                )
            else:
                yield Static(NONE_FOUND, markup=False)
            for broken in self.listed.broken:
                line = f"Overgeslagen: {broken.name}: {broken.reason}"
                yield Static(line, classes="hint", markup=False)
            yield Label("spatie: aan of uit · ctrl+s: kiezen · esc: terug", classes="hint")

    def action_choose(self) -> None:
        """ctrl+s: the ticked files, newest first."""
        if not self.listed.files:
            self.dismiss([])
            return
        ticked = set(self.query_one("#earlier", SelectionList).selected)
        self.dismiss([f.path for n, f in enumerate(self.listed.files) if n in ticked])

    def action_cancel(self) -> None:
        """esc: keep what was chosen before."""
        self.dismiss(None)
