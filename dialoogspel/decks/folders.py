"""Where decks live (built-in, `--decks` folders, DIALOOGSPEL_DECKS) and finding one by name."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dialoogspel.decks.problems import did_you_mean, quoted_list

BUILTIN = "ingebouwd"
"""The `source` of a built-in deck."""
ENV_VAR = "DIALOOGSPEL_DECKS"
DECK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class DeckRef:
    """A deck file found in one of the deck folders (not yet read)."""

    name: str
    """The file stem, as used on the command line."""
    path: Path
    """The file."""
    source: str
    """"ingebouwd", or the folder it came from as the user gave it."""


class DeckLookupError(Exception):
    """A deck name that matches no deck, or more than one; the message is Dutch."""


def builtin_decks_dir() -> Path:
    """The built-in decks: inside the installed package, else `decks/` of the source tree."""
    package = Path(__file__).resolve().parent.parent
    shipped = package / "builtin_decks"
    return shipped if shipped.is_dir() else package.parent / "decks"


def deck_folders(extra: Sequence[str | Path] = ()) -> list[Path]:
    """Built-in folder, then `--decks` folders, then DIALOOGSPEL_DECKS (os.pathsep list).

    Each folder once (the first mention wins); folders that do not exist are kept, so the
    command line can say so.
    """
    from_env = [part for part in os.environ.get(ENV_VAR, "").split(os.pathsep) if part.strip()]
    result: list[Path] = []
    seen: set[str] = set()
    for folder in [builtin_decks_dir(), *extra, *from_env]:
        path = Path(folder).expanduser()
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            result.append(path)
    return result


def find_decks(extra: Sequence[str | Path] = ()) -> list[DeckRef]:
    """Every `*.yaml` / `*.yml` file in the deck folders, folder by folder, sorted by name."""
    builtin = builtin_decks_dir()
    refs: list[DeckRef] = []
    for folder in deck_folders(extra):
        try:
            files = sorted(
                (p for p in folder.iterdir() if p.suffix.lower() in DECK_SUFFIXES and p.is_file()),
                key=lambda p: p.name.casefold(),
            )
        except OSError:
            continue  # missing or unreadable folder: nothing to list
        source = BUILTIN if folder == builtin else str(folder)
        refs += [DeckRef(p.stem, p, source) for p in files]
    return refs


def resolve_deck(name_or_path: str, extra: Sequence[str | Path] = ()) -> Path:
    """A deck file: an existing path as given, or the one file in the deck folders with this stem.

    Names match case-insensitively when no exact match exists (Windows file names ignore case).
    Raises DeckLookupError (Dutch) for an unknown or ambiguous name or a missing file.
    """
    given = Path(name_or_path).expanduser()
    if given.is_file():
        return given
    looks_like_path = given.suffix.lower() in DECK_SUFFIXES or any(
        sep in name_or_path for sep in ("/", "\\")
    )
    if looks_like_path:
        raise DeckLookupError(f"Het bestand '{name_or_path}' bestaat niet.")
    refs = find_decks(extra)
    matches = [r for r in refs if r.name == name_or_path] or [
        r for r in refs if r.name.casefold() == name_or_path.casefold()
    ]
    if len(matches) == 1:
        return matches[0].path
    if matches:
        files = "; ".join(str(r.path) for r in matches)
        raise DeckLookupError(
            f"De naam '{name_or_path}' past bij meer dan één stapel: {files}. "
            "Geef het pad van het bestand dat je bedoelt, of geef een van de bestanden een "
            "andere naam."
        )
    names = sorted({r.name for r in refs}, key=str.casefold)
    hint = did_you_mean(name_or_path, names)
    known = f" Bekende stapels: {quoted_list(names)}." if names else " Er zijn nog geen stapels."
    raise DeckLookupError(f"Er is geen stapel met de naam '{name_or_path}'.{hint}{known}")
