"""The setup's part for a session that fits the hour: the time in minutes, and per chosen deck
all cards or only the core cards (`kern: ja`), with the number of cards counted live."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from dialoogspel.model import CardChoice, Deck, RuleError
from dialoogspel.model.pacing import check_minutes
from dialoogspel.model.selection import DECK_SEPARATOR, chosen_cards, no_cards_refusal

MINUTES_HINT = "Leeg: geen tijd. Met een tijd zie je bovenin hoeveel tijd er per kaart is."
KERN_HINT = "Spatie: alleen de kernkaarten van dat thema. Uit: alle kaarten."


def cards_word(count: int) -> str:
    """ "1 kaart", "3 kaarten"."""
    return f"{count} kaart{'' if count == 1 else 'en'}"


class HourChoice(Vertical):
    """Tijd (minuten) and kern per chosen deck; `choice()` and `minutes()` read them."""

    DEFAULT_CSS = """
    HourChoice {
        height: auto;
    }
    HourChoice #minutes {
        width: 16;
    }
    HourChoice #kern-list {
        height: auto;
        max-height: 6;
    }
    """

    class Changed(Message):
        """The team ticked or unticked kern for a deck: the total changed."""

    def __init__(
        self,
        *,
        minutes: int | None = None,
        core_only: bool = False,
        card_ids: Sequence[str] = (),
        id: str | None = "hour",
    ) -> None:
        super().__init__(id=id)
        self.start_minutes = minutes
        """--tijd, filled in at the start."""
        self.core_default = core_only
        """--kern: a newly chosen deck starts with only its core cards."""
        self.card_ids = tuple(card_ids)
        """--kaart ids, played besides the choice made here."""
        self.core: dict[str, bool] = {}
        """Per deck name: only the core cards."""
        self.decks: tuple[Deck, ...] = ()
        """The chosen decks, in play order."""
        self.niveau = ""
        """The niveau the cards are counted for."""

    def compose(self) -> ComposeResult:
        yield Label("Tijd in minuten (mag leeg)", classes="field-label")
        yield Input(
            "" if self.start_minutes is None else str(self.start_minutes),
            placeholder="bijv. 60",
            id="minutes",
        )
        yield Static(MINUTES_HINT, classes="hint")
        yield Static(id="minutes-problem", classes="problem", markup=False)
        yield Label("Kaarten per thema", classes="field-label")
        yield Static(KERN_HINT, classes="hint")
        yield SelectionList[str](id="kern-list")
        yield Static(id="cards-total", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#minutes-problem", Static).display = False  # shown on a bad time only

    # -- reading ------------------------------------------------------------------------------

    def minutes(self) -> int | None:
        """The planned minutes; None when empty; RuleError (Dutch) when it is no good."""
        typed = self.query_one("#minutes", Input).value.strip()
        if not typed:
            return None
        if not typed.isdigit():
            raise RuleError("Typ de tijd als een getal, bijvoorbeeld 60. Of laat het veld leeg.")
        minutes = int(typed)
        check_minutes(minutes)
        return minutes

    def choice(self) -> CardChoice:
        """The cards chosen: every card, the core cards, or core cards of some decks only."""
        core = [deck for deck in self.decks if self.core.get(deck.name, self.core_default)]
        if not core:
            return CardChoice(card_ids=self.card_ids)
        whole = [
            f"{deck.name}{DECK_SEPARATOR}{card.id}"
            for deck in self.decks
            if deck not in core
            for card in deck.cards_for(self.niveau)
        ]
        return CardChoice(core_only=True, card_ids=(*self.card_ids, *whole))

    def total(self) -> int | str:
        """How many cards that makes, or the Dutch reason the choice does not work."""
        choice = self.choice()
        try:
            per_deck = chosen_cards(self.decks, self.niveau, choice)
        except RuleError as refusal:
            return str(refusal)
        total = sum(len(cards) for cards in per_deck.values())
        return total if total or not self.decks else no_cards_refusal(self.niveau, choice)

    # -- showing ------------------------------------------------------------------------------

    def show(self, decks: Sequence[Deck], niveau: str) -> None:
        """The chosen decks changed (or the niveau): one line per deck, and the total."""
        decks = tuple(decks)
        kern_list = self.query_one("#kern-list", SelectionList)
        if tuple(d.name for d in decks) != tuple(d.name for d in self.decks):
            with self.prevent(SelectionList.SelectedChanged):
                kern_list.clear_options()
                for deck in decks:
                    on = self.core.setdefault(deck.name, self.core_default)
                    kern_list.add_option(Selection(Text(deck.theme), deck.name, on))
        self.decks, self.niveau = decks, niveau
        kern_list.display = bool(decks)
        self._redraw()

    def _redraw(self) -> None:
        """Each deck's line says what it plays; the total below."""
        kern_list = self.query_one("#kern-list", SelectionList)
        for index, deck in enumerate(self.decks):
            kern_list.replace_option_prompt_at_index(index, self._prompt(deck))
        total = self.total()
        words = f"Samen {cards_word(total)}." if isinstance(total, int) else total
        self.query_one("#cards-total", Static).update(words if self.decks else "")

    def _prompt(self, deck: Deck) -> Text:
        cards = deck.cards_for(self.niveau)
        core = sum(1 for card in cards if card.kern)
        text = Text(deck.theme, style="bold")
        if self.core.get(deck.name, self.core_default):
            text.append(f": kernkaarten ({core} van {cards_word(len(cards))})")
        else:
            text.append(f": alle kaarten ({len(cards)})")
            if core:
                text.append(f", waarvan {core} kern", style="dim")
        return text

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()  # the setup's own deck list listens for its own changes
        ticked = set(event.selection_list.selected)
        for deck in self.decks:
            self.core[deck.name] = deck.name in ticked
        self._redraw()
        self.post_message(self.Changed())
