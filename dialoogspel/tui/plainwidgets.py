"""ASCII mode for Textual's own glyphs: check boxes, radio buttons, scrollbars, select arrows.

Textual draws these from class attributes (`ToggleButton.BUTTON_LEFT`, `ScrollBar.renderer`),
which its documentation invites apps to set; a SelectionList's line gets a check box that says
on or off without colour. They hold for the whole process, so the app sets them when it starts,
to ASCII or back to Textual's own (one app runs at a time, in tests too).
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widgets import RadioButton, Select, SelectionList
from textual.widgets._toggle_button import ToggleButton  # not exported; SelectionList reads it
from textual.widgets.option_list import OptionDoesNotExist


class PlainScrollBarRender(ScrollBarRender):
    """A scrollbar without eighth-blocks: the thumb is whole cells drawn in reverse."""

    VERTICAL_BARS = [" "] * 8
    HORIZONTAL_BARS = [" "] * 8


class Mark:
    """A button's inner glyph that says on or off without colour: "X" or " "."""

    def __init__(self, on: str, off: str = " ") -> None:
        self.on = on
        """Drawn when the button is on (and where Textual asks the class itself)."""
        self.off = off
        """Drawn when the button is off."""

    def __get__(self, button: ToggleButton | None, owner: type | None = None) -> str:
        return self.on if button is None or button.value else self.off


def selection_line(selections: SelectionList[Any], y: int) -> Strip:
    """A SelectionList line whose check box says "[X]" or "[ ]" (Textual's shows the same
    glyph either way and tells them apart by colour only)."""
    strip = TEXTUAL_SELECTION_LINE(selections, y)
    try:
        option = selections.get_option_at_index(selections.scroll_offset.y + y)
    except OptionDoesNotExist:
        return strip
    segments = list(strip)
    if len(segments) < 3 or (segments[0].text, segments[2].text) != ("[", "]"):
        return strip
    ticked = option.value in selections.selected
    segments[1] = Segment("X" if ticked else " ", segments[1].style)
    return Strip(segments, strip.cell_length)


TEXTUAL_SELECTION_LINE = SelectionList.render_line
"""Textual's own way to draw a line of a SelectionList."""

PLAIN: dict[tuple[type, str], Any] = {
    (ToggleButton, "BUTTON_LEFT"): "[",
    (ToggleButton, "BUTTON_RIGHT"): "]",
    (ToggleButton, "BUTTON_INNER"): Mark("X"),
    (RadioButton, "BUTTON_LEFT"): "(",
    (RadioButton, "BUTTON_RIGHT"): ")",
    (RadioButton, "BUTTON_INNER"): Mark("*"),
    (ScrollBar, "renderer"): PlainScrollBarRender,
    (SelectionList, "render_line"): selection_line,
}
"""What ASCII mode sets on Textual's classes."""
MISSING = object()
TEXTUAL: dict[tuple[type, str], Any] = {
    place: owner.__dict__.get(name, MISSING) for place in PLAIN for owner, name in [place]
}
"""Textual's own values, to put back (MISSING: the class inherited it)."""


def draw_textual_plain(plain: bool) -> None:
    """Textual's widgets draw with ASCII only (plain) or with their own glyphs."""
    for (owner, name), value in (PLAIN if plain else TEXTUAL).items():
        if value is MISSING:
            if name in owner.__dict__:
                delattr(owner, name)
        else:
            setattr(owner, name, value)


SELECT_ARROWS = {"down-arrow": "v", "up-arrow": "^"}
"""The Select's arrows in ASCII."""


def plain_select_arrows(select: Select[Any]) -> None:
    """A mounted Select shows v and ^ instead of its triangles."""
    for name, arrow in SELECT_ARROWS.items():
        for static in select.query(f".{name}"):
            static.update(arrow)  # type: ignore[attr-defined]


CUT = "~"
"""Where Textual cuts a title short with "…" (one cell), ASCII mode draws this."""


class CutMarkFilter(LineFilter):
    """ASCII mode: Textual's own "…" (border titles cut short) becomes "~", one cell as well."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The same segments, with "…" replaced where there is one."""
        if not any("…" in segment.text for segment in segments):
            return segments
        return [
            Segment(segment.text.replace("…", CUT), segment.style, segment.control)
            if "…" in segment.text and not segment.control
            else segment
            for segment in segments
        ]
