"""The setup screen: casus, niveau, themes, mode and participants, then start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    Label,
    RadioSet,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection

from dialoogspel.model import NIVEAUS, Deck, Mode, RuleError, Session
from dialoogspel.present import REMINDER
from dialoogspel.table import new_session
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.keys import SETUP_KEYS, bindings
from dialoogspel.tui.screens.terugblikkeuze import choose_earlier, earlier_button
from dialoogspel.tui.widgets.card import theme_colour
from dialoogspel.tui.widgets.choice import ChoiceSet
from dialoogspel.tui.widgets.hourchoice import HourChoice
from dialoogspel.tui.widgets.participants import ParticipantEditor
from dialoogspel.tui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from dialoogspel.table import ResumeOffer, SetupDefaults

OTHER_NIVEAU = "anders"
"""The last niveau choice: a free text field appears."""
MODES: tuple[Mode, ...] = (Mode.VRAGEN, Mode.PIONNEN, Mode.SAMEN, Mode.GEMENGD)
"""The modes in the order they are offered."""

SETUP_HELP = (
    "Vul van boven naar beneden in. Tab gaat naar het volgende veld, shift+tab terug.\n"
    "Keuzes (niveau, modus): kies met de pijltjes. Thema's: spatie zet een thema aan of uit;"
    " de volgorde waarin jullie kiezen, is de volgorde van het spel.\n"
    "Deelnemers: typ naam en rol en druk enter. Weghalen: kies iemand in de lijst en druk delete.\n"
    "Klaar? ctrl+s of de knop 'Start het spel'."
)
HIDDEN_VOTING_HINT = "De pionnen blijven bedekt tot iedereen gekozen heeft. Zo kijkt niemand af."
NIVEAU_MISSING = "Typ het niveau, of kies klas, opleiding, team of instelling."
HIDDEN_VOTING_ONLY_PIONNEN = "Verdekt stemmen is er alleen bij pionnen en gemengd."
NOT_READY = "Nog niet klaar. Kijk bij de meldingen in het formulier."


class SetupScreen(Screen[None]):
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
                    yield Label("Niveau", classes="field-label")
                    yield ChoiceSet(
                        *NIVEAUS,
                        OTHER_NIVEAU,
                        chosen=self._niveau_index(),
                        id="niveau",
                        plain=self.glyphs.plain,
                    )
                    yield Input(
                        "" if defaults.niveau.strip().casefold() in NIVEAUS else defaults.niveau,
                        placeholder="Welk niveau? Bijv. afdeling zorg",
                        id="niveau-other",
                    )
                    yield Static(id="niveau-problem", classes="problem", markup=False)
                    yield Label("Thema's: kies er een of meer", classes="field-label")
                    yield Static(
                        "Spatie zet een thema aan of uit. De volgorde van kiezen is de"
                        " volgorde van het spel.",
                        classes="hint",
                    )
                    yield SelectionList[int](
                        *(
                            Selection(Text(deck.theme), index)
                            for index, deck in enumerate(self.decks)
                        ),
                        id="deck-list",
                    )
                    yield Static(id="deck-summary", classes="hint", markup=False)
                    yield Static(id="deck-problem", classes="problem", markup=False)
                yield Vertical(id="right")  # filled just after the first frame: _build_right
        yield Footer(compact=True, show_command_palette=False)

    def _hour_choice(self) -> HourChoice:
        """Tijd and kern per deck (issue 13), filled from --tijd, --kern and --kaart."""
        defaults = self.defaults
        return HourChoice(
            minutes=defaults.minutes, core_only=defaults.core_only, card_ids=defaults.cards
        )

    def _niveau_index(self) -> int:
        wanted = self.defaults.niveau.strip().casefold()
        if not wanted:
            return NIVEAUS.index("opleiding")
        return NIVEAUS.index(wanted) if wanted in NIVEAUS else len(NIVEAUS)

    def _mode_index(self) -> int:
        return MODES.index(self.defaults.mode or Mode.PIONNEN)

    def _right_column(self) -> list[Widget]:
        """Mode, hidden voting, participants and the start button (below the fold at 80x24)."""
        defaults = self.defaults
        return [
            Label("Modus", classes="field-label"),
            ChoiceSet(
                *(m.value for m in MODES),
                chosen=self._mode_index(),
                id="mode",
                plain=self.glyphs.plain,
            ),
            Static(id="mode-explanation", classes="hint", markup=False),
            Checkbox("Verdekt stemmen", defaults.hidden_voting, id="hidden"),
            Static(id="hidden-explanation", classes="hint", markup=False),
            Label("Deelnemers", classes="field-label"),
            ParticipantEditor(defaults.participants, id="participants"),
            self._hour_choice(),
            *earlier_button(self.earlier_folder),
            Horizontal(
                Button("Start het spel", variant="primary", id="start"),
                Static(id="start-problem", classes="problem", markup=False),
                id="start-row",
            ),
        ]

    async def _build_right(self) -> None:
        """Build what is below the fold once the first frame is out: the form shows sooner."""
        right = self.query_one("#right", Vertical)
        await right.mount_all(self._right_column())
        self.query_one("#start-problem", Static).display = False
        self.ready = True
        self._show_mode()
        self._show_decks()
        untouched = self.focused in (None, self.query_one("#form"))  # Textual's first focus
        if self.query_one("#casus", Input).value.strip() and untouched:
            self.query_one("#start", Button).focus()  # casus filled in: ready to go

    def on_mount(self) -> None:
        self.call_after_refresh(self._build_right)
        self.query_one(TopBar).show("Nieuw spel", "vul in en start met ctrl+s")
        wanted = [name.casefold() for name in self.defaults.deck_names]
        chosen = [
            i for name in wanted for i, d in enumerate(self.decks) if d.name.casefold() == name
        ]
        if not chosen and self.decks:
            chosen = [0]
        deck_list = self._deck_list()
        for index in dict.fromkeys(chosen):  # in the order given, without repeats
            deck_list.select(index)
        for problem in self.query(".problem"):
            problem.display = False
        self._show_decks()
        self._show_niveau_other()
        casus = self.query_one("#casus", Input)
        if not casus.value.strip():
            casus.focus()

    # -- reading the form ---------------------------------------------------------------------

    def _deck_list(self) -> SelectionList[int]:
        return self.query_one("#deck-list", SelectionList)

    def _participants(self) -> ParticipantEditor:
        return self.query_one(ParticipantEditor)

    @property
    def people(self) -> list[tuple[str, str]]:
        """The (name, role) pairs entered so far: form input, turned into pawns at start."""
        return self._participants().people

    @property
    def niveau(self) -> str:
        """The niveau as chosen, or as typed under "anders"."""
        index = self.query_one("#niveau", RadioSet).pressed_index
        if 0 <= index < len(NIVEAUS):
            return NIVEAUS[index]
        return self.query_one("#niveau-other", Input).value.strip()

    @property
    def mode(self) -> Mode:
        """The chosen mode."""
        if not self.ready:
            return self.defaults.mode or Mode.PIONNEN
        index = self.query_one("#mode", RadioSet).pressed_index
        return MODES[index] if index >= 0 else self.defaults.mode or Mode.PIONNEN

    @property
    def chosen_decks(self) -> tuple[Deck, ...]:
        """The ticked decks, in the order they were ticked (that is the play order)."""
        return tuple(self.decks[index] for index in self._deck_list().selected)

    # -- showing ------------------------------------------------------------------------------

    def _problem(self, name: str, text: str) -> None:
        """Show (or clear, with "") the Dutch message under a field."""
        if name == "person":
            self._participants().show_problem(text)
        else:
            widget = self.query_one(f"#{name}-problem", Static)
            widget.update(text)
            widget.display = bool(text)
        if not text:
            self._forget_not_ready()

    def _forget_not_ready(self) -> None:
        """Take "not ready" away once every field is fixed: nothing is left to point at."""
        if not self.ready:
            return  # "not ready" can only be shown once the start button is there
        start = self.query_one("#start-problem", Static)
        fields = [p for p in self.query(".problem") if p is not start]
        if str(start.content) == NOT_READY and not any(p.display for p in fields):
            self._problem("start", "")

    def _show_decks(self) -> None:
        """Redraw the deck prompts (order, colour chip, card count) and the summary below."""
        niveau = self.niveau
        deck_list = self._deck_list()
        order = {index: number for number, index in enumerate(deck_list.selected, start=1)}
        for index, deck in enumerate(self.decks):
            deck_list.replace_option_prompt_at_index(
                index, self._deck_prompt(deck, niveau, order.get(index))
            )
        chosen = self.chosen_decks
        summary = self.query_one("#deck-summary", Static)
        if not self.decks:
            summary.update("Er zijn geen kaartstapels gevonden.")
            return
        if not chosen:
            summary.update("Nog geen thema gekozen.")
            return
        total = sum(len(deck.cards_for(niveau)) for deck in chosen)
        for hour in self.query(HourChoice):  # there once the form is built
            hour.show(chosen, niveau)
            counted = hour.total()
            total = counted if isinstance(counted, int) else 0
        arrow = " > " if self.glyphs.plain else " → "
        order_text = arrow.join(deck.theme for deck in chosen)
        where = f" voor niveau {niveau}" if niveau else ""
        summary.update(f"Speelvolgorde: {order_text} {self.glyphs.dash} {total} kaarten{where}")

    def _deck_prompt(self, deck: Deck, niveau: str, order: int | None) -> Text:
        text = Text(f"{order:>2}. " if order else "    ", style="bold")
        text.append("  ", style=f"on {theme_colour(deck.colour).hex}")
        text.append(f" {deck.theme}", style="bold")
        count = len(deck.cards_for(niveau))
        if count:
            text.append(f"  {count} kaart{'' if count == 1 else 'en'}")
        else:
            text.append("  geen kaarten bij dit niveau", style="italic")
        if deck.description:
            text.append(f"  {self.glyphs.dash} {deck.description}", style="dim")
        return text

    def _show_mode(self) -> None:
        """The explanation of the chosen mode; hidden voting only makes sense for pionnen."""
        self._show_niveau_other()
        if not self.ready:
            return  # _build_right shows it
        mode = self.mode
        self.query_one("#mode-explanation", Static).update(mode.explanation)
        hidden = self.query_one("#hidden", Checkbox)
        hidden.disabled = not mode.rules.votes_pawns
        state = "aan" if hidden.value else "uit"
        hidden.label = f"Verdekt stemmen: {state}"
        self.query_one("#hidden-explanation", Static).update(
            HIDDEN_VOTING_HINT if mode.rules.votes_pawns else HIDDEN_VOTING_ONLY_PIONNEN
        )

    def _show_niveau_other(self) -> None:
        """The free niveau field shows only when "anders" is chosen."""
        other = self.query_one("#niveau-other", Input)
        other.display = self.query_one("#niveau", RadioSet).pressed_index == len(NIVEAUS)

    # -- events -------------------------------------------------------------------------------

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id == "niveau":
            self._problem("niveau", "")
            self._show_decks()
        self._show_mode()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._show_mode()

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

    # -- starting -----------------------------------------------------------------------------

    def action_start(self) -> None:
        """ctrl+s / Start: check the form, build the session and hand it to the app."""
        if not self.ready:
            return  # pressed within the first frame: the form is not all there yet
        participants = self._participants()
        with self.prevent(ParticipantEditor.Changed):  # the whole form is checked below
            unfinished = bool(participants.typed_name) and not participants.add_participant()
        if unfinished:
            self._problem("start", "Maak de deelnemer eerst af, of maak het naamveld leeg.")
            return
        problems: list[tuple[str, str, Widget]] = []
        casus = self.query_one("#casus", Input)
        if not casus.value.strip():
            problems.append(("casus", "Vul de casus in: waar gaat het gesprek over?", casus))
        if not self.niveau:
            other = self.query_one("#niveau-other", Input)
            problems.append(("niveau", NIVEAU_MISSING, other))
        if not self.chosen_decks:
            problems.append(("deck", "Kies minstens één thema (spatie).", self._deck_list()))
        hour = self.query_one(HourChoice)
        minutes: int | None = None
        try:
            minutes = hour.minutes()
        except RuleError as refusal:
            problems.append(("minutes", str(refusal), hour.query_one("#minutes")))
        try:
            self.mode.rules.check_setup(len(self.people), self.hidden_voting)
        except RuleError as refusal:
            problems.append(("person", str(refusal), participants.name_input))
        for name in ("casus", "niveau", "deck", "minutes", "person"):
            self._problem(name, next((text for n, text, _ in problems if n == name), ""))
        if problems:
            self._problem("start", NOT_READY)
            problems[0][2].focus()
            return
        try:
            session = new_session(
                casus=self.query_one("#casus", Input).value,
                niveau=self.niveau,
                decks=self.chosen_decks,
                mode=self.mode,
                people=self.people,
                hidden_voting=self.hidden_voting,
                choice=hour.choice(),
                minutes=minutes,
            )
        except RuleError as refusal:
            self._problem("start", str(refusal))
            self.app.bell()
            return
        self._problem("start", "")
        self.post_message(self.Ready(session, tuple(self.earlier)))

    @property
    def hidden_voting(self) -> bool:
        """Verdekt stemmen is on, where the mode votes with pawns (else the box is off)."""
        return self.mode.rules.votes_pawns and self.query_one("#hidden", Checkbox).value
