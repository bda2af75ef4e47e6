"""Shared bits for the issue-13 tests: a fake clock and sessions that use it."""

from __future__ import annotations

from collections.abc import Sequence

from dialoogspel.model import CardChoice, Deck, Mode, Session, SessionSetup
from tests.factories import make_deck, make_participants


class FakeClock:
    """A clock the test moves by hand; readings start far from zero, as monotonic's do."""

    def __init__(self, start: float = 5000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def wait(self, minutes: float) -> None:
        """Let time pass."""
        self.now += minutes * 60


def hour_session(
    mode: Mode = Mode.SAMEN,
    *,
    clock: FakeClock | None = None,
    minutes: int | None = None,
    cards: int = 5,
    people: Sequence[str] = ("Anna", "Bram", "Chris"),
    hidden_voting: bool = False,
    decks: Sequence[Deck] | None = None,
    choice: CardChoice = CardChoice(),  # noqa: B008 (immutable)
) -> Session:
    """A session with a fake clock: one deck of `cards` cards; Anna (slb'er), Bram (docent)
    and Chris (teammanager) unless other people are given."""
    setup = SessionSetup(
        casus="Klas 3B",
        niveau="klas",
        decks=tuple(decks)
        if decks is not None
        else (make_deck("uitval", [f"U{n:02d}" for n in range(1, cards + 1)]),),
        mode=mode,
        participants=make_participants(*people),
        hidden_voting=hidden_voting,
        choice=choice,
        minutes=minutes,
    )
    return Session(setup, session_id="hour00000000", clock=clock or FakeClock())
