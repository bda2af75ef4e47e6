"""Below about 40×12 the layout breaks: every screen then says "Maak het venster groter."."""

from __future__ import annotations

from collections.abc import Iterable

from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from dialoogspel.present.fit import TOO_SMALL, TOO_SMALL_DETAIL, too_small


class TooSmall(Static):
    """The one thing a screen shows while the window is too small; the rest stays as it was."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    Screen.-too-small {
        overflow: hidden hidden;
    }
    Screen.-too-small > * {
        display: none;
    }
    Screen.-too-small > TooSmall {
        display: block;
        dock: top;
        width: 100%;
        height: 100%;
        content-align: center middle;
        text-align: center;
        text-style: bold;
    }
    """

    def __init__(self) -> None:
        super().__init__(f"{TOO_SMALL}\n{TOO_SMALL_DETAIL}", markup=False)


def fit_window(screens: Iterable[Screen], size: Size) -> None:
    """Show or take away the message on every open screen, after the window changed size."""
    small = too_small(size.width, size.height)
    for screen in screens:
        screen.set_class(small, "-too-small")
        notes = screen.query(TooSmall)
        if small and not notes:
            screen.mount(TooSmall())
        elif not small and notes:
            notes.remove()
