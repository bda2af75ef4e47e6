"""Drive the plain-line face with input lines and read what it said."""

from __future__ import annotations

import io
import tempfile
from datetime import date
from pathlib import Path

from dialoogspel.line.console import Console
from dialoogspel.line.play import LinePlay
from dialoogspel.model import Mode, Session
from dialoogspel.table import Exporter, Table
from tests.factories import make_session

TODAY = date(2026, 11, 20)
"""A fixed day, so "1-12" is always 1 December 2026."""
HOSTILE = ["[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "\x1b]0;x\x07"]
"""Text that must stay text: markup and a terminal title escape."""


def console_for(lines: list[str]) -> tuple[Console, io.StringIO]:
    """A console reading these lines (each one ends with a newline) and its output."""
    out = io.StringIO()
    return Console(io.StringIO("".join(f"{line}\n" for line in lines)), out), out


def table_for(session: Session, folder: Path | None = None) -> Table:
    """A table that keeps the session in memory; the outcome goes to `folder` (or a new one)."""
    folder = folder or Path(tempfile.mkdtemp(prefix="dialoogspel-line-"))
    exporter = Exporter(folder, home=folder / "home")
    return Table(session, None, exporter, today=lambda: TODAY)


def play(
    lines: list[str], mode: Mode = Mode.PIONNEN, session: Session | None = None
) -> tuple[Session, str]:
    """Play these lines on a fresh session (Anna, Bram, Chris; three cards); what was said."""
    session = session or make_session(mode)
    console, out = console_for(lines)
    LinePlay(console, table_for(session)).run()
    return session, out.getvalue()
