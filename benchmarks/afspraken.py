"""The afspraken screen with many cards: closing the agreement form, in-process with Pilot.

Plays a generated session (every card placed, two notes per card, an agreement every fourth card,
so a quarter of the urgent cards are still suggestions), opens the afspraken screen, and times:
opening it, opening the form (a), closing the form with a new agreement (ctrl+s), closing it
after editing one (enter, ctrl+s) and wiping one (delete, j). Each time runs from the key to the
last frame the app drew before it was idle again ("settled frame"), with the CPU time the process
spent in that span. Autosave writes into a temporary data folder, as in play (encoded on the UI
thread, written by the writer thread; `BENCH_NO_SAVE=1` leaves it out).

    python benchmarks/afspraken.py [--cards 1000] [--rounds 15]

Target (issue 9): closing the agreement form at 1,000 cards <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from export import DAY, played_session  # benchmarks/export.py: the same 1,000-card session

from dialoogspel.sessions import SessionStore
from dialoogspel.table import BackgroundSaver, Launch


class Frames:
    """Remembers when the app last drew a frame."""

    def __init__(self) -> None:
        self.last = 0.0

    def drawn(self) -> None:
        self.last = time.perf_counter()


async def timed(frames: Frames, action: Callable[[], Awaitable[None]]) -> tuple[float, float]:
    """Wall ms from the key to the settled frame, and CPU ms spent in that span."""
    started, cpu = time.perf_counter(), time.process_time()
    frames.last = started
    await action()
    cpu_used = time.process_time() - cpu
    return (frames.last - started) * 1000, cpu_used * 1000


async def run(cards: int, rounds: int, folder: Path) -> dict[str, list[tuple[float, float]]]:
    from textual.widgets import Input

    from dialoogspel.tui.app import DialoogspelApp
    from dialoogspel.tui.screens.afspraken import AfsprakenScreen
    from dialoogspel.tui.screens.agreement import AgreementScreen

    session = played_session(cards)
    store = SessionStore(folder / "home")
    saver = None if os.environ.get("BENCH_NO_SAVE") else BackgroundSaver(store)  # as in play
    app = DialoogspelApp(Launch(session=session, output_dir=folder), saver=saver)
    app.today = lambda: DAY
    frames = Frames()
    app.post_display_hook = frames.drawn  # type: ignore[method-assign]
    results: dict[str, list[tuple[float, float]]] = {}

    def keep(name: str, value: tuple[float, float]) -> None:
        results.setdefault(name, []).append(value)

    async with app.run_test(size=(80, 24)) as pilot:

        async def keys(*pressed: str) -> None:
            await pilot.press(*pressed)
            await pilot.pause()

        await pilot.pause()
        keep("open the afspraken screen (e)", await timed(frames, lambda: keys("e")))
        assert isinstance(app.screen, AfsprakenScreen)
        await keys("escape")
        await keys("e")
        for n in range(rounds):
            keep("open the form (a)", await timed(frames, lambda: keys("a")))
            form = app.screen
            assert isinstance(form, AgreementScreen)
            form.query_one("#what", Input).value = f"gesprek {n} plannen"
            form.query_one("#who", Input).value = "Anna"
            await pilot.pause()
            before = len(session.agreements)
            keep("close the form: new agreement", await timed(frames, lambda: keys("ctrl+s")))
            assert isinstance(app.screen, AfsprakenScreen) and len(session.agreements) == before + 1
            await keys("enter")
            assert isinstance(app.screen, AgreementScreen)
            await keys("end", *" bellen")
            keep("close the form: edited agreement", await timed(frames, lambda: keys("ctrl+s")))
            await keys("delete")
            keep("wipe an agreement (delete, j)", await timed(frames, lambda: keys("j")))
            assert len(session.agreements) == before
    if saver is not None:
        assert saver.flush(10), "the last write finished"
        assert store.load(session.id).agreements == session.agreements, "every step was saved"
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=15)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DIALOOGSPEL_HOME"] = str(Path(folder) / "home")
        results = asyncio.run(run(options.cards, options.rounds, Path(folder)))
    print(
        f"afspraken: {options.cards} kaarten, {options.rounds} rondes, python "
        f"{sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
    )
    print(f"{'stap (toets -> rustig beeld)':36} {'mediaan ms':>11} {'p95 ms':>8} {'cpu ms':>8}")
    for name, values in results.items():
        walls = sorted(wall for wall, _ in values)
        cpu = statistics.median(c for _, c in values)
        p95 = walls[max(int(len(walls) * 0.95) - 1, 0)]
        print(f"{name:36} {statistics.median(walls):11.1f} {p95:8.1f} {cpu:8.1f}")


if __name__ == "__main__":
    main()
