"""The terminal cursor on the chosen option in setup, for braille displays and magnifiers that
follow the cursor (issue 12). Text fields place the cursor themselves."""

from __future__ import annotations

from typing import cast

from textual.app import App
from textual.events import DescendantFocus
from textual.geometry import Offset
from textual.widget import Widget
from textual.widgets import Input, OptionList, RadioSet, SelectionList


def cursor_spot(widget: Widget) -> Offset | None:
    """Where on the screen the cursor belongs for this focused widget; None: it knows itself."""
    if isinstance(widget, Input):
        return None
    if isinstance(widget, RadioSet):
        button = widget.pressed_button
        return (button or widget).region.offset
    if isinstance(widget, OptionList):
        region = widget.content_region
        index = widget.highlighted
        if index is None:
            return region.offset
        # One line per option (the usual case): the highlighted row; wrapped options: the top.
        line = index if widget.virtual_size.height == widget.option_count else 0
        y = region.y + line - round(widget.scroll_y)
        return Offset(region.x, min(max(y, region.y), region.bottom - 1))
    return widget.region.offset


def follow_focus(app: App[object]) -> None:
    """Put the terminal cursor on what has the focus now (called after the screen is drawn)."""
    focused = app.focused
    spot = None if focused is None else cursor_spot(focused)
    if spot is not None:
        app.cursor_position = spot


class FollowFocus:
    """Mixed into a screen: the cursor follows focus, highlight and choice changes.

    A plain class, not a widget: Textual matches CSS type names along the first widget base
    only, so a widget mixin would hide `Screen` and `ModalScreen` from the stylesheet.
    """

    def follow_focus(self) -> None:
        """The terminal cursor goes to the focused field's chosen option, once it is drawn."""
        screen = cast(Widget, self)
        screen.call_after_refresh(follow_focus, screen.app)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self.follow_focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.follow_focus()

    def on_selection_list_selection_highlighted(
        self, event: SelectionList.SelectionHighlighted
    ) -> None:
        self.follow_focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.follow_focus()
