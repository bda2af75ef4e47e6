"""Start a session from options: load the decks, build or resume the session, every refusal in
Dutch. The command line, the setup screen and the plain-line face all start here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dialoogspel.deckcache import CACHE, load_deck_cached
from dialoogspel.decks import DeckLookupError, find_decks, resolve_deck
from dialoogspel.model import (
    CardChoice,
    Deck,
    Mode,
    RuleError,
    Session,
    SessionSetup,
    TerugblikItem,
    assign_letters,
    parse_player,
)
from dialoogspel.model.pacing import check_minutes
from dialoogspel.model.state import EVERY_CARD, build_cards
from dialoogspel.sessions import SessionStore
from dialoogspel.storage import StorageError
from dialoogspel.table.claim import claim_session
from dialoogspel.table.options import (
    METHOD_THEMES,
    Launch,
    ResumeOffer,
    SetupDefaults,
    StartOptions,
    StartRefused,
)
from dialoogspel.table.terugblik import terugblik_items
from dialoogspel.textsafe import visible
from dialoogspel.timeouts import folder_status


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
        raise StartRefused("\n".join(problems))
    return decks


def load_all_decks(folders: Sequence[str], cache: Path) -> tuple[list[Deck], list[str]]:
    """Every deck setup can offer, and a Dutch line for each that has errors."""
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
            shown = visible(str(ref.path))
            skipped.append(f"{shown}: heeft fouten (zie: dialoogspel validate {shown})")
    return decks, skipped


def new_session(
    *,
    casus: str,
    niveau: str,
    decks: Sequence[Deck],
    mode: Mode,
    people: Sequence[tuple[str, str]],
    hidden_voting: bool = False,
    output_dir: Path | None = None,
    choice: CardChoice = EVERY_CARD,
    minutes: int | None = None,
    terugblik: Sequence[TerugblikItem] = (),
) -> Session:
    """A new session from setup choices; RuleError (Dutch) when the rules refuse them
    (including an unknown or unclear --kaart, and a --kern that leaves no card)."""
    if not casus.strip():
        raise RuleError("Vul de casus in: waar gaat het gesprek over?")
    if not decks:
        raise RuleError("Kies minstens één thema.")
    setup = SessionSetup(
        casus=casus.strip(),
        niveau=niveau.strip(),
        decks=tuple(decks),
        mode=mode,
        participants=assign_letters(people),
        hidden_voting=hidden_voting,
        choice=choice,
        minutes=minutes,
    )
    session = Session(setup)
    session.terugblik = list(terugblik)
    if output_dir is not None:
        session.output_dir = str(output_dir)
    return session


def _mode(typed: str | None) -> Mode | None:
    if not typed:
        return None
    try:
        return Mode(typed)
    except ValueError:
        names = ", ".join(mode.value for mode in Mode)
        raise StartRefused(f"De modus '{typed}' bestaat niet. Kies uit: {names}.") from None


def folder_notice(folder: Path, status: str) -> str | None:
    """A Dutch warning about the outcome folder in this status, or None when it is there.

    A file where a folder should be cannot work at all: that raises StartRefused.
    """
    shown = visible(str(folder))
    if status == "not_a_folder":
        raise StartRefused(f"De map '{shown}' is een bestand, geen map.")
    if status == "missing":
        return (
            f"De map '{shown}' bestaat niet. Maak hem eerst, of kies bij het opslaan"
            " een andere map."
        )
    if status in ("timeout", "unreachable"):
        return (
            f"De map '{shown}' reageert niet. Het spel start gewoon. "
            "Bij het opslaan kun je een andere map kiezen."
        )
    return None


FOLDER_CHECK_SECONDS = 1.5
"""How long the start waits to hear whether the outcome folder is there (a share may hang)."""


def start_session(options: StartOptions, store: SessionStore) -> Launch:
    """Turn options into a start; play begins at once when they are complete.

    Raises StartRefused (Dutch) for what no face could play: unknown decks or deck errors, a
    player that is not "Naam:rol", or a setup the mode's rules refuse.
    """
    try:
        people = [parse_player(text) for text in options.players]
    except ValueError as error:
        raise StartRefused(str(error)) from error
    mode = _mode(options.mode)
    if mode is not None:
        # The same refusal as in setup; without --speler, setup will ask for the people.
        count = len(people) if people else mode.rules.min_participants
        try:
            mode.rules.check_setup(count, options.hidden_voting)
        except RuleError as refusal:
            raise StartRefused(str(refusal)) from None
    choice = CardChoice(core_only=options.core_only, card_ids=tuple(options.cards))
    try:
        check_minutes(options.minutes)
    except RuleError as refusal:
        raise StartRefused(str(refusal)) from None
    cache = store.home / CACHE
    chosen = load_named_decks(options.decks, options.deck_folders, cache)
    if chosen and not choice.everything:
        try:  # the decks are known: refuse an unknown or unclear card before anything starts
            build_cards(tuple(chosen), options.niveau.strip(), choice)
        except RuleError as refusal:
            raise StartRefused(str(refusal)) from None
    output_dir = options.output_dir if options.output_dir is not None else Path(".")
    start = Launch(output_dir=output_dir)
    if options.output_dir is not None:
        _check_folder(start, options.output_dir)
    start.terugblik, problems = terugblik_items(options.terugblik)
    start.notices += problems
    if chosen and mode and options.casus and people:
        try:
            start.session = new_session(
                casus=options.casus,
                niveau=options.niveau,
                decks=chosen,
                mode=mode,
                people=people,
                hidden_voting=options.hidden_voting,
                output_dir=options.output_dir,
                choice=choice,
                minutes=options.minutes,
                terugblik=start.terugblik,
            )
        except RuleError as refusal:
            raise StartRefused(str(refusal)) from None
        start.lock = claim_session(store.home, start.session.id)
        return start
    start.decks, start.deck_problems = load_all_decks(options.deck_folders, cache)
    if not start.decks:
        raise StartRefused("Er zijn geen kaartstapels gevonden. Kijk: dialoogspel decks")
    start.defaults = SetupDefaults(
        casus=options.casus or "",
        niveau=options.niveau,
        deck_names=[deck.name for deck in chosen],
        mode=mode,
        participants=people,
        hidden_voting=options.hidden_voting,
        core_only=options.core_only,
        cards=list(options.cards),
        minutes=options.minutes,
    )
    latest = store.latest_unfinished()
    if latest is not None:
        start.resume_offer = ResumeOffer(latest.id, store.describe(latest))
    return start


def resume_session(
    session_id: str, store: SessionStore, output_dir: Path | None, *, take_over: bool = False
) -> Launch:
    """A start that continues a saved session where the team was, in its own output folder
    unless --uit names another.

    StartLocked when another window plays it; `take_over=True` after the person confirmed
    that window is closed.
    """
    try:
        full_id = store.resolve(session_id)
    except StorageError as error:
        raise StartRefused(str(error)) from error
    lock = claim_session(store.home, full_id, take_over=take_over)
    try:
        session = store.load(full_id)
    except StorageError as error:
        if lock is not None:
            lock.release()
        raise StartRefused(str(error)) from error
    if output_dir is not None:
        session.set_output_dir(str(output_dir))
    folder = Path(session.output_dir) if session.output_dir else Path(".")
    start = Launch(session=session, output_dir=folder, lock=lock)
    _check_folder(start, folder)
    return start


def _check_folder(start: Launch, folder: Path) -> None:
    """Note on the launch what is wrong with the outcome folder, without ever hanging."""
    status = folder_status(folder, FOLDER_CHECK_SECONDS)
    notice = folder_notice(folder, status)
    if notice:
        start.notices.append(notice)
    if status == "missing":
        start.missing_folder = folder
