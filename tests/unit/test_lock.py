"""One window per session: the lock file, stale locks, taking over, and races between processes."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from dialoogspel import locks
from dialoogspel.liveness import host_name, pid_alive, process_started
from dialoogspel.locks import SessionLock, SessionLocked, lock_path, read_lock
from dialoogspel.storage import StorageError

ROOT = str(Path(__file__).resolve().parents[2])
"""The checkout, so that child processes import this dialoogspel."""
HOSTILE = "[/] [bold]x[/bold] [@click=app.quit]x[/] \x1b]52;c;Y3VybA==\x07 <script>\u202e"


def _dead_pid() -> int:
    """The id of a process that has just ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _write_lock(home: Path, session_id: str, **fields: object) -> Path:
    data = {"pid": os.getpid(), "host": host_name(), "started": "2026-11-29T09:00:00"}
    data.update(token="vreemd", **fields)
    path = lock_path(home, session_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_acquire_writes_who_holds_it_and_release_removes_it(tmp_path: Path) -> None:
    with SessionLock.acquire(tmp_path, "abc123") as lock:
        assert lock.path == tmp_path / "sessies" / "abc123.lock"
        data = json.loads(lock.path.read_text(encoding="utf-8"))
        assert data["pid"] == os.getpid() and data["host"] == host_name()
        started = datetime.fromisoformat(data["started"])
        assert abs(started - datetime.now().astimezone()) < timedelta(minutes=1)
        assert lock.held()
        holder = read_lock(tmp_path, "abc123")
        assert holder is not None and holder.token == data["token"] and not holder.is_stale()
    assert not lock.path.exists() and read_lock(tmp_path, "abc123") is None
    lock.release()  # twice is fine
    assert not [p for p in lock.path.parent.iterdir() if p.name.endswith(".tmp")]


def test_the_same_session_twice_in_one_process_is_refused(tmp_path: Path) -> None:
    with SessionLock.acquire(tmp_path, "abc123"), pytest.raises(SessionLocked):
        SessionLock.acquire(tmp_path, "abc123")
    SessionLock.acquire(tmp_path, "abc123").release()  # free again afterwards


def test_a_bad_session_id_never_reaches_outside_the_folder(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="geen geldige code"):
        SessionLock.acquire(tmp_path, "../buiten")


_HOLD = """
import sys, time
from pathlib import Path
from dialoogspel.locks import SessionLock
lock = SessionLock.acquire(Path(sys.argv[1]), "open00000001")
print("vast", flush=True)
sys.stdin.readline()
print("nog" if lock.held() else "kwijt", flush=True)
lock.release()
"""


def _holding(home: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(home)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": ROOT},
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "vast"
    return process


def test_a_live_window_keeps_it_until_the_user_confirms(tmp_path: Path) -> None:
    other = _holding(tmp_path)
    try:
        with pytest.raises(SessionLocked) as refused:
            SessionLock.acquire(tmp_path, "open00000001")
        holder = refused.value.holder
        assert holder.pid == other.pid and not holder.is_stale()
        message = str(refused.value)
        assert message.startswith(
            f"Dit spel is al open in een ander venster sinds {holder.started:%H:%M}"
        )
        assert f"op {host_name()}." in message and "toch openen" in message
        taken = SessionLock.acquire(tmp_path, "open00000001", force=True)
        stdout, _ = other.communicate("\n", timeout=30)
        assert stdout.strip() == "kwijt"  # the old window learns it lost the lock ...
        assert taken.held()  # ... and its release left ours alone
        taken.release()
    finally:
        other.kill()


def test_the_lock_of_an_ended_process_is_taken_over(tmp_path: Path) -> None:
    _write_lock(tmp_path, "oud000000001", pid=_dead_pid())
    holder = read_lock(tmp_path, "oud000000001")
    assert holder is not None and holder.is_stale()
    with SessionLock.acquire(tmp_path, "oud000000001") as lock:
        assert lock.held()


def test_a_lock_left_by_a_killed_window_is_taken_over(tmp_path: Path) -> None:
    other = _holding(tmp_path)
    other.kill()
    other.wait()
    assert lock_path(tmp_path, "open00000001").exists()  # no chance to clean up
    SessionLock.acquire(tmp_path, "open00000001").release()


def test_a_window_that_ends_normally_releases_its_lock(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from dialoogspel.locks import SessionLock; "
        "SessionLock.acquire(Path(sys.argv[1]), 'weg000000001'); raise SystemExit(3)"
    )
    env = {**os.environ, "PYTHONPATH": ROOT}
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], env=env, check=False)
    assert done.returncode == 3 and read_lock(tmp_path, "weg000000001") is None


def test_another_computer_is_only_taken_over_after_confirming(tmp_path: Path) -> None:
    old = "2026-11-20T09:00:00"
    _write_lock(tmp_path, "ander0000001", host=f"laptop-3b {HOSTILE}", pid=_dead_pid(), started=old)
    with pytest.raises(SessionLocked) as refused:
        SessionLock.acquire(tmp_path, "ander0000001")
    holder = refused.value.holder
    assert not holder.is_stale() and holder.is_stale(force=True)
    message = str(refused.value)
    assert "sinds 20-11-2026 09:00, op laptop-3b [/]" in message
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in message)
    assert "\u202e" not in message
    SessionLock.acquire(tmp_path, "ander0000001", force=True).release()


def test_our_own_process_id_without_our_token_is_stale(tmp_path: Path) -> None:
    """A lock of an earlier run that had the same process id (after a restart)."""
    _write_lock(tmp_path, "zelf00000001")
    SessionLock.acquire(tmp_path, "zelf00000001").release()


def test_a_process_id_taken_by_a_newer_program_is_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _holding(tmp_path)
    try:
        holder = read_lock(tmp_path, "open00000001")
        assert holder is not None and holder.started is not None and not holder.is_stale()
        later = holder.started.timestamp() + 3600
        monkeypatch.setattr(locks, "process_started", lambda pid: later)
        assert holder.is_stale()
    finally:
        other.kill()
        other.wait()


@pytest.mark.parametrize("content", [b"", b"{kapot", b'{"pid": "x"}', b"\xff" * 10])
def test_an_unreadable_lock_counts_while_young_and_is_stale_when_old(
    tmp_path: Path, content: bytes
) -> None:
    path = lock_path(tmp_path, "raar00000001")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(SessionLocked):
        SessionLock.acquire(tmp_path, "raar00000001")
    old = time.time() - 60
    os.utime(path, (old, old))
    SessionLock.acquire(tmp_path, "raar00000001").release()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_lock_file_does_not_hang(tmp_path: Path) -> None:
    path = lock_path(tmp_path, "pijp00000001")
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    with pytest.raises(SessionLocked):
        SessionLock.acquire(tmp_path, "pijp00000001")


def test_without_hard_links_the_lock_is_still_exclusive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "link")
    with SessionLock.acquire(tmp_path, "fat000000001") as lock:
        assert json.loads(lock.path.read_text())["pid"] == os.getpid()
        with pytest.raises(SessionLocked):
            SessionLock.acquire(tmp_path, "fat000000001")


def test_a_data_folder_that_cannot_be_written_gives_a_dutch_error(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x")
    with pytest.raises(StorageError, match="kon niet worden vastgezet"):
        SessionLock.acquire(tmp_path / "bestand", "abc123")


def test_process_liveness() -> None:
    assert pid_alive(os.getpid()) and not pid_alive(_dead_pid()) and not pid_alive(0)
    started = process_started(os.getpid())
    if started is not None:  # Linux
        assert started <= time.time() + 1


ROUNDS, STALE, NO_LINKS, RACERS = 20, 10, 10, 4


def _race(home: str, barrier: object, results: object) -> None:
    """Try to take each round's session at the same moment as the other racers."""
    for number in range(ROUNDS + STALE + NO_LINKS):
        if number == ROUNDS + STALE:
            del os.link  # FAT, some shares: the O_EXCL way
        barrier.wait()  # type: ignore[attr-defined]
        try:
            SessionLock.acquire(Path(home), f"race{number:04d}")
            won = True
        except SessionLocked:
            won = False
        results.put((number, won))  # type: ignore[attr-defined]
    barrier.wait()  # type: ignore[attr-defined]  # hold every lock until all rounds are done


def test_of_processes_racing_for_a_session_exactly_one_wins(tmp_path: Path) -> None:
    dead = _dead_pid()
    for number in range(ROUNDS, ROUNDS + STALE):
        _write_lock(tmp_path, f"race{number:04d}", pid=dead)
    context = multiprocessing.get_context("spawn")  # as on Windows and macOS
    barrier, results = context.Barrier(RACERS), context.Queue()
    racers = [
        context.Process(target=_race, args=(str(tmp_path), barrier, results)) for _ in range(RACERS)
    ]
    for racer in racers:
        racer.start()
    outcomes = [results.get(timeout=120) for _ in range(RACERS * (ROUNDS + STALE + NO_LINKS))]
    for racer in racers:
        racer.join(timeout=60)
        assert racer.exitcode == 0
    winners = Counter(number for number, won in outcomes if won)
    assert winners == dict.fromkeys(range(ROUNDS + STALE + NO_LINKS), 1)
    left = sorted(p.name for p in (tmp_path / "sessies").iterdir())
    assert left == []  # every winner released at exit; no temp or guard file stayed
