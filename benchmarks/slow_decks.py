"""How long `load_deck` (what `dialoogspel validate` calls per file) takes on decks of odd shapes.

Each shape is generated close to the 1 MB cap (`decks.MAX_BYTES`) and written to a temp file:

- identical: thousands of cards with the same question and no id (generated ids collide)
- hash-cut: many values followed by ` #b` (each gets a "text after ' #' is dropped" warning)
- no-space: lines of `vraag:x` (each gets a "put a space after the colon" error)
- hidden: values holding a zero-width space (each is refused with its line and column)
- typo: every card with `niveaus: [klsa]` (each gets a "did you mean 'klas'" warning)
- tab-quoted: questions in double quotes holding a tab (once read by the slow pure-Python parser)
- anchor: one `&anker` at the top (once a reason to re-read all of it with the slow parser)
- normal: a deck written the way the built-in decks are (from benchmarks/validate.py)

Target (issue 9, point 8): every shape within 2 s.

    python benchmarks/slow_decks.py [--runs 3] [--size 1000000]

Prints a Markdown table: shape, size, problems found, median and worst wall time of the runs, and
the median CPU time of this process (less disturbed when other work shares the machine).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from validate import deck_text

from dialoogspel.decks import MAX_BYTES, load_deck

HEAD = 'thema: Traag\nkleur: "#0072B2"\nkaarten:\n'


def _fill(line: Callable[[int], str], size: int) -> str:
    """HEAD and numbered lines until the text is about `size` bytes."""
    parts, total, number = [HEAD], len(HEAD), 0
    while True:
        part = line(number)
        if total + len(part.encode("utf-8")) > size:
            return "".join(parts)
        parts.append(part)
        total += len(part.encode("utf-8"))
        number += 1


def identical(size: int) -> str:
    """Cards with one and the same question and no id."""
    return _fill(lambda _n: "  - vraag: Wat zien we?\n", size)


def hash_cut(size: int) -> str:
    """Cards whose question ends in ` #b`: YAML drops it as a comment, we warn."""
    return _fill(lambda n: f"  - vraag: Vraag {n} #b\n", size)


def no_space(size: int) -> str:
    """Lines of `vraag:x`: every one is missing the space after the colon."""
    return _fill(lambda _n: "  - vraag:x\n", size)


def hidden(size: int) -> str:
    """Cards whose question holds a zero-width space."""
    return _fill(lambda n: f"  - vraag: Vraag\u200b {n}\n", size)


def typo(size: int) -> str:
    """Cards with the same misspelt niveau."""
    return _fill(lambda n: f"  - vraag: Vraag {n}\n    niveaus: [klsa]\n", size)


def tab_quoted(size: int) -> str:
    """Cards whose quoted question holds a tab."""
    return _fill(lambda n: f'  - vraag: "Vraag\t{n}"\n', size)


def anchor(size: int) -> str:
    """One anchor on the first card, then plain cards."""
    text = _fill(lambda n: f"  - vraag: Vraag {n}\n", size - 20)
    return text.replace("  - vraag: Vraag 0\n", "  - vraag: &anker Vraag 0\n", 1)


def normal(size: int) -> str:
    """The deck of benchmarks/validate.py, with as many cards as fit."""
    low, high = 1, 20000
    while low < high:  # the largest card count that stays within size
        middle = (low + high + 1) // 2
        if len(deck_text(middle).encode("utf-8")) <= size:
            low = middle
        else:
            high = middle - 1
    return deck_text(low)


SHAPES: dict[str, Callable[[int], str]] = {
    "identical": identical,
    "hash-cut": hash_cut,
    "no-space": no_space,
    "hidden": hidden,
    "typo": typo,
    "tab-quoted": tab_quoted,
    "anchor": anchor,
    "normal": normal,
}


def main() -> None:
    """Generate each shape, time load_deck on it, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes per deck")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these")
    args = parser.parse_args()
    if args.size > MAX_BYTES:
        raise SystemExit(f"--size above the {MAX_BYTES}-byte cap: the deck would be refused")
    print(f"median and worst of {args.runs} runs of load_deck (what validate calls per file)")
    print(
        f"Python {platform.python_version()}, PyYAML {yaml.__version__} "
        f"({'with' if yaml.__with_libyaml__ else 'without'} libyaml), "
        f"{platform.machine()} {platform.system()} {platform.release()}"
    )
    print()
    print("| shape | size | lines | problems | median | worst | median CPU |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.shape or SHAPES:
            text = SHAPES[name](args.size)
            path = Path(folder) / f"{name}.yaml"
            path.write_text(text, encoding="utf-8")
            times, cpu, problems = [], [], 0
            for _ in range(args.runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                result = load_deck(path)
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
                problems = len(result.problems)
            print(
                f"| {name} | {path.stat().st_size / 1024:.0f} KiB | {text.count(chr(10))} "
                f"| {problems} | {statistics.median(times):.2f} s | {max(times):.2f} s "
                f"| {statistics.median(cpu):.2f} s |"
            )


if __name__ == "__main__":
    main()
