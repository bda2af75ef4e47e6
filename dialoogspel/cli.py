"""Command line: a thin click group over the library. play and resume live here (their shared
options in playoptions.py); export in exportcli.py, the deck commands in deckcli.py, print in
printcli.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dialoogspel import __version__
from dialoogspel.collector import resume_collector
from dialoogspel.deckcli import DECK_OPTION, decks_command, new_deck, validate
from dialoogspel.dutch_click import DutchGroup, ask_yes
from dialoogspel.exportcli import export_command
from dialoogspel.line.choose import SCREEN
from dialoogspel.overviewcli import overview_command
from dialoogspel.playoptions import ASCII_OPTION, UIT_OPTION, Minutes, face_options
from dialoogspel.printcli import print_command
from dialoogspel.textsafe import visible

if TYPE_CHECKING:
    from dialoogspel.sessions import SessionStore
    from dialoogspel.table import Launch


class PlayByDefault(DutchGroup):
    """`dialoogspel --uit X` means `dialoogspel play --uit X`: leading options are play's."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Put `play` in front when the first word is a play option."""
        own = {"--help", "-h", "--version"}
        if args and args[0].startswith("-") and args[0] not in own:
            args = ["play", *args]
        return super().parse_args(ctx, args)


@click.group(
    cls=PlayByDefault,
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
        resume_collector()  # no app will start: collect garbage as usual (see collector.py)


@main.command()
@click.option("--deck", "decks", multiple=True, metavar="NAAM|PAD", help="Kaartstapel (mag vaker).")
@DECK_OPTION
@click.option(
    "--modus",
    type=click.Choice(["vragen", "pionnen", "samen", "gemengd"]),
    help="vragen: alleen praten · pionnen: iedereen zet een pion · samen: samen leggen"
    " · gemengd: samen leggen, bij twijfel (t) pionnen.",
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
@click.option(
    "--kaart",
    "cards",
    multiple=True,
    metavar="ID",
    help="Speel alleen deze kaart (mag vaker). Zelfde id in twee stapels? Schrijf STAPEL/ID.",
)
@click.option("--kern", "core_only", is_flag=True, help="Alleen de kernkaarten (kern: ja).")
@click.option(
    "--tijd",
    "minutes",
    type=Minutes(),
    metavar="MINUTEN",
    help="Hoe lang het gesprek mag duren. Het spel toont de tijd per kaart.",
)
@click.option(
    "--terugblik",
    "terugblik",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="BESTAND",
    help="Kijk eerst terug op de open afspraken in deze uitkomst van vorige keer (mag vaker).",
)
@ASCII_OPTION
@face_options
def play(
    decks: tuple[str, ...],
    deck_folders: tuple[str, ...],
    modus: str | None,
    casus: str | None,
    niveau: str,
    players: tuple[str, ...],
    output_dir: Path | None,
    verdekt: bool,
    cards: tuple[str, ...],
    core_only: bool,
    minutes: int | None,
    ascii_mode: bool,
    terugblik: tuple[Path, ...] = (),
    eenvoudig: bool = False,
    scherm: bool = False,
    kleuren: str = "standaard",
) -> None:
    """Speel het dialoogspel.

    Met --deck, --modus, --casus en minstens één --speler begint het spel meteen bij de eerste
    kaart. Anders vul je dat eerst in op het beginscherm.
    """
    from dialoogspel.sessions import SessionStore
    from dialoogspel.table import StartOptions, StartRefused, start_session

    face = _face(eenvoudig, scherm)
    options = StartOptions(
        decks=decks,
        deck_folders=deck_folders,
        mode=modus,
        casus=casus,
        niveau=niveau,
        players=players,
        output_dir=output_dir,
        hidden_voting=verdekt,
        core_only=core_only,
        cards=cards,
        minutes=minutes,
        terugblik=terugblik,
    )
    store = SessionStore()
    try:
        launch = start_session(options, store)
    except StartRefused as refusal:
        click.echo(str(refusal), err=True)
        raise SystemExit(2) from None
    launch.ascii = ascii_mode
    launch.colours = kleuren
    _play(launch, store, face)


@main.command()
@click.argument("session_id", metavar="[ID]", required=False)
@UIT_OPTION
@ASCII_OPTION
@face_options
def resume(
    session_id: str | None,
    output_dir: Path | None,
    ascii_mode: bool,
    eenvoudig: bool = False,
    scherm: bool = False,
    kleuren: str = "standaard",
) -> None:
    """Zie de opgeslagen spellen, of speel verder met spel ID (of het begin van de code)."""
    from dialoogspel.sessions import SessionStore
    from dialoogspel.sessiontable import format_session_table

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
    from dialoogspel.table import StartLocked, StartRefused, resume_session

    face = _face(eenvoudig, scherm)
    try:
        try:
            launch = resume_session(session_id, store, output_dir)
        except StartLocked as locked:
            click.echo(str(locked), err=True)
            if not (sys.stdin.isatty() and sys.stdout.isatty()) or not ask_yes(
                "Is dat andere venster dicht? Dan hier openen"
            ):
                raise SystemExit(2) from None
            launch = resume_session(session_id, store, output_dir, take_over=True)
    except StartRefused as refusal:
        click.echo(str(refusal), err=True)
        raise SystemExit(2) from None
    launch.ascii = ascii_mode
    launch.colours = kleuren
    _play(launch, store, face)


def offer_to_create(launch: Launch) -> None:
    """A missing --uit folder: on a terminal, ask whether to make it now (never on a share
    that hangs: the folder check and the mkdir both give up after a few seconds)."""
    from dialoogspel.timeouts import create_folder

    folder = launch.missing_folder
    if folder is None or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return
    if not ask_yes(f"De map {visible(str(folder))} bestaat nog niet. Nu maken"):
        return
    if create_folder(folder) == "ok":
        launch.missing_folder = None
        launch.notices = [n for n in launch.notices if "bestaat niet" not in n]
    else:
        click.echo(f"De map {visible(str(folder))} kon niet worden gemaakt.", err=True)


def _face(eenvoudig: bool, scherm: bool) -> str:
    """The face SPEC 3.3 asks for; a Dutch refusal (exit code 2) when none can start."""
    from dialoogspel.line.choose import choose_face

    choice = choose_face(
        eenvoudig=eenvoudig,
        scherm=scherm,
        environ=os.environ,
        stdin_tty=_is_terminal(sys.stdin),
        stdout_tty=_is_terminal(sys.stdout),
    )
    if choice.refusal:
        click.echo(choice.refusal, err=True)
        raise SystemExit(2)
    if choice.warning:
        click.echo(choice.warning, err=True)
    return choice.face


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # no stream, or a closed one
        return False


def _play(launch: Launch, store: SessionStore, face: str = SCREEN) -> None:
    """Run the chosen face; its exit code becomes the command's."""
    offer_to_create(launch)
    if face == SCREEN:
        from dialoogspel.tui.run import run_app

        code = run_app(launch, store)
    else:
        from dialoogspel.line.run import run_line

        code = run_line(launch, store)
    if code:
        raise SystemExit(code)


for deck_command in (
    export_command,
    decks_command,
    validate,
    new_deck,
    print_command,
    overview_command,
):
    main.add_command(deck_command)
