"""Time to the first card in a real terminal, against a bare Textual app; and key-to-frame latency.

Runs both apps in tmux at 80x24, alternating, polls `tmux capture-pane` until the expected text
shows, and records each process's peak RSS (via a small wrapper that reads getrusage of its
child). Then plays a generated 200-card session and times key press -> settled frame.

    python benchmarks/startup.py [--runs 10]

Needs tmux and an installed dialoogspel (the one of the running Python's environment). Measure a
regular install (`pip install .`): pip compiles the bytecode then. An editable install under
PYTHONDONTWRITEBYTECODE=1 compiles the game's sources on every start and looks ~100 ms slower.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_APP = """\
from textual.app import App
from textual.widgets import Static


class Bare(App):
    BINDINGS = [("q", "quit", "Stop")]

    def compose(self):
        yield Static("Klaar om te beginnen")


Bare().run()
"""

WRAPPER = """\
import json, resource, subprocess, sys
subprocess.run(sys.argv[2:], check=False)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(sys.argv[1], "w") as out:
    json.dump({"peak_kib": peak}, out)
"""


def deck_text(cards: int) -> str:
    """A deck with many cards, written like a facilitator would."""
    lines = ["thema: Bench", 'kleur: "#0072B2"', "kaarten:"]
    for n in range(1, cards + 1):
        lines.append(f"  - id: B{n:03}")
        lines.append(f'    vraag: "Welke signalen zien we bij groep {n}, en wanneer?"')
        lines.append("    databronnen:")
        lines.append("      - naam: JOB-monitor")
        lines.append("        toelichting: welbevinden en begeleiding")
    return "\n".join(lines) + "\n"


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", "dialoogspel-bench", *args], capture_output=True, text=True, check=False
    ).stdout


def time_until(target: str, session: str, timeout: float = 30.0) -> float:
    """Seconds from now until `target` is on the tmux screen."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if target in tmux("capture-pane", "-p", "-t", session):
            return time.perf_counter() - start
        time.sleep(0.005)
    raise RuntimeError(f"{target!r} did not appear within {timeout} s")


def one_start(
    command: list[str], target: str, work: Path, env: dict[str, str]
) -> tuple[float, int]:
    """Start a command in tmux, time until `target` shows, quit it, and read its peak RSS."""
    session = "bench"
    tmux("kill-session", "-t", session)
    rss_file = work / "rss.json"
    rss_file.unlink(missing_ok=True)
    wrapped = [sys.executable, str(work / "wrapper.py"), str(rss_file), *command]
    shell = shlex.join(wrapped)
    env_prefix = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    started = time.perf_counter()
    tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", session, f"env {env_prefix} {shell}")
    time_until(target, session)
    elapsed = time.perf_counter() - started
    tmux("send-keys", "-t", session, "q")
    deadline = time.perf_counter() + 10
    while not rss_file.exists() and time.perf_counter() < deadline:
        time.sleep(0.02)
    tmux("kill-session", "-t", session)
    peak = json.loads(rss_file.read_text())["peak_kib"] if rss_file.exists() else 0
    return elapsed, peak


def key_latency(work: Path, env: dict[str, str], presses: int) -> list[float]:
    """Key press -> settled frame, on a 200-card samen session."""
    session = "bench"
    tmux("kill-session", "-t", session)
    deck = work / "groot.yaml"
    command = [
        sys.executable,
        "-m",
        "dialoogspel",
        "play",
        "--deck",
        str(deck),
        "--modus",
        "samen",
        "--casus",
        "Bench",
        "--speler",
        "Anna:docent",
    ]
    env_prefix = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    shell = shlex.join(command)
    tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", session, f"env {env_prefix} {shell}")
    time_until("B001", session)
    times: list[float] = []
    for n in range(1, presses + 1):
        quadrant = str(1 + n % 4)
        started = time.perf_counter()
        tmux("send-keys", "-t", session, quadrant)
        time_until("Hier ligt de kaart", session)
        times.append(time.perf_counter() - started)
        tmux("send-keys", "-t", session, "Enter")
        time_until(f"B{n + 1:03}", session)
    tmux("send-keys", "-t", session, "q")
    tmux("kill-session", "-t", session)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="starts of each app (alternating)")
    parser.add_argument("--presses", type=int, default=30, help="key presses for latency")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("tmux is needed for this benchmark")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "bare.py").write_text(BARE_APP)
        (work / "wrapper.py").write_text(WRAPPER)
        (work / "groot.yaml").write_text(deck_text(200))
        (work / "klein.yaml").write_text(deck_text(18))
        env = {"DIALOOGSPEL_HOME": str(work / "home"), "TERM": "xterm-256color"}
        game = [
            sys.executable,
            "-m",
            "dialoogspel",
            "play",
            "--deck",
            str(work / "klein.yaml"),
            "--modus",
            "pionnen",
            "--casus",
            "Bench",
            "--speler",
            "Anna:docent",
            "--speler",
            "Bert:slb'er",
        ]
        bare = [sys.executable, str(work / "bare.py")]
        results: dict[str, list[tuple[float, int]]] = {"dialoogspel": [], "bare": []}
        one_start(game, "B001", work, env)  # warm the file cache once
        one_start(bare, "Klaar om te beginnen", work, env)
        for _ in range(args.runs):
            results["dialoogspel"].append(one_start(game, "Welke signalen", work, env))
            results["bare"].append(one_start(bare, "Klaar om te beginnen", work, env))
        latency = key_latency(work, env, args.presses)

    def median(values: list[float]) -> float:
        return statistics.median(values)

    game_t = median([t for t, _ in results["dialoogspel"]])
    bare_t = median([t for t, _ in results["bare"]])
    game_m = median([m for _, m in results["dialoogspel"]]) / 1024
    bare_m = median([m for _, m in results["bare"]]) / 1024
    paired = [g / b for (g, _), (b, _) in zip(results["dialoogspel"], results["bare"], strict=True)]
    import dialoogspel

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.runs} runs each")
    print(f"dialoogspel from {Path(dialoogspel.__file__).parent}")
    print(f"{'':28} {'dialoogspel':>12} {'bare Textual':>13} {'ratio':>6}")
    print(
        f"{'time to first card (median)':28} {game_t * 1000:10.0f}ms {bare_t * 1000:11.0f}ms "
        f"{game_t / bare_t:6.2f}"
    )
    print(f"{'  median of paired ratios':28} {'':12} {'':13} {median(paired):6.2f}")
    print(f"{'peak RSS (median)':28} {game_m:10.1f}MB {bare_m:11.1f}MB {game_m / bare_m:6.2f}")
    ordered = sorted(latency)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(
        f"key -> settled frame, 200 cards: median {median(latency) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {max(latency) * 1000:.0f} ms ({len(latency)} presses)"
    )


if __name__ == "__main__":
    main()
