"""ASCII mode for Textual's own glyphs: check boxes, radio buttons, scrollbars, select arrows.

Textual draws these from class attributes (`ToggleButton.BUTTON_LEFT`, `ScrollBar.renderer`),
which its documentation invites apps to set. They hold for the whole process, so the app sets
them when it starts, to ASCII or back to Textual's own (one app runs at a time, in tests too).
"""

from __future__ import annotations

from typing import Any

from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.widget import Widget
from textual.widgets import RadioButton, Select
from textual.widgets._toggle_button import ToggleButton  # not exported; SelectionList reads it


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


PLAIN: dict[tuple[type, str], Any] = {
    (ToggleButton, "BUTTON_LEFT"): "[",
    (ToggleButton, "BUTTON_RIGHT"): "]",
    (ToggleButton, "BUTTON_INNER"): Mark("X"),
    (RadioButton, "BUTTON_LEFT"): "(",
    (RadioButton, "BUTTON_RIGHT"): ")",
    (RadioButton, "BUTTON_INNER"): Mark("*"),
    (ScrollBar, "renderer"): PlainScrollBarRender,
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


def is_plain(widget: Widget) -> bool:
    """Whether the app around a widget draws with ASCII only."""
    return widget.app.has_class("-ascii")
