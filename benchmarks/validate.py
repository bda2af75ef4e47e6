"""How long `parse_deck` takes on a 5,000-card deck, against a bare `yaml.compose` of the same text.

`yaml.compose` with libyaml (CSafeLoader) only builds YAML nodes: the least any YAML loader has
to do. `parse_deck` does everything: decoding, the byte checks, parsing, every deck rule,
generated ids and the model objects. Target: parse_deck at most 1.5x compose (aim: 1.2x).

    python benchmarks/validate.py [--runs 9] [--cards 5000]

Prints a Markdown table; both are timed in the same run, alternating, median of the runs.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable

import yaml

from dialoogspel.decks import MAX_BYTES, parse_deck

SOURCES = (
    ("Verzuimregistratie in het studentvolgsysteem", "aanwezigheid per les en per week"),
    ("JOB-monitor", "vragen over welbevinden en begeleiding"),
    ("Gespreksverslagen van de slb'er", ""),
)
NIVEAUS = ("[klas]", "[klas, opleiding]", "[opleiding, team, instelling]")


def deck_text(cards: int) -> str:
    """A deck written the way the built-in decks are: comments, quoted questions, sources."""
    lines = [
        "# yaml-language-server: $schema=deck.schema.json",
        "# Een gegenereerde stapel om de snelheid van het laden te meten.",
        "thema: Benchmark",
        'kleur: "#0072B2"',
        "beschrijving: Veel kaarten, zoals een gespreksleider ze zou schrijven.",
        "kaarten:",
    ]
    for number in range(1, cards + 1):
        if number % 50 == 1:
            lines.append(f"  # Blok {number // 50 + 1}")
        lines.append(f"  - id: B{number:04d}")
        lines.append(f'    vraag: "Welke signalen zien we bij groep {number} in de eerste weken?"')
        lines.append("    databronnen:")
        name, explanation = SOURCES[number % len(SOURCES)]
        if explanation:
            lines.append(f"      - naam: {name}")
            lines.append(f'        toelichting: "{explanation}"')
        else:
            lines.append(f"      - {name}")
        if number % 3 == 0:
            lines.append(f"    niveaus: {NIVEAUS[number % len(NIVEAUS)]}")
    return "\n".join(lines) + "\n"


def median_seconds(runs: int, *jobs: Callable[[], object]) -> list[float]:
    """Median wall time of each job, running the jobs in turn so drift hits them alike."""
    timings: list[list[float]] = [[] for _ in jobs]
    for _ in range(runs):
        for job, times in zip(jobs, timings, strict=True):
            start = time.perf_counter()
            job()
            times.append(time.perf_counter() - start)
    return [statistics.median(times) for times in timings]


def main() -> None:
    """Generate, check, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cards", type=int, default=5000)
    args = parser.parse_args()
    if not yaml.__with_libyaml__:
        raise SystemExit("PyYAML without libyaml: this benchmark compares against CSafeLoader.")

    text = deck_text(args.cards)
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise SystemExit(f"deck of {len(data)} bytes is above the {MAX_BYTES}-byte cap")
    result = parse_deck(data, "benchmark.yaml")
    if not result.ok or result.deck is None or len(result.deck.cards) != args.cards:
        raise SystemExit(f"the generated deck does not load: {result.problems[:3]}")

    compose, full_bytes, full_text = median_seconds(
        args.runs,
        lambda: yaml.compose(text, Loader=yaml.CSafeLoader),
        lambda: parse_deck(data, "benchmark.yaml"),
        lambda: parse_deck(text, "benchmark.yaml"),
    )
    print(f"{args.cards} cards, {len(data) / 1024:.0f} KiB, median of {args.runs} runs")
    print(
        f"Python {platform.python_version()}, PyYAML {yaml.__version__} with libyaml, "
        f"{platform.machine()} {platform.system()} {platform.release()}"
    )
    print()
    print("| what | median | vs. compose |")
    print("|---|---|---|")
    print(f"| yaml.compose (CSafeLoader) | {compose * 1000:.0f} ms | 1.00x |")
    print(f"| parse_deck(bytes) | {full_bytes * 1000:.0f} ms | {full_bytes / compose:.2f}x |")
    print(f"| parse_deck(str) | {full_text * 1000:.0f} ms | {full_text / compose:.2f}x |")


if __name__ == "__main__":
    main()
