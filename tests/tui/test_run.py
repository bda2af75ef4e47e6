"""run_app: after the app stops, the goodbye may only promise a resume when the save worked."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from dialoogspel.model import Mode, Session, SessionSetup, assign_letters
from dialoogspel.sessions import SessionStore
from dialoogspel.tui import run
from dialoogspel.tui.app import Launch
from dialoogspel.tui.writer import WRITER_THREAD, outcome_still_writing, start_writer
from tests.tui.test_play import DECK


def _launch() -> Launch:
    setup = SessionSetup("Klas 3B", "", (DECK,), Mode.SAMEN, assign_letters([("Anna", "docent")]))
    return Launch(session=Session(setup))


def _run_and_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace App.run by: mount's autosave, then stop (what pressing q at once does)."""
    monkeypatch.setattr(run.DialoogspelApp, "run", lambda app: app.autosave())


def test_a_saved_session_is_returned_for_the_goodbye(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run_and_stop(monkeypatch)
    store = SessionStore(tmp_path)
    session = run.run_app(_launch(), store)
    assert session is not None
    assert store.load(session.id).id == session.id
    assert capsys.readouterr().err == ""


def test_a_failed_save_is_told_and_no_resume_is_promised(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run_and_stop(monkeypatch)
    home = tmp_path / "een-bestand"
    home.write_text("geen map")
    assert run.run_app(_launch(), SessionStore(home)) is None
    err = capsys.readouterr().err
    assert err.startswith("Let op: het spel is niet bewaard.")
    assert "proberen we het opnieuw" not in err


def test_quitting_while_an_outcome_hangs_says_how_to_write_it_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = threading.Event()

    def quit_during_a_hung_write(app: run.DialoogspelApp) -> None:
        app.autosave()
        start_writer(lambda: release.wait(timeout=10))

    monkeypatch.setattr(run.DialoogspelApp, "run", quit_during_a_hung_write)
    try:
        session = run.run_app(_launch(), SessionStore(tmp_path))
    finally:
        release.set()
    assert session is not None
    err = capsys.readouterr().err
    assert "afgebroken" in err
    assert f"dialoogspel export {session.id}" in err


def test_the_writer_thread_never_keeps_python_from_exiting() -> None:
    release = threading.Event()
    start_writer(lambda: release.wait(timeout=10))
    try:
        writers = [t for t in threading.enumerate() if t.name == WRITER_THREAD]
        assert writers and all(t.daemon for t in writers)
        assert outcome_still_writing()
    finally:
        release.set()
