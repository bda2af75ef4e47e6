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

    def compose(self) -> ComposeResult:
        widgets: list[Widget] = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        if not self._width or len(keys) != len(widgets):
            yield from widgets  # before the first layout, or grouped keys: as Textual draws them
            return
        # compact: "key description" and a margin of one after each key
        widths = [len(k.key_display) + len(k.description) + 2 for k in keys]
        shown = keep_keys(widths, [k.action in ALWAYS for k in keys], self._width)
        yield from (key for key, show in zip(keys, shown, strict=True) if show)

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._width = self.size.width
            self.call_after_refresh(self.recompose)
