"""Time per card and the budget for the rest of the session, with an injected clock.

The clock is any callable that returns seconds (`time.monotonic` by default; tests pass a fake).
Its readings are never saved: each card keeps the seconds it spent on the table, so a resumed
session goes on counting from where it was, and time while the laptop was closed is not counted.
The budget is advice only: nothing here moves on, parks or locks by itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from dialoogspel.model.rules import RuleError

if TYPE_CHECKING:
    from dialoogspel.model.session import Session

Clock = Callable[[], float]
"""Returns seconds; only differences between two readings mean something."""

MAX_MINUTES = 480
"""The longest session a team can plan (a working day)."""
LOW_BUDGET_SECONDS = 120.0
"""Less time than this for each open card, with cards enough left: offer to park the rest."""
PARK_MIN_CARDS = 2
"""The offer to park needs at least this many other open cards."""


def check_minutes(minutes: int | None) -> None:
    """Refuse a planned length no session can have, in Dutch."""
    if minutes is None:
        return
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_MINUTES:
        raise RuleError(f"Kies een tijd van 1 tot {MAX_MINUTES} minuten.")


class Stopwatch:
    """Counts the seconds since the last lap; the clock's readings stay inside."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        """Where the time comes from."""
        self._mark = clock()
        self.paused = False
        """Not counting (the team is not at a card, e.g. making agreements)."""

    def running(self) -> float:
        """Seconds since the last lap (never negative, whatever the clock does)."""
        return 0.0 if self.paused else max(0.0, self.clock() - self._mark)

    def lap(self) -> float:
        """Seconds since the last lap, and start a new lap."""
        passed = self.running()
        self._mark = self.clock()
        return passed

    def pause(self) -> float:
        """Stop counting; the seconds of the lap so far."""
        passed = self.lap()
        self.paused = True
        return passed

    def resume(self) -> None:
        """Count again from now."""
        if self.paused:
            self.paused = False
            self._mark = self.clock()


class Pace(NamedTuple):
    """Where the team stands against the planned time; all times in seconds."""

    planned: float
    """The planned length of the session."""
    used: float
    """Play time so far (all cards together)."""
    cards_left: int
    """Open cards (not placed, not parked), the current one included when it is open."""
    per_card: float
    """The budget for the current card (or, once it is done, for each card still open):
    time left when the card came up ÷ cards left then; recomputed after each card."""
    on_card: float
    """Time the current card has been on the table."""
    current_open: bool
    """The current card still waits for the team."""
    suggest_parking: bool
    """Little time and many cards left: offer to park the rest (the team decides)."""

    @property
    def left(self) -> float:
        """Time left; negative once past the planned end."""
        return self.planned - self.used

    @property
    def time_up(self) -> bool:
        """The planned time is over."""
        return self.left <= 0

    @property
    def over(self) -> bool:
        """Past the budget: the time is up, or the current card took longer than its share."""
        return self.time_up or (self.current_open and self.on_card > self.per_card)


class TimeSpent(NamedTuple):
    """The session's time for the outcome (`tijd: {gepland, gebruikt}`), in whole minutes."""

    planned: int | None
    """--tijd, or None when no time was planned."""
    used: int
    """Play time so far."""


def whole_minutes(seconds: float) -> int:
    """Seconds as whole minutes, rounded to the nearest (half a minute rounds up)."""
    return math.floor(seconds / 60 + 0.5)


def open_elsewhere(session: Session) -> int:
    """Open cards (not settled, not parked) other than the current one."""
    current = session.current.key
    return sum(
        1
        for card in session.cards
        if card.key != current
        and not session.states[card.key].parked
        and not session.is_settled(card.key)
    )


def pace(session: Session) -> Pace | None:
    """The budget now; None when the team planned no time."""
    if session.setup.minutes is None:
        return None
    planned = session.setup.minutes * 60.0
    used = session.play_seconds()
    on_card = session.card_seconds(session.current.key)
    state = session.current_state
    current_open = not state.parked and not session.is_settled()
    others = open_elsewhere(session)
    left = planned - used
    if current_open:
        per_card = max(0.0, left + on_card) / (others + 1)
    else:
        per_card = max(0.0, left) / max(others, 1)
    cards_left = others + int(current_open)
    each = max(0.0, left) / max(cards_left, 1)  # what is left for each open card from now on
    suggest = (others >= PARK_MIN_CARDS and each < LOW_BUDGET_SECONDS) or (
        left <= 0 and others >= 1
    )
    return Pace(
        planned=planned,
        used=used,
        cards_left=cards_left,
        per_card=per_card,
        on_card=on_card,
        current_open=current_open,
        suggest_parking=suggest,
    )


def card_minutes(session: Session, key: str) -> int | None:
    """Whole minutes a card was on the table; None when its time was not kept (never shown
    since time was kept, e.g. in a session saved by an older version)."""
    if session.states[key].seen_at is None:
        return None
    return whole_minutes(session.card_seconds(key))


def time_spent(session: Session) -> TimeSpent:
    """Planned and used minutes for the outcome."""
    return TimeSpent(session.setup.minutes, whole_minutes(session.play_seconds()))
