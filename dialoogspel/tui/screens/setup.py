"""The setup screen: casus, niveau, themes, mode and participants, then start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    RadioSet,
    SelectionList,
    Static,
)

from dialoogspel.model import Deck, Mode, Session
from dialoogspel.present import REMINDER
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.keys import SETUP_KEYS, bindings
from dialoogspel.tui.screens.setupcolumn import PlayChoices
from dialoogspel.tui.screens.setupstart import SetupStart
from dialoogspel.tui.screens.terugblikkeuze import choose_earlier
from dialoogspel.tui.widgets.decklist import DeckList
from dialoogspel.tui.widgets.hourchoice import HourChoice
from dialoogspel.tui.widgets.modechoice import ModeChoice
from dialoogspel.tui.widgets.niveauchoice import NiveauChoice
from dialoogspel.tui.widgets.participants import ParticipantEditor
from dialoogspel.tui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from dialoogspel.table import ResumeOffer, SetupDefaults

SETUP_HELP = (
    "Vul van boven naar beneden in. Tab gaat naar het volgende veld, shift+tab terug.\n"
    "Keuzes (niveau, modus): kies met de pijltjes. Thema's: spatie zet een thema aan of uit;"
    " de volgorde waarin jullie kiezen, is de volgorde van het spel.\n"
    "Deelnemers: typ naam en rol en druk enter. Weghalen: kies iemand in de lijst en druk delete.\n"
    "Kaarten per thema: alle kaarten, kernkaarten of zelf kiezen. Zelf kiezen: Tab naar"
    " 'Kaarten kiezen' en druk enter.\n"
    "Klaar? ctrl+s of de knop 'Start het spel'."
)


class SetupScreen(SetupStart, Screen[None]):
    """The team fixes what they play; the screen reports a ready Session with a message."""

    CSS_PATH = "setup.tcss"

    KEYS = SETUP_KEYS
    BINDINGS = bindings(SETUP_KEYS)
    HELP_TITLE = "nieuw spel"
    HELP_INTRO = SETUP_HELP
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-normal"), (110, "-wide")]

    @dataclass
    class Ready(Message):
        """The setup is valid and the team pressed start."""

        session: Session
        """The new session, at its first card."""
        terugblik: tuple[Path, ...] = ()
        """Earlier outcome files the team chose to look back on."""

    @dataclass
    class ResumeChosen(Message):
        """The team chose to continue the offered unfinished session."""

        session_id: str
        """Which saved session to load."""

    def __init__(
        self,
        decks: list[Deck],
        defaults: SetupDefaults,
        glyphs: Glyphs,
        *,
        resume_offer: ResumeOffer | None = None,
        earlier_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.decks = tuple(decks)
        """The decks the team can choose from, in list order."""
        self.defaults = defaults
        """Choices from the command line that fill the form at the start."""
        self.glyphs = glyphs
        """The characters to draw with."""
        self.resume_offer = resume_offer
        """An unfinished session to offer, if any."""
        self.ready = False
        """The part below the fold (mode, participants, start) is built."""
        self.earlier_folder = earlier_folder
        """Where earlier outcome files are offered from (terugblik); None: not offered."""
        self.earlier: list[Path] = []
        """The earlier outcome files the team chose to look back on."""

    # -- building -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        defaults = self.defaults
        yield TopBar(self.glyphs)
        with VerticalScroll(id="form"):
            yield Static(REMINDER, id="reminder")
            if self.resume_offer is not None:
                with Horizontal(id="resume-row"):
                    yield Static(
                        f"Verder met het vorige spel: {self.resume_offer.description}",
                        id="resume-text",
                        markup=False,
                    )
                    yield Button("Verder spelen", id="resume")
            with Horizontal(id="columns"):
                with Vertical(id="left"):
                    yield Label("Casus: waar gaat het gesprek over?", classes="field-label")
                    yield Input(
                        defaults.casus,
                        placeholder="Bijv. klas 3B Verzorgende IG: veel verzuim na de stage",
                        id="casus",
                    )
                    yield Static(id="casus-problem", classes="problem", markup=False)
                    yield NiveauChoice(defaults.niveau, plain=self.glyphs.plain)
                    yield DeckList(self.decks, self.glyphs, id="decks")
                yield Vertical(id="right")  # filled just after the first frame: _build_right
        yield Footer(compact=True, show_command_palette=False)

    async def _build_right(self) -> None:
        """Build what is below the fold once the first frame is out: the form shows sooner."""
        right = self.query_one("#right", Vertical)
        await right.mount(PlayChoices(self.defaults, self.glyphs, self.earlier_folder))
        self.ready = True
        self.query_one(ModeChoice).show()
        self._show_decks()
        untouched = self.focused in (None, self.query_one("#form"))  # Textual's first focus
        if self.query_one("#casus", Input).value.strip() and untouched:
            self.query_one("#start", Button).focus()  # casus filled in: ready to go

    def on_mount(self) -> None:
        self.call_after_refresh(self._build_right)
        self.query_one(TopBar).show("Nieuw spel", "vul in en start met ctrl+s")
        self.query_one(DeckList).choose(self.defaults.deck_names)
        for problem in self.query(".problem"):
            problem.display = False
        self._show_decks()
        self.query_one(NiveauChoice).show_other()
        casus = self.query_one("#casus", Input)
        if not casus.value.strip():
            casus.focus()

    # -- reading the form ---------------------------------------------------------------------

    def _deck_list(self) -> SelectionList[int]:
        return self.query_one(DeckList).selection

    def _participants(self) -> ParticipantEditor:
        return self.query_one(ParticipantEditor)

    @property
    def people(self) -> list[tuple[str, str]]:
        """The (name, role) pairs entered so far: form input, turned into pawns at start."""
        return self._participants().people

    @property
    def niveau(self) -> str:
        """The niveau as chosen, or as typed under "anders"."""
        return self.query_one(NiveauChoice).niveau

    @property
    def mode(self) -> Mode:
        """The chosen mode."""
        if not self.ready:
            return self.defaults.mode or Mode.PIONNEN
        return self.query_one(ModeChoice).mode

    @property
    def hidden_voting(self) -> bool:
        """Verdekt stemmen is on, where the mode votes with pawns (else the box is off)."""
        return self.ready and self.query_one(ModeChoice).hidden_voting

    @property
    def chosen_decks(self) -> tuple[Deck, ...]:
        """The ticked decks, in the order they were ticked (that is the play order)."""
        return self.query_one(DeckList).chosen

    # -- showing ------------------------------------------------------------------------------

    def _show_decks(self) -> None:
        """Redraw the deck lines and the summary; the hour choice follows the chosen decks."""
        niveau = self.niveau
        chosen = self.chosen_decks
        total = sum(len(deck.cards_for(niveau)) for deck in chosen)
        for hour in self.query(HourChoice) if chosen else ():  # there once the form is built
            hour.show(chosen, niveau)
            counted = hour.total()
            total = counted if isinstance(counted, int) else 0
        self.query_one(DeckList).show(niveau, total)

    # -- events -------------------------------------------------------------------------------

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id == "niveau":
            self._problem("niveau", "")
            self._show_decks()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self._problem("deck", "")
        self._show_decks()

    def on_hour_choice_changed(self, event: HourChoice.Changed) -> None:
        self._show_decks()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "casus" and event.value.strip():
            self._problem("casus", "")
        elif event.input.id == "minutes":
            self._problem("minutes", "")
        elif event.input.id == "niveau-other":
            self._problem("niveau", "")
            self._show_decks()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field of its own goes to the next one (the participant fields add)."""
        event.stop()
        self.focus_next()

    def on_participant_editor_changed(self, event: ParticipantEditor.Changed) -> None:
        self._forget_not_ready()  # adding someone clears the message under the participants

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.action_start()
        elif event.button.id == "terugblik" and self.earlier_folder is not None:
            choose_earlier(self, self.earlier_folder)
        elif event.button.id == "resume" and self.resume_offer is not None:
            self.post_message(self.ResumeChosen(self.resume_offer.session_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove_participant":
            return self.ready and self._participants().list_has_focus
        return True

    def action_remove_participant(self) -> None:
        """Delete/backspace in the list: remove the highlighted participant."""
        self._participants().remove_highlighted()
