"""The setup's list of themes: tick decks in play order, each with its colour and card count,
and a summary line with the play order and the number of cards below."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from dialoogspel.model import Deck
from dialoogspel.present.decknames import deck_labels
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.widgets.card import theme_colour

DECKS_HINT = "Spatie zet een thema aan of uit. De volgorde van kiezen is de volgorde van het spel."


class DeckList(Vertical):
    """Tick themes in the order they are played; `chosen` reads them, `show` redraws."""

    def __init__(self, decks: Sequence[Deck], glyphs: Glyphs, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.decks = tuple(decks)
        """The decks the team can choose from, in list order."""
        self.glyphs = glyphs
        """The characters to draw with."""
        self.labels = deck_labels(self.decks)
        """Each deck's name in the list: its theme, with its file where themes repeat."""
        self.drawn: tuple[str, tuple[int, ...]] | None = None
        """The niveau and ticked order the deck lines show now (redraw only on a change)."""

    def compose(self) -> ComposeResult:
        yield Label("Thema's: kies er een of meer", classes="field-label")
        yield Static(DECKS_HINT, classes="hint")
        yield SelectionList[int](
            *(Selection(Text(label), index) for index, label in enumerate(self.labels)),
            id="deck-list",
        )
        yield Static(id="deck-summary", classes="hint", markup=False)
        yield Static(id="deck-problem", classes="problem", markup=False)

    @property
    def selection(self) -> SelectionList[int]:
        """The list the team ticks decks in."""
        return self.query_one("#deck-list", SelectionList)

    @property
    def chosen(self) -> tuple[Deck, ...]:
        """The ticked decks, in the order they were ticked (that is the play order)."""
        return tuple(self.decks[index] for index in self.selection.selected)

    def choose(self, names: Sequence[str]) -> None:
        """Tick the named decks in the order given (no repeats); none known: the first deck."""
        known = [deck.name.casefold() for deck in self.decks]
        chosen = [i for name in names for i, d in enumerate(known) if d == name.casefold()]
        if not chosen and self.decks:
            chosen = [0]
        for index in dict.fromkeys(chosen):
            self.selection.select(index)

    def show(self, niveau: str, total: int) -> None:
        """Redraw each deck's line (order, colour chip, card count) and the summary below."""
        selection = self.selection
        if self.drawn != (niveau, tuple(selection.selected)):
            self.drawn = (niveau, tuple(selection.selected))
            order = {index: number for number, index in enumerate(selection.selected, start=1)}
            for index, deck in enumerate(self.decks):
                prompt = self._prompt(deck, self.labels[index], niveau, order.get(index))
                selection.replace_option_prompt_at_index(index, prompt)
        chosen = self.chosen
        summary = self.query_one("#deck-summary", Static)
        if not self.decks:
            summary.update("Er zijn geen kaartstapels gevonden.")
            return
        if not chosen:
            summary.update("Nog geen thema gekozen.")
            return
        arrow = " > " if self.glyphs.plain else " → "
        order_text = arrow.join(self.labels[index] for index in selection.selected)
        where = f" voor niveau {niveau}" if niveau else ""
        summary.update(f"Speelvolgorde: {order_text} {self.glyphs.dash} {total} kaarten{where}")

    def _prompt(self, deck: Deck, label: str, niveau: str, order: int | None) -> Text:
        text = Text(f"{order:>2}. " if order else "    ", style="bold")
        text.append("  ", style=f"on {theme_colour(deck.colour).hex}")
        text.append(f" {label}", style="bold")
        count = len(deck.cards_for(niveau))
        if count:
            text.append(f"  {count} kaart{'' if count == 1 else 'en'}")
        else:
            text.append("  geen kaarten bij dit niveau", style="italic")
        if deck.description:
            text.append(f"  {self.glyphs.dash} {deck.description}", style="dim")
        return text
