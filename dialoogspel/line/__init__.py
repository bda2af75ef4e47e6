"""The plain-line face: the same game as the screen, one line in and one line out (SPEC 3.3).

For screen readers, braille displays, the dumbest consoles and scripts: no escape codes, no
colour, nothing redrawn. It plays over the same table and says `present`'s sentences; it never
imports textual. `dialoogspel.line.run.run_line` starts it.
"""

from __future__ import annotations

from dialoogspel.line.choose import LINE, SCREEN, FaceChoice, choose_face

__all__ = ["LINE", "SCREEN", "FaceChoice", "choose_face"]
