"""The line at the top of every screen: where the team is, in bold, then a few facts."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from dialoogspel.present.fit import shorten
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
        self._shown: tuple[str, tuple[str, ...], str, bool] = ("", (), "", False)

    OVER_STYLE = "bold black on dark_orange"
    """The pacing line past the budget: another colour (and the `!` of the words themselves)."""

    def show(self, title: str, *parts: str, pace: str = "", over: bool = False) -> None:
        """Say where the team is ("Het bord") and what matters there ("3 van 18 kaarten klaar");
        `pace` (the pacing line) comes right after the title, so a narrow window keeps it."""
        self._shown = (title, parts, pace, over)
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        """One line that fits: what does not fit is cut at a word and ends with the ellipsis."""
        title, parts, pace, over = self._shown
        dash = self.glyphs.dash
        room = self.content_size.width or 999
        text = Text.assemble((shorten(title, room, self.glyphs.ellipsis), "bold"))
        if pace:
            text.append(f" {dash} ")
            pace_room = room - len(text)
            pace_text = shorten(self.glyphs.text(pace), pace_room, self.glyphs.ellipsis)
            text.append(pace_text, style=self.OVER_STYLE if over else "bold")
        rest = "".join(f" {dash} {' '.join(part.split())}" for part in parts)
        if rest and len(text) < room:
            # keep the leading space: shorten() would drop it with the other runs of spaces
            ellipsis = self.glyphs.ellipsis
            cut = shorten(rest, room - len(text) - 1, ellipsis)
            if cut.endswith(ellipsis):  # no dash with nothing after it
                body = cut.removesuffix(ellipsis).rstrip()
                cut = body.removesuffix(dash).rstrip() + ellipsis
            text.append(" " + cut)
        self.update(text)
