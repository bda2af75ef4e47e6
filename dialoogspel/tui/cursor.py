"""Where the terminal cursor stands: on the focused thing, for braille displays and magnifiers.

A braille display and a screen magnifier follow the terminal's cursor, so the cursor has to be
where the team looks: the chosen option of a list, the caret of a text field, the question on
the card. The app's `cursor_position` (from `CursorFollowsFocus`) asks `cursor_spot(screen)` on
every frame Textual draws, so the cursor follows focus, highlight, scrolling and resizing on
every screen without a screen doing anything.

For a new screen (setup included) nothing needs calling. Where the spot is, in order:

1. the focused widget (`widget_spot`): the highlighted row of an `OptionList` or
   `SelectionList`, the caret of an `Input`, the highlighted button of a `RadioSet`, else the
   widget's first cell;
2. with nothing focused: the first shown widget of the screen's `CURSOR_AT` selectors
   (a class attribute, e.g. `CURSOR_AT = ("#card",)`), if it has one;
3. else the first shown widget with the class `title` (the dialogs' first line);
4. else the screen's first shown widget that is not chrome (top bar, footer, toasts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import App, ScreenStackError
from textual.css.query import NoMatches
from textual.geometry import Offset
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from dialoogspel.tui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from textual.widgets import OptionList

CHROME = (TopBar, Footer)
"""Widgets around the content: the cursor never goes there unless focused."""


def _shown(widget: Widget) -> bool:
    """The widget is drawn on its screen now (displayed, with a place of its own)."""
    return widget.display and bool(widget.region)


def _row_spot(options: OptionList) -> Offset:
    """The first cell of the highlighted option, or the list's first cell without one."""
    region = options.content_region
    highlighted = options.highlighted
    if highlighted is None:
        return region.offset
    # Textual keeps which line each option starts on; it is not public, so ask carefully.
    lines: dict[int, int] = getattr(options, "_index_to_line", {})
    line = lines.get(highlighted)
    if line is None:
        return region.offset
    y = region.y + line - options.scroll_offset.y
    return Offset(region.x, min(max(y, region.y), region.bottom - 1))


def widget_spot(widget: Widget) -> Offset:
    """Where the cursor goes for a focused widget: its chosen row, its caret, or its first cell."""
    # Here, not at the top: the first card has nothing focused and starts without them.
    from textual.widgets import Input, OptionList, RadioButton, RadioSet

    if isinstance(widget, Input):
        return widget.cursor_screen_offset
    if isinstance(widget, OptionList):  # SelectionList and Select's open list are OptionLists
        return _row_spot(widget)
    if isinstance(widget, RadioSet):
        buttons = widget.query_children(RadioButton)
        chosen = next((b for b in buttons if b.has_class("-selected")), widget.pressed_button)
        if chosen is not None and _shown(chosen):
            return chosen.content_region.offset
    return widget.content_region.offset


def _first_shown(screen: Screen[object], selector: str) -> Widget | None:
    """The first widget matching `selector` that is drawn now (an id is looked up directly)."""
    if selector.startswith("#") and selector[1:].replace("-", "").replace("_", "").isalnum():
        try:
            widget = screen.get_widget_by_id(selector[1:])
        except NoMatches:
            return None
        return widget if _shown(widget) else None
    return next((w for w in screen.query(selector) if _shown(w)), None)


def _content_widget(screen: Screen[object]) -> Widget | None:
    """The screen's first shown widget that is content, not chrome or Textual's own layers."""
    for widget in screen.children:
        if isinstance(widget, CHROME) or (widget.id or "").startswith("textual-"):
            continue
        if _shown(widget):
            return widget
    return None


def cursor_spot(screen: Screen[object]) -> Offset | None:
    """Where the cursor belongs on `screen` now (see the module text); None when nothing is."""
    focused = screen.focused
    if focused is not None and _shown(focused):
        return widget_spot(focused)
    for selector in (*getattr(screen, "CURSOR_AT", ()), ".title"):
        widget = _first_shown(screen, selector)
        if widget is not None:
            return widget.content_region.offset
    widget = _content_widget(screen)
    return widget.content_region.offset if widget is not None else None


class CursorFollowsFocus:
    """Mixed into the app before `App`: its `cursor_position` is worked out on every frame."""

    _cursor_set = Offset(0, 0)
    """Where a widget last put the cursor itself (Textual's Input puts its caret there)."""

    @property
    def cursor_position(self) -> Offset:
        """The terminal cursor on the focused thing; what a widget set only when nothing is."""
        try:
            screen = cast("App[object]", self).screen
        except ScreenStackError:  # no screen yet, or none left while closing
            return self._cursor_set
        spot = cursor_spot(screen)
        return self._cursor_set if spot is None else spot

    @cursor_position.setter
    def cursor_position(self, offset: Offset) -> None:
        self._cursor_set = offset
