"""Command line: a thin click group over the library; the deck commands live in deckcli.py."""

from __future__ import annotations

from pathlib import Path

import click

from dialoogspel import __version__
from dialoogspel.deckcli import DECK_OPTION, decks_command, new_deck, validate
from dialoogspel.dutch_click import DutchGroup
from dialoogspel.launch import resume_collector


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


for deck_command in (decks_command, validate, new_deck):
    main.add_command(deck_command)
from dialoogspel.printcli import print_command  # noqa: E402  (print: issue 15)

main.add_command(print_command)
