"""`dialoogspel export SESSIE [--uit MAP]`: the outcome file again, from a saved session."""

from __future__ import annotations

from pathlib import Path

import click

from dialoogspel.dutch_click import DutchCommand
from dialoogspel.textsafe import visible


@click.command("export", cls=DutchCommand)
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

    SESSIE is de code van het spel, of het begin ervan (zie: dialoogspel resume). Het spel houdt
    één bestand bij: dat wordt bijgewerkt zolang niemand het veranderde. Een bestand van een
    ander wordt nooit overschreven.
    """
    from dialoogspel.sessions import SessionStore
    from dialoogspel.storage import StorageError
    from dialoogspel.table import Exporter, StartRefused, Table, claim_session

    store = SessionStore()
    try:
        full_id = store.resolve(session_id)
        lock = claim_session(store.home, full_id)
        session = store.load(full_id)
    except (StorageError, StartRefused) as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    table = Table(
        session,
        store.save,
        Exporter(folder, store.home),
        today=lambda: session.created.date(),
        lock=lock,
    )
    try:
        outcome = table.exporter.write_now(session, session.created.date(), EXPORT_WAIT_SECONDS)
        if outcome is None:
            table.exporter.abandon()
            click.echo(f"De map {visible(str(folder))} geeft geen antwoord.", err=True)
            click.echo("Een andere map kiezen: dialoogspel export SESSIE --uit MAP", err=True)
            raise SystemExit(1)
        table.record_export(outcome)  # remember the file, so the next write updates it
        if table.save_problem:
            click.echo(table.save_problem, err=True)
        if outcome.path is None:
            click.echo(outcome.message, err=True)
            click.echo("Een andere map kiezen: dialoogspel export SESSIE --uit MAP", err=True)
            raise SystemExit(1)
        click.echo(outcome.message)
    finally:
        table.release()


EXPORT_WAIT_SECONDS = 20.0
"""How long `export` waits for a share before it gives up (the local copy is kept)."""
