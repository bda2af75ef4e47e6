"""The list of actions (ctrl+p) in Dutch: the screen's own actions only, none of Textual's."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, SearchIcon
from textual.widgets.option_list import Option

from dialoogspel.tui.glyphs import UNICODE, Glyphs
from dialoogspel.tui.keys import HELP_F1, bindings

PALETTE_HELP = (
    "Typ een paar letters van wat je wilt doen. Kies met de pijltjes; enter doet het.\n"
    "Esc sluit de lijst. Hier staan dezelfde acties als onder de toetsen van het scherm."
)
NOTHING_FOUND = "Niets gevonden. Probeer een ander woord."


class ActionPalette(CommandPalette):
    """Textual's command palette with a Dutch prompt and a Dutch "nothing found"."""

    KEYS = (HELP_F1,)
    BINDINGS = bindings(KEYS)
    HELP_TITLE = "acties zoeken"
    HELP_INTRO = PALETTE_HELP

    def __init__(self, glyphs: Glyphs = UNICODE) -> None:
        super().__init__(placeholder=glyphs.text("Zoek een actie…"), id="--command-palette")
        self.glyphs = glyphs
        """The characters to draw with."""

    def on_mount(self) -> None:
        if self.glyphs.plain:  # the magnifying glass is a wide emoji the old console lacks
            self.query_one(SearchIcon).icon = ">"

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual does it, in Dutch: after a short wait, say that nothing matched."""
        self._stop_no_matches_countdown()

        def show_nothing_found() -> None:
            if not search_value:
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(NOTHING_FOUND, style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_nothing_found)
