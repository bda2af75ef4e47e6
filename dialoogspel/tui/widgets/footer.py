"""The Footer that keeps stop and help: when the keys do not fit, the others make room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from dialoogspel.present.fit import keep_keys

ALWAYS = frozenset({"app.stop", "app.help"})
"""Actions whose key never leaves the Footer: q (stop) and ? (hulp)."""


class KeepFooter(Footer):
    """A compact Footer; a narrow window drops keys from the end, never stop and help."""

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
