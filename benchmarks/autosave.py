"""Autosave cost per action on a 200-card session: what one `SessionStore.save` costs, and where.

Every change the team makes is saved at once (SPEC 5), so a save must stay far below a frame.
The screen face only encodes on the UI thread (`store.encode`: unchanged cards keep their JSON);
the writer thread writes and fsyncs (`table.BackgroundSaver`).
Each round changes the session a little (a note, a pawn, park/unpark) and saves it, the way the
app does. Printed per stage: median and p95 over N saves, in milliseconds.

    python benchmarks/autosave.py [--saves 300] [--cards 200] [--dir FOLDER]

By default it writes into a fresh folder next to the real data folder (same disk as real
autosaves) and removes it afterwards. Target: <= 5 ms per save including fsync.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from dialoogspel import sessions, storage
from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Card,
    DataSource,
    Deck,
    Mode,
    Quadrant,
    Session,
    SessionSetup,
    assign_letters,
    session_to_dict,
)


def played_session(cards: int) -> Session:
    """A pionnen session with four players over `cards` cards, all placed, notes and agreements."""
    deck = Deck(
        name="uitval",
        theme="Uitval",
        colour="#e0a526",
        cards=tuple(
            Card(
                f"U{n:03d}",
                f"Welke studenten in klas {n} missen de meeste lessen na hun stage?",
                (DataSource("Verzuimregistratie", "per week"), DataSource("JOB-monitor")),
            )
            for n in range(cards)
        ),
    )
    people = assign_letters(
        [("Anna", "docent"), ("Bram", "slb'er"), ("Chris", "teammanager"), ("Dewi", "docent")]
    )
    session = Session(SessionSetup("Klas 3B Verzorgende IG", "klas", (deck,), Mode.PIONNEN, people))
    for index in range(cards):
        session.go_to(index)
        for person in people:
            session.place(Quadrant((index + ord(person.letter)) % 4 + 1))
        if session.needs_decision():
            session.place(Quadrant(index % 4 + 1))
        session.add_note(f"Notitie {index}: we zien dit vooral bij de BOL-studenten.")
        if index % 5 == 0:
            session.add_agreement(
                Agreement(
                    AgreementKind.UITZOEKEN, f"actie {index}", "Anna", None, session.current.key
                )
            )
    return session


def act(session: Session, round_number: int) -> None:
    """One small change, as a key press would make."""
    session.go_to(round_number % len(session.cards))
    if round_number % 2:
        session.toggle_park()
    else:
        session.add_note(f"extra notitie {round_number}")


def summarise(label: str, times: list[float]) -> tuple[str, float, float]:
    """Median and p95 of a list of milliseconds."""
    ordered = sorted(times)
    return label, statistics.median(ordered), ordered[max(int(len(ordered) * 0.95) - 1, 0)]


def measure(action: Callable[[int], object], saves: int) -> list[float]:
    """Milliseconds per round of action."""
    times = []
    for round_number in range(saves):
        start = time.perf_counter()
        action(round_number)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=None, help="folder to save in")
    options = parser.parse_args()

    parent = storage.data_home().parent
    folder = options.dir or Path(
        tempfile.mkdtemp(prefix="dialoogspel-bench-", dir=parent if parent.is_dir() else None)
    )
    session = played_session(options.cards)
    store = sessions.SessionStore(folder)
    path = store.save(session)

    def to_dict(n: int) -> object:
        act(session, n)
        return session_to_dict(session)

    def encode(n: int) -> bytes:
        data = to_dict(n)
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def save(n: int) -> None:
        act(session, n)
        store.save(session)

    def snapshot(n: int) -> None:
        act(session, n)
        store.encode(session)  # what the UI thread does; the writer thread does the rest

    real_fsync, fsync_times = os.fsync, []

    def timed_fsync(fd: int) -> None:
        start = time.perf_counter()
        real_fsync(fd)
        fsync_times.append((time.perf_counter() - start) * 1000)

    rows = [summarise("model change + session_to_dict", measure(to_dict, options.saves))]
    rows.append(summarise("  … + json.dumps (alles opnieuw)", measure(encode, options.saves)))
    rows.append(summarise("store.encode (UI-draad)", measure(snapshot, options.saves)))
    os.fsync = lambda fd: None  # the same save, minus the two fsyncs (file and folder)
    try:
        rows.append(summarise("save zonder fsync", measure(save, options.saves)))
        os.fsync = timed_fsync
        with_fsync = measure(save, options.saves)
    finally:
        os.fsync = real_fsync
    per_save = [a + b for a, b in zip(fsync_times[0::2], fsync_times[1::2], strict=True)]
    rows.append(summarise("save met fsync (echt)", with_fsync))
    rows.append(summarise("  waarvan fsync bestand + map", per_save))

    size = path.stat().st_size
    print(f"autosave: {options.cards} kaarten, {options.saves} saves, bestand {size / 1024:.0f} kB")
    print(f"map: {folder}  ({datetime.now():%Y-%m-%d %H:%M})")
    print(f"{'stap':36} {'mediaan ms':>11} {'p95 ms':>8}")
    for label, median, p95 in rows:
        print(f"{label:36} {median:11.2f} {p95:8.2f}")
    if options.dir is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
