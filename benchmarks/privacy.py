"""What the privacy check costs when the team stops or presses ctrl+s (it runs on the UI thread).

Each round finds the new findings of a session with one note per card (dates, times, counts and
card ids, which must not count) and one phone number. Printed: median and p95 in milliseconds
over N rounds.

    python benchmarks/privacy.py [--rounds 50] [--cards 1000]

Target: a usual session (30 cards) far below one frame (16.7 ms); 1,000 cards well below the
100 ms a key press may take. Leaves nothing behind.
"""

from __future__ import annotations

import argparse
import statistics
import time

from dialoogspel.model import Card, Deck, Mode, Session, SessionSetup, assign_letters
from dialoogspel.table.privacy import privacy_question


def session(cards: int) -> Session:
    """Samen with two people; every card has a note full of dates and counts, one a phone number."""
    deck = Deck(
        "groot", "Groot", "#e0a526", tuple(Card(f"G{n:04d}", f"Vraag {n}?") for n in range(cards))
    )
    people = assign_letters([("Anna", "slb'er"), ("Bram", "docent")])
    played = Session(SessionSetup("Klas 3B", "klas", (deck,), Mode.SAMEN, people))
    for card in played.cards:
        note = f"Vóór 01-12-2026 om 10:30 bellen; 12 studenten, kaart {card.card.id}, week 48"
        played.states[card.key].notes.append(note)
    played.states[played.cards[cards // 2].key].notes.append("bel 06-12345678")
    return played


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--cards", type=int, default=1000)
    args = parser.parse_args()
    for cards in sorted({30, args.cards}):
        played = session(cards)
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            found = privacy_question(played)
            times.append((time.perf_counter() - start) * 1000)
        assert [f.kind for f in found] == ["telefoon"]
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{cards} kaarten: mediaan {statistics.median(times):.2f} ms, p95 {p95:.2f} ms")


if __name__ == "__main__":
    main()
