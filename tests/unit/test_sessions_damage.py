"""Autosave under attack: odd bytes in typed text, and damaged files that must not hide the rest."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialoogspel import sessions
from dialoogspel.model import Mode, Session, session_to_dict
from dialoogspel.sessions import SessionStore
from dialoogspel.storage import StorageError
from tests.outcome_sessions import deck, played, setup

ODD = "Klas \udcff\udc80 3B"
"""What Python makes of the bytes b"Klas \\xff\\x80 3B" (a name that was not UTF-8)."""
HOSTILE = "[/] [bold]x[/bold] [@click=app.quit]x[/] \x1b[2J\x07 <script>alert(1)</script> \u202e"


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "home")


def _good(store: SessionStore, session_id: str = "goed00000001") -> Session:
    session = Session(setup(Mode.SAMEN, casus="Goed spel"), session_id=session_id)
    store.save(session)
    return session


# -- lone surrogates --------------------------------------------------------------------------


def test_odd_bytes_in_every_typed_field_save_and_come_back_unchanged(store: SessionStore) -> None:
    odd_deck = deck(name=f"stapel{ODD}", theme=f"Thema {ODD}")
    session = Session(
        setup(
            Mode.PIONNEN,
            casus=ODD,
            niveau=ODD,
            decks=(odd_deck,),
            people=((f"Anna {ODD}", f"docent {ODD}"), (HOSTILE, "slb'er")),
        ),
        session_id="vreemd000001",
    )
    session.add_note(f"notitie {ODD} {HOSTILE}")
    path = store.save(session)
    raw = path.read_bytes()
    raw.decode("utf-8")  # the file itself is valid UTF-8 ...
    assert b"\\udcff\\udc80" in raw  # ... holding the JSON escape of each lone surrogate
    back = store.load(session.id)
    assert session_to_dict(back) == session_to_dict(session)
    assert back.setup.casus == ODD and back.setup.participants[1].name == HOSTILE
    assert [s.casus for s in store.list_sessions()] == [ODD]
    assert store.latest_unfinished() is not None


def test_odd_bytes_next_to_backslashes_and_quotes_stay_exact(store: SessionStore) -> None:
    tricky = '\\\udcff"\\u0041\udcff\\'
    session = Session(setup(Mode.SAMEN, casus=tricky), session_id="streep000001")
    store.save(session)
    assert store.load(session.id).setup.casus == tricky


# -- damaged files ----------------------------------------------------------------------------


def _write(store: SessionStore, name: str, content: bytes | str) -> Path:
    store.folder.mkdir(parents=True, exist_ok=True)
    path = store.folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def _good_data(store: SessionStore, session_id: str) -> dict[str, object]:
    session = Session(setup(Mode.SAMEN), session_id=session_id)
    return json.loads(json.dumps(session_to_dict(session)))


def _assert_survives(store: SessionStore, bad_id: str, words: str) -> None:
    """The good session is still listed and offered; the bad one is named in Dutch."""
    listed = store.list_sessions()
    assert [s.id for s in listed] == ["goed00000001"]
    assert len(store.problems) == 1 and words in store.problems[0]
    assert bad_id in store.problems[0]
    offer = store.latest_unfinished()
    assert offer is not None and offer.id == "goed00000001"
    assert all(bad_id in problem for problem in store.problems)  # only what it had to open
    with pytest.raises(StorageError, match=words):
        store.load(bad_id)
    with pytest.raises(StorageError, match=words):
        store.resolve(bad_id)
    assert store.resolve("goed") == "goed00000001"


@pytest.mark.parametrize(
    "saved",
    ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-14:00", 12, None, ["x"], {"a": 1}],
)
def test_an_impossible_saved_time_falls_back_to_the_file_time(
    store: SessionStore, saved: object
) -> None:
    _good(store)
    data = _good_data(store, "tijd00000001")
    data["saved"] = saved
    _write(store, "tijd00000001.json", json.dumps(data))
    ids = {s.id for s in store.list_sessions()}
    assert ids == {"goed00000001", "tijd00000001"} and store.problems == []
    assert store.latest_unfinished() is not None
    assert store.load("tijd00000001").id == "tijd00000001"


@pytest.mark.parametrize(
    ("change", "value"),
    [
        ("created", "0001-01-01T00:00:00+01:00"),
        ("created", 5),
        ("index", "vijf"),
        ("index", 10**400),
        ("states", []),
        ("states", {"uitval/U01": "geen"}),
        ("agreements", [{"kind": 3}]),
        ("exported", "ja"),
        ("setup", None),
        ("setup", {"casus": 3}),
        ("id", ["lijst"]),
    ],
)
def test_a_wrong_type_anywhere_is_reported_and_skipped(
    store: SessionStore, change: str, value: object
) -> None:
    _good(store)
    data = _good_data(store, "stuk00000001")
    data[change] = value
    try:
        text = json.dumps(data)
    except ValueError:  # 10**400 has too many digits for json: write it by hand
        text = json.dumps(data).replace('"index": 0', f'"index": {10**400}')
    _write(store, "stuk00000001.json", text)
    listed = {s.id for s in store.list_sessions()}
    if "stuk00000001" in listed:  # some odd values are harmless (e.g. exported="ja")
        assert store.problems == []
        return
    _assert_survives(store, "stuk00000001", "stuk00000001")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"format": 1, "id": "kapot', "beschadigd"),
        (b"\x00\xff\xfe\x89PNG\r\n\x1a\n" * 50, "beschadigd"),
        (b"[" * 100_000, "beschadigd"),
        (b"", "beschadigd"),
        (b'"tekst"', "geen bruikbaar spel"),
    ],
    ids=["afgebroken", "binair", "diep", "leeg", "tekst"],
)
def test_junk_is_reported_and_skipped(store: SessionStore, content: bytes, words: str) -> None:
    _good(store)
    _write(store, "kapot0000001.json", content)
    _assert_survives(store, "kapot0000001", words)
    store.latest_unfinished()
    assert len(store.problems) == 1 and words in store.problems[0]


def test_a_huge_file_is_not_read(store: SessionStore) -> None:
    _good(store)
    with _write(store, "groot0000001.json", b"").open("r+b") as file:
        file.truncate(sessions.MAX_SESSION_BYTES + 1)  # sparse: costs no disk
    _assert_survives(store, "groot0000001", "te groot")


def test_a_file_that_grows_past_the_limit_while_read_is_refused(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size is checked before reading, and at most limit + 1 bytes are read after it."""
    _good(store)
    path = _write(store, "groei0000001.json", b"{}")
    real_fstat = os.fstat

    def grown(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        if os.path.samestat(info, os.stat(path)):
            path.write_bytes(b" " * (sessions.MAX_SESSION_BYTES + 10))
        return info

    monkeypatch.setattr(os, "fstat", grown)
    with pytest.raises(StorageError, match="te groot"):
        store.load("groei0000001")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_the_sessions_folder_does_not_hang(store: SessionStore) -> None:
    _good(store)
    os.mkfifo(store.folder / "pijp00000001.json")
    _assert_survives(store, "pijp00000001", "geen gewoon bestand")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_link_to_dev_zero_does_not_eat_the_memory(store: SessionStore) -> None:
    _good(store)
    (store.folder / "nul000000001.json").symlink_to("/dev/zero")
    _assert_survives(store, "nul000000001", "geen gewoon bestand")


def test_a_folder_named_like_a_session_is_skipped(store: SessionStore) -> None:
    _good(store)
    (store.folder / "map000000001.json").mkdir()
    _assert_survives(store, "map000000001", "map000000001")


def test_a_lock_file_next_to_a_session_is_not_a_session(store: SessionStore) -> None:
    _good(store)
    _write(store, "goed00000001.lock", b"{}")
    assert [s.id for s in store.list_sessions()] == ["goed00000001"] and store.problems == []


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


def _paths_in(data: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths_in(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths_in(value, (*prefix, index))
    return found


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(where=st.integers(min_value=0), value=_JSON)
def test_any_value_anywhere_never_gives_a_traceback(
    tmp_path: Path, where: int, value: object
) -> None:
    """Replace one value anywhere in a played session's JSON by anything: no exception escapes."""
    store = SessionStore(tmp_path / "home")
    session = played(Mode.PIONNEN)
    session.id = "fuzz00000001"
    data = json.loads(store.save(session).read_text(encoding="utf-8"))
    paths = _paths_in(data)
    *parents, last = paths[where % len(paths)]
    target = data
    for key in parents:
        target = target[key]
    target[last] = value
    store.path(session.id).write_text(json.dumps(data), encoding="utf-8")
    listed = store.list_sessions()
    assert len(listed) + len(store.problems) == 1
    store.latest_unfinished()
    try:
        store.load(session.id)
    except StorageError as error:
        assert "fuzz00000001" in str(error)


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux allows such file names")
def test_a_file_name_with_odd_bytes_and_escapes_is_reported_printably(store: SessionStore) -> None:
    _good(store)
    _write(store, os.fsdecode(b"\xff\x1b[2J.json"), b"{kapot")
    assert [s.id for s in store.list_sessions()] == ["goed00000001"]
    [problem] = store.problems
    problem.encode("utf-8")  # printing it cannot crash
    assert "\x1b" not in problem and "\ufffd\ufffd[2J.json is beschadigd" in problem
