"""Which cards a session plays: every card, the core cards (`--kern`), chosen ones (`--kaart`).

The choice is applied when the session is built, after the niveau filter, and keeps play order:
decks in the chosen order, each deck's cards in file order, whatever order ids were typed in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import NamedTuple

from dialoogspel.model.deck import Card, Deck
from dialoogspel.model.rules import RuleError

DECK_SEPARATOR = "/"
"""`deck/ID` names a card when two decks use the same id."""


class CardChoice(NamedTuple):
    """The cards a team chose to play; the default plays every card."""

    core_only: bool = False
    """--kern: the cards a deck marks as core (`kern: ja`)."""
    card_ids: tuple[str, ...] = ()
    """--kaart: ids as typed ("U03" or "uitval/U03"); played besides the core cards."""

    @property
    def everything(self) -> bool:
        """No choice made: every card (that fits the niveau) is played."""
        return not self.core_only and not self.card_ids


def _shown(text: str) -> str:
    """Typed text made safe to repeat in a message (no control characters)."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def _matches(cards: Sequence[Card], wanted: str) -> list[Card]:
    """Cards with this id: the exact spelling first, else ignoring upper and lower case."""
    exact = [card for card in cards if card.id == wanted]
    if exact:
        return exact
    folded = wanted.casefold()
    return [card for card in cards if card.id.casefold() == folded]


def resolve_card(decks: Sequence[Deck], typed: str) -> tuple[Deck, Card]:
    """The deck and card one typed `--kaart` means; RuleError (Dutch) when unknown or unclear."""
    text = typed.strip()
    deck_name, separator, card_id = text.rpartition(DECK_SEPARATOR)
    if separator:
        named = [deck for deck in decks if deck.name.casefold() == deck_name.strip().casefold()]
        if not named:
            chosen = ", ".join(deck.name for deck in decks)
            raise RuleError(
                f"De stapel '{_shown(deck_name)}' in '{_shown(text)}' is niet gekozen."
                f" Gekozen stapels: {chosen}."
            )
        decks = named
        card_id = card_id.strip()
    else:
        card_id = text
    found = [(deck, card) for deck in decks for card in _matches(deck.cards, card_id)]
    if not found:
        raise RuleError(f"De kaart '{_shown(text)}' bestaat niet in de gekozen stapels.")
    if len(found) > 1:
        names = ", ".join(f"{deck.name}{DECK_SEPARATOR}{card.id}" for deck, card in found)
        raise RuleError(
            f"De kaart '{_shown(text)}' zit in meer stapels: {names}."
            f" Schrijf welke je bedoelt, bijvoorbeeld --kaart {names.split(', ')[0]}."
        )
    return found[0]


def chosen_cards(
    decks: Sequence[Deck], niveau: str, choice: CardChoice
) -> dict[str, tuple[Card, ...]]:
    """Per deck name, the cards to play in file order; RuleError (Dutch) for a bad choice."""
    picked: dict[str, set[str]] = {deck.name: set() for deck in decks}
    for typed in choice.card_ids:
        deck, card = resolve_card(decks, typed)
        if not card.fits(niveau):
            raise RuleError(
                f"De kaart '{_shown(typed.strip())}' hoort niet bij niveau '{_shown(niveau)}'."
                " Kies een andere kaart of een ander niveau."
            )
        picked[deck.name].add(card.id)
    result: dict[str, tuple[Card, ...]] = {}
    for deck in decks:
        result[deck.name] = tuple(
            card
            for card in deck.cards_for(niveau)
            if choice.everything or (choice.core_only and card.kern) or card.id in picked[deck.name]
        )
    return result


def no_cards_refusal(niveau: str, choice: CardChoice) -> str:
    """Why a choice leaves no card to play, in Dutch."""
    if choice.core_only and not choice.card_ids:
        return (
            "Deze stapels hebben geen kernkaarten (kern: ja)"
            + (f" voor niveau '{_shown(niveau)}'" if niveau.strip() else "")
            + ". Speel zonder --kern, of kies kaarten met --kaart."
        )
    return f"Er zijn geen kaarten voor niveau '{_shown(niveau)}' in deze thema's."


NONE_TICKED = "Er is nog geen kaart gekozen. Kies kaarten bij 'zelf kiezen', of kies alle kaarten."
"""A choice by hand that leaves no card at all."""


class DeckPick(Enum):
    """Per deck in setup: which of its cards to play."""

    ALLE = "alle kaarten"
    KERN = "kernkaarten"
    ZELF = "zelf kiezen"


class DeckCards(NamedTuple):
    """A deck's choice in setup: every card, its core cards, or the cards ticked by hand."""

    pick: DeckPick = DeckPick.ALLE
    """Which of the deck's cards to play."""
    card_ids: tuple[str, ...] = ()
    """With ZELF: the ids of the ticked cards (others are kept but not played)."""


def _named(deck: Deck, cards: Sequence[Card]) -> list[str]:
    return [f"{deck.name}{DECK_SEPARATOR}{card.id}" for card in cards]


def combined_choice(
    decks: Sequence[Deck],
    niveau: str,
    per_deck: Mapping[str, DeckCards],
    extra: Sequence[str] = (),
) -> CardChoice:
    """One choice from a choice per deck, written as --kern and --kaart would write it.

    `extra` are typed ids to keep as they are (so an unknown one is still refused). A ZELF
    deck plays its ticked cards that fit the niveau; with a ZELF deck, KERN decks name their
    core cards one by one, since --kern would add the core cards of the ZELF deck too.
    RuleError (Dutch) when nothing is left: an empty --kaart list would mean every card.
    """
    picks = [per_deck.get(deck.name, DeckCards()).pick for deck in decks]
    if all(pick is DeckPick.ALLE for pick in picks) and not extra:
        return CardChoice()
    core_only = DeckPick.KERN in picks and DeckPick.ZELF not in picks
    card_ids = list(extra)
    for deck, pick in zip(decks, picks, strict=True):
        cards = deck.cards_for(niveau)
        if pick is DeckPick.ZELF:
            ticked = set(per_deck[deck.name].card_ids)
            card_ids += _named(deck, [card for card in cards if card.id in ticked])
        elif pick is DeckPick.ALLE:
            card_ids += _named(deck, cards)
        elif not core_only:
            card_ids += _named(deck, [card for card in cards if card.kern])
    if not core_only and not card_ids:
        raise RuleError(NONE_TICKED)
    return CardChoice(core_only=core_only, card_ids=tuple(card_ids))


def opening_pick(deck: Deck, decks: Sequence[Deck], choice: CardChoice) -> DeckCards:
    """How a deck starts in setup from --kern and --kaart (`decks`: all chosen, for the ids).

    A deck that --kaart names a card of starts as ZELF with those cards ticked (and its core
    cards with --kern); with --kaart, a deck without a named card starts as ZELF with none.
    """
    if not choice.card_ids:
        return DeckCards(DeckPick.KERN if choice.core_only else DeckPick.ALLE)
    ticked = [card.id for card in deck.cards if choice.core_only and card.kern]
    for typed in choice.card_ids:
        found = _resolved(decks, typed)
        if found is not None and found[0].name == deck.name:
            ticked.append(found[1].id)
    return DeckCards(DeckPick.ZELF, tuple(dict.fromkeys(ticked)))


def unresolved(decks: Sequence[Deck], typed_ids: Sequence[str]) -> tuple[str, ...]:
    """The typed ids that name no single card in these decks (kept, so they are refused)."""
    return tuple(typed for typed in typed_ids if _resolved(decks, typed) is None)


def _resolved(decks: Sequence[Deck], typed: str) -> tuple[Deck, Card] | None:
    try:
        return resolve_card(decks, typed)
    except RuleError:
        return None
