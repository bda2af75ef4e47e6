"""run_app: after the app stops, the goodbye may only promise a resume when the save worked."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialoogspel.model import Mode, Session, SessionSetup, assign_letters
from dialoogspel.storage import SessionStore
from dialoogspel.tui import run
from dialoogspel.tui.app import Launch
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
