"""SVG snapshots of screens at a fixed size, cursor blink off (update: pytest --snapshot-update)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from dialoogspel.model import Deck
from dialoogspel.tui.app import DialoogspelApp, Launch, SetupDefaults


async def steady_cursor(pilot: Pilot) -> None:
    """A blinking cursor makes every screenshot different: keep it on."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_setup_screen_80x24(snap_compare, decks: list[Deck]) -> None:
    defaults = SetupDefaults(deck_names=["verzuim", "uitval"], participants=[("Anna", "docent")])
    app = DialoogspelApp(Launch(decks=decks, defaults=defaults))
    assert snap_compare(app, terminal_size=(80, 24), run_before=steady_cursor)
