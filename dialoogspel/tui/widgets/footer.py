"""The Footer of the play, board and afspraken screens: rebuilt only when its keys changed, and
when the keys do not fit, the others make room for stop and help.

Textual's Footer removes and mounts all its keys again whenever a screen's bindings may have
changed: on every return from a dialog and every focus change. Those new widgets are styled
and laid out again, which cost one or two extra frames after closing the agreement form
(~15-30 ms). The keys are the same almost every time, so `SteadyFooter` keeps them when they are.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from dialoogspel.present.fit import keep_keys

ALWAYS = frozenset({"app.stop", "app.help"})
"""Actions whose key never leaves the Footer: q (stop) and ? (hulp)."""


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


class KeepFooter(SteadyFooter):
    """A compact steady Footer; a narrow window drops keys from the end, never stop and help."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._width = 0
        """The width the keys were last chosen for (0: all keys, before the first layout)."""
        self._needed = 0
        """The width all keys need; a window at least this wide shows them all."""
        self._all_shown = True

    def compose(self) -> ComposeResult:
        widgets: list[Widget] = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        # compact: "key description" and a margin of one after each key
        widths = [len(k.key_display) + len(k.description) + 2 for k in keys]
        self._needed = sum(widths)
        if not self._width or len(keys) != len(widgets):
            self._all_shown = True
            yield from widgets  # before the first layout, or grouped keys: as Textual draws them
            return
        shown = keep_keys(widths, [k.action in ALWAYS for k in keys], self._width)
        self._all_shown = all(shown)
        yield from (key for key, show in zip(keys, shown, strict=True) if show)

    def on_resize(self) -> None:
        width = self.size.width
        if width == self._width:
            return
        self._width = width
        if self._all_shown and self._needed <= width:
            return  # everything fits already: no need to build the keys again
        self.call_after_refresh(self.recompose)
