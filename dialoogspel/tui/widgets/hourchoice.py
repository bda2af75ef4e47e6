"""The setup's part for a session that fits the hour: the time in minutes, and per chosen deck
all cards, the core cards (`kern: ja`) or cards chosen by hand, with the total counted live."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, RadioSet, Static

from dialoogspel.model import CardChoice, Deck, RuleError
from dialoogspel.model.pacing import check_minutes
from dialoogspel.model.selection import (
    DeckCards,
    DeckPick,
    chosen_cards,
    combined_choice,
    no_cards_refusal,
    opening_pick,
    unresolved,
)
from dialoogspel.present.decknames import deck_label
from dialoogspel.tui.screens.cardpick import CardPickScreen
from dialoogspel.tui.widgets.deckcards import DeckCardsRow, cards_word, pick_line

MINUTES_HINT = "Leeg: geen tijd. Met een tijd zie je bovenin hoeveel tijd er per kaart is."
KERN_HINT = (
    "Per thema: alle kaarten, alleen de kernkaarten, of zelf kiezen."
    " Bij zelf kiezen: Tab naar 'Kaarten kiezen' en druk enter."
)


class HourChoice(Vertical):
    """Tijd (minuten) and the cards per chosen deck; `choice()` and `minutes()` read them."""

    DEFAULT_CSS = """
    HourChoice {
        height: auto;
    }
    HourChoice #minutes {
        width: 16;
    }
    HourChoice #deck-cards, HourChoice .deck-cards {
        height: auto;
    }
    """

    class Changed(Message):
        """The team changed the cards of a deck: the total changed."""

    def __init__(
        self,
        *,
        minutes: int | None = None,
        core_only: bool = False,
        card_ids: Sequence[str] = (),
        plain: bool = False,
        id: str | None = "hour",
    ) -> None:
        super().__init__(id=id)
        self.start_minutes = minutes
        """--tijd, filled in at the start."""
        self.start_choice = CardChoice(core_only=core_only, card_ids=tuple(card_ids))
        """--kern and --kaart: how a newly chosen deck starts."""
        self.claimed: set[str] = set()
        """--kaart ids that a deck took over as its own choice (no longer kept apart)."""
        self.picks: dict[str, DeckCards] = {}
        """Per deck name: which of its cards to play (kept when a deck is unticked)."""
        self.decks: tuple[Deck, ...] = ()
        """The chosen decks, in play order."""
        self.niveau = ""
        """The niveau the cards are counted for."""
        self.plain = plain
        """Draw with ASCII only."""

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
        yield Vertical(id="deck-cards")
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
        """The cards chosen, as --kern and --kaart say it; RuleError (Dutch) when none are."""
        kept = [typed for typed in self.start_choice.card_ids if typed not in self.claimed]
        extra = unresolved(self.decks, kept)
        return combined_choice(self.decks, self.niveau, self.picks, extra)

    def per_deck(self) -> dict[str, int]:
        """How many cards each chosen deck plays; RuleError (Dutch) for a choice that fails."""
        played = chosen_cards(self.decks, self.niveau, self.choice())
        return {name: len(cards) for name, cards in played.items()}

    def total(self) -> int | str:
        """How many cards that makes, or the Dutch reason the choice does not work."""
        try:
            total = sum(self.per_deck().values())
            choice = self.choice()
        except RuleError as refusal:
            return str(refusal)
        return total if total or not self.decks else no_cards_refusal(self.niveau, choice)

    # -- showing ------------------------------------------------------------------------------

    def show(self, decks: Sequence[Deck], niveau: str) -> None:
        """The chosen decks changed (or the niveau): one line per deck, and the total."""
        decks = tuple(decks)
        if tuple(d.name for d in decks) != tuple(d.name for d in self.decks):
            for deck in decks:
                if deck.name not in self.picks:
                    self.picks[deck.name] = opening_pick(deck, decks, self.start_choice)
                    found = unresolved(decks, self.start_choice.card_ids)
                    self.claimed.update(set(self.start_choice.card_ids) - set(found))
            rows = self.query_one("#deck-cards", Vertical)
            rows.remove_children()
            rows.mount_all(
                DeckCardsRow(deck, self.picks[deck.name], plain=self.plain) for deck in decks
            )
        self.decks, self.niveau = decks, niveau
        self._redraw()

    def _redraw(self) -> None:
        """Each deck's line says what it plays; the total below."""
        for row in self.query(DeckCardsRow):
            how = self.picks[row.deck.name]
            label = deck_label(row.deck, self.decks)
            row.show(pick_line(label, row.deck, self.niveau, how), how.pick)
        total = self.total()
        words = f"Samen {cards_word(total)}." if isinstance(total, int) else total
        self.query_one("#cards-total", Static).update(words if self.decks else "")

    # -- changing -----------------------------------------------------------------------------

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()  # the setup's own choices (niveau, mode) listen for their own changes
        row = next((r for r in event.radio_set.ancestors if isinstance(r, DeckCardsRow)), None)
        if row is None:
            return
        before = self.picks[row.deck.name]
        if row.pick is before.pick:
            return  # the radio set reporting its first state
        self.picks[row.deck.name] = before._replace(pick=row.pick)
        self._redraw()
        self.post_message(self.Changed())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        row = next((r for r in event.button.ancestors if isinstance(r, DeckCardsRow)), None)
        if row is None:
            return
        event.stop()
        self.open_checklist(row.deck)

    def open_checklist(self, deck: Deck) -> None:
        """Zelf kiezen: tick this deck's cards; Enter keeps them, Esc changes nothing."""
        try:
            others = sum(n for name, n in self.per_deck().items() if name != deck.name)
        except RuleError:
            others = 0

        def chosen(ids: tuple[str, ...] | None) -> None:
            if ids is not None:
                self.picks[deck.name] = DeckCards(DeckPick.ZELF, ids)
                self._redraw()
                self.post_message(self.Changed())

        ticked = self.picks[deck.name].card_ids
        cards = deck.cards_for(self.niveau)
        label = deck_label(deck, self.decks)
        self.app.push_screen(CardPickScreen(label, cards, ticked, others), chosen)
