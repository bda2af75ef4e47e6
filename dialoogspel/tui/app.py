"""The app: owns the session, saves it after every change, and routes between screens."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from textual.app import App
from textual.filter import LineFilter
from textual.screen import Screen

from dialoogspel.collector import resume_collector
from dialoogspel.locks import SessionLock
from dialoogspel.model import Session
from dialoogspel.table import Exporter, Launch, StartLocked, Table, claim_session
from dialoogspel.table.autosave import Autosaver, BackgroundSaver, Saver
from dialoogspel.tui.appdrawing import DrawsForTerminal, terminal_theme
from dialoogspel.tui.appsaving import AutosaveFinished, ExportFinished, SavesAndExports
from dialoogspel.tui.cursor import CursorFollowsFocus
from dialoogspel.tui.glyphs import Glyphs, choose_glyphs
from dialoogspel.tui.keys import APP_KEYS, KeyAction, bindings
from dialoogspel.tui.nocontrol import NoControlFilter
from dialoogspel.tui.screens.play import PlayScreen
from dialoogspel.tui.toosmall import follow_screens

if TYPE_CHECKING:
    from dialoogspel.tui.screens.setup import SetupScreen

__all__ = [
    "AutosaveFinished",
    "DialoogspelApp",
    "ExportFinished",
    "Launch",
    "terminal_theme",
]

Loader = Callable[[str], Session]
"""Reads a saved session by id; raises an exception with a Dutch message when it can't."""


PLAIN_WIDGETS = "dialoogspel.tui.plainwidgets"
"""The module that sets Textual's widgets to ASCII (and back)."""


def app_css_paths(plain: bool, plain_focus: bool, setup: bool) -> list[str | PurePath]:
    """The app's style files (in place of a CSS_PATH), parsed before the first screen shows:
    the rules for ASCII or for focus without colour only when needed, and the setup form's own
    file when the app starts on it (as the base screen, Textual would not load its CSS_PATH)."""
    paths: list[str | PurePath] = ["app.tcss"]
    if plain:
        paths.append("ascii.tcss")
    elif plain_focus:
        paths.append("plainfocus.tcss")
    if setup:
        paths.append("screens/setup.tcss")
    return paths


class DialoogspelApp(CursorFollowsFocus, SavesAndExports, DrawsForTerminal, App[None]):
    """The terminal face of the game."""

    TITLE = "Dialoogspel"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = bindings(APP_KEYS)  # replaces Textual's ctrl+c hint and ctrl+q quit

    def __init__(
        self,
        launch: Launch,
        saver: Autosaver | Saver | None = None,
        loader: Loader | None = None,
        home: Path | None = None,
    ) -> None:
        glyphs = choose_glyphs(launch.ascii)
        plain_focus = not glyphs.plain and bool(os.environ.get("NO_COLOR"))
        super().__init__(css_path=app_css_paths(glyphs.plain, plain_focus, launch.session is None))
        self.plain_focus = plain_focus
        """Colour is off (NO_COLOR, not ASCII): focus is marked by shape (plainfocus.tcss)."""
        self.launch = launch
        """The start-up choices from the command line."""
        self.saver = saver
        """Saves after every change; None keeps the session in memory only (tests)."""
        if isinstance(saver, BackgroundSaver):
            saver.listener = lambda: self.post_message(AutosaveFinished())
        self.loader = loader
        """Reads a saved session for the setup screen's resume offer."""
        self.glyphs: Glyphs = glyphs
        """The characters to draw with."""
        self.exporter = Exporter(launch.output_dir, home)
        """The run's one outcome writer."""
        self.exporter.listener = self._export_finished
        self.table: Table | None = None
        """The session in play, once set up."""
        self.today: Callable[[], date] = date.today
        """Today's date for outcome files and deadlines (tests fix it)."""
        self.home = home
        """The data folder, where a session's lock file goes; None in tests (no lock)."""
        self.no_control = NoControlFilter()
        """Keeps control characters in data (a paste, an edited session file) off the terminal."""
        self.cut_mark: LineFilter | None = None
        """ASCII mode: Textual's "…" in a title cut short becomes "~"."""
        if self.glyphs.plain:
            from dialoogspel.tui.plainwidgets import CutMarkFilter  # ASCII only: start-up

            self.cut_mark = CutMarkFilter()
        if launch.session is not None:
            self.table = self._table_for(launch.session, launch.lock)

    @property
    def session(self) -> Session | None:
        """The game being played, once set up."""
        return self.table.session if self.table is not None else None

    @property
    def save_problem(self) -> str:
        """The last autosave failure in Dutch; empty when the last save worked."""
        return self.table.save_problem if self.table is not None else ""

    def _table_for(self, session: Session, lock: SessionLock | None) -> Table:
        if session.output_dir:
            self.exporter.folder = Path(session.output_dir)
        table = Table(session, self.saver, self.exporter, today=lambda: self.today(), lock=lock)
        table.on_problem = self._warn_about_saving
        return table

    def get_default_screen(self) -> Screen:
        """The first card, or the setup form, as the base screen.

        Rather than pushing it over Textual's empty default screen: that saves composing,
        styling and drawing a screen nobody sees, so the first screen shows sooner. Setup is
        later switched for the play screen (switch_screen replaces the base screen too).
        """
        if self.table is not None:
            return PlayScreen(self.table, self.glyphs)
        return self._setup_screen()

    def _setup_screen(self) -> Screen:
        """The setup form, with the offer to go on with the last unfinished session."""
        # Imported here: a team that starts straight at the first card never loads it.
        from dialoogspel.tui.screens.setup import SetupScreen

        offer = self.launch.resume_offer
        if offer is not None:  # its line has a dash: drawn as this terminal can
            offer = offer._replace(description=self.glyphs.text(offer.description))
        screen = SetupScreen(
            self.launch.decks,
            self.launch.defaults,
            self.glyphs,
            resume_offer=offer,
            earlier_folder=self.exporter.folder,
        )
        # switch_screen drops the result callback that push_screen gives every screen; the
        # base screen has none (Textual 8.2.8, its issue 2650), so it gets the empty one here.
        screen._push_result_callback(self, None)
        return screen

    def on_mount(self) -> None:
        self.call_after_refresh(resume_collector)  # start-up is over once the first frame is out
        if self.glyphs.plain or PLAIN_WIDGETS in sys.modules:
            # Loaded for ASCII only (start-up), and to give Textual its glyphs back after it.
            from dialoogspel.tui.plainwidgets import draw_textual_plain

            draw_textual_plain(self.glyphs.plain)
        follow_screens(self)
        if self.glyphs.plain:
            self.add_class("-ascii")
        elif self.plain_focus:
            self.add_class("-plain-focus")  # focus by shape when colour is off
        if self.launch.colours == "terminal":
            self.theme = terminal_theme(self.available_themes)
        for problem in [*self.launch.notices, *self.launch.deck_problems]:
            self.notify(problem, severity="warning", timeout=8, markup=False)
        if self.table is not None:
            # Started from the command line or resumed: save now, so `resume` finds it even
            # when the team stops before the first change. Right after the first frame: the
            # card shows a few ms sooner, and any key pressed later saves again anyway.
            self.call_after_refresh(self.autosave)
            self.call_after_refresh(self.look_back_first)

    def start_session(self, session: Session) -> None:
        """Setup is done: save the new session and go to its first card."""
        if not session.output_dir:
            session.output_dir = str(self.exporter.folder)
        lock = None
        if self.home is not None:
            try:
                lock = claim_session(self.home, session.id)
            except StartLocked:  # a brand-new id cannot be open elsewhere; play on unlocked
                lock = None
        self.table = self._table_for(session, lock)
        self.autosave()
        self.switch_screen(PlayScreen(self.table, self.glyphs))
        self.call_after_refresh(self.look_back_first)

    def look_back_first(self) -> None:
        """Open earlier agreements wait for an answer: the terugblik comes before the cards."""
        if self.table is not None and self.table.session.terugblik_pending:
            from dialoogspel.tui.screens.terugblik import TerugblikScreen

            if not isinstance(self.screen, TerugblikScreen):
                self.push_screen(TerugblikScreen(self.table, lambda: self.today()))

    def on_setup_screen_ready(self, message: SetupScreen.Ready) -> None:
        """The team filled in the setup: play starts (after the terugblik on what it chose)."""
        from dialoogspel.table import terugblik_items

        picked, problems = terugblik_items(message.terugblik)
        for problem in problems:
            self.notify(problem, severity="warning", timeout=8, markup=False)
        message.session.terugblik = [*self.launch.terugblik, *picked]
        self.start_session(message.session)

    def on_setup_screen_resume_chosen(self, message: SetupScreen.ResumeChosen) -> None:
        """The team chose to continue the offered session (unless another window plays it)."""
        self.resume_offered(message.session_id)

    def resume_offered(self, session_id: str, take_over: bool = False) -> None:
        """Claim the session for this window and play it; ask first when it is open elsewhere."""
        if self.loader is None:
            return
        lock = None
        if self.home is not None:
            try:
                lock = claim_session(self.home, session_id, take_over=take_over)
            except StartLocked as locked:
                self._ask_take_over(session_id, str(locked))
                return
        try:
            session = self.loader(session_id)
        except Exception as error:  # the loader's errors carry a Dutch message for the team
            if lock is not None:
                lock.release()
            self.notify(str(error), severity="error", timeout=10, markup=False)
            return
        self.table = self._table_for(session, lock)
        self.switch_screen(PlayScreen(self.table, self.glyphs))
        self.call_after_refresh(self.look_back_first)

    def _ask_take_over(self, session_id: str, problem: str) -> None:
        """The offered session is open in another window: take it over only when told to."""
        from dialoogspel.tui.screens.ask import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.resume_offered(session_id, take_over=True)

        self.push_screen(
            ConfirmScreen(
                "Dit spel is al open",
                problem,
                hint="j: ja, hier openen (het andere venster bewaart dan niets meer)"
                " · n of esc: nee",
            ),
            answered,
        )

    def on_play_screen_afspraken_requested(self, message: PlayScreen.AfsprakenRequested) -> None:
        """e on the play screen: the afspraken."""
        if self.table is not None:
            from dialoogspel.tui.screens.afspraken import AfsprakenScreen

            self.push_screen(AfsprakenScreen(self.table, self.glyphs))

    def action_help(self) -> None:
        """?/F1: the keys of the current screen, dialogs and the list of actions included."""
        from dialoogspel.tui.screens.help import HelpScreen  # seldom needed: not at start

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        actions: tuple[KeyAction, ...] = getattr(screen, "KEYS", ())
        title = getattr(screen, "HELP_TITLE", "dialoogspel")
        intro = getattr(screen, "HELP_INTRO", "")
        self.push_screen(HelpScreen(title, actions, intro, self.glyphs))

    def action_command_palette(self) -> None:
        """ctrl+p: the list of the screen's own actions, in Dutch."""
        from dialoogspel.tui.palette import ActionPalette  # seldom needed: not at start

        if self.use_command_palette and not isinstance(self.screen, ActionPalette):
            self.push_screen(ActionPalette(self.glyphs))
