"""Asked before the outcome goes to the output folder when typed text looks like personal data.

Which findings are asked about (only new ones) and what "toch opslaan" keeps is decided in
`table.privacy`; these dialogs only ask, and `PrivacyFix` takes the team to the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from dialoogspel.outcome.privacy import PrivacyFinding
from dialoogspel.present.dialogkeys import PRIVACY_KEYS, PRIVACY_STOP_KEYS
from dialoogspel.table import Table
from dialoogspel.table.privacy import PRIVACY_INTRO, PRIVACY_TITLE
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.keys import bindings

__all__ = [
    "PRIVACY_INTRO",
    "PrivacyFix",
    "PrivacyScreen",
    "StopPrivacyScreen",
    "ask_before_stopping",
]


class PrivacyScreen(ModalScreen[str]):
    """The findings, then "aanpassen" (a, esc) or "opslaan" (o: toch opslaan)."""

    CSS_PATH = ["modal.tcss", "ask.tcss"]

    KEYS = PRIVACY_KEYS
    BINDINGS = bindings(PRIVACY_KEYS)
    HELP_TITLE = "gegevens van een student?"
    HELP_INTRO = PRIVACY_INTRO + " a of esc: terug om de tekst aan te passen. o: toch opslaan."
    HINT = "a of esc: aanpassen · o: toch opslaan"
    """The keys, said under the findings."""

    def __init__(self, findings: Sequence[str]) -> None:
        super().__init__()
        self.findings = tuple(findings)
        """The Dutch sentences of the findings (typed text inside: shown as data)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(PRIVACY_TITLE, classes="title")
            yield Static(PRIVACY_INTRO, classes="intro")
            yield Static(
                "\n".join(f"- {line}" for line in self.findings), id="findings", markup=False
            )
            yield Static(self.HINT, classes="hint", markup=False)  # wraps in a narrow window

    def action_answer(self, answer: str) -> None:
        """a and esc: go back and change the text; o: write anyway (s: stop without the map)."""
        self.dismiss(answer)


class StopPrivacyScreen(PrivacyScreen):
    """Asked at q and ctrl+c: aanpassen, toch opslaan and stop, or stop without the map."""

    KEYS = PRIVACY_STOP_KEYS
    BINDINGS = bindings(PRIVACY_STOP_KEYS)
    HELP_INTRO = (
        PRIVACY_INTRO + " a of esc: terug om de tekst aan te passen. o: toch opslaan en stoppen."
        " s: stoppen zonder de map; alles blijft op deze computer bewaard."
    )
    HINT = "a/esc: aanpassen · o: toch opslaan en stoppen · s: stop zonder map"


class PrivacyFix:
    """ "Aanpassen": take the team to the first text with a finding, so they can change it."""

    def __init__(self, app: App[None], table: Table, glyphs: Glyphs) -> None:
        self.app = app
        """The running app (screens are pushed on it)."""
        self.table = table
        """The session in play."""
        self.glyphs = glyphs
        """The characters to draw with."""

    def go(self, finding: PrivacyFinding, stopping: bool) -> None:
        """Open the notes of the card, or the afspraken with the agreement chosen; else say
        where it is (the team was stopping, or pressed ctrl+s)."""
        from dialoogspel.tui.screens.afspraken import AfsprakenScreen
        from dialoogspel.tui.screens.play import PlayScreen

        then = "stop weer met q" if stopping else "druk weer ctrl+s"

        if finding.card_key is not None:
            play = next((s for s in self.app.screen_stack if isinstance(s, PlayScreen)), None)
            if play is not None:
                play.edit_notes(finding.card_key)
                self.app.notify(f"Pas de notitie aan. Daarna: {then}.", timeout=8)
                return
        if finding.agreement is not None:
            current = self.app.screen
            if isinstance(current, AfsprakenScreen):
                current.choose_agreement(finding.agreement)
            else:
                screen = AfsprakenScreen(self.table, self.glyphs)
                self.app.push_screen(screen)
                screen.call_after_refresh(screen.choose_agreement, finding.agreement)
            self.app.notify(f"Druk enter om de afspraak aan te passen. Daarna: {then}.", timeout=8)
            return
        choices = "o (toch opslaan) of s (stoppen zonder de map)" if stopping else "o"
        self.app.notify(
            f"{finding.message} Dat is in het spel niet meer te veranderen. Kies de volgende"
            f" keer {choices}.",
            timeout=12,
            markup=False,
        )


def ask_before_stopping(app: App[None], table: Table, glyphs: Glyphs) -> bool:
    """q or ctrl+c: True when the stop waits for the privacy question (the app exits when it
    is answered); False when the app may exit now.

    Asked only when the outcome still has to be written and holds a finding the team has not
    said "toch opslaan" for. Stopping again while asked stops without writing to the folder:
    nothing is lost, the local copy keeps everything.
    """
    if isinstance(app.screen, StopPrivacyScreen):
        app.screen.dismiss("stoppen")
        return True
    if table.outcome_is_current or table.taken_over:
        return False
    findings = table.privacy_question()
    if not findings:
        return False

    def answered(answer: str | None) -> None:
        if answer == "opslaan":
            table.write_anyway(findings)
        if answer in ("opslaan", "stoppen"):
            app.exit()  # table.stop writes, or keeps the outcome on this computer only
        else:
            PrivacyFix(app, table, glyphs).go(findings[0], stopping=True)

    app.push_screen(StopPrivacyScreen([finding.message for finding in findings]), answered)
    return True
