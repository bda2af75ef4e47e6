"""The app: owns the session, saves it after every change, and routes between screens."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from dialoogspel.launch import resume_collector
from dialoogspel.model import Deck, Mode, Session
from dialoogspel.storage import StorageError
from dialoogspel.tui.glyphs import Glyphs, choose_glyphs
from dialoogspel.tui.keys import KeyAction
from dialoogspel.tui.messages import SessionChanged
from dialoogspel.tui.screens.play import PlayScreen

if TYPE_CHECKING:
    from dialoogspel.tui.screens.afspraken import AfsprakenScreen
    from dialoogspel.tui.screens.setup import SetupScreen

Saver = Callable[[Session], None]
"""Writes the session somewhere safe; raises OSError when it can't."""
Loader = Callable[[str], Session]
"""Reads a saved session by id; raises an exception with a Dutch message when it can't."""


@dataclass
class SetupDefaults:
    """Choices given on the command line that pre-fill the setup screen."""

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


class ResumeOffer(NamedTuple):
    """The most recent unfinished session, offered on the setup screen."""

    session_id: str
    """Which saved session."""
    description: str
    """One Dutch line: casus, themes, date, progress."""


@dataclass
class Launch:
    """What the command line hands the app: a session to continue, or what setup needs."""

    session: Session | None = None
    """A session to play straight away (from --options or resume)."""
    decks: list[Deck] = field(default_factory=list)
    """Decks the setup screen offers."""
    defaults: SetupDefaults = field(default_factory=SetupDefaults)
    """Pre-filled choices for the setup screen."""
    deck_problems: list[str] = field(default_factory=list)
    """Decks that could not be offered because they have errors (told to the team once)."""
    resume_offer: ResumeOffer | None = None
    """Offered on the setup screen when an unfinished session exists."""
    output_dir: Path = field(default_factory=Path.cwd)
    """Where the outcome file goes (--uit)."""
    ascii: bool = False
    """Draw with plain ASCII (--ascii)."""


class DialoogspelApp(App[None]):
    """The terminal face of the game."""

    CSS_PATH = "app.tcss"
    TITLE = "Dialoogspel"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self, launch: Launch, saver: Saver | None = None, loader: Loader | None = None
    ) -> None:
        super().__init__()
        self.launch = launch
        """The start-up choices from the command line."""
        self.saver = saver
        """Called after every change; None keeps the session in memory only (tests)."""
        self.loader = loader
        """Reads a saved session for the setup screen's resume offer."""
        self.glyphs: Glyphs = choose_glyphs(launch.ascii)
        """The characters to draw with."""
        self.session: Session | None = launch.session
        """The game being played, once set up."""
        self.save_problem = ""
        """The last autosave failure, so the team is warned once, not on every key."""
        self.today: Callable[[], date] = date.today
        """Today's date for outcome files and deadlines (tests fix it)."""

    def get_default_screen(self) -> Screen:
        """The first card as the base screen when play starts at once.

        Rather than pushing it over Textual's empty default screen: that saves composing,
        styling and drawing a screen nobody sees, so the first card shows sooner. The setup
        screen is pushed instead, because it is later switched for the play screen.
        """
        if self.session is not None:
            return PlayScreen(self.session, self.glyphs)
        return super().get_default_screen()

    def on_mount(self) -> None:
        self.call_after_refresh(resume_collector)  # start-up is over once the first frame is out
        if self.glyphs.plain:
            self.add_class("-ascii")
        for problem in self.launch.deck_problems:
            self.notify(problem, severity="warning", timeout=8)
        if self.session is not None:
            # Started from the command line or resumed: save now, so `resume` finds it even
            # when the team stops before the first change. Right after the first frame: the
            # card shows a few ms sooner, and any key pressed later saves again anyway.
            self.call_after_refresh(self.autosave)
        else:
            # Imported here: a team that starts straight at the first card never loads it.
            from dialoogspel.tui.screens.setup import SetupScreen

            self.push_screen(
                SetupScreen(
                    self.launch.decks,
                    self.launch.defaults,
                    self.glyphs,
                    resume_offer=self.launch.resume_offer,
                )
            )

    def start_session(self, session: Session) -> None:
        """Setup is done: save the new session and go to its first card."""
        self.session = session
        self.autosave()
        self.switch_screen(PlayScreen(session, self.glyphs))

    def on_setup_screen_ready(self, message: SetupScreen.Ready) -> None:
        """The team filled in the setup: play starts."""
        self.start_session(message.session)

    def on_setup_screen_resume_chosen(self, message: SetupScreen.ResumeChosen) -> None:
        """The team chose to continue the offered session."""
        if self.loader is None:
            return
        try:
            session = self.loader(message.session_id)
        except Exception as error:  # the loader's errors carry a Dutch message for the team
            self.notify(str(error), severity="error", timeout=10)
            return
        self.session = session
        self.switch_screen(PlayScreen(session, self.glyphs))

    def on_play_screen_afspraken_requested(self, message: PlayScreen.AfsprakenRequested) -> None:
        """e on the play screen: the afspraken, writing to the last folder that worked."""
        if self.session is not None:
            from dialoogspel.tui.screens.afspraken import AfsprakenScreen

            self.push_screen(
                AfsprakenScreen(self.session, self.glyphs, self.launch.output_dir, today=self.today)
            )

    def on_afspraken_screen_exported(self, message: AfsprakenScreen.Exported) -> None:
        """An outcome file was written: the next one goes to the same folder."""
        self.launch.output_dir = message.path.parent

    def on_afspraken_screen_outcome_written(self, message: AfsprakenScreen.OutcomeWritten) -> None:
        """A write finished after the team left the afspraken screen: record it and tell them."""
        result = message.result
        if result.path is None or self.session is None:
            self.notify(
                f"{result.message} Druk e en dan m om een andere map te kiezen.",
                severity="error",
                timeout=20,
            )
            return
        self.session.mark_exported(str(result.path))
        self.launch.output_dir = result.path.parent
        self.autosave()
        self.notify(f"Uitkomst opgeslagen als: {result.path}", timeout=15)

    def on_session_changed(self, message: SessionChanged) -> None:
        message.stop()
        self.autosave()

    def autosave(self) -> None:
        """Save the session now; warn (once per kind of problem) when that fails."""
        if self.session is None or self.saver is None:
            return
        try:
            self.saver(self.session)
        except (OSError, StorageError) as error:
            problem = str(error)
            if problem != self.save_problem:
                self.notify(
                    f"{problem} Het spel gaat door; bij de volgende stap proberen we het opnieuw.",
                    severity="error",
                    timeout=10,
                )
            self.save_problem = problem
        else:
            self.save_problem = ""

    def get_key_display(self, binding: Binding) -> str:
        """Footer keys as this terminal can draw them (→ becomes -> in ASCII mode)."""
        return self.glyphs.text(super().get_key_display(binding))

    def action_help(self) -> None:
        """?/F1: the keys of the current screen."""
        from dialoogspel.tui.screens.help import HelpScreen  # seldom needed: not at start

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        actions: tuple[KeyAction, ...] = getattr(screen, "KEYS", ())
        title = getattr(screen, "HELP_TITLE", "dialoogspel")
        intro = getattr(screen, "HELP_INTRO", "")
        self.push_screen(HelpScreen(title, actions, intro, self.glyphs))

    def action_stop(self) -> None:
        """q: stop; the session was saved after every change already."""
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers the screen's own actions first, from the same registry as the keys."""
        for action in getattr(screen, "KEYS", ()):
            if action.palette:
                yield SystemCommand(
                    action.label if action.footer else action.help,
                    action.help,
                    lambda action=action: self.call_later(screen.run_action, action.action),
                )
        yield from super().get_system_commands(screen)
