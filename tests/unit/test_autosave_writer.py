"""Autosave off the UI thread: the incremental JSON is the full JSON, steps coalesce in one
writer, and no finished step is lost (stop, exit, a killed process keeps the previous file)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from pathlib import Path

import pytest

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    CardState,
    Mode,
    Quadrant,
    RuleError,
    Session,
    session_to_dict,
)
from dialoogspel.sessionjson import FINGERPRINTED, SessionEncoder
from dialoogspel.sessions import SessionStore
from dialoogspel.table import (
    BackgroundSaver,
    Exporter,
    StartOptions,
    Table,
    resume_session,
    start_session,
)
from tests.outcome_sessions import big, setup

HOSTILE = ("[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "\x1b]0;x\x07", "Zo\udcffë")
SAVED = datetime(2026, 12, 4, 12, 0, 0)
ROOT = Path(__file__).resolve().parents[2]


def full_json(session: Session) -> bytes:
    """What autosave wrote before it was incremental: everything encoded again."""
    data = session_to_dict(session)
    data["saved"] = SAVED.isoformat(timespec="seconds")
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8", "backslashreplace")


def random_step(session: Session, chance: random.Random, n: int) -> None:
    """One thing a team can do: vote, undo, park, notes (also on other cards), agreements."""
    step = chance.randrange(10)
    key = session.cards[chance.randrange(len(session.cards))].key
    text = f"{HOSTILE[n % len(HOSTILE)]} {n}"
    try:
        if step == 0:
            session.go_to(chance.randrange(len(session.cards)))
        elif step == 1:
            session.place(Quadrant(chance.randrange(1, 5)))
        elif step == 2:
            session.undo()
        elif step == 3:
            session.toggle_park()
        elif step == 4:
            session.add_note(text, key)
        elif step == 5:
            session.replace_note(0, text, key)  # same number of notes, other text
        elif step == 6:
            session.remove_note(0, key)
        elif step == 7:
            session.add_agreement(Agreement(AgreementKind.UITZOEKEN, text, "Anna", None, key))
        elif step == 8:
            session.abstain()
        else:
            session.park_rest()
    except RuleError:
        pass


@pytest.mark.parametrize("mode", [Mode.PIONNEN, Mode.SAMEN, Mode.GEMENGD, Mode.VRAGEN])
def test_the_incremental_json_is_the_full_json_after_every_step(mode: Mode) -> None:
    session = Session(setup(mode))
    encoder, chance = SessionEncoder(), random.Random(9)
    for n in range(300):
        random_step(session, chance, n)
        assert encoder.encode(session, SAVED) == full_json(session), f"after step {n}"


def test_a_loaded_session_and_another_session_start_from_a_clean_cache(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    first, second = big(30), big(30)
    second.add_note("alleen in het tweede spel", second.cards[0].key)
    store.save(first)
    store.save(second)
    assert store.encoder.encode(first, SAVED) == full_json(first)
    back = store.load(second.id)
    assert store.encoder.encode(back, SAVED) == full_json(back)
    assert "alleen in het tweede spel" in store.load(second.id).states[second.cards[0].key].notes


def test_the_fingerprint_covers_every_field_of_a_card_state() -> None:
    """A new field on CardState must be in the fingerprint, or a change to it would not be saved."""
    assert {f.name for f in fields(CardState)} == set(FINGERPRINTED)


class SlowStore(SessionStore):
    """A store whose writes wait for a gate, counting what reaches the disk."""

    def __init__(self, home: Path) -> None:
        super().__init__(home)
        self.gate = threading.Event()
        self.gate.set()
        self.started = threading.Event()
        self.written: list[int] = []

    def write(
        self, path: Path, data: bytes, before_replace: Callable[[], None] | None = None
    ) -> None:
        self.started.set()
        self.gate.wait(10)
        super().write(path, data, before_replace)
        self.written.append(json.loads(data)["index"])


def test_steps_during_a_write_coalesce_and_the_newest_one_wins(tmp_path: Path) -> None:
    store = SlowStore(tmp_path)
    saver = BackgroundSaver(store)
    session = big(20)
    store.gate.clear()
    session.go_to(1)
    saver.submit(session)
    assert store.started.wait(5)  # the first write is in flight, held at the gate
    for index in range(2, 8):
        session.go_to(index)
        saver.submit(session)
    assert not saver.flush(0.05), "the writer is still busy"
    store.gate.set()
    assert saver.flush(5)
    assert store.written == [1, 7], "the steps in between were replaced by the newest one"
    assert saver.writes == 2
    assert saver.take() == (session.revision, "")
    assert store.load(session.id).index == 7


def test_stopping_waits_for_the_last_write_so_no_step_is_lost(tmp_path: Path) -> None:
    store = SlowStore(tmp_path / "home")
    session = Session(setup(Mode.SAMEN))
    table = Table(session, BackgroundSaver(store), Exporter(tmp_path / "uit"))
    store.gate.clear()
    table.act(lambda: session.place(Quadrant.BELANGRIJK_URGENT))
    table.act(lambda: session.add_note("de laatste stap"))
    threading.Timer(0.3, store.gate.set).start()  # the disk answers a little later
    lines = table.stop(wait=5)
    assert lines[-1] == f"Alles is bewaard. Verder spelen: dialoogspel resume {session.id}"
    kept = store.load(session.id)
    assert kept.states[session.cards[0].key].notes == ["de laatste stap"]
    assert kept.states[session.cards[0].key].final is Quadrant.BELANGRIJK_URGENT


def test_an_unwritable_data_folder_is_reported_in_dutch_and_never_called_bewaard(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "sessies").write_text("geen map")  # even root cannot make a folder here
    session = Session(setup(Mode.SAMEN))
    table = Table(session, BackgroundSaver(SessionStore(home)), Exporter(tmp_path))
    told: list[str] = []
    table.on_problem = told.append
    table.act(lambda: session.place(Quadrant.BELANGRIJK_URGENT))
    assert table.flush_saves(5).startswith(f"Het spel kon niet worden opgeslagen in {home}")
    table.act(session.undo)
    table.flush_saves(5)
    assert len(told) == 1 and "opgeslagen" in told[0], "told once, in Dutch"
    lines = table.stop(wait=1)
    assert lines[-1].startswith("Let op: het spel is niet bewaard. Het spel kon niet worden")
    assert not any("Alles is bewaard" in line for line in lines)


def test_a_data_folder_that_does_not_answer_is_not_called_bewaard(tmp_path: Path) -> None:
    store = SlowStore(tmp_path / "home")
    session = Session(setup(Mode.SAMEN))
    table = Table(session, BackgroundSaver(store), Exporter(tmp_path / "uit"))
    store.gate.clear()  # the write hangs
    table.act(lambda: session.place(Quadrant.BELANGRIJK_URGENT))
    assert "geeft geen antwoord" in table.flush_saves(0.1)
    lines = table.stop(wait=0.1)
    assert lines[-1].startswith("Let op: het spel is niet bewaard.")
    store.gate.set()


def test_a_write_in_flight_stops_when_another_window_took_the_session(tmp_path: Path) -> None:
    store = SlowStore(tmp_path / "home")
    options = StartOptions(
        decks=("uitval",), mode="samen", casus="Klas 3B", players=("Anna:docent", "Bert:slb")
    )
    launch = start_session(options, store)
    assert launch.session is not None and launch.lock is not None
    table = Table(launch.session, BackgroundSaver(store), Exporter(tmp_path), lock=launch.lock)
    table.save()
    assert table.flush_saves(5) == ""
    store.gate.clear()
    table.act(lambda: table.session.place(Quadrant.BELANGRIJK_URGENT))
    assert store.started.wait(5)
    other = resume_session(table.session.id, store, None, take_over=True)
    store.gate.set()  # the old window's write reaches its rename only now
    assert "overgenomen" in table.flush_saves(5)
    kept = store.load(table.session.id)
    assert kept.states[kept.cards[0].key].final is None, "the old window wrote nothing over it"
    assert other.lock is not None
    other.lock.release()


CHILD = """
import sys, time
from pathlib import Path
from dialoogspel.model import Quadrant, Session
from dialoogspel.sessions import SessionStore
from dialoogspel.table import BackgroundSaver
from tests.outcome_sessions import setup
from dialoogspel.model import Mode

home, hang = Path(sys.argv[1]), sys.argv[2] == "hang"
store = SessionStore(home)
session = Session(setup(Mode.SAMEN), session_id="kind")
store.save(session)  # the previous, complete save
real_write = store.write

def slow_write(path, data, before_replace=None):
    def wait():
        (home / "in-flight").touch()
        time.sleep(60 if hang else 0.5)
    real_write(path, data, before_replace=wait)

store.write = slow_write
saver = BackgroundSaver(store)
session.place(Quadrant.BELANGRIJK_URGENT)
saver.submit(session)
print("submitted", flush=True)
if hang:
    time.sleep(60)
"""


def run_child(home: Path, mode: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(home), mode],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_process_that_ends_right_after_a_step_still_writes_it(tmp_path: Path) -> None:
    child = run_child(tmp_path, "exit")  # submits, then the script ends at once
    assert child.wait(30) == 0
    kept = SessionStore(tmp_path).load("kind")
    assert kept.states[kept.cards[0].key].final is Quadrant.BELANGRIJK_URGENT


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_process_loses_at_most_the_write_in_flight(tmp_path: Path) -> None:
    child = run_child(tmp_path, "hang")
    deadline = time.monotonic() + 30
    while not (tmp_path / "in-flight").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    kept = SessionStore(tmp_path).load("kind")  # the previous save, whole and readable
    assert kept.states[kept.cards[0].key].final is None
