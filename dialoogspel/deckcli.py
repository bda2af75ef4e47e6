"""The deck commands: `decks` (list), `validate` and `new-deck`.

Registered on the `dialoogspel` group in cli.py. They never import textual: a facilitator
checking a deck gets the answer at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from dialoogspel import decks as deck_files  # names load on first use: see decks/__init__
from dialoogspel.dutch_click import DutchCommand
from dialoogspel.oserrors import reason
from dialoogspel.textsafe import visible

DECK_OPTION = click.option(
    "--decks",
    "deck_folders",
    multiple=True,
    type=click.Path(file_okay=False, path_type=str),
    help="Extra map met kaartstapels (mag vaker).",
)


@click.command("decks", cls=DutchCommand)
@DECK_OPTION
def decks_command(deck_folders: tuple[str, ...]) -> None:
    """Toon alle kaartstapels.

    Per stapel: naam, thema, kleur, aantal kaarten en map. Het spel zoekt eerst in de mappen
    van --decks, dan in de mappen van de omgevingsvariabele DIALOOGSPEL_DECKS, en dan in de
    ingebouwde map. Hebben twee stapels dezelfde naam, dan telt de eerste die het spel vindt.
    Zo vervangt een eigen kopie van uitval.yaml de ingebouwde stapel uitval.
    """
    for folder in deck_files.deck_folders(deck_folders)[1:]:
        if not folder.is_dir():
            click.echo(f"Let op: de map {visible(str(folder))} bestaat niet.", err=True)
    rows = []
    for ref in deck_files.find_decks(deck_folders):
        result = deck_files.load_deck(ref.path)
        deck = result.deck
        note = _replaces_note(ref)
        name = visible(ref.name)
        if deck is None:
            broken = f"fout: zie dialoogspel validate {visible(str(ref.path))}{note}"
            rows.append((name, broken, "", "", ""))
            continue
        hex_code = deck_files.colour_hex(deck.colour) or ""
        cards = _count(len(deck.cards), "kaart", "kaarten")
        rows.append((name, visible(deck.theme), hex_code, cards, visible(ref.source) + note))
    if not rows:
        click.echo("Geen kaartstapels gevonden.")
        return
    colour = _wants_colour()
    name_width = max(len(row[0]) for row in rows)
    theme_width = max(len(row[1]) for row in rows if row[2]) if any(r[2] for r in rows) else 0
    for name, theme, hex_code, cards, source in rows:
        if not hex_code:
            click.echo(f"{name:<{name_width}}  {theme}")
            continue
        swatch = f"{_swatch(hex_code)} " if colour else ""
        click.echo(
            f"{name:<{name_width}}  {theme:<{theme_width}}  {swatch}{hex_code}  "
            f"{cards:>11}  {source}"
        )
    click.echo(f"\n{deck_files.BUILTIN}: {visible(str(deck_files.builtin_decks_dir()))}")


def _replaces_note(ref: deck_files.DeckRef) -> str:
    """The note after a deck that hides others of its name, e.g. "(vervangt de ingebouwde stapel)".

    Empty for a deck that hides nothing.
    """
    if not ref.replaces:
        return ""
    hidden = [
        "de ingebouwde stapel" if other.source == deck_files.BUILTIN else visible(str(other.path))
        for other in ref.replaces
    ]
    listed = hidden[0] if len(hidden) == 1 else ", ".join(hidden[:-1]) + " en " + hidden[-1]
    return f"  (vervangt {listed})"


def _wants_colour() -> bool:
    """Colour only on a terminal, and never with NO_COLOR or TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def _swatch(hex_code: str) -> str:
    """A block in the deck's colour: true colour where the terminal says so, else 256 colours."""
    red, green, blue = (int(hex_code[i : i + 2], 16) for i in (1, 3, 5))
    true_colour = (
        os.environ.get("COLORTERM") in ("truecolor", "24bit") or "WT_SESSION" in os.environ
    )
    block = "##" if os.environ.get("DIALOOGSPEL_ASCII") else "██"
    if true_colour:
        return click.style(block, fg=(red, green, blue))
    return click.style(block, fg=_xterm256(red, green, blue))


def _xterm256(red: int, green: int, blue: int) -> int:
    """The nearest colour of the xterm 6x6x6 colour cube (indexes 16-231)."""
    levels = (0, 95, 135, 175, 215, 255)

    def nearest(value: int) -> int:
        return min(range(6), key=lambda i: abs(levels[i] - value))

    return 16 + 36 * nearest(red) + 6 * nearest(green) + nearest(blue)


@click.command(cls=DutchCommand)
@click.argument("paths", nargs=-1, required=True, metavar="BESTAND...")
def validate(paths: tuple[str, ...]) -> None:
    """Controleer kaartstapels op fouten.

    Elke fout komt op een eigen regel: BESTAND:REGEL:KOLOM: melding. BESTAND mag ook een map
    zijn (dan alle .yaml-bestanden erin) of de naam van een stapel. Alle meldingen komen op het
    scherm (standaarduitvoer). Klaar met code 0 als alles goed is (waarschuwingen mogen), met
    code 1 als er een fout is.
    """
    checked = invalid = 0
    for given in paths:
        try:
            files = _deck_files(given)
        except deck_files.DeckLookupError as error:
            click.echo(f"{visible(given)}: {error}")
            checked, invalid = checked + 1, invalid + 1
            continue
        if not files:
            click.echo(f"{visible(given)}: in deze map staan geen .yaml-bestanden.")
            checked, invalid = checked + 1, invalid + 1
        for path in files:
            result = deck_files.load_deck(path)
            for problem in result.problems:
                click.echo(str(problem))
            checked += 1
            warnings = _count(len(result.warnings), "waarschuwing", "waarschuwingen")
            note = f", {warnings}" if warnings else ""
            if result.ok and result.deck is not None:
                cards = _count(len(result.deck.cards), "kaart", "kaarten")
                click.echo(f"{visible(path)}: OK: {cards}{note}")
            else:
                invalid += 1
                click.echo(
                    f"{visible(path)}: niet in orde, "
                    f"{_count(len(result.errors), 'fout', 'fouten')}{note}"
                )
    if checked > 1:
        click.echo(f"{checked} bestanden: {checked - invalid} in orde, {invalid} met fouten.")
    if invalid:
        sys.exit(1)


def _count(number: int, one: str, more: str) -> str:
    """A count with its noun ("1 fout", "3 fouten"), or "" for none."""
    return "" if number == 0 else f"{number} {one if number == 1 else more}"


def _deck_files(given: str) -> list[str]:
    """The files to check for one argument: the file, the folder's decks, or a deck by name."""
    path = Path(given)
    if path.is_dir():
        return [str(p) for p in sorted(path.iterdir()) if p.suffix.lower() in (".yaml", ".yml")]
    if path.exists() or path.suffix or "/" in given or "\\" in given:
        return [given]
    return [str(deck_files.resolve_deck(given))]


@click.command("new-deck", cls=DutchCommand)
@click.argument("name", metavar="NAAM")
@click.option(
    "--van",
    "source",
    metavar="NAAM|PAD",
    help="Kopieer deze stapel (een naam uit: dialoogspel decks, of een pad).",
)
@DECK_OPTION
def new_deck(name: str, source: str | None, deck_folders: tuple[str, ...]) -> None:
    """Maak een nieuwe kaartstapel om in te vullen.

    Maakt NAAM.yaml in deze map, met uitleg en drie voorbeeldkaarten. Met --van wordt het een
    kopie van een bestaande stapel. De eerste regel wijst naar het schema voor VS Code. Een
    bestaand bestand wordt nooit overschreven.

    \b
    Voorbeelden:
      dialoogspel new-deck mijn-thema
      dialoogspel new-deck mijn-uitval --van uitval

    Controleer je stapel daarna met: dialoogspel validate NAAM.yaml
    """
    try:
        file_name = deck_files.deck_file_name(name)
    except deck_files.DeckNameError as error:
        raise click.BadParameter(str(error), param_hint="NAAM") from None
    original = None
    if source is None:
        text = deck_files.starter_deck(Path(file_name).stem)
    else:
        try:
            original = deck_files.resolve_deck(source, deck_folders)
        except deck_files.DeckLookupError as error:
            raise click.BadParameter(str(error), param_hint="--van") from None
        try:
            text = deck_files.copy_of_deck(original)
        except deck_files.DeckCopyError as error:
            click.echo(str(error), err=True)
            sys.exit(1)
    from dialoogspel.storage import create_text_file

    try:
        create_text_file(Path(file_name), text)
    except FileExistsError:
        click.echo(
            f"{file_name} bestaat al. Kies een andere naam, of haal het oude bestand eerst weg.",
            err=True,
        )
        sys.exit(1)
    except OSError as error:
        click.echo(f"{file_name} kan niet gemaakt worden: {reason(error)}.", err=True)
        sys.exit(1)
    if original is None:
        click.echo(f"Nieuwe stapel gemaakt: {file_name}")
        click.echo("Open het bestand in een teksteditor en vul thema, kleur en kaarten in.")
    else:
        click.echo(f"Nieuwe stapel gemaakt: {file_name}, een kopie van {visible(str(original))}")
        click.echo("Open het bestand in een teksteditor en pas de kaarten aan.")
    click.echo(f"Controleer het daarna met: dialoogspel validate {file_name}")
    click.echo(f"De eerste regel wijst naar het schema voor VS Code: {deck_files.schema_path()}")
    stem = Path(file_name).stem.casefold()
    if any(
        ref.name.casefold() == stem
        for ref in deck_files.find_decks()
        if ref.source == deck_files.BUILTIN
    ):
        click.echo(
            "Staat dit bestand in je eigen stapelmap (--decks of DIALOOGSPEL_DECKS)?\n"
            f"Dan vervangt het de ingebouwde stapel {Path(file_name).stem}."
        )
