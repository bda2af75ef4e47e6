"""Start the app from command-line choices: load decks, build or resume a session, run, report."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dialoogspel.deckcache import CACHE, load_deck_cached
from dialoogspel.decks import DeckLookupError, find_decks, resolve_deck
from dialoogspel.model import (
    Deck,
    Mode,
    RuleError,
    Session,
    SessionSetup,
    assign_letters,
    parse_player,
)
from dialoogspel.sessions import SessionStore
from dialoogspel.storage import StorageError
from dialoogspel.tui.app import DialoogspelApp, Launch, ResumeOffer, SetupDefaults
from dialoogspel.tui.writer import outcome_still_writing

METHOD_THEMES = ("uitval", "verzuim", "motivatie")
"""The three themes of the method come first on the setup screen; other decks follow by name."""


class LaunchError(Exception):
    """The command line asked for something that cannot start; the message is Dutch."""


@dataclass
class PlayOptions:
    """The options of `dialoogspel play`, as typed."""

    decks: Sequence[str] = ()
    deck_folders: Sequence[str] = ()
    mode: str | None = None
    casus: str | None = None
    niveau: str = ""
    players: Sequence[str] = ()
    output_dir: Path = field(default_factory=Path.cwd)
    hidden_voting: bool = False
    ascii: bool = False


def load_named_decks(names: Sequence[str], folders: Sequence[str], cache: Path) -> list[Deck]:
    """The decks named with --deck, in that order; every problem of every file in one message.

    `cache` is the deck cache's folder (see `dialoogspel.deckcache`).
    """
    decks: list[Deck] = []
    problems: list[str] = []
    for name in names:
        try:
            path = resolve_deck(name, folders)
        except DeckLookupError as error:
            problems.append(str(error))
            continue
        result = load_deck_cached(path, cache)
        problems.extend(str(p) for p in result.errors)
        if result.deck is not None and not result.errors:
            decks.append(result.deck)
    if problems:
        raise LaunchError("\n".join(problems))
    return decks


def load_all_decks(folders: Sequence[str], cache: Path) -> tuple[list[Deck], list[str]]:
    """Every deck the setup screen can offer, and a Dutch line for each that has errors."""
    decks: list[Deck] = []
    skipped: list[str] = []
    refs = sorted(
        find_decks(folders),
        key=lambda ref: (
            METHOD_THEMES.index(ref.name) if ref.name in METHOD_THEMES else len(METHOD_THEMES),
            ref.name,
        ),
    )
    for ref in refs:
        result = load_deck_cached(ref.path, cache)
        if result.deck is not None and not result.errors:
            decks.append(result.deck)
        else:
            skipped.append(f"{ref.path}: heeft fouten (zie: dialoogspel validate {ref.path})")
    return decks, skipped


def build_launch(options: PlayOptions, store: SessionStore) -> Launch:
    """Turn options into what the app needs; play starts at once when they are complete."""
    try:
        people = [parse_player(text) for text in options.players]
    except ValueError as error:
        raise LaunchError(str(error)) from error
    cache = store.home / CACHE
    chosen = load_named_decks(options.decks, options.deck_folders, cache)
    mode = Mode(options.mode) if options.mode else None
    launch = Launch(output_dir=options.output_dir, ascii=options.ascii)
    if chosen and mode and options.casus and people:
        setup = SessionSetup(
            casus=options.casus.strip(),
            niveau=options.niveau.strip(),
            decks=tuple(chosen),
            mode=mode,
            participants=assign_letters(people),
            hidden_voting=options.hidden_voting,
        )
        try:
            launch.session = Session(setup)
        except RuleError as error:
            raise LaunchError(str(error)) from error
        return launch
    launch.decks, launch.deck_problems = load_all_decks(options.deck_folders, cache)
    if not launch.decks:
        raise LaunchError("Er zijn geen kaartstapels gevonden. Kijk: dialoogspel decks")
    launch.defaults = SetupDefaults(
        casus=options.casus or "",
        niveau=options.niveau,
        deck_names=[deck.name for deck in chosen],
        mode=mode,
        participants=people,
        hidden_voting=options.hidden_voting,
    )
    latest = store.latest_unfinished()
    if latest is not None:
        launch.resume_offer = ResumeOffer(latest.id, store.describe(latest))
    return launch


def run_app(launch: Launch, store: SessionStore) -> Session | None:
    """Run the app until the team stops; returns the session that was played and saved, if any.

    When the last autosave failed the team is told so here, and None is returned: the goodbye
    must not promise that `resume` will find it.
    """
    app = DialoogspelApp(launch, saver=store.save, loader=store.load)
    app.run()
    if app.session is not None and outcome_still_writing():
        print(
            "Let op: de uitkomst werd nog opgeslagen toen jullie stopten; dat is afgebroken. "
            f"Schrijf hem opnieuw met: dialoogspel export {app.session.id} --uit MAP",
            file=sys.stderr,
        )
    if app.session is not None and app.save_problem:
        print(f"Let op: het spel is niet bewaard. {app.save_problem}", file=sys.stderr)
        return None
    return app.session


def resume_launch(session_id: str, store: SessionStore, options: PlayOptions) -> Launch:
    """A launch that continues a saved session at the card where the team was."""
    try:
        session = store.load(session_id)
    except StorageError as error:
        raise LaunchError(str(error)) from error
    return Launch(session=session, output_dir=options.output_dir, ascii=options.ascii)
