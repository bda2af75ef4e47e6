"""`dialoogspel overview PATH...`: where cards land across teams (SPEC section 9)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from dialoogspel.dutch_click import DutchCommand
from dialoogspel.textsafe import visible


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    from dialoogspel.overview import parse_day

    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def summary(read: int, skipped: int, broken: int, filtered: int) -> str:
    """The closing lines in Dutch: what was read, skipped, broken and left out."""
    games = "1 spel gelezen" if read == 1 else f"{read} spellen gelezen"
    others = "1 ander bestand" if skipped == 1 else f"{skipped} andere bestanden"
    files = "1 kapot bestand" if broken == 1 else f"{broken} kapotte bestanden"
    return f"{games}. {others} overgeslagen.\n{files}, {filtered} buiten het filter."


@click.command("overview", cls=DutchCommand)
@click.argument("paths", metavar="PAD...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--thema", metavar="T", help="Alleen spellen met dit thema.")
@click.option("--niveau", metavar="N", help="Alleen spellen van dit niveau.")
@click.option(
    "--van", metavar="DATUM", callback=_day, help="Vanaf deze dag (2026-11-01 of 1-11-2026)."
)
@click.option("--tot", metavar="DATUM", callback=_day, help="Tot en met deze dag.")
@click.option(
    "--csv",
    "csv_file",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="Schrijf ook een CSV-bestand (voor Excel).",
)
@click.option(
    "--html",
    "html_file",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="Schrijf ook een HTML-bestand (met grafieken).",
)
def overview_command(
    paths: tuple[Path, ...], thema: str | None, niveau: str | None, van: date | None,
    tot: date | None, csv_file: Path | None, html_file: Path | None,
) -> None:  # fmt: skip
    """Laat zien waar de kaarten liggen, over de uitkomsten van alle teams.

    PAD is een map of een bestand. Alle .md-bestanden eronder worden gelezen. Namen van mensen
    komen nooit in het overzicht: alleen rollen.
    """
    from rich.console import Console

    from dialoogspel.overview import Filters, scan, tally
    from dialoogspel.overview.output import table, to_csv, to_html
    from dialoogspel.overview.questions import questions_for

    found = scan(paths, Filters(thema, niveau, van, tot))
    for broken in found.broken:
        click.echo(f"Niet gelezen: {broken.name}: {broken.reason}", err=True)
    if not found.outcomes:
        click.echo(
            "Geen uitkomst van een spel gevonden. Kies een map met uitkomstbestanden.", err=True
        )
        raise SystemExit(1)
    overview = tally(found.outcomes, date.today(), found.paths, found.every)
    overview.name_cards(questions_for((card for _, card in overview.kaarten), found.every))
    Console(width=min(Console().width, 80)).print(table(overview))
    click.echo(summary(len(found.outcomes), found.skipped, len(found.broken), found.filtered))
    try:
        if csv_file is not None:
            csv_file.write_bytes(to_csv(overview))
        if html_file is not None:
            html_file.write_text(to_html(overview), encoding="utf-8")
    except OSError as error:
        click.echo(f"Schrijven lukt niet: {visible(str(error))}", err=True)
        raise SystemExit(1) from None
