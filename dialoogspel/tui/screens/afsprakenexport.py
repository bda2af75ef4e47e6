"""The afspraken screen's outcome file: the export line, k, ctrl+s, another folder, privacy."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static

from dialoogspel.model import Session
from dialoogspel.table import Table
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.screens.ask import FolderScreen

if TYPE_CHECKING:
    _ScreenBase = Screen[None]
else:
    # a plain class before `Screen`: Textual's CSS type names stay the screen's
    _ScreenBase = object


class AfsprakenExport(_ScreenBase):
    """Mixed into the afspraken screen before `Screen`: the outcome is written off the UI thread."""

    table: Table
    session: Session
    glyphs: Glyphs

    def show_export(self) -> None:
        """Where the outcome goes, whether a write is busy, and how the last one went."""
        exporter = self.table.exporter
        last = exporter.last
        failed = last is not None and last.path is None
        export = self.query_one("#export", Static)
        export.set_class(exporter.busy, "-busy")
        export.set_class(failed and not exporter.busy, "-failed")
        export.set_class(last is not None and not failed, "-done")
        if exporter.busy:
            export.update(
                f"Bezig met opslaan in {exporter.folder}{self.glyphs.ellipsis}"
                f"\nGeeft de map geen antwoord? m: een andere map kiezen."
            )
            return
        if last is not None and failed:
            text = Text(last.message, "bold")
            text.append(f"\nm: andere map kiezen {self.glyphs.dash} ctrl+s: nog eens proberen")
            export.update(text)
            return
        if last is not None and last.path is not None:
            text = Text("Opgeslagen als: ", "bold")
            text.append(str(last.path))
            if not self.table.outcome_is_current:
                text.append(
                    "\nDaarna is er iets veranderd: ctrl+s werkt het bestand bij"
                    " (stoppen met q doet dat ook)."
                )
            export.update(self._with_finished(text))
            return
        text = Text(f"ctrl+s: uitkomst opslaan in {exporter.folder}")
        if self.session.exported:
            text.append(f"\nEerder opgeslagen als: {self.session.exported[-1]}", "italic")
        export.update(self._with_finished(text))

    def _with_finished(self, text: Text) -> Text:
        """Add whether the team said the session is done (k)."""
        if self.session.finished:
            text.append("\nHet spel is klaar (k: toch niet klaar).", "bold")
        else:
            text.append("\nk: het spel is klaar")
        return text

    def action_save(self) -> None:
        """ctrl+s: write the outcome file to the folder, off the UI thread."""
        self.save_to(None)

    def action_finish(self) -> None:
        """k: the team says the session is done (or, pressed again, not after all)."""
        done = not self.session.finished
        self.table.finish(done)
        if done:
            self.notify(
                "Het spel is klaar. Het beginscherm biedt het niet meer aan."
                " Bij stoppen wordt de uitkomst bijgewerkt.",
                timeout=6,
            )
        self.show_export()

    def action_choose_folder(self) -> None:
        """m: another folder; a write that hangs is given up, so the team can go on at once."""
        if self.table.exporter.busy:
            self.table.exporter.abandon()
            self.notify("Het wachten op de map is gestopt. Kies een andere map.", timeout=6)
        self.ask_folder()

    def ask_folder(self) -> None:
        """Ask for another folder, then write there."""
        exporter = self.table.exporter
        last = exporter.last
        failure = last.message if last is not None and last.path is None else ""

        def chosen(folder: Path | None) -> None:
            if folder is not None:
                self.save_to(folder)

        self.app.push_screen(FolderScreen(exporter.folder, failure, Path.home()), chosen)

    def save_to(self, folder: Path | None) -> None:
        """Ask first when typed text looks like personal data (SPEC section 6), then write.

        Only new findings are asked about: "toch opslaan" is kept in the session."""
        findings = self.table.privacy_question()
        if not findings:
            self.write_to(folder)
            return
        from dialoogspel.tui.screens.privacy import PrivacyFix, PrivacyScreen

        def answered(answer: str | None) -> None:
            if answer == "opslaan":
                self.table.write_anyway(findings)
                self.write_to(folder)
            else:
                PrivacyFix(self.app, self.table, self.glyphs).go(findings[0], stopping=False)

        messages = [finding.message for finding in findings]
        self.app.push_screen(PrivacyScreen(messages), answered)

    def write_to(self, folder: Path | None) -> None:
        """Start writing (to another folder when given); the app reports when it is done."""
        if not self.table.export(folder):
            self.notify(
                "Even wachten: de uitkomst wordt nog opgeslagen. Geen antwoord? m: andere map.",
                severity="warning",
            )
        self.show_export()
