"""The line at the top of every screen: where the team is, in bold, then a few facts."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from dialoogspel.tui.glyphs import Glyphs


class TopBar(Static):
    """One line: a bold title, then the parts, each after the glyph dash."""

    DEFAULT_CSS = """
    TopBar {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text;
    }
    """

    def __init__(self, glyphs: Glyphs, *, id: str | None = "topbar") -> None:
        super().__init__(id=id)
        self.glyphs = glyphs
        """The characters to draw with."""

    OVER_STYLE = "bold black on dark_orange"
    """The pacing line past the budget: another colour (and the `!` of the words themselves)."""

    def show(self, title: str, *parts: str, pace: str = "", over: bool = False) -> None:
        """Say where the team is ("Het bord") and what matters there ("3 van 18 kaarten klaar");
        `pace` (the pacing line) comes right after the title, so a narrow window keeps it."""
        dash = self.glyphs.dash
        text = Text.assemble((title, "bold"))
        if pace:
            text.append(f" {dash} ")
            text.append(self.glyphs.text(pace), style=self.OVER_STYLE if over else "bold")
        text.append(Text.assemble(*(f" {dash} {part}" for part in parts)))
        self.update(text)
