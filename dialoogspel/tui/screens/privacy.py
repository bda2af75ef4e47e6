"""Asked before the outcome goes to the output folder when typed text looks like personal data."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

PRIVACY_INTRO = (
    "De uitkomst gaat naar een gedeelde map. Er mogen geen gegevens van studenten in staan."
)
"""Why the question is asked."""


class PrivacyScreen(ModalScreen[bool]):
    """The privacy findings, then: aanpassen (False) or toch opslaan (True)."""

    CSS_PATH = ["modal.tcss", "ask.tcss"]

    BINDINGS = [
        Binding("a,escape", "answer(False)", "aanpassen"),
        Binding("o", "answer(True)", "toch opslaan"),
    ]

    def __init__(self, findings: Sequence[str]) -> None:
        super().__init__()
        self.findings = tuple(findings)
        """The Dutch sentences of `Table.privacy_findings()`."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Staan hier gegevens van een student?", classes="title")
            yield Static(PRIVACY_INTRO, classes="intro")
            yield Static(
                "\n".join(f"- {line}" for line in self.findings), id="findings", markup=False
            )
            yield Label("a of esc: aanpassen · o: toch opslaan", classes="hint")

    def action_answer(self, write_anyway: bool) -> None:
        """a and esc: go back and change the text; o: write anyway."""
        self.dismiss(write_anyway)
