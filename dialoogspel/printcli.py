"""`dialoogspel print`: the cards, board, pawns, rules and an afspraken form as one HTML file.

Registered on the `dialoogspel` group in cli.py. Reads decks like `validate` (every problem as
FILE:LINE:COLUMN, exit 1), lets `printing` make the document, and writes it through
`storage.write_outcome`, which never overwrites a file (name.html, name-2.html, …).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dialoogspel import decks as deck_files
from dialoogspel.deckcli import DECK_OPTION
from dialoogspel.dutch_click import DutchCommand
from dialoogspel.oserrors import reason

if TYPE_CHECKING:
    from dialoogspel.printing import PrintDeck

DEFAULT_NAME = "dialoogspel-kaarten.html"
"""The file name when --uit is not given (in the current folder)."""
FIRST_DECKS = ("uitval", "verzuim", "motivatie")
"""The method's three themes come first, as on the setup screen; other decks follow by name."""


@click.command("print", cls=DutchCommand)
@click.option("--deck", "decks", multiple=True, metavar="NAAM|PAD", help="Kaartstapel (mag vaker).")
@DECK_OPTION
@click.option("--kern", "core", is_flag=True, help="Alleen de kernkaarten (kern: ja).")
@click.option(
    "--uit",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="BESTAND",
    help=f"Naam van het HTML-bestand. Standaard: {DEFAULT_NAME} in deze map.",
)
@click.option(
    "--dubbelzijdig",
    "duplex",
    is_flag=True,
    help="Voorkant en achterkant op twee bladzijden, voor dubbelzijdig printen.",
)
def print_command(
    decks: tuple[str, ...],
    deck_folders: tuple[str, ...],
    core: bool,
    output: Path | None,
    duplex: bool,
) -> None:
    """Maak de kaarten klaar om te printen op papier.

    Schrijft één HTML-bestand met de kaarten, het bord, de pionnen, de spelregels en een
    afsprakenformulier. Open het in een browser en print op A4, schaal 100 %. Zonder --deck
    komen alle stapels erin. Een bestaand bestand wordt nooit overschreven: dan komt er -2, -3
    achter de naam.

    Standaard staan voorkant en achterkant naast elkaar: knippen, vouwen, klaar. Dat gaat
    altijd goed, ook als de printer een beetje verschuift. Met --dubbelzijdig komen de
    achterkanten op de volgende bladzijde: print dan dubbelzijdig, lange kant omslaan.

    \b
    Voorbeelden:
      dialoogspel print
      dialoogspel print --deck uitval --deck verzuim --uit uitval-verzuim.html
    """
    from dialoogspel.printing import core_only, render

    chosen = _load(decks, deck_folders)
    if core:
        chosen = [core_only(deck) for deck in chosen]
        for deck in chosen:
            if not deck.cards:
                click.echo(f"{deck.deck.source}: geen kernkaarten (kern: ja) in deze stapel.")
        chosen = [deck for deck in chosen if deck.cards]
        if not chosen:
            click.echo(
                "Geen enkele kaart is een kernkaart. Zet 'kern: ja' bij kaarten in de stapel, "
                "of print zonder --kern.",
                err=True,
            )
            sys.exit(1)
    rendered = render(chosen, duplex=duplex)
    for warning in rendered.warnings:
        click.echo(str(warning), err=True)
    target = output if output is not None else Path(DEFAULT_NAME)
    written = _write(rendered.html, target)
    cards = sum(len(deck.cards) for deck in chosen)
    click.echo(f"Klaar: {cards} kaarten uit {len(chosen)} stapels, {rendered.pages} bladzijden A4.")
    click.echo(f"Opgeslagen in: {written.resolve()}")
    click.echo("Open het bestand in een browser en print op A4, schaal 100 %, zonder kopteksten.")


def _load(names: tuple[str, ...], folders: tuple[str, ...]) -> list[PrintDeck]:
    """The decks to print; every problem of every file printed, then exit 1."""
    from dialoogspel.printing import PrintDeck

    if names:
        paths: list[Path] = []
        problems: list[str] = []
        for name in names:
            try:
                paths.append(deck_files.resolve_deck(name, folders))
            except deck_files.DeckLookupError as error:
                problems.append(f"{name}: {error}")
    else:
        refs = deck_files.find_decks(folders)
        order = {name: i for i, name in enumerate(FIRST_DECKS)}
        refs.sort(key=lambda ref: (order.get(ref.name, len(order)), ref.name.casefold()))
        paths, problems = [ref.path for ref in refs], []
        if not paths:
            problems.append("Er zijn geen kaartstapels gevonden. Kijk: dialoogspel decks")
    chosen = []
    for path in paths:
        result = deck_files.load_deck(path)
        problems.extend(str(problem) for problem in result.errors)
        if result.deck is not None and not result.errors:
            chosen.append(PrintDeck(result.deck, result.deck.cards, card_places(path)))
    if problems:
        for problem in problems:
            click.echo(problem)
        click.echo("Er is niets geprint. Verbeter eerst de fouten (zie: dialoogspel validate).")
        sys.exit(1)
    return chosen


def card_places(path: Path) -> tuple[tuple[int, int], ...]:
    """(line, column) of every card under `kaarten:` in a deck file, in file order.

    Read again from the file for messages only; empty when the file cannot be read that way.
    """
    from dialoogspel.decks.text import prepare
    from dialoogspel.decks.yamltree import Mapping, Scalar, Sequence, read_tree

    try:
        data = path.read_bytes()
    except OSError:
        return ()
    text, _ = prepare(data, str(path))
    if text is None:
        return ()
    root, _ = read_tree(text, str(path))
    if not isinstance(root, Mapping):
        return ()
    for key, value in root.pairs:
        if isinstance(key, Scalar) and key.value == "kaarten" and isinstance(value, Sequence):
            return tuple((item.line, item.column) for item in value.items)
    return ()


def _write(text: str, target: Path) -> Path:
    """Write the file under a free name (target, target-2, …); exit 1 with a Dutch reason."""
    from dialoogspel.storage import write_outcome

    if target.suffix.lower() not in (".html", ".htm"):
        target = target.with_name(target.name + ".html")
    folder = target.parent
    try:
        return write_outcome(text, folder, target.name)
    except OSError as error:
        click.echo(f"{target} kan niet gemaakt worden: {reason(error)}.", err=True)
        sys.exit(1)
