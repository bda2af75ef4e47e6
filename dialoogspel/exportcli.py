"""`dialoogspel export SESSIE [--uit MAP]`: the outcome file again, from a saved session."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dialoogspel.dutch_click import DutchCommand
from dialoogspel.textsafe import visible

if TYPE_CHECKING:
    from dialoogspel.outcome.privacy import PrivacyFinding


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
@click.option(
    "--toch-opslaan",
    "write_anyway",
    is_flag=True,
    help="Schrijf ook als er iets in staat dat op een BSN, studentnummer, e-mailadres of"
    " telefoonnummer lijkt. Zonder terminal is dit de enige manier om toch op te slaan.",
)
def export_command(session_id: str, folder: Path, write_anyway: bool) -> None:
    """Schrijf de uitkomst (Markdown) opnieuw vanuit een opgeslagen spel.

    SESSIE is de code van het spel, of het begin ervan (zie: dialoogspel resume). Het spel houdt
    één bestand bij: dat wordt bijgewerkt zolang niemand het veranderde. Een bestand van een
    ander wordt nooit overschreven. Staat er iets in dat op gegevens van een student lijkt, dan
    vraagt export eerst of het toch mag (zonder terminal: gebruik --toch-opslaan).
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
        findings = table.privacy_question()
        if findings and not (write_anyway or _confirmed(findings, session.id, folder)):
            raise SystemExit(1)
        if findings:
            table.write_anyway(findings)  # asked once: kept in the session
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


def _stdin_is_terminal() -> bool:
    """Someone can answer a question here (not a script, not a pipe)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _confirmed(findings: Sequence[PrivacyFinding], session_id: str, folder: Path) -> bool:
    """Say what looks like personal data; on a terminal ask j/n, else refuse (SPEC section 6)."""
    from dialoogspel.table.privacy import PRIVACY_INTRO, PRIVACY_TITLE, WRITE_ANYWAY_OPTION

    click.echo(PRIVACY_TITLE, err=True)
    click.echo(PRIVACY_INTRO, err=True)
    for finding in findings:
        click.echo(f"- {finding.message}", err=True)
    if not _stdin_is_terminal():
        click.echo(
            "Niet geschreven: er is geen terminal om het te vragen. Pas de tekst aan met:"
            f" dialoogspel resume {session_id}. Of schrijf toch met {WRITE_ANYWAY_OPTION}.",
            err=True,
        )
        return False
    answer = click.prompt(
        "Toch naar de map schrijven? Typ j voor ja, n voor nee",
        default="n",
        show_default=False,
        err=True,
    )
    if answer.strip().casefold() in ("j", "ja"):
        return True
    click.echo(f"Niet geschreven. Pas de tekst aan met: dialoogspel resume {session_id}", err=True)
    return False


EXPORT_WAIT_SECONDS = 20.0
"""How long `export` waits for a share before it gives up (the local copy is kept)."""
