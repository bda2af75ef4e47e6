"""One streaming pass over the outcome files under some paths: newest file per session."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import NamedTuple

from dialoogspel.fileio import read_limited
from dialoogspel.outcome import OutcomeData, OutcomeFormatError, read_outcome
from dialoogspel.textsafe import visible

MAX_OUTCOME_BYTES = 4 * 1024 * 1024
"""An outcome file larger than this is listed as broken, not read."""

_DUTCH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


class Filters(NamedTuple):
    """Which sessions count: theme, niveau and a date range (all optional)."""

    thema: str | None = None
    niveau: str | None = None
    van: date | None = None
    tot: date | None = None


class Broken(NamedTuple):
    """A file that looked like an outcome but could not be read."""

    name: str
    """The path, made safe to show."""
    reason: str
    """Why, in Dutch."""


class Found(NamedTuple):
    """One session's newest outcome file and what it holds."""

    path: Path
    data: OutcomeData


class Scan(NamedTuple):
    """What one pass found."""

    outcomes: list[OutcomeData]
    """One per session (its newest file), after the filters."""
    skipped: int
    """Markdown files that are no outcome file."""
    broken: list[Broken]
    """Outcome files that could not be read."""
    filtered: int
    """Sessions left out by the filters."""
    paths: list[Path]
    """Where each of `outcomes` was read, in the same order."""
    every: list[Found]
    """Every session read (its newest file), also those the filters left out: a later
    session's terugblik counts even when that session falls outside the filters."""


def parse_day(text: str) -> date:
    """A date typed as 2026-11-01 or 1-11-2026; ValueError with a Dutch message otherwise."""
    text = text.strip()
    try:
        match = _DUTCH_DAY.match(text)
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"'{visible(text)}' is geen datum. Schrijf bijvoorbeeld 2026-11-01 of 1-11-2026."
        ) from None


def _markdown_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_file():
            yield path
            continue
        for folder, dirs, names in os.walk(path):
            dirs.sort()
            for name in sorted(names):
                if name.lower().endswith(".md"):
                    yield Path(folder, name)


def _looks_like_outcome(text: str) -> bool:
    head = text.lstrip("\ufeff")[:4000]
    return "dialoogspel" in head and (head.startswith("---") or "## Afspraken" in text)


def _matches(data: OutcomeData, filters: Filters) -> bool:
    head = data.front_matter
    themes = head.get("thema", ())
    themes = (themes,) if isinstance(themes, str) else tuple(str(t) for t in themes or ())
    if filters.thema and filters.thema.casefold() not in {t.casefold() for t in themes}:
        return False
    if filters.niveau and str(head.get("niveau", "")).casefold() != filters.niveau.casefold():
        return False
    day = head.get("datum")
    if filters.van or filters.tot:
        if not isinstance(day, date):
            return False
        if (filters.van and day < filters.van) or (filters.tot and day > filters.tot):
            return False
    return True


def _order(data: OutcomeData, mtime: float, path: Path) -> tuple[date, float, str]:
    """Newest first by datum, then by the time the file was changed; a tie by the path."""
    day = data.front_matter.get("datum")
    return (day if isinstance(day, date) else date.min, mtime, str(path))


def scan(paths: Iterable[Path], filters: Filters | None = None) -> Scan:
    """Read every `*.md` under `paths` once; keep each session's newest file (datum, then mtime)."""
    filters = filters or Filters()
    newest: dict[str, tuple[tuple[date, float, str], Found]] = {}
    loose: list[Found] = []
    skipped = 0
    broken: list[Broken] = []
    for path in _markdown_files(paths):
        name = visible(str(path))
        try:
            raw = read_limited(path, MAX_OUTCOME_BYTES)
            mtime = path.stat().st_mtime
        except OSError as error:
            broken.append(Broken(name, f"niet te lezen ({visible(error.strerror or 'fout')})"))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            if b"dialoogspel" in raw[:4000]:
                broken.append(Broken(name, "het bestand is geen leesbare tekst (UTF-8)."))
            else:
                skipped += 1
            continue
        if not _looks_like_outcome(text):
            skipped += 1
            continue
        try:
            data = read_outcome(text)
        except OutcomeFormatError as error:
            broken.append(Broken(name, visible(str(error))))
            continue
        if data.front_matter.get("spel", "dialoogspel") != "dialoogspel":
            skipped += 1
            continue
        session = data.front_matter.get("sessie")
        if not isinstance(session, str) or not session:
            loose.append(Found(path, data))
            continue
        key = _order(data, mtime, path)
        if session not in newest or key > newest[session][0]:
            newest[session] = (key, Found(path, data))
    every = [found for _, found in newest.values()] + loose
    kept = [found for found in every if _matches(found.data, filters)]
    return Scan(
        [found.data for found in kept],
        skipped,
        broken,
        len(every) - len(kept),
        [found.path for found in kept],
        every,
    )
