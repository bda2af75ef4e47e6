"""Setup, "zelf kiezen": a checklist of one deck's cards (id and question) to play."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from dialoogspel.model import Card
from dialoogspel.textsafe import visible
from dialoogspel.tui.keys import CARD_PICK_KEYS, bindings

PICK_HINT = "Spatie: kaart aan of uit. Enter: klaar. Esc: terug, niets gewijzigd."
EMPTY_REFUSED = (
    "Kies minstens één kaart. Wil je geen kaarten van dit thema? Haal het thema dan weg."
)


def cards_word(count: int) -> str:
    """ "1 kaart", "3 kaarten"."""
    return f"{count} kaart{'' if count == 1 else 'en'}"


def card_prompt(card: Card) -> Text:
    """A card's line in the checklist: its id, its question, and whether it is a core card."""
    text = Text(visible(card.id), style="bold")
    text.append(f"  {visible(card.question)}")
    if card.kern:
        text.append("  (kern)", style="dim")
    return text


class CardPickScreen(ModalScreen[tuple[str, ...] | None]):
    """One deck's cards to tick; dismissed with the ticked ids, or None (esc)."""

    CSS_PATH = "modal.tcss"

    KEYS = CARD_PICK_KEYS
    BINDINGS = bindings(CARD_PICK_KEYS)
    HELP_TITLE = "kaarten kiezen"
    HELP_INTRO = (
        "Kies zelf welke kaarten van dit thema jullie spelen: spatie zet een kaart aan of uit."
        " De kaarten komen in de volgorde van de stapel. Enter: klaar. Esc: niets wijzigen."
    )

    def __init__(
        self, label: str, cards: Sequence[Card], ticked: Sequence[str], others: int
    ) -> None:
        super().__init__()
        self.label = label
        """The name of the deck whose cards are chosen (its theme, and its file if needed)."""
        self.cards = tuple(cards)
        """The deck's cards that fit the niveau, in deck order."""
        self.ticked = tuple(ticked)
        """The ids ticked when the list opens."""
        self.others = others
        """How many cards the other chosen decks add to the session."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            title = Content(f"Kies de kaarten van {visible(self.label)}")
            yield Label(title, classes="title")
            yield Static(PICK_HINT, classes="intro", markup=False)
            yield SelectionList[str](
                *(
                    Selection(card_prompt(card), card.id, card.id in self.ticked)
                    for card in self.cards
                ),
                id="cards",
            )
            yield Static(id="pick-question", classes="hint", markup=False)
            yield Static(id="pick-count", markup=False)
            problem = Static(id="pick-problem", classes="problem", markup=False)
            problem.display = False
            yield problem

    def on_mount(self) -> None:
        self._count()
        self._show_question()

    def _show_question(self) -> None:
        """The whole question of the highlighted card: a line in the list can end in "…"."""
        index = self.query_one("#cards", SelectionList).highlighted
        card = self.cards[index] if index is not None and index < len(self.cards) else None
        shown = f"{visible(card.id)}: {visible(card.question)}" if card else ""
        self.query_one("#pick-question", Static).update(shown)

    def on_selection_list_selection_highlighted(
        self, event: SelectionList.SelectionHighlighted
    ) -> None:
        self._show_question()

    @property
    def chosen(self) -> tuple[str, ...]:
        """The ticked ids, in deck order."""
        ticked = set(self.query_one("#cards", SelectionList).selected)
        return tuple(card.id for card in self.cards if card.id in ticked)

    def _count(self) -> None:
        """Say how many cards are ticked, and how many the session then has."""
        count = len(self.chosen)
        total = count + self.others
        self.query_one("#pick-count", Static).update(
            f"Gekozen: {count} van {cards_word(len(self.cards))}."
            f" Samen in het spel: {cards_word(total)}."
        )

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self.query_one("#pick-problem", Static).display = False
        self._count()

    def action_choose(self) -> None:
        """enter: the ticked cards; none ticked is refused in Dutch."""
        chosen = self.chosen
        if not chosen:
            problem = self.query_one("#pick-problem", Static)
            problem.update(EMPTY_REFUSED)
            problem.display = True
            self.app.bell()
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        """esc: keep what was chosen before."""
        self.dismiss(None)
