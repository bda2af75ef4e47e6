"""Textual's Footer, rebuilt only when the keys it shows changed.

Textual's Footer removes and mounts all its keys again whenever a screen's bindings may have
changed: on every return from a dialog and every focus change. Those new widgets are styled
and laid out again, which cost one or two extra frames after closing the agreement form
(~15-30 ms). The keys are the same almost every time, so this one keeps them when they are.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    """A Footer that recomposes only when its screen's active bindings differ."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[object, ...] | None = None
        """The bindings (with enabled and tooltip) the keys on screen were made from."""

    def _bindings_now(self) -> tuple[object, ...]:
        """What `Footer.compose` reads from the screen."""
        return tuple(
            (binding, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
        )

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._bindings_now()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Recompose as Textual does, unless the keys would come out the same."""
        if (
            self._shown is not None
            and self.is_attached
            and screen is self.screen
            and self._bindings_now() == self._shown
        ):
            return
        super().bindings_changed(screen)
