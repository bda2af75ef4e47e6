"""Storage: atomic autosaves, resume listing, and outcome files that never overwrite or clash."""

from __future__ import annotations

import errno
import multiprocessing
import os
import threading
from datetime import date
from pathlib import Path

import platformdirs
import pytest

from dialoogspel import fileio, storage
from dialoogspel.model import Mode, Session
from dialoogspel.outcome import read_outcome
from dialoogspel.storage import (
    SaveResult,
    atomic_write_bytes,
    data_home,
    save_outcome,
    write_outcome,
)
from tests.outcome_sessions import DAY, played

# -- data folder and atomic writes ------------------------------------------------------------


def test_data_home_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "thuis"))
    assert data_home() == tmp_path / "thuis"
    monkeypatch.delenv("DIALOOGSPEL_HOME")
    expected = platformdirs.user_data_dir("dialoogspel", appauthor=False, roaming=False)
    assert data_home() == Path(expected)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_replaces_the_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "spel.json"
    atomic_write_bytes(target, b"oud")
    atomic_write_bytes(target, "nieuw ë".encode())
    assert target.read_text(encoding="utf-8") == "nieuw ë"
    assert _leftovers(tmp_path) == []


def test_atomic_write_retries_while_the_target_is_busy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real_replace, calls = os.replace, []

    def busy_twice(source: str, target: str) -> None:
        calls.append(target)
        if len(calls) < 3:
            raise PermissionError(errno.EACCES, "in gebruik (virusscanner)")
        real_replace(source, target)

    monkeypatch.setattr(storage.os, "replace", busy_twice)
    atomic_write_bytes(tmp_path / "spel.json", b"klaar")
    assert len(calls) == 3 and (tmp_path / "spel.json").read_text() == "klaar"


def test_atomic_write_gives_up_cleanly_when_the_target_stays_busy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "spel.json"
    target.write_text("oud")

    def always_busy(source: str, target: str) -> None:
        raise PermissionError(errno.EACCES, "in gebruik")

    monkeypatch.setattr(storage.os, "replace", always_busy)
    monkeypatch.setattr(fileio.time, "sleep", lambda seconds: None)
    with pytest.raises(PermissionError):
        atomic_write_bytes(target, b"nieuw")
    assert target.read_text() == "oud" and _leftovers(tmp_path) == []


def test_a_failed_fsync_keeps_the_old_file_and_removes_the_temp(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "spel.json"
    target.write_text("oud")

    def broken_disk(fd: int) -> None:
        raise OSError(errno.EIO, "schijf kapot")

    monkeypatch.setattr(storage.os, "fsync", broken_disk)
    with pytest.raises(OSError, match="schijf kapot"):
        atomic_write_bytes(target, b"nieuw")
    assert target.read_text() == "oud" and _leftovers(tmp_path) == []


def test_a_cache_write_neither_syncs_nor_waits_for_a_busy_target(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """durable=False (the deck cache): no fsync at all, and one try when the target is busy."""
    synced: list[int] = []
    monkeypatch.setattr(storage.os, "fsync", synced.append)
    atomic_write_bytes(tmp_path / "cache.json", b"{}", durable=False)
    assert (tmp_path / "cache.json").read_bytes() == b"{}" and synced == []
    tries: list[str] = []

    def busy(source: str, target: str) -> None:
        tries.append(target)
        raise PermissionError(errno.EACCES, "in gebruik")

    monkeypatch.setattr(storage.os, "replace", busy)
    with pytest.raises(PermissionError):
        atomic_write_bytes(tmp_path / "cache.json", b"[]", durable=False)
    assert len(tries) == 1 and _leftovers(tmp_path) == []


# -- outcome files ----------------------------------------------------------------------------


def test_write_outcome_never_overwrites(tmp_path: Path) -> None:
    paths = [write_outcome(f"versie {n}\n", tmp_path, "2026-11-22_uitval_3b.md") for n in range(3)]
    assert [p.name for p in paths] == [
        "2026-11-22_uitval_3b.md",
        "2026-11-22_uitval_3b-2.md",
        "2026-11-22_uitval_3b-3.md",
    ]
    assert [p.read_text() for p in paths] == ["versie 0\n", "versie 1\n", "versie 2\n"]
    assert _leftovers(tmp_path) == []


def test_write_outcome_guards_the_name_it_is_given(tmp_path: Path) -> None:
    assert write_outcome("x", tmp_path, "CON.md").name == "uitkomst-CON.md"
    assert write_outcome("x", tmp_path, "zonder-punt").name == "zonder-punt.md"


@pytest.mark.parametrize(
    "failure",
    [OSError(errno.EPERM, "geen harde links"), OSError(errno.ENOTSUP, "niet ondersteund"), None],
)
def test_write_outcome_without_hard_links_claims_names_exclusively(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, failure: BaseException | None
) -> None:
    if failure is None:
        monkeypatch.delattr(storage.os, "link")
    else:

        def no_links(source: str, target: str) -> None:
            raise failure

        monkeypatch.setattr(storage.os, "link", no_links)
    first = write_outcome("een", tmp_path, "naam.md")
    second = write_outcome("twee", tmp_path, "naam.md")
    assert (first.name, second.name) == ("naam.md", "naam-2.md")
    assert (first.read_text(), second.read_text()) == ("een", "twee")
    assert _leftovers(tmp_path) == []


def test_a_failing_write_without_hard_links_leaves_no_half_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without hard links the name is claimed empty, then replaced: a failure removes both."""

    def no_links(source: str, target: str) -> None:
        raise OSError(errno.EOPNOTSUPP, "niet ondersteund")

    replaced: list[str] = []

    def network_gone(source: str, target: str) -> None:
        replaced.append(target)
        raise OSError(errno.EIO, "netwerk weg")

    monkeypatch.setattr(storage.os, "link", no_links)
    monkeypatch.setattr(storage.os, "replace", network_gone)
    with pytest.raises(OSError, match="netwerk weg"):
        write_outcome("inhoud", tmp_path, "naam.md")
    assert [Path(t).name for t in replaced] == ["naam.md"]  # claimed first, never written into
    assert list(tmp_path.iterdir()) == []


def test_without_hard_links_the_final_name_is_never_written_into(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The claim is empty and exclusive; the content arrives by one atomic rename."""

    def no_links(source: str, target: str) -> None:
        raise OSError(errno.EPERM, "geen harde links")

    real_open, opened = os.open, []

    def watching(path: str, flags: int, mode: int = 0o777) -> int:
        opened.append((Path(path).name, flags))
        return real_open(path, flags, mode)

    monkeypatch.setattr(storage.os, "link", no_links)
    monkeypatch.setattr(storage.os, "open", watching)
    path = write_outcome("inhoud", tmp_path, "naam.md")
    assert path.read_text() == "inhoud"
    final = [flags for name, flags in opened if name == "naam.md"]
    assert final and all(flags & os.O_EXCL for flags in final)


TEXT = "# Uitkomst\n" + "regel met inhoud\n" * 2000


def test_many_threads_writing_the_same_name_all_keep_their_file(tmp_path: Path) -> None:
    writers, barrier, paths = 16, threading.Barrier(16), []

    def write(number: int) -> None:
        barrier.wait()
        paths.append(write_outcome(f"{TEXT}schrijver {number}\n", tmp_path, "zelfde.md"))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    _assert_all_kept(tmp_path, paths, writers)


def _write_in_process(folder: str, number: int, barrier: object, results: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    path = write_outcome(f"{TEXT}schrijver {number}\n", Path(folder), "zelfde.md")
    results.put(str(path))  # type: ignore[attr-defined]


def test_many_processes_writing_the_same_name_all_keep_their_file(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")  # as on Windows and macOS
    writers = 8
    barrier, results = context.Barrier(writers), context.Queue()
    processes = [
        context.Process(target=_write_in_process, args=(str(tmp_path), n, barrier, results))
        for n in range(writers)
    ]
    for process in processes:
        process.start()
    paths = [Path(results.get(timeout=60)) for _ in range(writers)]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    _assert_all_kept(tmp_path, paths, writers)


def _assert_all_kept(folder: Path, paths: list[Path], writers: int) -> None:
    assert len(set(paths)) == writers
    expected = {"zelfde.md"} | {f"zelfde-{n}.md" for n in range(2, writers + 1)}
    assert {p.name for p in folder.iterdir()} == expected
    contents = sorted(p.read_text() for p in paths)
    assert contents == sorted(f"{TEXT}schrijver {n}\n" for n in range(writers))


def test_save_outcome_writes_the_file_and_changes_nothing_in_the_session(tmp_path: Path) -> None:
    session = played(Mode.PIONNEN)
    result = save_outcome(session, tmp_path, DAY, home=tmp_path / "home")
    assert result.ok and result.fallback_path is None
    assert result.path == tmp_path / "2026-11-22_uitval_klas-3b-verzorgende-ig.md"
    assert result.message == f"De uitkomst staat in {result.path}."
    assert session.exported == []  # save_outcome reports; the caller records
    data = read_outcome(result.path.read_text(encoding="utf-8"))
    assert data.front_matter["casus"] == "Klas 3B Verzorgende IG" and len(data.agreements) == 2


def _assert_fell_back(result: SaveResult, home: Path, folder: Path, why: str) -> None:
    assert result.path is None and result.fallback_path is not None
    assert result.fallback_path.parent == home / "uitkomsten"
    assert result.fallback_path.read_text(encoding="utf-8").startswith(
        "---\nformaat: 2\nspel: dialoogspel\n"
    )
    assert result.message == (
        f"De map {folder} {why}. Een kopie staat in {result.fallback_path}. Kies een andere map."
    )


def test_a_missing_folder_keeps_a_copy_in_the_data_folder(tmp_path: Path) -> None:
    session, folder = played(Mode.SAMEN), tmp_path / "bestaat-niet"
    result = save_outcome(session, folder, DAY, home=tmp_path / "home")
    _assert_fell_back(result, tmp_path / "home", folder, "bestaat niet (meer)")
    assert session.exported == []  # not finished: the team still has to choose a folder


def test_a_file_instead_of_a_folder_is_named_as_such(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "home"))
    (tmp_path / "bestand.txt").write_text("x")
    folder = tmp_path / "bestand.txt" / "sub"  # fails even for root
    _assert_fell_back(save_outcome(played(), folder, DAY), tmp_path / "home", folder, "is geen map")
    folder = tmp_path / "bestand.txt"
    _assert_fell_back(save_outcome(played(), folder, DAY), tmp_path / "home", folder, "is geen map")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write in read-only folders"
)
def test_a_read_only_folder_keeps_a_copy_in_the_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = save_outcome(played(), folder, DAY, home=tmp_path / "home")
    finally:
        folder.chmod(0o700)
    why = "is alleen-lezen of je mag er niet schrijven"
    _assert_fell_back(result, tmp_path / "home", folder, why)


def test_a_read_only_folder_is_reported_as_such(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The same as above, for runs as root: the share refuses the write."""
    real_open = os.open

    def refusing_share(path: str, flags: int, mode: int = 0o777) -> int:
        if Path(path).parent == tmp_path / "share":
            raise PermissionError(errno.EACCES, "Toegang geweigerd", path)
        return real_open(path, flags, mode)

    (tmp_path / "share").mkdir()
    monkeypatch.setattr(storage.os, "open", refusing_share)
    result = save_outcome(played(), tmp_path / "share", DAY, home=tmp_path / "home")
    why = "is alleen-lezen of je mag er niet schrijven"
    _assert_fell_back(result, tmp_path / "home", tmp_path / "share", why)


def test_an_unreachable_share_and_no_local_copy_still_gives_a_message(tmp_path: Path) -> None:
    (tmp_path / "bestand.txt").write_text("x")
    result = save_outcome(played(), tmp_path / "weg", DAY, home=tmp_path / "bestand.txt" / "home")
    assert result == SaveResult(None, None, result.message)
    assert result.message.startswith(
        f"De map {tmp_path / 'weg'} bestaat niet (meer). Ook een kopie"
    )
    assert result.message.endswith("Kies een andere map.")


def test_two_laptops_saving_at_once_both_keep_their_outcome(tmp_path: Path) -> None:
    sessions, results = [played(Mode.PIONNEN), played(Mode.SAMEN)], []
    barrier = threading.Barrier(2)

    def save(session: Session) -> None:
        barrier.wait()
        results.append(save_outcome(session, tmp_path, DAY, home=tmp_path / "home"))

    threads = [threading.Thread(target=save, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    names = sorted(r.path.name for r in results if r.path)
    stem = "2026-11-22_uitval_klas-3b-verzorgende-ig"
    assert names == [f"{stem}-2.md", f"{stem}.md"]
    modes = {read_outcome(r.path.read_text()).front_matter["modus"] for r in results if r.path}
    assert modes == {"pionnen", "samen"}


def test_storage_never_imports_textual() -> None:
    import subprocess
    import sys

    code = "import sys, dialoogspel.storage; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_dates_in_names_come_from_the_day_given(tmp_path: Path) -> None:
    result = save_outcome(played(), tmp_path, date(2027, 1, 5), home=tmp_path / "home")
    assert result.path is not None and result.path.name.startswith("2027-01-05_")
