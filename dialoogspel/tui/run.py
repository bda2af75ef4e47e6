"""Run the screen face on a launch from the table, then say goodbye honestly."""

from __future__ import annotations

import sys

from dialoogspel.sessions import SessionStore
from dialoogspel.table import BackgroundSaver, Launch
from dialoogspel.tui.app import DialoogspelApp


def run_app(launch: Launch, store: SessionStore) -> int:
    """Run the app until the team stops; the exit code for the command line.

    Autosave writes in its own thread; stopping (q, ctrl+c, a crash) waits for its last write.
    After the screen has closed the table writes the outcome when the session changed (a hung
    share delays that by a few seconds at most), and the terminal is told what happened. The
    goodbye promises `resume` only when the last autosave worked; a crash exits non-zero.
    """
    saver = BackgroundSaver(store)  # the disk never holds up a key press
    app = DialoogspelApp(launch, saver=saver, loader=store.load, home=store.home)
    app.run()
    crashed = app.return_code not in (None, 0)
    if app.table is None:
        if crashed:
            print(_crash_line(store), file=sys.stderr)
        return 1 if crashed else 0
    for line in app.table.stop():
        print(line, file=sys.stderr if line.startswith("Let op") else sys.stdout)
    if crashed:
        print(_crash_line(store), file=sys.stderr)
        return 1
    return 1 if app.table.save_problem else 0


def _crash_line(store: SessionStore) -> str:
    return (
        "Er ging iets mis in dialoogspel. Wat jullie deden tot de laatste stap is bewaard in"
        f" {store.folder}. Verder spelen: dialoogspel resume"
    )
