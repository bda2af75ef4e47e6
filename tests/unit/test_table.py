"""The application layer without a face: starting, acting, autosaving and stopping honestly."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from dialoogspel.model import Mode, Quadrant, Session
from dialoogspel.sessions import SessionStore
from dialoogspel.storage import StorageError
from dialoogspel.table import Exporter, StartOptions, StartRefused, Table, start_session
from dialoogspel.table import start as start_module
from tests.outcome_sessions import setup

DAY = date(2026, 11, 22)
PEOPLE = ("Anna:docent", "Bert:slb")


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "home")


@pytest.mark.parametrize(
    ("options", "refusal"),
    [
        (StartOptions(decks=("bestaat-niet",)), "bestaat-niet"),
        (StartOptions(mode="schaak"), "De modus 'schaak' bestaat niet"),
        (StartOptions(mode="pionnen", players=("Anna:docent",)), "minstens 2 deelnemers"),
        (StartOptions(mode="samen", hidden_voting=True), "Verdekt stemmen kan alleen bij pionnen"),
        (StartOptions(players=(":docent",)), "heeft geen naam"),
    ],
)
def test_start_refuses_what_no_face_could_play_in_dutch(
    store: SessionStore, options: StartOptions, refusal: str
) -> None:
    with pytest.raises(StartRefused, match=refusal):
        start_session(options, store)


def test_complete_options_start_play_at_once_in_the_chosen_folder(
    store: SessionStore, tmp_path: Path
) -> None:
    options = StartOptions(
        decks=("uitval",), mode="pionnen", casus="3B", players=PEOPLE, output_dir=tmp_path
    )
    launch = start_session(options, store)
    assert launch.session is not None and launch.session.mode is Mode.PIONNEN
    assert launch.session.output_dir == str(tmp_path) and launch.notices == []
    assert launch.lock is not None
    launch.lock.release()


def test_incomplete_options_prefill_the_setup(store: SessionStore) -> None:
    launch = start_session(StartOptions(casus="3B", players=PEOPLE, mode="samen"), store)
    assert launch.session is None and launch.decks
    assert launch.defaults.casus == "3B" and launch.defaults.mode is Mode.SAMEN
    assert launch.defaults.participants == [("Anna", "docent"), ("Bert", "slb'er")]


def test_a_file_for_a_folder_is_refused_and_a_missing_folder_is_told(
    store: SessionStore, tmp_path: Path
) -> None:
    file = tmp_path / "notities.txt"
    file.write_text("x")
    with pytest.raises(StartRefused, match="is een bestand, geen map"):
        start_session(StartOptions(output_dir=file), store)
    launch = start_session(StartOptions(output_dir=tmp_path / "nieuw"), store)
    assert launch.missing_folder == tmp_path / "nieuw"
    assert launch.notices == [
        f"De map '{tmp_path / 'nieuw'}' bestaat niet. Maak hem eerst, of kies bij het opslaan"
        " een andere map."
    ]


def test_a_silent_share_never_blocks_the_start(
    store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(start_module, "folder_status", lambda folder, timeout: "timeout")
    launch = start_session(StartOptions(output_dir=tmp_path / "share"), store)
    assert "reageert niet" in launch.notices[0] and "andere map kiezen" in launch.notices[0]


def test_act_saves_only_when_the_revision_moved_and_returns_refusals(tmp_path: Path) -> None:
    saved: list[int] = []
    session = Session(setup(Mode.SAMEN))
    table = Table(session, lambda s: saved.append(s.revision), Exporter(tmp_path))
    assert table.act(lambda: session.place(Quadrant.BELANGRIJK_URGENT)) is None
    assert saved == [session.revision]
    assert table.act(session.undo) is None and len(saved) == 2
    refusal = table.act(session.undo)
    assert refusal and "terug" in refusal.lower()
    assert len(saved) == 2, "a refused action changes nothing, so nothing is saved"


def test_stop_writes_the_outcome_when_it_changed_and_says_bewaard_only_when_true(
    tmp_path: Path,
) -> None:
    session = Session(setup(Mode.SAMEN))
    (tmp_path / "uit").mkdir()
    table = Table(session, lambda s: None, Exporter(tmp_path / "uit"), today=lambda: DAY)
    table.act(lambda: session.place(Quadrant.BELANGRIJK_URGENT))
    lines = table.stop(wait=5)
    written = list((tmp_path / "uit").glob("*.md"))
    assert len(written) == 1 and str(written[0]) in lines[0]
    assert lines[-1] == f"Alles is bewaard. Verder spelen: dialoogspel resume {session.id}"
    assert table.stop(wait=5)[:-1] == [], "nothing changed since: no second write"


def test_a_failing_save_is_never_called_bewaard(tmp_path: Path) -> None:
    def broken(session: Session) -> None:
        raise StorageError("De schijf is vol.")

    told: list[str] = []
    session = Session(setup(Mode.SAMEN))
    table = Table(session, broken, Exporter(tmp_path), today=lambda: DAY)
    table.on_problem = told.append
    table.act(lambda: session.place(Quadrant.BELANGRIJK_URGENT))
    table.act(session.undo)
    assert told == ["De schijf is vol."], "told once, not on every key"
    lines = table.stop(wait=5)
    assert lines[-1] == "Let op: het spel is niet bewaard. De schijf is vol."
    assert not any("Alles is bewaard" in line for line in lines)


def test_a_hung_share_delays_stopping_by_the_wait_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    from dialoogspel.table import exporter as exporter_module

    def hang(*args: object, **kwargs: object) -> object:
        release.wait(10)
        raise OSError("te laat")

    monkeypatch.setattr(exporter_module, "save_outcome_text", hang)
    session = Session(setup(Mode.SAMEN))
    table = Table(session, lambda s: None, Exporter(tmp_path), today=lambda: DAY)
    table.act(lambda: session.place(Quadrant.BELANGRIJK_URGENT))
    lines = table.stop(wait=0.2)
    release.set()
    assert "geeft geen antwoord" in lines[0] and f"dialoogspel export {session.id}" in lines[0]
    assert lines[-1].startswith("Alles is bewaard")


def test_the_command_line_offers_to_make_a_missing_folder(
    store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dialoogspel import cli

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(cli.sys, "stdin", Terminal())
    monkeypatch.setattr(cli.sys, "stdout", Terminal())
    asked: list[str] = []
    monkeypatch.setattr(cli, "ask_yes", lambda q: asked.append(q) or True)
    launch = start_session(StartOptions(output_dir=tmp_path / "nieuw" / "map"), store)
    cli.offer_to_create(launch)
    assert asked == [f"De map {tmp_path / 'nieuw' / 'map'} bestaat nog niet. Nu maken"]
    assert (tmp_path / "nieuw" / "map").is_dir()
    assert launch.missing_folder is None and launch.notices == []


def test_only_the_team_finishes_a_session(store: SessionStore, tmp_path: Path) -> None:
    session = Session(setup(Mode.SAMEN))
    table = Table(session, store.save, Exporter(tmp_path), today=lambda: DAY)
    table.act(lambda: session.place(Quadrant.BELANGRIJK_URGENT))
    table.stop(wait=5)  # an outcome was written ...
    assert not store.list_sessions()[0].finished  # ... but the team did not say klaar
    assert store.latest_unfinished() is not None
    assert table.finish() is None
    assert store.list_sessions()[0].finished and store.latest_unfinished() is None
    table.finish(False)
    assert not store.list_sessions()[0].finished
