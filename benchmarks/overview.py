"""The overview over 10,000 outcome files vs a bare script: read each file, parse its front
matter with libyaml (CSafeLoader). Run: python benchmarks/overview.py [--files N]."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dialoogspel.model import Mode
from dialoogspel.outcome import render
from dialoogspel.overview import scan, tally
from dialoogspel.overview.questions import questions_for
from tests.outcome_sessions import deck, played

OWN = (deck(name="eigen", theme="Eigen"),)
"""Every second file plays a team's own deck: its questions come from an outcome body."""


def write_share(folder: Path, count: int) -> None:
    """`count` outcome files written by the app's own writer, ids and dates varied."""
    modes = (Mode.PIONNEN, Mode.GEMENGD, Mode.SAMEN, Mode.VRAGEN)
    for n in range(count):
        session = played(modes[n % 4], **({"decks": OWN} if n % 2 else {}))
        session.id = f"bench{n:08d}"
        day = date(2026, 9, 1) + timedelta(days=n % 90)
        (folder / f"team{n % 20:02d}").mkdir(exist_ok=True)
        (folder / f"team{n % 20:02d}" / f"{n}.md").write_text(render(session, day), "utf-8")


def bare(folder: Path) -> int:
    """Read every file and parse its front matter with CSafeLoader."""
    found = 0
    for path in folder.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        head = text.split("\n---\n", 1)[0].removeprefix("---\n")
        found += bool(yaml.load(head, Loader=yaml.CSafeLoader))
    return found


def ours(folder: Path) -> int:
    """The overview's pass and counting, with the questions, as the command does it."""
    found = scan([folder])
    overview = tally(found.outcomes, date(2026, 12, 1), found.paths, found.every)
    overview.name_cards(questions_for((card for _, card in overview.kaarten), found.every))
    assert any(card.vraag for card in overview.kaarten.values() if card.kaart.startswith("eigen"))
    return len(found.outcomes)


def main() -> None:
    """Measure both, alternating, and print the medians."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_share(folder, args.files)
        times: dict[str, list[float]] = {"kaal (CSafeLoader)": [], "overview": []}
        for _ in range(args.runs):
            for label, run in (("kaal (CSafeLoader)", bare), ("overview", ours)):
                start = time.perf_counter()
                assert run(folder) == args.files
                times[label].append(time.perf_counter() - start)
    medians = {label: statistics.median(values) for label, values in times.items()}
    for label, value in medians.items():
        print(f"{label:20} mediaan {value:7.2f} s")
    print(f"verhouding overview/kaal: {medians['overview'] / medians['kaal (CSafeLoader)']:.2f}×")


if __name__ == "__main__":
    main()
