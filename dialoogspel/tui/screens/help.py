"""Help: every key of the screen the team came from, from the same registry as the Footer."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from dialoogspel.tui.glyphs import UNICODE, Glyphs
from dialoogspel.tui.keys import HELP_SCREEN_KEYS, KeyAction, bindings, key_text


class HelpScreen(ModalScreen[None]):
    """Lists keys and what they do; any of esc, ? or F1 closes it."""

    CSS_PATH = "modal.tcss"

    KEYS = HELP_SCREEN_KEYS
    BINDINGS = bindings(HELP_SCREEN_KEYS)
    HELP_TITLE = "hulp"

    def __init__(
        self,
        title: str,
        actions: Sequence[KeyAction],
        intro: str = "",
        glyphs: Glyphs = UNICODE,
    ) -> None:
        super().__init__()
        self.glyphs = glyphs
        """The characters the terminal can draw."""
        self.title_text = title
        """Which screen the help is about."""
        self.actions = tuple(actions)
        """The key actions to list."""
        self.intro = intro
        """A few Dutch lines about the screen, shown above the keys."""

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for action in self.actions:
            table.add_row(
                Text(self.glyphs.text(key_text(action))), Text(self.glyphs.text(action.help))
            )
        with VerticalScroll(id="dialog"):
            yield Label(f"Hulp: {self.title_text}", classes="title", markup=False)
            if self.intro:
                yield Static(self.glyphs.text(self.intro), classes="intro", markup=False)
            yield Static(table)
            yield Label("esc: sluiten", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
