"""Command line: a thin click group over the library (filled in per command)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from dialoogspel import __version__
from dialoogspel import decks as deck_files  # names load on first use: see decks/__init__
from dialoogspel.dutch_click import DutchGroup
from dialoogspel.launch import resume_collector
from dialoogspel.oserrors import reason


@click.group(
    cls=DutchGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(
    __version__, "--version", prog_name="dialoogspel", message="%(prog)s %(version)s"
)
@click.pass_context
def main(ctx: click.Context) -> None:
    """Dialoogspel voor onderwijsteams in het mbo.

    Zonder opdracht start het spel (hetzelfde als: dialoogspel play).
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(play)
    elif ctx.invoked_subcommand not in ("play", "resume"):
        resume_collector()  # no app will start: collect garbage as usual (see launch.py)


@main.command("export")
@click.argument("session_id", metavar="SESSIE")
@click.option(
    "--uit",
    "folder",
    type=click.Path(path_type=Path),
    metavar="MAP",
    default=".",
    show_default=True,
    help="Map waarin het Markdown-bestand komt.",
)
def export_command(session_id: str, folder: Path) -> None:
    """Schrijf de uitkomst (Markdown) opnieuw vanuit een opgeslagen spel.

    SESSIE is de code van het spel, of het begin ervan (zie: dialoogspel resume). Het bestand
    krijgt de datum van het spel en overschrijft nooit een bestaand bestand.
    """
    from dialoogspel.sessions import SessionStore
    from dialoogspel.storage import StorageError, save_outcome

    store = SessionStore()
    try:
        session = store.load(store.resolve(session_id))
    except StorageError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    result = save_outcome(session, folder, session.created.date(), home=store.home)
    if not result.ok:
        click.echo(result.message, err=True)
        click.echo("Een andere map kiezen: dialoogspel export SESSIE --uit MAP", err=True)
        raise SystemExit(1)
    try:
        store.save(session)  # remember the export, so resume lists the session as finished
    except StorageError as error:
        click.echo(str(error), err=True)
    click.echo(result.message)


DECK_OPTION = click.option(
    "--decks",
    "deck_folders",
    multiple=True,
    type=click.Path(file_okay=False, path_type=str),
    help="Extra map met kaartstapels (mag vaker).",
)
ASCII_OPTION = click.option(
    "--ascii",
    "ascii_mode",
    is_flag=True,
    help="Alleen eenvoudige tekens (voor een oude Windows-console). Ook: DIALOOGSPEL_ASCII=1.",
)
UIT_OPTION = click.option(
    "--uit",
    "output_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Map waarin de uitkomst (Markdown) komt, bijvoorbeeld op de gedeelde schijf.",
)


@main.command()
@click.option("--deck", "decks", multiple=True, metavar="NAAM|PAD", help="Kaartstapel (mag vaker).")
@DECK_OPTION
@click.option(
    "--modus",
    type=click.Choice(["vragen", "pionnen", "samen"]),
    help="vragen: alleen praten · pionnen: iedereen zet een pion · samen: samen leggen.",
)
@click.option(
    "--casus", help="Waar gaat het over? Bijvoorbeeld: Klas 3B. Geen namen van studenten."
)
@click.option("--niveau", default="", help="klas, opleiding, team, instelling of eigen tekst.")
@click.option(
    "--speler", "players", multiple=True, metavar='"NAAM:ROL"', help="Deelnemer (mag vaker)."
)
@UIT_OPTION
@click.option(
    "--verdekt", is_flag=True, help="Verdekt stemmen: pionnen pas zien als iedereen koos."
)
@ASCII_OPTION
def play(**options: object) -> None:
    """Speel het dialoogspel.

    Met --deck, --modus, --casus en minstens één --speler begint het spel meteen bij de eerste
    kaart. Anders vul je dat eerst in op het beginscherm.
    """
    from dialoogspel.sessions import SessionStore
    from dialoogspel.tui.run import LaunchError, PlayOptions, build_launch, run_app

    settings = PlayOptions(
        decks=options["decks"],  # type: ignore[arg-type]
        deck_folders=options["deck_folders"],  # type: ignore[arg-type]
        mode=options["modus"],  # type: ignore[arg-type]
        casus=options["casus"],  # type: ignore[arg-type]
        niveau=options["niveau"],  # type: ignore[arg-type]
        players=options["players"],  # type: ignore[arg-type]
        output_dir=options["output_dir"],  # type: ignore[arg-type]
        hidden_voting=bool(options["verdekt"]),
        ascii=bool(options["ascii_mode"]),
    )
    store = SessionStore()
    try:
        launch = build_launch(settings, store)
    except LaunchError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    _goodbye(run_app(launch, store))


@main.command()
@click.argument("session_id", metavar="[ID]", required=False)
@UIT_OPTION
@ASCII_OPTION
def resume(session_id: str | None, output_dir: Path, ascii_mode: bool) -> None:
    """Zie de opgeslagen spellen, of speel verder met spel ID (of het begin van de code)."""
    from dialoogspel.sessions import SessionStore, format_session_table
    from dialoogspel.storage import StorageError

    store = SessionStore()
    if session_id is None:
        resume_collector()  # only a list: no app will start
        summaries = store.list_sessions()
        for problem in store.problems:
            click.echo(problem, err=True)
        if not summaries:
            click.echo("Er zijn nog geen opgeslagen spellen.")
            return
        for line in format_session_table(summaries):
            click.echo(line)
        click.echo("\nVerder spelen: dialoogspel resume ID")
        return
    from dialoogspel.tui.run import LaunchError, PlayOptions, resume_launch, run_app

    try:
        launch = resume_launch(
            store.resolve(session_id), store, PlayOptions(output_dir=output_dir, ascii=ascii_mode)
        )
    except (LaunchError, StorageError) as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    _goodbye(run_app(launch, store))


def _goodbye(session: object) -> None:
    """After play: tell the team their work is safe and how to continue."""
    session_id = getattr(session, "id", None)
    if session_id:
        click.echo(f"Alles is bewaard. Verder spelen: dialoogspel resume {session_id}")


# -- decks: list, validate, new (no textual here: these must start fast) ----------------------


@main.command("decks")
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
            click.echo(f"Let op: de map {folder} bestaat niet.", err=True)
    rows = []
    for ref in deck_files.find_decks(deck_folders):
        result = deck_files.load_deck(ref.path)
        deck = result.deck
        note = _replaces_note(ref)
        if deck is None:
            broken = f"fout: zie dialoogspel validate {ref.path}{note}"
            rows.append((ref.name, broken, "", "", ""))
            continue
        hex_code = deck_files.colour_hex(deck.colour) or ""
        cards = _count(len(deck.cards), "kaart", "kaarten")
        rows.append((ref.name, deck.theme, hex_code, cards, ref.source + note))
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
    click.echo(f"\n{deck_files.BUILTIN}: {deck_files.builtin_decks_dir()}")


def _replaces_note(ref: deck_files.DeckRef) -> str:
    """The note after a deck that hides others of its name, e.g. "(vervangt de ingebouwde stapel)".

    Empty for a deck that hides nothing.
    """
    if not ref.replaces:
        return ""
    hidden = [
        "de ingebouwde stapel" if other.source == deck_files.BUILTIN else str(other.path)
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


@main.command()
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
            click.echo(f"{given}: {error}")
            checked, invalid = checked + 1, invalid + 1
            continue
        if not files:
            click.echo(f"{given}: in deze map staan geen .yaml-bestanden.")
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
                click.echo(f"{path}: OK: {cards}{note}")
            else:
                invalid += 1
                click.echo(
                    f"{path}: niet in orde, {_count(len(result.errors), 'fout', 'fouten')}{note}"
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


@main.command("new-deck")
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
        click.echo(f"Nieuwe stapel gemaakt: {file_name}, een kopie van {original}")
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
