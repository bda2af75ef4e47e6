"""Earlier outcome files for the terugblik (SPEC section 8): list a folder's files, newest first,
and turn the chosen ones into the session's terugblik items. Earlier files are only read."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from dialoogspel.fileio import read_limited
from dialoogspel.model import EarlierAgreement, TerugblikItem, open_items
from dialoogspel.oserrors import reason
from dialoogspel.textsafe import visible
from dialoogspel.timeouts import run_with_timeout

if TYPE_CHECKING:  # the outcome reader is loaded when a file is read, not to start play
    from dialoogspel.outcome import OutcomeData

MAX_OUTCOME_BYTES = 4 * 1024 * 1024
"""An outcome file larger than this is named as unreadable, not read."""

LIST_TIMEOUT = 8.0
"""Seconds the folder listing may take before the share counts as hung (500 files take 0.3 s)."""

READ_TIMEOUT = 5.0
"""Seconds one chosen file may take to read before the share counts as hung."""

NO_ANSWER = (
    "De map geeft geen antwoord. Misschien is de netwerkschijf traag of weg."
    " Probeer het later opnieuw, of kies een bestand met --terugblik."
)
"""Said when the folder did not answer in time (the game goes on without a terugblik)."""


class EarlierFile(NamedTuple):
    """One earlier outcome file, as the setup lists it."""

    path: Path
    """Where it is (opened read-only)."""
    datum: date | None
    """The day it was written (front matter, else the file name); None when unknown."""
    casus: str
    """The casus as typed (show it through `visible`)."""
    themes: tuple[str, ...]
    """The theme names."""
    open_count: int
    """How many agreements are still open (not ticked, not klaar)."""


class Unreadable(NamedTuple):
    """A file that could not be read, and why (both safe to show)."""

    name: str
    reason: str


class EarlierFiles(NamedTuple):
    """What a folder holds: readable outcome files (newest first) and the ones skipped."""

    files: list[EarlierFile]
    broken: list[Unreadable]
    hung: bool = False
    """True when the folder did not answer within the timeout (show NO_ANSWER)."""


def _read(path: Path) -> OutcomeData:
    """An outcome file read back; OutcomeFormatError (Dutch) for anything that goes wrong."""
    from dialoogspel.outcome import OutcomeFormatError, read_outcome

    try:
        raw = read_limited(path, MAX_OUTCOME_BYTES)
    except OSError as error:
        why = "het bestand is er niet" if isinstance(error, FileNotFoundError) else reason(error)
        raise OutcomeFormatError(f"Het bestand is niet te lezen: {visible(why)}.") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise OutcomeFormatError("Het bestand is geen leesbare tekst (UTF-8).") from None
    if "\x00" in text or "dialoogspel" not in text[:4000]:
        raise OutcomeFormatError("Dit is geen uitkomst van een dialoogspel.")
    data = read_outcome(text)
    if data.front_matter.get("spel", "dialoogspel") != "dialoogspel":
        raise OutcomeFormatError("Dit is geen uitkomst van een dialoogspel.")
    if not data.front_matter and not data.agreements and "## Afspraken" not in text:
        raise OutcomeFormatError("Dit is geen uitkomst van een dialoogspel.")
    return data


def _read_within(path: Path) -> OutcomeData:
    """`_read` that gives up on a hung share after READ_TIMEOUT seconds (OutcomeFormatError)."""
    from dialoogspel.outcome import OutcomeData, OutcomeFormatError

    finished, answer = run_with_timeout(lambda: _read(path), READ_TIMEOUT)
    if not finished:
        raise OutcomeFormatError(NO_ANSWER)
    if isinstance(answer, BaseException):
        raise answer
    assert isinstance(answer, OutcomeData)
    return answer


def _day(data: OutcomeData, path: Path) -> date | None:
    day = data.front_matter.get("datum")
    if isinstance(day, date):
        return day
    try:
        return date.fromisoformat(path.name[:10])
    except ValueError:
        return None


def earlier_agreements(data: OutcomeData) -> list[EarlierAgreement]:
    """The file's agreements for the model: ticked from the body, klaar from the front matter."""
    klaar = {a.nr: a.klaar for a in data.record.afspraken} if data.record is not None else {}
    return [
        EarlierAgreement(
            nr=a.nr if a.nr is not None else number,
            kind=a.kind,
            who=a.who,
            what=a.what,
            deadline=a.deadline,
            card=a.card_id,
            vermoeden=a.vermoeden,
            ticked=a.done,
            klaar=klaar.get(a.nr, False) if a.nr is not None else False,
        )
        for number, a in enumerate(data.agreements, start=1)
    ]


def _themes(data: OutcomeData) -> tuple[str, ...]:
    themes = data.front_matter.get("thema", ())
    if isinstance(themes, str):
        return (themes,)
    return tuple(str(t) for t in themes) if isinstance(themes, list) else ()


def list_earlier(folder: Path, timeout: float | None = None) -> EarlierFiles:
    """The outcome files directly in `folder`, newest first; broken ones named with the reason.

    A folder on a hung share gives up after `timeout` (default LIST_TIMEOUT) seconds, `hung` set.
    """
    wait = LIST_TIMEOUT if timeout is None else timeout
    finished, answer = run_with_timeout(lambda: _list_now(folder), wait)
    if isinstance(answer, BaseException):
        raise answer
    if finished and isinstance(answer, EarlierFiles):
        return answer
    return EarlierFiles([], [], hung=True)


def _list_now(folder: Path) -> EarlierFiles:
    """The listing itself, on the calling thread (may hang on a share)."""
    from dialoogspel.outcome import OutcomeFormatError

    found: list[tuple[tuple[date, float, str], EarlierFile]] = []
    broken: list[Unreadable] = []
    try:
        with os.scandir(folder) as scan:
            entries = sorted(
                (e for e in scan if e.name.lower().endswith(".md")), key=lambda e: e.name
            )
    except OSError:
        return EarlierFiles([], [])
    for entry in entries:
        path = Path(entry.path)
        try:
            if not entry.is_file():
                continue
            mtime = entry.stat().st_mtime
            data = _read(path)
        except OSError:
            broken.append(Unreadable(visible(entry.name), "Het bestand is niet te lezen."))
            continue
        except OutcomeFormatError as error:
            if "geen uitkomst" not in str(error):
                broken.append(Unreadable(visible(entry.name), visible(str(error))))
            continue
        day = _day(data, path)
        casus = data.front_matter.get("casus")
        item = EarlierFile(
            path=path,
            datum=day,
            casus=str(casus) if casus is not None else "",
            themes=_themes(data),
            open_count=sum(1 for a in earlier_agreements(data) if a.is_open),
        )
        found.append(((day or date.min, mtime, entry.name), item))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return EarlierFiles([item for _, item in found], broken)


def terugblik_items(paths: Iterable[Path]) -> tuple[list[TerugblikItem], list[str]]:
    """The open agreements of the chosen files as terugblik items, and a Dutch line per file that
    could not be read (the game goes on without it). A file chosen twice counts once."""
    items: list[TerugblikItem] = []
    problems: list[str] = []
    seen: set[Path] = set()
    for path in paths:
        where = Path(os.path.abspath(path))
        if where in seen:
            continue
        seen.add(where)
        from dialoogspel.outcome import OutcomeFormatError  # only when a file was chosen

        try:
            data = _read_within(where)
        except OutcomeFormatError as error:
            problems.append(
                f"{visible(where.name)}: {visible(str(error))} Dit bestand slaan we over."
            )
            continue
        sessie = data.front_matter.get("sessie")
        items += open_items(
            where.name, sessie if isinstance(sessie, str) else None, earlier_agreements(data)
        )
    return items, problems


def describe(file: EarlierFile) -> str:
    """One Dutch line for a file: "1-11-2026 · Uitval · Klas 3B · 2 open afspraken"."""
    day = f"{file.datum.day}-{file.datum.month}-{file.datum.year}" if file.datum else "—"
    themes = ", ".join(visible(t) for t in file.themes) or "—"
    count = "1 open afspraak" if file.open_count == 1 else f"{file.open_count} open afspraken"
    return " · ".join([day, themes, visible(file.casus) or "—", count])


def chosen_paths(files: Sequence[EarlierFile], numbers: Iterable[int]) -> list[Path]:
    """The files behind typed numbers (1-based), in the order typed; ValueError for a bad one."""
    picked: list[Path] = []
    for number in numbers:
        if not 1 <= number <= len(files):
            raise ValueError(f"Kies een nummer van 1 tot en met {len(files)}.")
        if files[number - 1].path not in picked:
            picked.append(files[number - 1].path)
    return picked
