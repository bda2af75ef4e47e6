"""The app's part that saves the session and writes the outcome: messages from the writers, q."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message

from dialoogspel.present import save_problem
from dialoogspel.table import ExportResult, Table
from dialoogspel.tui.glyphs import Glyphs

if TYPE_CHECKING:
    _AppBase = App[None]
else:
    _AppBase = object  # a plain class before `App`: Textual's CSS type names stay the app's


class ExportFinished(Message):
    """An outcome write finished in the writer thread; handled on the app's own thread."""

    def __init__(self, outcome: ExportResult) -> None:
        super().__init__()
        self.outcome = outcome
        """What the write did."""


class AutosaveFinished(Message):
    """The autosave writer finished a write; its outcome is taken in on the app's thread."""


class SavesAndExports(_AppBase):
    """Mixed into the app before `App`: autosave warnings, outcome writes and stopping."""

    table: Table | None
    glyphs: Glyphs

    def _export_finished(self, outcome: ExportResult) -> None:
        """In the writer thread: hand the result to the app's own thread."""
        self.post_message(ExportFinished(outcome))

    def on_export_finished(self, message: ExportFinished) -> None:
        """An outcome write finished: record it, then tell the afspraken screen, or the team."""
        from dialoogspel.tui.screens.afspraken import AfsprakenScreen

        if self.table is not None:
            self.table.record_export(message.outcome)
        if isinstance(self.screen, AfsprakenScreen):
            self.screen.show_export()
            if message.outcome.path is None:
                self.screen.ask_folder()
            return
        result = message.outcome
        if result.path is None:
            self.notify(
                f"{result.message} Druk e en dan m om een andere map te kiezen.",
                severity="error",
                timeout=20,
                markup=False,
            )
        else:
            self.notify(f"Uitkomst opgeslagen als: {result.path}", timeout=15, markup=False)

    def on_autosave_finished(self, message: AutosaveFinished) -> None:
        """A write of the session finished: warn now when it failed (not at the next key)."""
        if self.table is not None:
            self.table.check_saves()

    def autosave(self) -> None:
        """Save the session now (the table warns through _warn_about_saving when that fails)."""
        if self.table is not None:
            self.table.save()

    def _warn_about_saving(self, problem: str) -> None:
        """Autosave failed for a new reason: say so once, not on every key."""
        self.notify(
            save_problem(problem),
            severity="error",
            timeout=10,
            markup=False,
        )

    def action_stop(self) -> None:
        """q: stop; the session was saved after every change already, the outcome is written
        after the screen closes (see run.py), so a hung share never freezes the screen. The
        privacy check may ask first (SPEC section 6)."""
        from dialoogspel.tui.screens.privacy import ask_before_stopping

        if self.table is None or not ask_before_stopping(self, self.table, self.glyphs):
            self.exit()
