"""Key press -> settled frame on the play screen at 200 cards, in-process with Pilot.

The same game as `startup.py`'s tmux latency run (modus samen, one player, a generated 200-card
deck), but measured inside the process: from handing the key to the app until the last frame it
drew before it was idle again, plus the CPU time the process used in that span (the app's own
work, without the terminal and without waiting for Textual's next frame tick). Autosave writes
into a temporary data folder after every key, as in play (the writer thread does the disk).

    python benchmarks/keys.py [--cards 200] [--presses 60]

Target (issue 9): <= 16 ms of app work per key at 200 cards. The tmux figure (terminal included)
comes from `python benchmarks/startup.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dialoogspel.model import Card, DataSource, Deck, Mode, Session, SessionSetup, assign_letters
from dialoogspel.sessions import SessionStore
from dialoogspel.table import BackgroundSaver, Launch


def session_of(cards: int) -> Session:
    """Samen with one player over `cards` cards, like startup.py's deck."""
    deck = Deck(
        name="groot",
        theme="Bench",
        colour="#0072B2",
        cards=tuple(
            Card(
                f"B{n:03}",
                f"Welke signalen zien we bij groep {n}, en wanneer?",
                (DataSource("JOB-monitor", "welbevinden en begeleiding"),),
            )
            for n in range(1, cards + 1)
        ),
    )
    people = assign_letters([("Anna", "docent")])
    return Session(SessionSetup("Bench", "klas", (deck,), Mode.SAMEN, people))


async def run(cards: int, presses: int, folder: Path) -> dict[str, list[tuple[float, float]]]:
    from dialoogspel.tui.app import DialoogspelApp

    session = session_of(cards)
    store = SessionStore()
    saver = BackgroundSaver(store)
    app = DialoogspelApp(Launch(session=session, output_dir=folder), saver=saver)
    last_frame = [0.0]

    def drawn() -> None:
        last_frame[0] = time.perf_counter()

    app.post_display_hook = drawn  # type: ignore[method-assign]
    results: dict[str, list[tuple[float, float]]] = {"1-4 (lay the card)": [], "enter (next)": []}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for n in range(presses):
            for name, key in (("1-4 (lay the card)", str(1 + n % 4)), ("enter (next)", "enter")):
                started, cpu = time.perf_counter(), time.process_time()
                last_frame[0] = started
                await pilot.press(key)
                await pilot.pause()
                used = time.process_time() - cpu
                results[name].append(((last_frame[0] - started) * 1000, used * 1000))
        assert session.index == min(presses, cards - 1), "every enter moved to the next card"
    assert saver.flush(10) and store.load(session.id).index == session.index, "all saved"
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--presses", type=int, default=60)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DIALOOGSPEL_HOME"] = str(Path(folder) / "home")
        results = asyncio.run(run(options.cards, options.presses, Path(folder)))
    print(
        f"toets -> rustig beeld: {options.cards} kaarten, {options.presses} keer per toets, "
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    print(f"{'toets':22} {'mediaan ms':>11} {'p95 ms':>8} {'cpu mediaan':>12} {'cpu p95':>8}")
    for name, values in results.items():
        walls = sorted(wall for wall, _ in values)
        cpus = sorted(cpu for _, cpu in values)
        at95 = max(int(len(values) * 0.95) - 1, 0)
        print(
            f"{name:22} {statistics.median(walls):11.1f} {walls[at95]:8.1f} "
            f"{statistics.median(cpus):12.1f} {cpus[at95]:8.1f}"
        )


if __name__ == "__main__":
    main()
