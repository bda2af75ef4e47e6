"""Deck files: YAML text -> `model.Deck`, with every problem as FILE:LINE:COLUMN in Dutch.

Import from here; the submodules are the parts of one whole:

- `reader`: `parse_deck` and `load_deck`, the steps below in order
- `text`: bytes -> text (size cap, UTF-8 with or without BOM, binary, control characters, tabs)
- `yamltree`: text -> located nodes from parser events (no object construction, values as typed)
- `syntax`: a parser error (libyaml or PyYAML) -> one located Dutch problem
- `controls`: control and format characters in keys and values, located (also behind an escape)
- `checker`: nodes -> Deck, checking every rule of SPEC section 4
- `folders`: built-in and extra deck folders, lookup by name
- `colours`, `ids`, `starter`: theme colours, generated card ids, the `new-deck` text
  (a starter deck, or a copy of a deck with its schema line made absolute)

A name is imported from its submodule on first use: finding a deck by name must not load the
YAML parser, which a start from the deck cache (`dialoogspel.deckcache`) never needs.

Never imports textual or click.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dialoogspel.decks.colours import COLOUR_NAMES, colour_hex
    from dialoogspel.decks.folders import (
        BUILTIN,
        DeckLookupError,
        DeckRef,
        builtin_decks_dir,
        deck_folders,
        find_decks,
        resolve_deck,
    )
    from dialoogspel.decks.problems import LoadResult, Problem
    from dialoogspel.decks.reader import load_deck, parse_deck
    from dialoogspel.decks.starter import (
        DeckCopyError,
        DeckNameError,
        copy_of_deck,
        deck_file_name,
        schema_path,
        starter_deck,
    )
    from dialoogspel.decks.text import MAX_BYTES

_SUBMODULE = {
    "COLOUR_NAMES": "colours",
    "colour_hex": "colours",
    "BUILTIN": "folders",
    "DeckLookupError": "folders",
    "DeckRef": "folders",
    "builtin_decks_dir": "folders",
    "deck_folders": "folders",
    "find_decks": "folders",
    "resolve_deck": "folders",
    "LoadResult": "problems",
    "Problem": "problems",
    "load_deck": "reader",
    "parse_deck": "reader",
    "DeckCopyError": "starter",
    "DeckNameError": "starter",
    "copy_of_deck": "starter",
    "deck_file_name": "starter",
    "schema_path": "starter",
    "starter_deck": "starter",
    "MAX_BYTES": "text",
}
"""Where each public name lives."""

__all__ = [
    "BUILTIN",
    "COLOUR_NAMES",
    "MAX_BYTES",
    "DeckCopyError",
    "DeckLookupError",
    "DeckNameError",
    "DeckRef",
    "LoadResult",
    "Problem",
    "builtin_decks_dir",
    "colour_hex",
    "copy_of_deck",
    "deck_file_name",
    "deck_folders",
    "find_decks",
    "load_deck",
    "parse_deck",
    "resolve_deck",
    "schema_path",
    "starter_deck",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its submodule the first time it is asked for."""
    try:
        submodule = _SUBMODULE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(f"{__name__}.{submodule}"), name)
    globals()[name] = value
    return value
