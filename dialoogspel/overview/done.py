"""How a later session's terugblik said an agreement went, matched across files by a stable
identity: the session id and the agreement's number, or (a file without a session id) the
folder, the file name and the agreement's place, as the terugblik itself names them."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from dialoogspel.outcome import OutcomeData

Identity = tuple[str, str, int]
"""(session id or folder + file name, "", nr): the same agreement in every file that names it."""


def _folder(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path.parent))


def _session(data: OutcomeData) -> str | None:
    session = data.front_matter.get("sessie")
    return session if isinstance(session, str) and session else None


def identity(path: Path | None, data: OutcomeData, nr: int) -> Identity | None:
    """The identity of agreement `nr` (its number, or its place from 1 in a format 1 file)."""
    session = _session(data)
    if session is not None:
        return ("sessie:" + session, "", nr)
    if path is None:
        return None
    return ("bestand:" + _folder(path), path.name, nr)


def later_answers(found: Iterable[tuple[Path | None, OutcomeData]]) -> dict[Identity, str]:
    """Per earlier agreement, the status the newest terugblik gave it (klaar, loopt nog, …)."""
    answers: dict[Identity, tuple[tuple[date, str], str]] = {}
    for path, data in found:
        if data.record is None:
            continue
        day = data.record.datum
        own = _session(data)
        for item in data.record.terugblik:
            status, number, session = item.get("status"), item.get("nr"), item.get("sessie")
            name = item.get("bestand")
            if not isinstance(status, str) or isinstance(number, bool):
                continue
            if not isinstance(number, int):
                continue
            key: Identity | None = None
            if isinstance(session, str) and session:
                key = None if session == own else ("sessie:" + session, "", number)
            elif isinstance(name, str) and name and path is not None:
                key = ("bestand:" + _folder(path), name, number)
            order = (day, str(path))
            if key is not None and (key not in answers or order > answers[key][0]):
                answers[key] = (order, status)
    return {key: status for key, (_, status) in answers.items()}
