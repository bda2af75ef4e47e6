"""Run the plain-line face on a launch from the table: setup if needed, play, then stop.

Stopping (q, the end of the input, ctrl+C) is the table's stop: the outcome is written when the
session changed, and the goodbye says where it went and how to go on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from dialoogspel.line.console import Console
from dialoogspel.line.play import LinePlay
from dialoogspel.line.privacy import ask_before_writing
from dialoogspel.line.setup import LineSetup
from dialoogspel.line.terugblik import LineTerugblik, choose_earlier
from dialoogspel.present import save_problem
from dialoogspel.sessions import SessionStore
from dialoogspel.table import (
    Exporter,
    Launch,
    ResumeOffer,
    StartLocked,
    StartRefused,
    Table,
    claim_session,
    resume_session,
    terugblik_items,
)

NO_GAME = "Gestopt zonder spel. Er is niets bewaard."
WELCOME = "Dialoogspel in eenvoudige regels. Typ een vraagteken (?) voor alle toetsen."


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def run_line(
    launch: Launch,
    store: SessionStore,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    today: Callable[[], date] = date.today,
) -> int:
    """Play until the team stops; the exit code for the command line (1: not saved)."""
    stdin = stdin if stdin is not None else sys.stdin
    console = Console(stdin, stdout if stdout is not None else sys.stdout)
    console.terminal = _is_terminal(stdin) and stdin is sys.stdin
    console.echo = not _is_terminal(stdin)  # input from a file: the output reads as a transcript
    if launch.ascii:  # --ascii: dashes and arrows as plain ASCII, as on the screen
        console.unicode = False
    console.say(WELCOME, *launch.notices, *launch.deck_problems)
    table = _table(console, launch, store, today)
    if table is None:
        console.say(NO_GAME)
        return 0
    table.on_problem = lambda problem: console.say(save_problem(problem))
    table.save()
    try:
        if LineTerugblik(console, table, today).run():
            LinePlay(console, table).run()
    except KeyboardInterrupt:
        console.say("")
    if not table.outcome_is_current and not table.taken_over:
        ask_before_writing(console, table, stopping=True)  # no: stop keeps the outcome here
    console.say(*table.stop())
    return 1 if table.save_problem else 0


def _table(
    console: Console, launch: Launch, store: SessionStore, today: Callable[[], date]
) -> Table | None:
    """The table to play at: the launch's session, the resumed one, or a new one from setup."""
    exporter = Exporter(launch.output_dir, store.home)
    session, lock = launch.session, launch.lock
    if session is None and launch.resume_offer is not None:
        resumed = _offer_resume(console, launch.resume_offer, store)
        if resumed is not None:
            session, lock = resumed.session, resumed.lock
    if session is None:
        try:
            session = LineSetup(console, launch.decks, launch.defaults).run()
        except KeyboardInterrupt:
            session = None
        if session is None:
            return None
        if not session.output_dir:
            session.output_dir = str(exporter.folder)
        chosen = [] if launch.terugblik else choose_earlier(console, exporter.folder)
        if chosen is None:
            return None
        picked, problems = terugblik_items(chosen)
        console.say(*problems)
        session.terugblik = [*launch.terugblik, *picked]
        try:
            lock = claim_session(store.home, session.id)
        except StartLocked:  # a brand-new id cannot be open elsewhere; play on unlocked
            lock = None
    if session.output_dir:
        exporter.folder = Path(session.output_dir)
    return Table(session, store.save, exporter, today=today, lock=lock)


def _offer_resume(console: Console, offer: ResumeOffer, store: SessionStore) -> Launch | None:
    """Offer the unfinished session; its launch when the team says j (and it is free)."""
    answer = console.ask(
        f"Verder met het vorige spel: {offer.description}? Typ j voor ja, een lege regel voor nee."
    )
    if answer is None or answer.strip().casefold() not in ("j", "ja"):
        return None
    try:
        try:
            return resume_session(offer.session_id, store, None)
        except StartLocked as locked:
            console.say(str(locked))
            again = console.ask("Is dat andere venster dicht? Typ j om het hier te openen.")
            if again is None or again.strip().casefold() not in ("j", "ja"):
                return None
            return resume_session(offer.session_id, store, None, take_over=True)
    except StartRefused as refusal:
        console.say(str(refusal))
        return None
