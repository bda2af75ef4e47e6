"""Storage: atomic autosaves, resume listing, and outcome files that never overwrite or clash."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import threading
from datetime import date, datetime
from pathlib import Path

import platformdirs
import pytest

from dialoogspel import sessions, storage
from dialoogspel.model import Mode, Session, session_to_dict
from dialoogspel.outcome import read_outcome
from dialoogspel.sessions import SessionStore, format_session_table
from dialoogspel.storage import (
    SaveResult,
    StorageError,
    atomic_write_bytes,
    atomic_write_text,
    data_home,
    save_outcome,
    write_outcome,
)
from tests.outcome_sessions import DAY, played, setup

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
    atomic_write_text(target, "oud")
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
    atomic_write_text(tmp_path / "spel.json", "klaar")
    assert len(calls) == 3 and (tmp_path / "spel.json").read_text() == "klaar"


def test_atomic_write_gives_up_cleanly_when_the_target_stays_busy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "spel.json"
    target.write_text("oud")

    def always_busy(source: str, target: str) -> None:
        raise PermissionError(errno.EACCES, "in gebruik")

    monkeypatch.setattr(storage.os, "replace", always_busy)
    monkeypatch.setattr(storage.time, "sleep", lambda seconds: None)
    with pytest.raises(PermissionError):
        atomic_write_text(target, "nieuw")
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
        atomic_write_text(target, "nieuw")
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


# -- sessions ---------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "home")


def _saved(
    store: SessionStore,
    session_id: str,
    saved: str,
    session: Session | None = None,
    **options: object,
) -> Session:
    """Save a session, then set its saved stamp so the listing order is known."""
    if session is None:
        session = Session(setup(Mode.SAMEN, **options), session_id=session_id)  # type: ignore[arg-type]
    path = store.save(session)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["saved"] = saved
    path.write_text(json.dumps(data), encoding="utf-8")
    return session


def test_save_and_load_give_back_the_same_session(store: SessionStore) -> None:
    session = played(Mode.PIONNEN)
    path = store.save(session)
    assert path == store.home / "sessies" / "a1b2c3d4e5f6.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert datetime.fromisoformat(data["saved"]) <= datetime.now()
    assert data["format"] == 1
    assert session_to_dict(store.load("a1b2c3d4e5f6")) == session_to_dict(session)
    assert _leftovers(path.parent) == []


def test_saved_json_is_plain_json_of_the_session_also_when_decks_are_reused(
    store: SessionStore,
) -> None:
    first, second = played(Mode.PIONNEN), played(Mode.SAMEN, casus='"decks": [] — ook hier')
    second.id = "tweede000000"
    for session in (first, second, first, first):
        session.add_note("nog een")
        data = json.loads(store.save(session).read_text(encoding="utf-8"))
        assert data.pop("saved")
        assert data == json.loads(json.dumps(session_to_dict(session)))


@pytest.mark.parametrize("bad_id", ["../buiten", "a/b", "", "x" * 65, "con.json"])
def test_ids_cannot_reach_outside_the_sessions_folder(store: SessionStore, bad_id: str) -> None:
    with pytest.raises(StorageError, match="geen geldige code"):
        store.load(bad_id)


def test_loading_a_missing_session_says_so_in_dutch(store: SessionStore) -> None:
    with pytest.raises(StorageError, match="Er is geen opgeslagen spel onbekend"):
        store.load("onbekend")


@pytest.mark.parametrize(
    "content",
    [b"{niet json", b"\xff\xfe kapot", b"[]", b'{"format": 99}', b'{"format": 1, "id": 3}'],
)
def test_loading_a_damaged_session_says_so_in_dutch(store: SessionStore, content: bytes) -> None:
    store.folder.mkdir(parents=True)
    (store.folder / "kapot.json").write_bytes(content)
    with pytest.raises(StorageError, match=r"kapot\.json"):
        store.load("kapot")


def test_resume_of_a_damaged_session_says_it_is_damaged_not_missing(store: SessionStore) -> None:
    store.folder.mkdir(parents=True)
    (store.folder / "kapot.json").write_bytes(b"{niet json")
    with pytest.raises(StorageError, match=r"kapot\.json is beschadigd"):
        store.resolve("kapot")
    with pytest.raises(StorageError, match="Er is geen opgeslagen spel met code 'kap'"):
        store.resolve("kap")


def test_saving_where_it_cannot_write_raises_a_dutch_storage_error(tmp_path: Path) -> None:
    (tmp_path / "bestand.txt").write_text("geen map")
    store = SessionStore(tmp_path / "bestand.txt" / "home")
    with pytest.raises(StorageError, match="kon niet worden opgeslagen"):
        store.save(played(Mode.SAMEN))


def test_list_sessions_newest_first_with_progress_and_skips_junk(store: SessionStore) -> None:
    _saved(store, "oud000000000", "2026-11-20T09:00:00", casus="Oud")
    newest = _saved(store, "nieuw0000000", "2026-11-22T10:30:00", casus="Nieuw")
    done = played(Mode.PIONNEN)
    done.mark_exported("/gedeeld/uitkomst.md")
    done.finish()
    _saved(store, done.id, "2026-11-23T08:00:00", done)
    (store.folder / "kapot.json").write_text("{", encoding="utf-8")
    (store.folder / "vreemd.json").write_text('{"iets": "anders"}', encoding="utf-8")
    (store.folder / "andere0naam.json").write_bytes(
        (store.folder / "oud000000000.json").read_bytes()
    )
    (store.folder / "notities.txt").write_text("niet van ons", encoding="utf-8")

    summaries = store.list_sessions()

    assert [s.id for s in summaries] == ["a1b2c3d4e5f6", "nieuw0000000", "oud000000000"]
    first = summaries[0]
    assert first.finished and first.progress == "2/4" and first.mode is Mode.PIONNEN
    assert first.themes == ("Uitval",) and first.casus == "Klas 3B Verzorgende IG"
    assert summaries[1].saved == datetime(2026, 11, 22, 10, 30)
    assert summaries[1].created == newest.created and not summaries[1].finished
    assert len(store.problems) == 3
    assert any("kapot.json" in p for p in store.problems)
    assert any("andere0naam.json hoort bij een ander spel" in p for p in store.problems)
    assert store.latest_unfinished() is not None
    assert store.latest_unfinished().id == "nieuw0000000"  # type: ignore[union-attr]


def test_the_resume_offer_rebuilds_only_the_session_it_offers(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start screen asks this every time; a year of sessions must not all be rebuilt."""
    for day in range(1, 21):
        done = played(Mode.SAMEN)
        done.id = f"klaar{day:07}"
        done.mark_exported("/gedeeld/uitkomst.md")
        done.finish()
        _saved(store, done.id, f"2026-10-{day:02}T09:00:00", done)
    _saved(store, "open00000001", "2026-09-01T09:00:00", casus="Oud en open")
    _saved(store, "open00000002", "2026-11-01T09:00:00", casus="Nieuwst open")
    rebuilt: list[str] = []
    real = sessions.session_from_dict

    def counting(data):
        rebuilt.append(data["id"])
        return real(data)

    monkeypatch.setattr(sessions, "session_from_dict", counting)
    offer = store.latest_unfinished()
    assert offer is not None and offer.id == "open00000002" and rebuilt == ["open00000002"]


def test_the_resume_offer_is_the_first_unfinished_of_the_list(store: SessionStore) -> None:
    """Same answer as list_sessions, also with damage, odd time stamps and a broken newest one."""
    _saved(store, "oud000000000", "2026-11-20T09:00:00")
    _saved(store, "zone00000000", "2026-11-21T09:00:00+01:00")  # a time zone: still comparable
    geen = _saved(store, "geentijd0000", "2026-11-19T09:00:00")
    data = json.loads(store.path(geen.id).read_text(encoding="utf-8"))
    del data["saved"]  # falls back to the file's time (now): the newest
    store.path(geen.id).write_text(json.dumps(data), encoding="utf-8")
    broken = _saved(store, "stuk00000000", "2026-11-30T09:00:00")
    data = json.loads(store.path(broken.id).read_text(encoding="utf-8"))
    data["setup"]["mode"] = "dansen"  # decodes fine, but is no valid session
    data["saved"] = "2099-01-01T00:00:00"
    store.path(broken.id).write_text(json.dumps(data), encoding="utf-8")
    (store.folder / "kapot.json").write_text("{", encoding="utf-8")
    listed = [s for s in store.list_sessions() if not s.finished]
    assert [s.id for s in listed] == ["geentijd0000", "zone00000000", "oud000000000"]
    assert store.latest_unfinished() == listed[0]


def test_an_empty_or_missing_folder_lists_nothing(store: SessionStore) -> None:
    assert store.list_sessions() == [] and store.latest_unfinished() is None
    assert format_session_table([]) == ["Er zijn nog geen opgeslagen spellen."]


def test_resolve_takes_a_unique_prefix(store: SessionStore) -> None:
    _saved(store, "abc111111111", "2026-11-20T09:00:00")
    _saved(store, "abc222222222", "2026-11-21T09:00:00")
    _saved(store, "xyz000000000", "2026-11-22T09:00:00")
    assert store.resolve("x") == "xyz000000000"
    assert store.resolve("abc1") == "abc111111111"
    with pytest.raises(StorageError, match="past bij meer spellen"):
        store.resolve("abc")
    with pytest.raises(StorageError, match="geen opgeslagen spel met code 'q'"):
        store.resolve("q")
    with pytest.raises(StorageError):
        store.resolve("")


def test_session_table_and_description_are_dutch_and_aligned(store: SessionStore) -> None:
    _saved(store, "oud000000000", "2026-11-20T09:00:00", casus="Klas 3B\nmet een hele lange casus")
    done = played(Mode.PIONNEN)
    done.mark_exported("x.md")
    done.finish()
    _saved(store, done.id, "2026-11-23T08:00:00", done)
    summaries = store.list_sessions()
    lines = format_session_table(summaries)
    assert lines[0].split() == ["code", "opgeslagen", "casus", "thema's", "modus", "kaarten"]
    assert lines[2].startswith(
        "oud000000000  20-11-2026 09:00  Klas 3B met een hele lange…  Uitval"
    )
    assert lines[1].endswith("pionnen  2/4 klaar")
    column = lines[0].index("modus")
    assert lines[1].index("pionnen") == lines[2].index("samen") == column
    description = SessionStore.describe(summaries[1])
    assert description == (
        "Klas 3B met een hele lange casus — Uitval, samen, 0/4 kaarten, opgeslagen 20-11-2026 09:00"
    )


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
    def no_links(source: str, target: str) -> None:
        raise OSError(errno.EOPNOTSUPP, "niet ondersteund")

    calls = []

    def second_fsync_fails(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the temp file synced; the final file does not
            raise OSError(errno.EIO, "netwerk weg")

    monkeypatch.setattr(storage.os, "link", no_links)
    monkeypatch.setattr(storage.os, "fsync", second_fsync_fails)
    with pytest.raises(OSError, match="netwerk weg"):
        write_outcome("inhoud", tmp_path, "naam.md")
    assert list(tmp_path.iterdir()) == []


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


def test_save_outcome_writes_the_file_and_records_the_export(tmp_path: Path) -> None:
    session = played(Mode.PIONNEN)
    result = save_outcome(session, tmp_path, DAY, home=tmp_path / "home")
    assert result.ok and result.fallback_path is None
    assert result.path == tmp_path / "2026-11-22_uitval_klas-3b-verzorgende-ig.md"
    assert result.message == f"De uitkomst staat in {result.path}."
    assert session.exported == [str(result.path)]
    data = read_outcome(result.path.read_text(encoding="utf-8"))
    assert data.front_matter["casus"] == "Klas 3B Verzorgende IG" and len(data.agreements) == 2


def _assert_fell_back(result: SaveResult, home: Path, folder: Path, why: str) -> None:
    assert result.path is None and result.fallback_path is not None
    assert result.fallback_path.parent == home / "uitkomsten"
    assert result.fallback_path.read_text(encoding="utf-8").startswith("---\nspel: dialoogspel\n")
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
