"""The app's part that draws for this terminal: glyphs, line filters, theme and the palette."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import Screen

from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.nocontrol import NoControlFilter
from dialoogspel.tui.toosmall import fit_window

if TYPE_CHECKING:
    _AppBase = App[None]
else:
    _AppBase = object  # a plain class before `App`: Textual's CSS type names stay the app's

ANSI_THEMES = ("textual-ansi", "ansi-dark")
"""Textual's theme in the terminal's own colours (the name differs between versions)."""


def terminal_theme(available: Iterable[str]) -> str:
    """The name of the theme that draws in the terminal's own ANSI colours (--kleuren terminal)."""
    names = set(available)
    return next((name for name in ANSI_THEMES if name in names), "textual-dark")


class DrawsForTerminal(_AppBase):
    """Mixed into the app before `App`: what Textual draws, as this terminal can show it."""

    glyphs: Glyphs
    no_control: NoControlFilter
    cut_mark: LineFilter | None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A notice, with arrows, dashes and "…" as this terminal can draw them."""
        text = self.glyphs.text
        super().notify(
            text(message), title=text(title), severity=severity, timeout=timeout, markup=markup
        )

    def on_resize(self, event: events.Resize) -> None:
        """Too small a window: every screen says "Maak het venster groter." instead."""
        fit_window(self.screen_stack, event.size)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters (monochrome for NO_COLOR), then: no control characters drawn; in
        ASCII mode no "…" where Textual cuts a title short."""
        plain = [self.cut_mark] if self.cut_mark is not None else []
        return [*super().get_line_filters(), self.no_control, *plain]

    def get_key_display(self, binding: Binding) -> str:
        """Footer keys as this terminal can draw them (→ becomes -> in ASCII mode)."""
        return self.glyphs.text(super().get_key_display(binding))

    def toggle_terminal_colours(self) -> None:
        """Palette: the terminal's own colours (as --kleuren terminal), or back to the game's."""
        ansi = self.current_theme.ansi
        self.theme = "textual-dark" if ansi else terminal_theme(self.available_themes)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers the screen's own actions, from the same registry as the keys.

        Nothing of Textual's own (Quit, Keys, Theme, Screenshot): they are English, and a
        screenshot would write the casus outside the data folder.
        """
        for action in getattr(screen, "KEYS", ()):
            if action.palette:
                # A Footer label names the action; an action without one is named by its
                # help sentence, which then is not repeated underneath.
                text = self.glyphs.text
                yield SystemCommand(
                    text(action.label if action.footer else action.help),
                    text(action.help if action.footer else ""),
                    lambda action=action: self.call_later(screen.run_action, action.action),
                )
        yield SystemCommand(
            "Kleuren van de terminal" if not self.current_theme.ansi else "Kleuren van het spel",
            "Teken in de eigen kleuren van je terminal (bijvoorbeeld hoog contrast), of terug.",
            self.toggle_terminal_colours,
        )
