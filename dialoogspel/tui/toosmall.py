"""Below about 40×12 the layout breaks: every screen then says "Maak het venster groter."."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
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

    def __init__(self, focused: Widget | None) -> None:
        super().__init__(f"{TOO_SMALL}\n{TOO_SMALL_DETAIL}", markup=False)
        self.focused = focused
        """What had focus before the screen hid it: it gets focus back (typing goes on there)."""


def fit_window(screens: Iterable[Screen], size: Size) -> None:
    """Show or take away the message on every open screen, after the window changed size."""
    small = too_small(size.width, size.height)
    for screen in screens:
        screen.set_class(small, "-too-small")
        notes = screen.query(TooSmall)
        if small and not notes:
            screen.mount(TooSmall(screen.focused))
        elif not small and notes:
            focused = notes.first().focused
            notes.remove()
            if focused is not None:
                screen.call_after_refresh(_refocus, screen, focused)


def _refocus(screen: Screen, widget: Widget) -> None:
    """Give focus back to what had it before the window got too small, if it is still there."""
    if widget.is_attached and widget.screen is screen and screen.focused is not widget:
        screen.set_focus(widget)


def follow_screens(app: App[Any]) -> None:
    """A screen opened while the window is too small says so too (not only after a resize)."""

    def changed(screen: Screen) -> None:
        fit_window((screen,), app.size)

    app.screen_change_signal.subscribe(app, changed)
