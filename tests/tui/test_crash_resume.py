"""A real session in a real terminal, killed with SIGKILL mid-play, loses no completed action."""

from __future__ import annotations

import json
import os
import signal
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

DECK = """\
thema: Proef
kleur: "#0072B2"
kaarten:
  - {id: P01, vraag: "Eerste vraag?"}
  - {id: P02, vraag: "Tweede vraag?"}
  - {id: P03, vraag: "Derde vraag?"}
  - {id: P04, vraag: "Vierde vraag?"}
"""


class Terminal:
    """A child process on a pseudo-terminal, its screen output drained in the background."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.master = master
        self.output = bytearray()
        self.process = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd, start_new_session=True
        )
        os.close(slave)
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_for_text(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"{text!r} did not appear; exit={self.process.poll()}")
            time.sleep(0.05)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        os.close(self.master)


def saved_session(home: Path) -> dict:
    files = list((home / "sessies").glob("*.json"))
    assert len(files) == 1, files
    return json.loads(files[0].read_text(encoding="utf-8"))


def wait_for_saved(home: Path, check, timeout: float = 20) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        try:
            data = saved_session(home)
            if check(data):
                return data
        except (AssertionError, json.JSONDecodeError, OSError):
            pass
        if time.monotonic() > deadline:
            raise AssertionError("the autosave never showed the expected state")
        time.sleep(0.05)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_sigkill_mid_session_then_resume_keeps_every_completed_action(tmp_path: Path) -> None:
    (tmp_path / "proef.yaml").write_text(DECK, encoding="utf-8")
    home = tmp_path / "home"
    env = {
        **os.environ,
        "DIALOOGSPEL_HOME": str(home),
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
    }
    env.pop("NO_COLOR", None)
    command = [sys.executable, "-m", "dialoogspel", "play", "--deck", str(tmp_path / "proef.yaml")]
    args = [*command, "--modus", "samen", "--casus", "Proef", "--speler", "Anna:docent"]
    term = Terminal(args, env, tmp_path)
    try:
        term.wait_for_text("Eerste vraag")
        term.send("1")
        wait_for_saved(home, lambda d: d["states"].get("proef:P01", {}).get("final") == 1)
        term.send("\r")
        term.wait_for_text("Tweede vraag")
        term.send("3")
        term.send("n")
        term.wait_for_text("Notitie bij")
        term.send("cijfers opvragen\r")
        data = wait_for_saved(
            home, lambda d: d["states"].get("proef:P02", {}).get("notes") == ["cijfers opvragen"]
        )
    finally:
        term.kill()

    assert data["index"] == 1
    assert data["states"]["proef:P01"]["final"] == 1
    assert data["states"]["proef:P02"]["final"] == 3

    listing = subprocess.run(
        [sys.executable, "-m", "dialoogspel", "resume"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert listing.returncode == 0, listing.stderr
    assert data["id"] in listing.stdout
    assert "Proef" in listing.stdout

    term = Terminal([sys.executable, "-m", "dialoogspel", "resume", data["id"]], env, tmp_path)
    try:
        term.wait_for_text("Tweede vraag")
        term.wait_for_text("cijfers opvragen")
        term.send("\r")
        term.wait_for_text("Derde vraag")
        wait_for_saved(home, lambda d: d["index"] == 2)
    finally:
        term.kill()
