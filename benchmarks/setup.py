"""The setup screen's first frame, in-process: CPU time from starting the app to the first frame.

The facilitator's usual first screen (`dialoogspel` without options), with the built-in decks, in
Pilot at 80x24, against a bare Textual app with one line, alternating. CPU time (process_time) is
used because it hardly moves with the load of a shared machine, where wall time does; the tmux
figure with the whole process start-up is in `startup.py` ("time to the setup screen").

    python benchmarks/setup.py [--runs 15]

Compare two versions by running it with PYTHONPATH pointing at each checkout.
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

from textual.app import App, ComposeResult
from textual.widgets import Static

from dialoogspel.table import Launch, SetupDefaults
from dialoogspel.table.start import load_all_decks


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Klaar om te beginnen")


async def first_frame(setup: bool, launch: Launch) -> float:
    """CPU ms from creating the app to its first frame (of the setup screen)."""
    from dialoogspel.tui.app import DialoogspelApp
    from dialoogspel.tui.screens.setup import SetupScreen

    drawn: list[float] = []
    app: App[None] = DialoogspelApp(launch) if setup else Bare()

    def hook() -> None:
        if not drawn and (not setup or isinstance(app.screen, SetupScreen)):
            drawn.append(time.process_time())

    app.post_display_hook = hook  # type: ignore[method-assign]
    started = time.process_time()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    return (drawn[0] - started) * 1000


async def run(runs: int) -> tuple[list[float], list[float]]:
    with tempfile.TemporaryDirectory() as folder:
        decks, _ = load_all_decks([], Path(folder))
    launch = Launch(decks=decks, defaults=SetupDefaults())
    for _ in range(3):  # imports, CSS parsing of each widget class, caches
        await first_frame(True, launch)
        await first_frame(False, launch)
    game: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        game.append(await first_frame(True, launch))
        bare.append(await first_frame(False, launch))
    return game, bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    game, bare = asyncio.run(run(options.runs))
    import dialoogspel

    print(
        f"setup, eerste beeld in het proces: {options.runs} runs, python "
        f"{sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
    )
    print(f"dialoogspel from {Path(dialoogspel.__file__).parent}")
    print(f"{'app':24} {'cpu mediaan ms':>15} {'cpu min ms':>11}")
    print(f"{'beginscherm (setup)':24} {statistics.median(game):15.1f} {min(game):11.1f}")
    print(f"{'kale Textual-app':24} {statistics.median(bare):15.1f} {min(bare):11.1f}")


if __name__ == "__main__":
    main()
