"""Messages that travel from screens to the app, the one owner of saving."""

from __future__ import annotations

from textual.message import Message


class SessionChanged(Message):
    """The session changed (a pawn, a placement, a note, …): the app saves it now."""
