"""One chosen deck's line in setup: what it plays, and "alle kaarten / kernkaarten / zelf kiezen"
with a button that opens the checklist when the team chooses the cards by hand."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Static

from dialoogspel.model import Deck
from dialoogspel.model.selection import DeckCards, DeckPick
from dialoogspel.tui.widgets.choice import ChoiceSet

PICKS: tuple[DeckPick, ...] = (DeckPick.ALLE, DeckPick.KERN, DeckPick.ZELF)
"""The choices per deck, in the order they are offered."""
PICK_BUTTON = "Kaarten kiezen"


def cards_word(count: int) -> str:
    """ "1 kaart", "3 kaarten"."""
    return f"{count} kaart{'' if count == 1 else 'en'}"


def pick_line(label: str, deck: Deck, niveau: str, how: DeckCards) -> Text:
    """What a deck plays at this niveau, e.g. "Uitval: kernkaarten (8 van 16 kaarten)"."""
    cards = deck.cards_for(niveau)
    core = sum(1 for card in cards if card.kern)
    text = Text(label, style="bold")
    if how.pick is DeckPick.KERN:
        text.append(f": kernkaarten ({core} van {cards_word(len(cards))})")
    elif how.pick is DeckPick.ZELF:
        ticked = sum(1 for card in cards if card.id in how.card_ids)
        text.append(f": zelf gekozen ({ticked} van {cards_word(len(cards))})")
    else:
        text.append(f": alle kaarten ({len(cards)})")
        if core:
            text.append(f", waarvan {core} kern", style="dim")
    return text


class DeckCardsRow(Vertical):
    """A chosen deck's line and its card choice; the owner keeps the choice and redraws."""

    def __init__(self, deck: Deck, how: DeckCards, *, plain: bool) -> None:
        super().__init__(classes="deck-cards")
        self.deck = deck
        """The deck this line is about."""
        self.line = Static(classes="deck-cards-line")
        """What the deck plays now."""
        self.choice = ChoiceSet(
            *(pick.value for pick in PICKS), chosen=PICKS.index(how.pick), plain=plain
        )
        """Alle kaarten, kernkaarten or zelf kiezen."""
        self.button = Button(PICK_BUTTON, classes="pick-cards")
        """Opens the checklist; shown with zelf kiezen only."""
        self.button.display = how.pick is DeckPick.ZELF

    def compose(self) -> ComposeResult:
        yield self.line
        yield self.choice
        yield self.button

    @property
    def pick(self) -> DeckPick:
        """The choice as the radio buttons show it now."""
        index = self.choice.pressed_index
        return PICKS[index] if index >= 0 else DeckPick.ALLE

    def show(self, line: Text, pick: DeckPick) -> None:
        """Redraw the line; the button shows with zelf kiezen only."""
        self.line.update(line)
        self.button.display = pick is DeckPick.ZELF
