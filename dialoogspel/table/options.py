"""What a face hands the table to start, and what it gets back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from dialoogspel.locks import SessionLock
from dialoogspel.model import Deck, Mode, Session, TerugblikItem

METHOD_THEMES = ("uitval", "verzuim", "motivatie")
"""The three themes of the method come first in setup; other decks follow by name."""


class StartRefused(Exception):
    """The options ask for something that cannot start; the message is Dutch (exit code 2)."""


@dataclass
class StartOptions:
    """The options of `dialoogspel play`, as typed."""

    decks: Sequence[str] = ()
    """--deck: names or paths, in play order."""
    deck_folders: Sequence[str] = ()
    """--decks: extra folders with decks."""
    mode: str | None = None
    """--modus."""
    casus: str | None = None
    """--casus."""
    niveau: str = ""
    """--niveau."""
    players: Sequence[str] = ()
    """--speler "Naam:rol"."""
    output_dir: Path | None = None
    """--uit; None: the current folder (or, on resume, the session's own folder)."""
    hidden_voting: bool = False
    """--verdekt."""
    core_only: bool = False
    """--kern: only the cards a deck marks as core."""
    cards: Sequence[str] = ()
    """--kaart: card ids ("U03", or "uitval/U03" when ids clash across decks)."""
    minutes: int | None = None
    """--tijd: the planned length of the session in minutes."""
    terugblik: Sequence[Path] = ()
    """--terugblik: earlier outcome files whose open agreements the team looks back on."""


@dataclass
class SetupDefaults:
    """Choices given on the command line that pre-fill the setup."""

    casus: str = ""
    """--casus."""
    niveau: str = ""
    """--niveau."""
    deck_names: list[str] = field(default_factory=list)
    """--deck: names of decks to tick."""
    mode: Mode | None = None
    """--modus."""
    participants: list[tuple[str, str]] = field(default_factory=list)
    """--speler "Naam:rol" pairs."""
    hidden_voting: bool = False
    """--verdekt."""
    core_only: bool = False
    """--kern."""
    cards: list[str] = field(default_factory=list)
    """--kaart ids, as typed."""
    minutes: int | None = None
    """--tijd."""


class ResumeOffer(NamedTuple):
    """The most recent unfinished session, offered in setup."""

    session_id: str
    """Which saved session."""
    description: str
    """One Dutch line: casus, themes, date, progress."""


@dataclass
class Launch:
    """What a face starts from: a session to play, or what the setup needs."""

    session: Session | None = None
    """A session to play straight away (complete options, or resume)."""
    decks: list[Deck] = field(default_factory=list)
    """Decks the setup offers."""
    defaults: SetupDefaults = field(default_factory=SetupDefaults)
    """Pre-filled setup choices."""
    deck_problems: list[str] = field(default_factory=list)
    """Decks left out because they have errors (told to the team once)."""
    resume_offer: ResumeOffer | None = None
    """Offered in setup when an unfinished session exists."""
    output_dir: Path = field(default_factory=lambda: Path("."))
    """Where the outcome file goes (--uit, or the resumed session's own folder)."""
    lock: SessionLock | None = None
    """This window's hold on `session` (one window per session); None in tests."""
    missing_folder: Path | None = None
    """The outcome folder does not exist: a face may offer to make it (see `create_folder`)."""
    notices: list[str] = field(default_factory=list)
    """Dutch warnings to show once at the start (for example: the --uit folder does not answer)."""
    ascii: bool = False
    """Draw with plain ASCII (--ascii): a wish of the person starting, kept for the face."""
    colours: str = "standaard"
    """--kleuren: "terminal" draws in the terminal's own colours (Textual's ANSI theme)."""
    terugblik: list[TerugblikItem] = field(default_factory=list)
    """--terugblik: the open agreements of the named files (the setup adds what it picks)."""
