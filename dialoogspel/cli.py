"""Command line: a thin click group over the library (filled in per command)."""

from __future__ import annotations

from pathlib import Path

import click

from dialoogspel import __version__


@click.group(invoke_without_command=True)
@click.version_option(__version__, "--version", prog_name="dialoogspel", message="%(prog)s %(version)s")
def main() -> None:
    """Dialoogspel voor onderwijsteams."""


@main.command("export")
@click.argument("session_id", metavar="SESSIE")
@click.option(
    "--uit",
    "folder",
    type=click.Path(path_type=Path),
    default=".",
    show_default=True,
    help="Map waarin het Markdown-bestand komt.",
)
def export_command(session_id: str, folder: Path) -> None:
    """Schrijf de uitkomst (Markdown) opnieuw vanuit een opgeslagen spel.

    SESSIE is de code van het spel, of het begin ervan (zie: dialoogspel resume). Het bestand
    krijgt de datum van het spel en overschrijft nooit een bestaand bestand.
    """
    from dialoogspel.storage import SessionStore, StorageError, save_outcome

    store = SessionStore()
    try:
        session = store.load(store.resolve(session_id))
    except StorageError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    result = save_outcome(session, folder, session.created.date(), home=store.home)
    if not result.ok:
        click.echo(result.message, err=True)
        raise SystemExit(1)
    try:
        store.save(session)  # remember the export, so resume lists the session as finished
    except StorageError as error:
        click.echo(str(error), err=True)
    click.echo(result.message)
