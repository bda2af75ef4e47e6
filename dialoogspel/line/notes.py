"""n on a card that has notes: write a new one, or change or remove one, by number."""

from __future__ import annotations

from collections.abc import Callable

from dialoogspel.line.console import Console
from dialoogspel.table import Table

NOTE_CHANGED = "Notitie gewijzigd."
NOTE_REMOVED = "Notitie weggehaald: {text}"
NOTHING_CHANGED = "Er is niets veranderd."


def edit_notes(
    console: Console, table: Table, add_note: Callable[[], bool], key: str | None = None
) -> bool:
    """List the card's notes (the current card's, or `key`'s); a number picks one to change
    or remove, an empty line writes a new note. False when the input ended."""
    session = table.session
    key = session.current.key if key is None else key
    notes = session.states[key].notes
    which = "deze kaart" if key == session.current.key else session.card_label(key)
    console.say(f"Notities bij {which}:", *(f"{n}. {note}" for n, note in enumerate(notes, 1)))
    typed = console.ask(
        "Typ het nummer van een notitie om hem te wijzigen of weg te halen."
        " Een lege regel: een nieuwe notitie."
    )
    if typed is None:
        return False
    typed = typed.strip()
    if not typed:
        return add_note()
    if not (typed.isdigit() and 1 <= int(typed) <= len(notes)):
        console.say(f"Typ een nummer van 1 tot en met {len(notes)}. {NOTHING_CHANGED}")
        return True
    position = int(typed) - 1
    what = console.ask("1. wijzigen  2. weghalen. Een lege regel: niets doen.")
    if what is None:
        return False
    what = what.strip().casefold()
    if what in ("1", "wijzigen"):
        return _change(console, table, key, position)
    if what in ("2", "weghalen"):
        removed: list[str] = []
        refusal = table.act(lambda: removed.append(session.remove_note(position, key)))
        console.say(refusal or NOTE_REMOVED.format(text=removed[0]))
        return True
    console.say(NOTHING_CHANGED)
    return True


def _change(console: Console, table: Table, key: str, position: int) -> bool:
    """The new text on the next line; an empty line keeps the note as it was."""
    text = console.ask("Typ de nieuwe tekst op één regel. Een lege regel: niets veranderen.")
    if text is None:
        return False
    if not text.strip():
        console.say(NOTHING_CHANGED)
        return True
    refusal = table.act(lambda: table.session.replace_note(position, text, key))
    console.say(refusal or NOTE_CHANGED)
    return True
