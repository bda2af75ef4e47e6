"""One registry of key actions per screen: key names, Dutch labels, help (dialogs: dialogkeys).

Pure data (no textual): the screen face turns it into bindings, the Footer, the help screen and
the command palette (`tui/keys.py`); a plain-line face can list the same actions and words.
"""

from __future__ import annotations

from typing import NamedTuple


class KeyAction(NamedTuple):
    """A key, the action it runs, and the Dutch words a team reads for it."""

    keys: str
    """Textual key name(s), comma separated."""
    action: str
    """The action string run on the screen, e.g. "place(1)"."""
    label: str
    """Short Dutch label for the Footer."""
    help: str
    """One Dutch sentence for the help screen and the command palette."""
    display: str | None = None
    """How the key is shown, when the key name is not clear (e.g. "1–4")."""
    footer: bool = True
    """Show it in the Footer (the help screen lists every action)."""
    palette: bool = True
    """Offer it in the command palette."""
    priority: bool = False
    """Checked before the focused widget's own keys (ctrl+s in a form with text fields)."""
    help_keys: str | None = None
    """How help names the keys, when the Footer's `display` stands for more (its "1–4" is the
    action of key 1 only; its "→" is enter too)."""


def key_text(action: KeyAction) -> str:
    """The keys of an action as a person reads them, for the help screen."""
    if action.help_keys:
        return action.help_keys
    if action.display:
        return action.display
    names = {
        "space": "spatie",
        "enter": "enter",
        "right": "→",
        "left": "←",
        "backspace": "backspace",
        "escape": "esc",
        "question_mark": "?",
        "f1": "F1",
        "ctrl+s": "ctrl+s",
        "ctrl+c": "ctrl+c",
        "ctrl+q": "ctrl+q",
        "ctrl+p": "ctrl+p",
        "delete": "delete",
    }
    return " / ".join(names.get(key.strip(), key.strip()) for key in action.keys.split(","))


HELP = KeyAction(
    "question_mark,f1", "app.help", "hulp", "Laat alle toetsen van dit scherm zien.", display="?"
)
"""Help on screens where ? types nothing."""
HELP_F1 = HELP._replace(keys="f1", display="F1", footer=False)
"""Help in forms and dialogs: there ? is a character to type."""
STOP = "Stop het spel. Alles is al bewaard."
"""What q, ctrl+c and ctrl+q do, in one sentence."""

APP_KEYS: tuple[KeyAction, ...] = (
    KeyAction("ctrl+c,ctrl+q", "stop", "stop", STOP, footer=False, palette=False, priority=True),
    HELP_F1._replace(action="help", palette=False),
)
"""Keys that work on every screen, dialogs included: ctrl+c stops like q, F1 is help."""

PLAY_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "1",
        "place(1)",
        "kies",
        "Zet pion of kaart in 1 Belangrijk & urgent.",
        display="1–4",
        help_keys="1",
    ),
    KeyAction(
        "2", "place(2)", "2", "Zet pion of kaart in 2 Belangrijk, maar niet urgent.", footer=False
    ),
    KeyAction(
        "3", "place(3)", "3", "Zet pion of kaart in 3 Niet belangrijk, wel urgent.", footer=False
    ),
    KeyAction(
        "4", "place(4)", "4", "Zet pion of kaart in 4 Niet belangrijk, niet urgent.", footer=False
    ),
    KeyAction(
        "0",
        "abstain",
        "weet niet",
        "Weet ik niet / pas: een ?-pion voor wie aan de beurt is.",
        footer=False,
    ),
    KeyAction("t", "doubt", "twijfel", "Gemengd: twijfel, deze kaart gaat naar de pionnen."),
    KeyAction(
        "space", "flip", "draai", "Draai de kaart om: vraag of databronnen.", display="spatie"
    ),
    KeyAction(
        "enter,right",
        "next_card",
        "verder",
        "Ga naar de volgende kaart. Enter doet hetzelfde als →.",
        display="→",
        help_keys="enter / →",
    ),
    KeyAction(
        "left",
        "previous_card",
        "vorige",
        "Ga terug naar de vorige kaart.",
        display="←",
        footer=False,
    ),
    KeyAction(
        "backspace",
        "undo",
        "terug",
        "Neem de laatste pion of plaatsing terug.",
        display="⌫",
        footer=False,
    ),
    KeyAction(
        "n", "note", "notitie", "Schrijf een notitie bij deze kaart, of wijzig of wis er een."
    ),
    KeyAction(
        "s", "park", "parkeer", "Parkeer de kaart voor later, of haal hem terug.", footer=False
    ),
    KeyAction("a", "add_agreement", "afspraak", "Maak een afspraak bij deze kaart.", footer=False),
    KeyAction("b", "board", "bord", "Bekijk het hele bord met alle kaarten."),
    KeyAction("e", "agreements", "afspraken", "Naar de afspraken en de uitkomst opslaan."),
    KeyAction("q", "app.stop", "stop", STOP),
    HELP,
)
"""The key contract of SPEC section 3 for the play screen."""

BOARD_KEYS: tuple[KeyAction, ...] = (
    KeyAction("escape,b", "close", "terug", "Terug naar de kaart.", display="esc"),
    KeyAction(
        "enter", "open_parked", "open", "Open de gekozen geparkeerde kaart.", display="enter"
    ),
    KeyAction("q", "app.stop", "stop", STOP),
    HELP,
)
"""Keys of the board overview."""

SETUP_KEYS: tuple[KeyAction, ...] = (
    KeyAction("ctrl+s", "start", "start", "Start het spel met deze keuzes."),
    KeyAction(
        "delete,backspace",
        "remove_participant",
        "haal weg",
        "Haal de gekozen deelnemer uit de lijst (in de lijst met deelnemers).",
        display="del",
    ),
    KeyAction("ctrl+q", "app.stop", "stop", "Stop zonder te spelen."),
    HELP._replace(display="F1"),
)
"""Keys of the setup screen; most keys type text there, so these use ctrl or F1."""

AFSPRAKEN_KEYS: tuple[KeyAction, ...] = (
    KeyAction("a", "add", "nieuw", "Maak een nieuwe afspraak."),
    KeyAction(
        "enter",
        "edit",
        "wijzig",
        "Wijzig de gekozen afspraak, of maak de voorgestelde.",
        display="enter",
    ),
    KeyAction(
        "delete,backspace",
        "delete",
        "wis",
        "Wis de gekozen afspraak (na een j ter bevestiging).",
        display="del",
    ),
    KeyAction(
        "g", "suggest", "voorstel", "Maak een afspraak voor een urgente kaart zonder afspraak."
    ),
    KeyAction(
        "ctrl+s", "save", "opslaan", "Schrijf de uitkomst nu weg en laat zien waar hij staat."
    ),
    KeyAction("m", "choose_folder", "map", "Kies een andere map voor de uitkomst.", footer=False),
    KeyAction(
        "k",
        "finish",
        "klaar",
        "Zeg dat het spel klaar is. Het beginscherm biedt het dan niet meer aan."
        " Nog eens k: toch niet klaar.",
        footer=False,  # the export line says it; the Footer keeps room for q and ?
    ),
    KeyAction("escape", "back", "kaarten", "Terug naar de kaarten.", display="esc"),
    KeyAction("b", "board", "bord", "Bekijk het hele bord met alle kaarten.", footer=False),
    KeyAction("q", "app.stop", "stop", STOP),
    HELP,
)
"""Keys of the afspraken screen (make, change and wipe agreements; write the outcome)."""

HELP_SCREEN_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "escape,question_mark,f1,q", "close", "sluit", "Sluit de hulp.", display="esc / ? / F1"
    ),
)
"""Keys of the help screen itself."""
