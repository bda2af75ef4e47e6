"""Listing the outcome files of a folder for the terugblik (target: 500 files within 0.5 s).

Run: python benchmarks/terugblik.py [--files 500] [--runs 5]."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dialoogspel.model import Mode
from dialoogspel.outcome import render
from dialoogspel.table import list_earlier
from tests.outcome_sessions import played


def write_folder(folder: Path, count: int) -> None:
    """`count` outcome files in one folder, written by the app's own writer."""
    modes = (Mode.PIONNEN, Mode.GEMENGD, Mode.SAMEN, Mode.VRAGEN)
    for n in range(count):
        session = played(modes[n % 4])
        session.id = f"bench{n:08d}"
        day = date(2026, 1, 1) + timedelta(days=n % 300)
        (folder / f"{day.isoformat()}_uitval_{n}.md").write_text(render(session, day), "utf-8")


def main() -> None:
    """Time `list_earlier` over a fresh folder; print every run and the median."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        write_folder(folder, args.files)
        start = time.perf_counter()
        list_earlier(folder)  # the first call also imports markdown-it-py
        first = time.perf_counter() - start
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            listed = list_earlier(folder)
            times.append(time.perf_counter() - start)
        assert len(listed.files) == args.files and not listed.broken
        print(f"first call (with imports): {first:.3f} s")
        print("runs (s):", " ".join(f"{t:.3f}" for t in times))
        print(f"{args.files} files: median {statistics.median(times):.3f} s (target 0.5 s)")


if __name__ == "__main__":
    main()
