"""One window per session: the table claims the lock, a second window is refused in Dutch,
a confirmed take-over wins, and the window that lost it never writes again."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dialoogspel.cli import main
from dialoogspel.model import Quadrant
from dialoogspel.sessions import SessionStore
from dialoogspel.table import (
    Exporter,
    StartLocked,
    StartOptions,
    Table,
    resume_session,
    start_session,
)

OPTIONS = StartOptions(
    decks=("uitval",), mode="samen", casus="Klas 3B", players=("Anna:docent", "Bert:slb")
)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "home")


def started(store: SessionStore, out: Path) -> Table:
    """A session started from complete options, saved once, with this window's lock."""
    launch = start_session(OPTIONS, store)
    assert launch.session is not None and launch.lock is not None
    table = Table(launch.session, store.save, Exporter(out, store.home), lock=launch.lock)
    table.save()
    return table


def test_a_started_session_holds_its_lock_until_the_team_stops(
    store: SessionStore, tmp_path: Path
) -> None:
    table = started(store, tmp_path)
    lock = table.lock
    assert lock is not None and lock.held() and lock.path.is_file()
    table.stop(wait=1)
    assert table.lock is None and not lock.path.exists()
    again = resume_session(table.session.id, store, None)  # free again after stop
    assert again.lock is not None and again.lock.held()
    again.lock.release()


def test_a_second_window_is_refused_in_dutch(store: SessionStore, tmp_path: Path) -> None:
    table = started(store, tmp_path)
    with pytest.raises(StartLocked) as refused:
        resume_session(table.session.id, store, None)
    assert "al open in een ander venster" in str(refused.value)
    assert table.lock is not None and table.lock.held(), "the first window keeps playing"


def test_after_a_take_over_the_old_window_saves_nothing(
    store: SessionStore, tmp_path: Path
) -> None:
    table = started(store, tmp_path)
    other = resume_session(table.session.id, store, None, take_over=True)
    assert other.lock is not None and other.lock.held()
    assert table.taken_over
    other_session = other.session
    assert other_session is not None
    other_session.place(Quadrant.BELANGRIJK_URGENT)
    store.save(other_session)

    refusal = table.act(lambda: table.session.place(Quadrant.NIET_BELANGRIJK_NIET_URGENT))
    assert refusal is None  # the move is made on screen ...
    assert "overgenomen" in table.save_problem  # ... but not written over the other's work
    kept = store.load(table.session.id)
    first = kept.cards[0].key
    assert kept.states[first].final is Quadrant.BELANGRIJK_URGENT, "the other window's move"
    lines = table.stop(wait=1)
    assert len(lines) == 1 and "overgenomen" in lines[0] and "bewaard." in lines[0]
    assert not list(tmp_path.glob("*.md")), "no outcome written from a stale window"
    assert other.lock.held(), "stopping the old window leaves the new window's lock alone"
    other.lock.release()


def test_resume_on_the_command_line_refuses_a_locked_session(
    store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(store.home))
    table = started(store, tmp_path)
    result = CliRunner().invoke(main, ["resume", table.session.id])
    assert result.exit_code == 2
    assert "al open in een ander venster" in result.stderr
    assert "Traceback" not in result.output


def test_resume_of_an_unknown_session_exits_2_in_dutch(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(store.home))
    result = CliRunner().invoke(main, ["resume", "zzz"])
    assert result.exit_code == 2
    assert result.stderr == "Er is geen opgeslagen spel met code 'zzz'.\n"
