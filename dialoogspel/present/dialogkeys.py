"""Key registries of the dialogs: notes, agreement, privacy, yes/no, folder, terugblik, picks."""

from __future__ import annotations

from dialoogspel.present.keys import HELP, HELP_F1, KeyAction

NOTE_KEYS: tuple[KeyAction, ...] = (
    KeyAction("enter", "save", "bewaar", "Bewaar de notitie bij de kaart."),
    KeyAction("escape", "cancel", "annuleer", "Sluit zonder te bewaren.", display="esc"),
    HELP_F1,
)
"""Keys of the note dialog."""

NOTES_KEYS: tuple[KeyAction, ...] = (
    KeyAction("enter", "choose", "kies", "Wijzig de gekozen notitie, of schrijf een nieuwe."),
    KeyAction("delete,backspace", "remove", "wis", "Haal de gekozen notitie weg.", display="del"),
    KeyAction("escape", "cancel", "sluit", "Sluit zonder iets te veranderen.", display="esc"),
    HELP_F1,
)
"""Keys of the list of a card's notes (n on a card that has notes)."""

AGREEMENT_KEYS: tuple[KeyAction, ...] = (
    KeyAction("ctrl+s", "save", "bewaar", "Bewaar de afspraak.", priority=True),
    KeyAction("escape", "cancel", "annuleer", "Sluit zonder te bewaren.", display="esc"),
    HELP_F1,
)
"""Keys of the agreement form (tab goes to the next field; enter in Vóór saves too)."""

PRIVACY_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "a,escape",
        "answer('aanpassen')",
        "aanpassen",
        "Terug: pas de tekst eerst aan.",
        display="a / esc",
    ),
    KeyAction("o", "answer('opslaan')", "toch opslaan", "Schrijf de uitkomst toch naar de map."),
    HELP_F1,
)
"""Keys of the privacy question before the outcome goes to the output folder."""

PRIVACY_STOP_KEYS: tuple[KeyAction, ...] = (
    PRIVACY_KEYS[0],
    KeyAction(
        "o", "answer('opslaan')", "toch opslaan", "Schrijf de uitkomst toch naar de map en stop."
    ),
    KeyAction(
        "s",
        "answer('stoppen')",
        "stop zonder map",
        "Stop, maar schrijf de uitkomst niet naar de map. Alles blijft op deze computer bewaard.",
    ),
    HELP_F1,
)
"""Keys of the privacy question when the team stops (q, ctrl+c)."""

CONFIRM_KEYS: tuple[KeyAction, ...] = (
    KeyAction("j,y", "answer(True)", "ja", "Ja, doe het.", display="j"),
    KeyAction(
        "n,escape", "answer(False)", "nee", "Nee, laat alles zoals het is.", display="n / esc"
    ),
    HELP._replace(footer=False),
)
"""Keys of the yes/no question: only j answers yes."""

FOLDER_KEYS: tuple[KeyAction, ...] = (
    KeyAction("enter", "choose", "opslaan", "Sla de uitkomst op in de getypte map."),
    KeyAction("escape", "cancel", "annuleer", "Houd de oude map.", display="esc"),
    HELP_F1,
)
"""Keys of the dialog that asks for another folder."""

TERUGBLIK_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "1",
        "answer(1)",
        "antwoord",
        "1: klaar (of: ja, het vermoeden klopte).",
        "1–4",
        help_keys="1",
    ),
    KeyAction("2", "answer(2)", "2", "2: loopt nog (of: nee).", footer=False),
    KeyAction("3", "answer(3)", "3", "3: niet gelukt (of: deels).", footer=False),
    KeyAction("4", "answer(4)", "4", "4: vervalt.", footer=False),
    KeyAction("enter", "skip", "verder", "Een leeg antwoord: geen notitie, niet meenemen."),
    HELP_F1,
)
"""Keys of the terugblik before the first card (the numbers as in SPEC section 8)."""

TERUGBLIK_CHOICE_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "ctrl+s", "choose", "kies", "Kijk terug op de aangevinkte uitkomsten.", priority=True
    ),
    KeyAction("escape", "cancel", "annuleer", "Sluit zonder iets te kiezen.", display="esc"),
    HELP_F1,
)
"""Keys of the list of earlier outcome files in setup (space ticks a file)."""

CARD_PICK_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "enter", "choose", "klaar", "Speel de aangevinkte kaarten van dit thema.", priority=True
    ),
    KeyAction("escape", "cancel", "terug", "Sluit zonder iets te wijzigen.", display="esc"),
    HELP_F1,
)
"""Keys of the checklist of one deck's cards in setup (space ticks a card)."""
