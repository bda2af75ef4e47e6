"""What placing the terminal cursor costs per frame (tui/cursor.py), in-process with Pilot.

Textual reads `app.cursor_position` on every frame it draws; ours works out the spot then
(focused widget, highlighted row, caret, or the screen's CURSOR_AT). Measured on the play screen
(nothing focused: the question) and on the afspraken screen with a long list, highlight halfway.

    python benchmarks/cursor.py [--reads 5000] [--agreements 60]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Card,
    DataSource,
    Deck,
    Mode,
    Session,
    SessionSetup,
    assign_letters,
)
from dialoogspel.table import Launch
from dialoogspel.tui.app import DialoogspelApp

DECK = Deck(
    name="bench",
    theme="Bench",
    colour="#0072B2",
    cards=tuple(Card(f"B{n:02}", f"Vraag {n}?", (DataSource("bron"),)) for n in range(1, 21)),
)


def per_read(app: DialoogspelApp, reads: int) -> list[float]:
    """Microseconds per `cursor_position` read, in 10 batches."""
    batches = []
    for _ in range(10):
        start = time.perf_counter()
        for _ in range(reads // 10):
            _ = app.cursor_position
        batches.append((time.perf_counter() - start) / (reads // 10) * 1e6)
    return batches


async def measure(reads: int, agreements: int) -> None:
    people = assign_letters([("Anna", "slb'er"), ("Ahmed", "docent")])
    session = Session(SessionSetup("Klas 3B", "klas", (DECK,), Mode.SAMEN, people))
    for n in range(agreements):
        session.add_agreement(Agreement(AgreementKind.UITZOEKEN, f"taak {n}", "Anna"))
    app = DialoogspelApp(Launch(session=session))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = [("speelscherm (de vraag)", per_read(app, reads))]
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*["down"] * (agreements // 2))
        await pilot.pause()
        rows.append((f"afspraken, {agreements} regels", per_read(app, reads)))
    print(f"{'scherm':<28} {'mediaan µs':>10} {'max µs':>8}")
    for name, batches in rows:
        print(f"{name:<28} {statistics.median(batches):>10.1f} {max(batches):>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=5000)
    parser.add_argument("--agreements", type=int, default=60)
    options = parser.parse_args()
    asyncio.run(measure(options.reads, options.agreements))


if __name__ == "__main__":
    main()
