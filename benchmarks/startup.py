"""Time to the first card in a real terminal, against a bare Textual app; and key-to-frame latency.

Runs both apps in tmux at 80x24, alternating, polls `tmux capture-pane` until the expected text
shows, and records each process's peak RSS in separate runs (a small wrapper reads getrusage of its
child). The game is started as a team starts it: the installed `dialoogspel` command. It is
timed twice per round: with its deck unchanged since the last start (the usual case: the deck
cache is used), and right after the deck file was edited (the deck is read and checked again);
and, without options, until the setup screen shows (no target in the issue; for reference).
Then plays a generated 200-card session and times key press -> settled frame.

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


SESSION = "bench"


SOCKET = f"dialoogspel-bench-{os.getpid()}"
"""A tmux server of our own: two benchmarks at once never share (or kill) each other's panes."""


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False
    ).stdout


def time_until(target: str, session: str, timeout: float = 30.0) -> float:
    """Seconds from now until `target` is on the tmux screen."""
    start = time.perf_counter()
    screen = ""
    while time.perf_counter() - start < timeout:
        screen = tmux("capture-pane", "-p", "-t", session)
        if target in screen:
            return time.perf_counter() - start
        time.sleep(0.005)
    raise RuntimeError(f"{target!r} did not appear within {timeout} s; the screen:\n{screen}")


def start(command: list[str], target: str, env: dict[str, str]) -> float:
    """Start a command in tmux and return the seconds until `target` shows; leaves it running."""
    tmux("kill-session", "-t", SESSION)
    env_prefix = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    started = time.perf_counter()
    tmux(
        "new-session", "-d", "-x", "80", "-y", "24", "-s", SESSION,
        f"env {env_prefix} {shlex.join(command)}",
    )  # fmt: skip
    time_until(target, SESSION)
    return time.perf_counter() - started


def one_start(command: list[str], target: str, env: dict[str, str]) -> float:
    """Time one start, then quit the app with q."""
    elapsed = start(command, target, env)
    tmux("send-keys", "-t", SESSION, "q")
    time.sleep(0.2)
    tmux("kill-session", "-t", SESSION)
    return elapsed


def peak_rss(command: list[str], target: str, work: Path, env: dict[str, str]) -> tuple[int, int]:
    """Peak RSS in KiB of one run (a separate run: the small Python wrapper that reads it would
    add its own start-up to the timings): when `target` shows (the app's VmHWM, read from
    /proc), and for the whole run until q has ended it (getrusage of the wrapper's child; q
    also writes the outcome file, which loads the outcome package)."""
    rss_file = work / "rss.json"
    rss_file.unlink(missing_ok=True)
    start([sys.executable, str(work / "wrapper.py"), str(rss_file), *command], target, env)
    at_target = app_high_water_mark()
    tmux("send-keys", "-t", SESSION, "q")
    deadline = time.perf_counter() + 10
    while not rss_file.exists() and time.perf_counter() < deadline:
        time.sleep(0.02)
    tmux("kill-session", "-t", SESSION)
    whole = json.loads(rss_file.read_text())["peak_kib"] if rss_file.exists() else 0
    return at_target, whole


def app_high_water_mark() -> int:
    """VmHWM (KiB) of the app running in the pane: the process under the wrapper."""
    pane = tmux("list-panes", "-t", SESSION, "-F", "#{pane_pid}").split()
    todo = [int(pid) for pid in pane]
    marks: list[int] = []
    while todo:
        pid = todo.pop()
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
            status = Path(f"/proc/{pid}/status").read_text()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue
        todo += [int(child) for child in children]
        if b"wrapper.py" not in command:
            marks += [
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")
            ]
    return max(marks, default=0)


def game_command() -> list[str]:
    """The `dialoogspel` command a team types (the installed script next to this Python)."""
    script = Path(sys.executable).with_name("dialoogspel")
    return [str(script)] if script.exists() else [sys.executable, "-m", "dialoogspel"]


def key_latency(work: Path, env: dict[str, str], presses: int) -> list[float]:
    """Key press -> settled frame, on a 200-card samen session."""
    session = SESSION
    tmux("kill-session", "-t", session)
    deck = work / "groot.yaml"
    command = [
        *game_command(),
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
    try:
        measure()
    finally:
        tmux("kill-server")  # also after a failed run: the "keep" session would linger


def measure() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="starts of each app (alternating)")
    parser.add_argument("--presses", type=int, default=30, help="key presses for latency")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("tmux is needed for this benchmark")
    # A session that lives for the whole run: without it the tmux server exits each time the
    # last pane closes, and a start racing with that exit shows an empty screen for ever.
    tmux("new-session", "-d", "-s", "keep", "sleep 3600")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "bare.py").write_text(BARE_APP)
        (work / "wrapper.py").write_text(WRAPPER)
        (work / "groot.yaml").write_text(deck_text(200))
        (work / "klein.yaml").write_text(deck_text(18))
        env = {"DIALOOGSPEL_HOME": str(work / "home"), "TERM": "xterm-256color"}
        game = [
            *game_command(),
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
        times: dict[str, list[float]] = {"game": [], "edited": [], "setup": [], "bare": []}
        setup = game_command()  # no options: the setup screen a team fills in first
        one_start(game, "B001", env)  # warm the file cache (and the deck cache) once
        one_start(bare, "Klaar om te beginnen", env)
        for run in range(args.runs):
            times["game"].append(one_start(game, "Welke signalen", env))
            # The first start after a facilitator edited the deck: the deck cache misses.
            (work / "klein.yaml").write_text(deck_text(18) + f"# bewerkt {run}\n")
            times["edited"].append(one_start(game, "Welke signalen", env))
            times["setup"].append(one_start(setup, "Casus: waar", env))
            times["bare"].append(one_start(bare, "Klaar om te beginnen", env))
        rss: dict[str, list[tuple[int, int]]] = {"game": [], "bare": []}
        for _ in range(3):
            rss["game"].append(peak_rss(game, "Welke signalen", work, env))
            rss["bare"].append(peak_rss(bare, "Klaar om te beginnen", work, env))
        latency = key_latency(work, env, args.presses)

    def median(values: list[float]) -> float:
        return statistics.median(values)

    def paired(name: str) -> float:
        return median([g / b for g, b in zip(times[name], times["bare"], strict=True)])

    import dialoogspel

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.runs} runs each")
    print(f"dialoogspel from {Path(dialoogspel.__file__).parent}")
    bare_t = median(times["bare"])
    print(f"{'':40} {'dialoogspel':>11} {'bare Textual':>13} {'ratio':>6} {'paired':>7}")
    series = (
        ("game", "time to first card"),
        ("edited", "  same, deck just edited"),
        ("setup", "time to the setup screen"),
    )
    for name, label in series:
        game_t = median(times[name])
        print(
            f"{label + ' (median)':40} {game_t * 1000:9.0f}ms {bare_t * 1000:11.0f}ms "
            f"{game_t / bare_t:6.2f} {paired(name):7.2f}"
        )
    for index, label in ((0, "peak RSS at the first card"), (1, "peak RSS, whole run with q")):
        game_m = median([pair[index] for pair in rss["game"]]) / 1024
        bare_m = median([pair[index] for pair in rss["bare"]]) / 1024
        print(f"{label + ' (median)':40} {game_m:9.1f}MB {bare_m:11.1f}MB {game_m / bare_m:6.2f}")
    ordered = sorted(latency)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(
        f"key -> settled frame, 200 cards: median {median(latency) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {max(latency) * 1000:.0f} ms ({len(latency)} presses)"
    )


if __name__ == "__main__":
    main()
