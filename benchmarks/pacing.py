"""What the pacing line costs per refresh: the prompt, the budget and the line, on a big session.

The screen refreshes the pacing line once a second and asks for the prompt on every redraw, so
both must stay far below a frame. Each round builds the prompt (which asks whether to offer
parking, so it computes the budget) and the pacing line, halfway through the session. Printed:
median and p95 in microseconds over N rounds.

    python benchmarks/pacing.py [--rounds 5000] [--cards 108]

Target: well below 1 ms per refresh (a frame at 60 Hz is 16.7 ms). Leaves nothing behind.
"""

from __future__ import annotations

import argparse
import statistics
import time

from dialoogspel.model import (
    Card,
    Deck,
    Mode,
    Quadrant,
    Session,
    SessionSetup,
    assign_letters,
)
from dialoogspel.present import pacing_line


def session(cards: int) -> Session:
    """Pionnen with four people and `cards` cards in decks of 18; half of the cards played."""
    decks = tuple(
        Deck(
            name=f"stapel{d}",
            theme=f"Stapel {d}",
            colour="#e0a526",
            cards=tuple(
                Card(id=f"K{n:02d}", question=f"Vraag {n}?") for n in range(min(18, cards - d * 18))
            ),
        )
        for d in range((cards + 17) // 18)
    )
    people = assign_letters(
        [("Anna", "slb'er"), ("Bram", "docent"), ("Chris", "tm"), ("Dewi", "po")]
    )
    played = Session(SessionSetup("Klas 3B", "klas", decks, Mode.PIONNEN, people, minutes=90))
    for _ in range(cards // 2):
        for quadrant in (1, 1, 2, 0):
            if played.prompt.step.value == "vote":
                (
                    played.abstain
                    if quadrant == 0
                    else lambda q=quadrant: played.place(Quadrant(q))
                )()
        if played.needs_decision():
            played.place(Quadrant.BELANGRIJK_URGENT)
        played.advance()
    return played


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5000)
    parser.add_argument("--cards", type=int, default=108)
    args = parser.parse_args()
    game = session(args.cards)
    timings: list[float] = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        prompt = game.prompt
        pace = game.pace()
        assert pace is not None
        line = pacing_line(pace)
        timings.append((time.perf_counter() - start) * 1e6)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95)]
    print(f"{len(game.cards)} kaarten, kaart {game.index + 1}, stap {prompt.step.value}: {line}")
    print(f"prompt + budget + regel: mediaan {statistics.median(timings):.0f} µs, p95 {p95:.0f} µs")


if __name__ == "__main__":
    main()
