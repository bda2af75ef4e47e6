"""The pacing line ("nog 34 min · ± 3 min per kaart") and the offer to park, as plain Dutch.

Past the budget the line starts with `!` and says by how much, so it reads without colour
(`NO_COLOR`, a screen reader, the plain-line face); the screen face may add a colour too.
"""

from __future__ import annotations

import math

from dialoogspel.model import Pace

OVER_MARK = "!"
"""Starts the line when the team is past the budget."""
SEPARATOR = " · "
"""Between the parts of the line."""


def _minutes_left(seconds: float) -> int:
    """Whole minutes still to go, counted up so the last minute still reads "nog 1 min"."""
    return max(1, math.ceil(seconds / 60))


def _budget(seconds: float) -> str:
    """The budget per card in words: "± 3 min", or "minder dan 1 min"."""
    if seconds < 60:
        return "minder dan 1 min"
    return f"± {math.floor(seconds / 60 + 0.5)} min"


def pacing_line(pace: Pace) -> str:
    """The time left and the budget per card, with `!` and the overrun when past the budget."""
    if pace.time_up:
        parts = [f"de tijd is om ({_minutes_left(-pace.left)} min over tijd)"]
        if pace.cards_left:
            parts.append(f"nog {pace.cards_left} {_cards(pace.cards_left)} open")
    else:
        parts = [f"nog {_minutes_left(pace.left)} min"]
        if pace.cards_left:
            parts.append(f"{_budget(pace.per_card)} per kaart")
        else:
            parts.append("alle kaarten gehad")
    if pace.over and not pace.time_up:
        parts.append(f"deze kaart al {_minutes_left(pace.on_card)} min (over tijd)")
    line = SEPARATOR.join(parts)
    return f"{OVER_MARK} {line}" if pace.over else line


def _cards(count: int) -> str:
    return "kaart" if count == 1 else "kaarten"


def parking_question(pace: Pace) -> str:
    """The offer to park the rest when time runs short; the team answers, nothing happens alone."""
    others = pace.cards_left - int(pace.current_open)
    time = (
        "De tijd is om"
        if pace.time_up
        else f"Nog {_minutes_left(pace.left)} min voor {pace.cards_left} {_cards(pace.cards_left)}"
    )
    return (
        f"{time}. De andere {others} open {_cards(others)} parkeren?"
        " Dan komen ze onder Geparkeerd en bespreken jullie ze een andere keer."
    )


def parked_rest(count: int) -> str:
    """After the team said yes to parking the rest."""
    them = "hem" if count == 1 else "ze"
    return f"{count} {_cards(count)} geparkeerd. Jullie bespreken {them} een andere keer."


PARKING_DECLINED = "Goed, de kaarten blijven open."
"""After the team said no to parking the rest."""


class ParkingOffer:
    """Asks about parking the rest at most twice: once when time runs short, once more when
    it is up. A "nee" is not asked again and again on every card."""

    def __init__(self) -> None:
        self.asked: set[bool] = set()
        """For which moments (time up or not) the question was asked already."""

    def due(self, offered: bool, pace: Pace | None, started: bool = True) -> bool:
        """Ask now: the prompt offers parking and this moment was not asked about yet.

        Not before the team `started` (placed a first card): parking all but one card before
        the first talk is never what a team wants; the pacing line already shows the time."""
        if not offered or not started or pace is None or pace.time_up in self.asked:
            return False
        self.asked.add(pace.time_up)
        return True
