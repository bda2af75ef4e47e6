"""Waiting in Pilot flows for what the app builds just after its first frame."""

from __future__ import annotations

from textual.pilot import Pilot


async def setup_built(pilot: Pilot[None]) -> None:
    """Wait until the setup form is whole: its part below the fold (mode, participants, start)
    is built after the first frame, and as the base screen run_test can hand over before."""
    from dialoogspel.tui.screens.setup import SetupScreen

    for _ in range(50):
        screen = pilot.app.screen
        if not isinstance(screen, SetupScreen) or screen.ready:
            return
        await pilot.pause()
    raise AssertionError("the setup form was not built")
