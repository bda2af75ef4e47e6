"""Pause Python's cycle collector during start-up, resume it after the first frame.

Starting the game creates almost only objects that live as long as the program: modules,
classes, the stylesheet, the first screen's widgets. Python's cycle collector still walks all
of them again and again while they are made, which was about 15 ms of the time to the first
card. So the collector is paused here, before anything is imported, and the app resumes it
after its first frame (commands that start no app resume it straight away, see `cli.main`).
Nothing is frozen: what start-up left as garbage, and a setup screen that is later replaced,
is collected as usual. Kept free of imports, so `entry` can pause before click and textual
are imported.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collector() -> None:
    """Stop automatic garbage collection until `resume_collector`."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """Undo `pause_collector` (does nothing when it did not pause)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
