"""One outcome file per session, kept current: claimed once, replaced while ours, no leftovers."""

from __future__ import annotations

import errno
import hashlib
import multiprocessing
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dialoogspel import fileio, outcomefile
from dialoogspel.oserrors import WriteAbandoned
from dialoogspel.outcomefile import (
    OutcomeFileRecord,
    OutcomeWrite,
    save_outcome_text,
    write_session_outcome,
)
from dialoogspel.storage import abandon_pending_temps

NAME = "2026-11-22_uitval_klas-3b.md"
HOSTILE = "[/] [bold]x[/bold] [@click=app.quit]x[/] \x1b[2J\x07 <script>x</script> \u202e\n"
ROOT = str(Path(__file__).resolve().parents[2])
"""The checkout, so that child processes import this dialoogspel."""


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_first_write_claims_later_writes_keep_that_one_file(tmp_path: Path) -> None:
    first = write_session_outcome("versie 1\n", tmp_path, NAME, None)
    assert (first.status, first.path, first.why) == ("nieuw", tmp_path / NAME, "")
    assert first.message == f"De uitkomst staat in {tmp_path / NAME}."
    assert first.sha256 == _sha(first.path)
    stamp = first.path.stat().st_mtime_ns
    same = write_session_outcome("versie 1\n", tmp_path, NAME, first.record)
    assert same.status == "ongewijzigd" and same.path == first.path
    assert first.path.stat().st_mtime_ns == stamp  # not even rewritten
    newer = write_session_outcome(
        f"versie 2 {HOSTILE}", tmp_path, "2026-11-23_ander.md", same.record
    )
    assert (newer.status, newer.path) == ("bijgewerkt", first.path)  # a new day keeps the file
    assert newer.message == f"De uitkomst in {first.path} is bijgewerkt."
    assert first.path.read_text(encoding="utf-8") == f"versie 2 {HOSTILE}"
    assert newer.record == OutcomeFileRecord(str(first.path), _sha(first.path))
    assert _files(tmp_path) == [NAME]


def test_a_file_someone_edited_is_left_alone_and_a_new_name_claimed(tmp_path: Path) -> None:
    first = write_session_outcome("van het spel\n", tmp_path, NAME, None)
    first.path.write_text("van het spel\n- [x] afgevinkt door Anna\n", encoding="utf-8")
    again = write_session_outcome("van het spel, nieuwer\n", tmp_path, NAME, first.record)
    assert again.status == "opnieuw geclaimd" and again.path == tmp_path / NAME.replace(
        ".md", "-2.md"
    )
    assert again.why == f"Iemand heeft {first.path} veranderd. Dat bestand blijft zoals het is."
    assert again.message == f"{again.why} De uitkomst staat nu in {again.path}."
    assert first.path.read_text(encoding="utf-8").endswith("afgevinkt door Anna\n")
    assert again.path.read_text(encoding="utf-8") == "van het spel, nieuwer\n"
    later = write_session_outcome("derde\n", tmp_path, NAME, again.record)
    assert later.status == "bijgewerkt" and later.path == again.path
    assert _files(tmp_path) == sorted([NAME, NAME.replace(".md", "-2.md")])


def test_a_removed_file_is_written_again_with_a_message(tmp_path: Path) -> None:
    first = write_session_outcome("inhoud\n", tmp_path, NAME, None)
    first.path.rename(tmp_path / "verplaatst.md")
    again = write_session_outcome("inhoud\n", tmp_path, NAME, first.record)
    assert again.status == "opnieuw geclaimd" and again.path == first.path
    assert "er niet meer" in again.why and again.path.read_text() == "inhoud\n"


def test_an_edit_during_the_write_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write_session_outcome("oud\n", tmp_path, NAME, None)
    real = outcomefile.atomic_write_bytes

    def edited_meanwhile(path: Path, data: bytes, **options: object) -> None:
        path.write_text("oud\nAnna was net eerder\n", encoding="utf-8")
        real(path, data, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(outcomefile, "atomic_write_bytes", edited_meanwhile)
    again = write_session_outcome("nieuw\n", tmp_path, NAME, first.record)
    assert again.status == "opnieuw geclaimd"
    assert first.path.read_text(encoding="utf-8") == "oud\nAnna was net eerder\n"
    assert again.path.read_text(encoding="utf-8") == "nieuw\n"
    assert not [n for n in _files(tmp_path) if n.endswith(".tmp")]


def test_another_folder_starts_a_new_file_there(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_session_outcome("x\n", tmp_path / "a", NAME, None)
    other = write_session_outcome("y\n", tmp_path / "b", NAME, first.record)
    assert other.status == "nieuw" and other.path == tmp_path / "b" / NAME
    assert first.path.read_text() == "x\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_fifo_or_dev_zero_under_the_old_name_does_not_hang(tmp_path: Path, kind: str) -> None:
    first = write_session_outcome("x\n", tmp_path, NAME, None)
    first.path.unlink()
    if kind == "fifo":
        os.mkfifo(first.path)
    else:
        first.path.symlink_to("/dev/zero")
    again = write_session_outcome("y\n", tmp_path, NAME, first.record)
    assert again.status == "opnieuw geclaimd" and again.path.read_text() == "y\n"


def test_odd_bytes_are_written_as_replacement_characters(tmp_path: Path) -> None:
    text = "# Klas \udcff\udc80 3B\n"
    first = write_session_outcome(text, tmp_path, NAME, None)
    assert first.path.read_text(encoding="utf-8") == "# Klas \ufffd\ufffd 3B\n"
    assert first.sha256 == _sha(first.path)
    assert write_session_outcome(text, tmp_path, NAME, first.record).status == "ongewijzigd"


def test_a_busy_file_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = write_session_outcome("x\n", tmp_path, NAME, None)
    real, calls = os.replace, []

    def busy_twice(source: str, target: str) -> None:
        calls.append(target)
        if len(calls) < 3:
            raise PermissionError(errno.EACCES, "in gebruik (OneDrive)")
        real(source, target)

    monkeypatch.setattr(fileio.os, "replace", busy_twice)
    monkeypatch.setattr(fileio.time, "sleep", lambda seconds: None)
    again = write_session_outcome("y\n", tmp_path, NAME, first.record)
    assert again.status == "bijgewerkt" and len(calls) == 3 and first.path.read_text() == "y\n"


# -- the local copy ---------------------------------------------------------------------------


def test_the_local_copy_is_kept_current_too(tmp_path: Path) -> None:
    share, local = tmp_path / "share", tmp_path / "home" / "uitkomsten"
    saved = save_outcome_text("een\n", share, NAME, local_folder=local)
    assert not saved.ok and saved.local is not None and saved.local.status == "nieuw"
    assert saved.message == (
        f"De map {share} bestaat niet (meer). Een kopie staat in {saved.local.path}. "
        "Kies een andere map."
    )
    again = save_outcome_text(
        "twee\n", share, NAME, local_folder=local, previous_local=saved.local.record
    )
    assert again.local is not None and again.local.status == "bijgewerkt"
    assert _files(local) == [NAME] and (local / NAME).read_text() == "twee\n"
    share.mkdir()
    back = save_outcome_text(
        "twee\n", share, NAME, local_folder=local, previous_local=again.local.record
    )
    assert back.ok and back.written is not None and back.written.status == "nieuw"
    assert back.local is None and back.message == f"De uitkomst staat in {share / NAME}."


def test_when_both_places_fail_the_message_says_so(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x")
    saved = save_outcome_text("x", tmp_path / "weg", NAME, local_folder=tmp_path / "bestand" / "u")
    assert saved.written is None and saved.local is None
    assert saved.message.startswith(f"De map {tmp_path / 'weg'} bestaat niet (meer). Ook een kopie")
    assert saved.message.endswith("Kies een andere map.")


# -- no temp file is ever left ----------------------------------------------------------------


def _stall_fsync(monkeypatch: pytest.MonkeyPatch, release: threading.Event) -> None:
    """fsync in the writer thread waits until release is set (a hung share)."""
    real = os.fsync

    def hung(fd: int) -> None:
        if threading.current_thread().name == "schrijver":
            release.wait(30)
        real(fd)

    monkeypatch.setattr(fileio.os, "fsync", hung)


def _temps(folder: Path) -> list[str]:
    return [n for n in _files(folder) if n.endswith(".tmp")]


@pytest.mark.parametrize("first_write", [True, False], ids=["nieuw", "bijgewerkt"])
def test_abandoning_a_hung_write_leaves_no_temp_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_write: bool
) -> None:
    previous = None if first_write else write_session_outcome("oud\n", tmp_path, NAME, None)
    release, errors = threading.Event(), []
    _stall_fsync(monkeypatch, release)

    def write() -> None:
        try:
            record = previous.record if previous else None
            write_session_outcome("nieuw\n", tmp_path, NAME, record)
        except OSError as error:
            errors.append(error)

    writer = threading.Thread(target=write, name="schrijver")
    writer.start()
    for _ in range(500):
        if _temps(tmp_path):
            break
        time.sleep(0.01)
    hanging = _temps(tmp_path)
    assert len(hanging) == 1
    assert [p.name for p in abandon_pending_temps(tmp_path)] == hanging
    assert _temps(tmp_path) == []  # gone at once, while the write still hangs
    release.set()
    writer.join(30)
    assert len(errors) == 1 and isinstance(errors[0], WriteAbandoned)
    assert _temps(tmp_path) == []
    assert _files(tmp_path) == ([] if first_write else [NAME])
    if previous is not None:
        assert previous.path.read_text() == "oud\n"


def test_a_write_abandoned_before_its_temp_file_existed_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hung while still looking at the folder; abandoned; the share comes back: no file."""
    release, reached, errors = threading.Event(), threading.Event(), []
    real_sweep = outcomefile.sweep_stale_temps

    def hung_sweep(folder: Path) -> int:
        reached.set()
        release.wait(30)
        return real_sweep(folder)

    monkeypatch.setattr(outcomefile, "sweep_stale_temps", hung_sweep)

    def write() -> None:
        try:
            write_session_outcome("laat\n", tmp_path, NAME, None)
        except OSError as error:
            errors.append(error)

    writer = threading.Thread(target=write)
    writer.start()
    assert reached.wait(30)
    assert abandon_pending_temps(tmp_path) == []  # nothing to remove yet ...
    release.set()
    writer.join(30)
    assert len(errors) == 1 and isinstance(errors[0], WriteAbandoned)  # ... and still called off
    assert _files(tmp_path) == []
    later = write_session_outcome("nieuw\n", tmp_path, NAME, None)  # new writes are not affected
    assert later.status == "nieuw"


_KILLED = """
import os, sys, time
from pathlib import Path
os.fsync = lambda fd: time.sleep(600)  # the share hangs
from dialoogspel.outcomefile import write_session_outcome
write_session_outcome("half\\n", Path(sys.argv[1]), sys.argv[2], None)
"""


def test_a_temp_left_by_a_killed_process_is_swept_by_the_next_write(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": ROOT}
    child = subprocess.Popen([sys.executable, "-c", _KILLED, str(tmp_path), NAME], env=env)
    try:
        for _ in range(1000):
            if _temps(tmp_path):
                break
            time.sleep(0.01)
    finally:
        child.kill()
        child.wait()
    assert len(_temps(tmp_path)) == 1  # a killed process cannot clean up ...
    written = write_session_outcome("heel\n", tmp_path, NAME, None)
    assert (
        _files(tmp_path) == [NAME] and written.path.read_text() == "heel\n"
    )  # ... the next write does


def test_the_sweep_leaves_temps_of_live_writers_and_other_files(tmp_path: Path) -> None:
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        tag = fileio.host_tag()
        keep = [
            f".naam.{tag}-{live.pid}.00000000.tmp",  # a live writer on this computer
            ".naam.ffffffff-1.00000000.tmp",  # another computer, fresh
            "gewoon.tmp",
            "naam.md",
        ]
        for name in keep:
            (tmp_path / name).write_text("x")
        old = tmp_path / ".naam.ffffffff-2.00000000.tmp"
        old.write_text("x")
        os.utime(old, (time.time() - 2 * 86400,) * 2)
        assert fileio.sweep_stale_temps(tmp_path) == 1
        assert _files(tmp_path) == sorted(keep)
    finally:
        live.kill()
        live.wait()


# -- two laptops claiming the same name at once -----------------------------------------------

ROUNDS, RACERS = 50, 4
BODY = "# Uitkomst\n" + "regel met inhoud\n" * 3000


def _claim(folder: str, racer: int, barrier: object, results: object) -> None:
    for number in range(ROUNDS):
        if number == ROUNDS // 2:
            del os.link  # the second half: a share without hard links
        barrier.wait()  # type: ignore[attr-defined]
        text = f"{BODY}ronde {number} schrijver {racer}\n"
        written = write_session_outcome(text, Path(folder), f"ronde-{number:02d}.md", None)
        results.put((number, racer, str(written.path), written.sha256))  # type: ignore[attr-defined]


def test_processes_claiming_the_same_new_name_never_overwrite(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(RACERS), context.Queue()
    racers = [
        context.Process(target=_claim, args=(str(tmp_path), n, barrier, results))
        for n in range(RACERS)
    ]
    for racer in racers:
        racer.start()
    outcomes = [results.get(timeout=120) for _ in range(ROUNDS * RACERS)]
    for racer in racers:
        racer.join(timeout=60)
        assert racer.exitcode == 0
    assert len({path for _, _, path, _ in outcomes}) == ROUNDS * RACERS  # 0 overwrites
    for number, racer, path, digest in outcomes:
        text = Path(path).read_text(encoding="utf-8")
        assert text == f"{BODY}ronde {number} schrijver {racer}\n" and _sha(Path(path)) == digest
    assert len(_files(tmp_path)) == ROUNDS * RACERS and _temps(tmp_path) == []


def test_outcome_write_is_a_plain_record() -> None:
    written = OutcomeWrite(Path("/x/a.md"), "ab", "nieuw", "m")
    assert written.record == OutcomeFileRecord("/x/a.md", "ab") and written.why == ""


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux allows such folder names")
def test_a_folder_name_with_odd_bytes_gives_printable_messages(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"map-\xff\x1b]0;titel\x07")
    try:
        folder.mkdir()
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses such names")
    first = write_session_outcome("x\n", folder, NAME, None)
    assert first.path.parent == folder and first.path.read_text() == "x\n"
    for message in (
        first.message,
        save_outcome_text("y\n", folder / "weg", NAME, local_folder=folder).message,
    ):
        message.encode("utf-8")
        assert "\x1b" not in message and "\x07" not in message
