"""A session as autosave JSON, encoded again only where it changed.

A step changes one or two cards, yet a 1,000-card session is ~450 kB of JSON: encoding all of
it after every step cost 10-15 ms on the UI thread. `SessionEncoder` keeps the JSON of the
decks (they never change) and of every card state, and encodes a card again only when its
fingerprint (a cheap tuple of all its fields) differs from the one its JSON was made from.
The result is byte for byte `json.dumps(session_to_dict(session))` (plus "saved") as UTF-8,
a lone surrogate (from a name that was not UTF-8) written as its JSON escape.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from typing import Any

from dialoogspel.model import CardState, Session, SessionSetup, deck_to_dict
from dialoogspel.model.savedcard import state_to_dict
from dialoogspel.model.serialize import session_frame

_MARK = os.urandom(16).hex()
_DECKS = f"decks-{_MARK}"
_STATES = f"states-{_MARK}"
"""Random stand-ins no user text can contain, replaced by the cached JSON."""

FINGERPRINTED = (
    "pawns",
    "final",
    "settled_by",
    "notes",
    "parked",
    "visited",
    "talked",
    "history",
    "doubted",
    "seconds",
    "seen_at",
    "settled_at",
)
"""Every field of `CardState`, in the order `fingerprint` takes them (a test keeps it so)."""


def dumps(data: object) -> str:
    """Compact JSON that keeps accents as they are (ensure_ascii=False)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False)


def fingerprint(state: CardState) -> tuple[Any, ...]:
    """Everything `state_to_dict` reads, copied out of the mutable lists and dict."""
    return (
        tuple(state.pawns.items()),
        state.final,
        state.settled_by,
        tuple(state.notes),
        state.parked,
        state.visited,
        state.talked,
        tuple(state.history),
        state.doubted,
        state.seconds,
        state.seen_at,
        state.settled_at,
    )


class SessionEncoder:
    """Encodes one session after another; keeps the JSON of what did not change."""

    def __init__(self) -> None:
        self._decks: tuple[SessionSetup, bytes] | None = None
        """The setup whose decks were encoded last, and their JSON."""
        self._states: dict[str, tuple[tuple[Any, ...], bytes]] = {}
        """Card key -> (fingerprint, `"key":{...}` JSON) as last encoded."""
        self._session: Session | None = None
        """The session the card cache belongs to (another one starts afresh)."""

    def encode(self, session: Session, saved: datetime | None = None) -> bytes:
        """The session as compact JSON in UTF-8, with "saved" (now, unless given) as its last
        key."""
        if session is not self._session:
            self._session, self._states = session, {}
        if self._decks is None or self._decks[0] is not session.setup:
            decks = [deck_to_dict(deck) for deck in session.setup.decks]
            self._decks = (session.setup, _utf8(dumps(decks)))
        data = session_frame(session, _DECKS, _STATES)
        data["saved"] = (saved or datetime.now()).isoformat(timespec="seconds")
        head, rest = _utf8(dumps(data)).split(f'"{_DECKS}"'.encode(), 1)
        middle, tail = rest.split(f'"{_STATES}"'.encode(), 1)
        return b"".join((head, self._decks[1], middle, *self._states_json(session), tail))

    def _states_json(self, session: Session) -> list[bytes]:
        """`{"key":{...},...}` in parts, for every card the team did something with."""
        cache, parts = self._states, []
        for key, state in session.states.items():
            if state.is_default:
                continue
            mark = fingerprint(state)
            known = cache.get(key)
            if known is None or known[0] != mark:
                part = _utf8(f"{dumps(key)}:{dumps(state_to_dict(state))}")
                known = cache[key] = (mark, part)
            parts.append(known[1])
            parts.append(b",")
        if parts:
            parts.pop()  # no comma after the last card
        return [b"{", *parts, b"}"]


def _utf8(text: str) -> bytes:
    """UTF-8; a lone surrogate can only sit inside a JSON string: \\udcff is its JSON escape."""
    return text.encode("utf-8", "backslashreplace")
