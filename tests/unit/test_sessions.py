"""Autosave and resume: save and load, the resume list and offer, prefixes, the Dutch table."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from dialoogspel import sessions
from dialoogspel.model import Mode, Session, session_to_dict
from dialoogspel.model.serialize import FORMAT_VERSION
from dialoogspel.sessions import SessionStore
from dialoogspel.sessiontable import format_session_table
from dialoogspel.storage import StorageError
from tests.outcome_sessions import played, setup


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


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
    assert data["format"] == FORMAT_VERSION
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


def test_session_table_fits_80_columns_and_cuts_only_the_casus(store: SessionStore) -> None:
    long = "Team zorg en welzijn niveau 2 en 3, verzuim na de herfstvakantie " * 3
    _saved(store, "lang00000000", "2026-11-20T09:00:00", casus=long)
    _saved(store, "kort00000000", "2026-11-21T09:00:00", casus="3B")
    lines = format_session_table(store.list_sessions())
    assert all(len(line) <= 79 for line in lines)
    assert "Team zorg en welzijn" in lines[1] and lines[1].split("  ")[2].endswith("…")
    assert lines[1].startswith("lang00000000") and lines[2].startswith("kort00000000")


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
    assert lines[0].split() == ["ID", "datum", "casus", "thema's", "modus", "kaarten"]
    assert lines[1].startswith("oud000000000  20-11-2026  Klas 3B met een hele la…  Uitval")
    assert lines[2].endswith("pionnen  2/4 klaar"), "newest last, right above the hint"
    column = lines[0].index("modus")
    assert lines[2].index("pionnen") == lines[1].index("samen") == column
    description = SessionStore.describe(summaries[1])
    assert description == (
        "Klas 3B met een hele lange casus — Uitval, samen, 0/4 kaarten, opgeslagen 20-11-2026 09:00"
    )
