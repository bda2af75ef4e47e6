"""run_app: after the app stops, the outcome is written and the goodbye is honest."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from dialoogspel.model import Mode, Session, SessionSetup, assign_letters
from dialoogspel.sessions import SessionStore
from dialoogspel.table import Launch
from dialoogspel.table import exporter as exporter_module
from dialoogspel.tui import run
from tests.tui.test_play import DECK


def _launch(output_dir: Path) -> Launch:
    setup = SessionSetup("Klas 3B", "", (DECK,), Mode.SAMEN, assign_letters([("Anna", "docent")]))
    return Launch(session=Session(setup), output_dir=output_dir)


def _play_and_stop(monkeypatch: pytest.MonkeyPatch, *, changes: bool = True) -> None:
    """Replace App.run by: mount's autosave, place one card, then stop (what q does)."""

    def play(app: run.DialoogspelApp) -> None:
        app.autosave()
        if changes and app.table is not None:
            app.table.act(lambda: app.table.session.place(1))  # type: ignore[union-attr]

    monkeypatch.setattr(run.DialoogspelApp, "run", play)


def test_stopping_saves_writes_the_outcome_and_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _play_and_stop(monkeypatch)
    store = SessionStore(tmp_path / "home")
    launch = _launch(tmp_path / "share")
    (tmp_path / "share").mkdir()
    assert run.run_app(launch, store) == 0
    session = launch.session
    assert session is not None
    [written] = (tmp_path / "share").glob("*.md")
    assert store.load(session.id).exported == [str(written)]
    out = capsys.readouterr()
    assert f"De uitkomst staat in {written}." in out.out
    assert f"Alles is bewaard. Verder spelen: dialoogspel resume {session.id}" in out.out
    assert out.err == ""


def test_stopping_without_changes_writes_no_outcome(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _play_and_stop(monkeypatch, changes=False)
    (tmp_path / "share").mkdir()
    assert run.run_app(_launch(tmp_path / "share"), SessionStore(tmp_path / "home")) == 0
    assert list((tmp_path / "share").iterdir()) == []


def test_a_failed_save_is_told_and_no_resume_is_promised(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _play_and_stop(monkeypatch, changes=False)
    home = tmp_path / "een-bestand"
    home.write_text("geen map")
    assert run.run_app(_launch(tmp_path), SessionStore(home)) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("Let op: het spel is niet bewaard.")
    assert "Alles is bewaard" not in captured.out
    assert "proberen we het opnieuw" not in captured.err


def test_stopping_while_the_share_hangs_waits_a_little_then_says_how_to_write_it_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = threading.Event()

    def hung(*args: object, **kwargs: object) -> object:
        release.wait(timeout=10)
        raise OSError("de share antwoordt niet")

    monkeypatch.setattr(exporter_module, "save_outcome_text", hung)
    monkeypatch.setattr("dialoogspel.table.table.STOP_WAIT_SECONDS", 0.2)
    _play_and_stop(monkeypatch)
    launch = _launch(tmp_path / "share")
    try:
        code = run.run_app(launch, SessionStore(tmp_path / "home"))
    finally:
        release.set()
    assert code == 0
    assert launch.session is not None
    out = capsys.readouterr().out
    assert "geeft geen antwoord" in out
    assert f"dialoogspel export {launch.session.id} --uit MAP" in out


def test_the_writer_thread_never_keeps_python_from_exiting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    release = threading.Event()

    def hang(*args: object, **kwargs: object) -> object:
        release.wait(timeout=10)
        raise OSError("hangt")

    monkeypatch.setattr(exporter_module, "save_outcome_text", hang)
    writer = exporter_module.Exporter(tmp_path, tmp_path)
    try:
        setup = SessionSetup("K", "", (DECK,), Mode.SAMEN, ())
        assert writer.start(Session(setup), date(2026, 1, 1))
        assert not writer.start(Session(setup), date(2026, 1, 1)), "one write at a time"
        threads = [t for t in threading.enumerate() if t.name == exporter_module.WRITER_THREAD]
        assert threads and all(t.daemon for t in threads)
        writer.abandon()
        assert not writer.busy, "an abandoned write lets the team write elsewhere at once"
    finally:
        release.set()
