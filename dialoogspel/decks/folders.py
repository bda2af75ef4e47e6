"""Where decks live (built-in, `--decks` folders, DIALOOGSPEL_DECKS) and finding one by name."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from dialoogspel.decks.problems import did_you_mean, quoted_list
from dialoogspel.textsafe import visible

BUILTIN = "ingebouwd"
"""The `source` of a built-in deck."""
ENV_VAR = "DIALOOGSPEL_DECKS"
DECK_SUFFIXES = (".yaml", ".yml")


class DeckRef(NamedTuple):
    """A deck file found in one of the deck folders (not yet read)."""

    name: str
    """The file stem, as used on the command line."""
    path: Path
    """The file."""
    source: str
    """"ingebouwd", or the folder it came from as the user gave it."""
    replaces: tuple[DeckRef, ...] = ()
    """Decks of the same name in folders that come later: this deck is used instead of them."""


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
    """Every deck that a name can reach: built-in first, then folder by folder, sorted by name.

    A name (compared without case, as Windows does) belongs to the first folder that has it:
    the `--decks` folders, then DIALOOGSPEL_DECKS, then the built-in folder. So a facilitator's
    own `uitval.yaml` replaces the built-in one, and a deck in a `--decks` folder replaces one
    of the same name in a DIALOOGSPEL_DECKS folder. The hidden files are left out of the list
    and named in the winner's `replaces`. Two files with one name in the same folder
    (`x.yaml` and `x.yml`) are both listed: `resolve_deck` then asks which one.
    """
    folders = deck_folders(extra)
    builtin = folders[0]
    found = {folder: _deck_files(folder) for folder in folders}
    winner: dict[str, Path] = {}  # casefolded name -> the folder that wins it
    hidden: dict[str, list[DeckRef]] = {}
    for folder in [*folders[1:], builtin]:  # priority: user folders in order, built-in last
        source = BUILTIN if folder == builtin else str(folder)
        for path in found[folder]:
            key = path.stem.casefold()
            if winner.setdefault(key, folder) != folder:
                hidden.setdefault(key, []).append(DeckRef(path.stem, path, source))
    refs: list[DeckRef] = []
    for folder in folders:
        source = BUILTIN if folder == builtin else str(folder)
        for path in found[folder]:
            key = path.stem.casefold()
            if winner[key] == folder:
                refs.append(DeckRef(path.stem, path, source, tuple(hidden.get(key, ()))))
    return refs


def _deck_files(folder: Path) -> list[Path]:
    """The `*.yaml` / `*.yml` entries of one folder by name; none for a missing folder.

    Every entry with such a name is listed, also one that is no regular file (a folder, a FIFO,
    a link to a device): reading it gives a Dutch problem instead of hanging (see
    `reader.load_deck`), so the facilitator learns why that deck is missing.
    """
    try:
        return sorted(
            (p for p in folder.iterdir() if p.suffix.lower() in DECK_SUFFIXES),
            key=lambda p: p.name.casefold(),
        )
    except OSError:
        return []  # missing or unreadable folder: nothing to list


def resolve_deck(name_or_path: str, extra: Sequence[str | Path] = ()) -> Path:
    """A deck file: an existing path as given, or the deck with this stem that `find_decks` lists.

    A path always means that file. For a name, the first folder that has it wins (see
    `find_decks`): a facilitator's own copy goes before the built-in deck. Names match
    case-insensitively when no exact match exists (Windows file names ignore case).
    Raises DeckLookupError (Dutch) for an unknown name, a missing file, or a name that fits two
    files in one folder.
    """
    given = Path(name_or_path).expanduser()
    shown = visible(name_or_path)
    if given.is_file() or (given.exists() and not given.is_dir()):
        return given  # a FIFO or device too: load_deck says what it is, without reading it
    looks_like_path = given.suffix.lower() in DECK_SUFFIXES or any(
        sep in name_or_path for sep in ("/", "\\")
    )
    if given.is_dir():
        raise DeckLookupError(
            f"'{shown}' is een map, geen stapel. Geef een .yaml-bestand, of gebruik "
            "--decks voor een map met stapels."
        )
    if looks_like_path:
        raise DeckLookupError(f"Het bestand '{shown}' bestaat niet.")
    refs = find_decks(extra)
    matches = [r for r in refs if r.name == name_or_path] or [
        r for r in refs if r.name.casefold() == name_or_path.casefold()
    ]
    if len(matches) == 1:
        return matches[0].path
    if matches:
        files = "; ".join(visible(str(r.path)) for r in matches)
        raise DeckLookupError(
            f"De naam '{shown}' past bij meer dan één stapel in dezelfde map: {files}. "
            "Geef het pad van het bestand dat je bedoelt, of geef een van de bestanden een "
            "andere naam."
        )
    names = sorted({visible(r.name) for r in refs}, key=str.casefold)
    hint = did_you_mean(shown, names)
    known = f" Bekende stapels: {quoted_list(names)}." if names else " Er zijn nog geen stapels."
    raise DeckLookupError(f"Er is geen stapel met de naam '{shown}'.{hint}{known}")
