"""Cards per deck in setup (issue 13): alle kaarten, kernkaarten or zelf kiezen, combined into
the same choice --kern and --kaart make, so a session plays exactly what was chosen."""

from __future__ import annotations

import pytest

from dialoogspel.model import Card, CardChoice, RuleError
from dialoogspel.model.selection import (
    NONE_TICKED,
    DeckCards,
    DeckPick,
    chosen_cards,
    combined_choice,
    opening_pick,
    unresolved,
)
from tests.factories import make_card, make_deck
from tests.unit.hourkit import hour_session


def card(card_id: str, kern: bool = False, niveaus: tuple[str, ...] = ()) -> Card:
    return make_card(card_id, niveaus=niveaus)._replace(kern=kern)


UITVAL = make_deck(
    "uitval",
    cards=[card("U01", True), card("U02"), card("U03", True), card("U04", niveaus=("team",))],
)
VERZUIM = make_deck("verzuim", cards=[card("V01"), card("V02", True), card("U01")])
DECKS = (UITVAL, VERZUIM)


def played(per_deck: dict[str, DeckCards], extra: tuple[str, ...] = ()) -> list[str]:
    """The card keys a session plays with this choice per deck, at niveau klas."""
    choice = combined_choice(DECKS, "klas", per_deck, extra)
    return [c.key for c in hour_session(decks=DECKS, choice=choice).cards]


def test_every_deck_alle_is_no_choice_at_all() -> None:
    assert combined_choice(DECKS, "klas", {}) == CardChoice()
    assert len(played({})) == 6


def test_kern_per_deck_keeps_the_other_deck_whole() -> None:
    choice = combined_choice(DECKS, "klas", {"uitval": DeckCards(DeckPick.KERN)})
    assert choice.core_only
    assert played({"uitval": DeckCards(DeckPick.KERN)}) == [
        "uitval:U01",
        "uitval:U03",
        "verzuim:V01",
        "verzuim:V02",
        "verzuim:U01",
    ]


def test_zelf_plays_exactly_the_ticked_cards_in_deck_order() -> None:
    zelf = {"uitval": DeckCards(DeckPick.ZELF, ("U03", "U01")), "verzuim": DeckCards()}
    assert played(zelf) == [
        "uitval:U01",
        "uitval:U03",
        "verzuim:V01",
        "verzuim:V02",
        "verzuim:U01",
    ]


def test_zelf_beside_kern_does_not_add_the_core_cards_of_the_zelf_deck() -> None:
    per_deck = {
        "uitval": DeckCards(DeckPick.ZELF, ("U02",)),
        "verzuim": DeckCards(DeckPick.KERN),
    }
    assert not combined_choice(DECKS, "klas", per_deck).core_only
    assert played(per_deck) == ["uitval:U02", "verzuim:V02"]


def test_an_id_in_two_decks_is_named_with_its_deck() -> None:
    per_deck = {"uitval": DeckCards(), "verzuim": DeckCards(DeckPick.ZELF, ("U01",))}
    assert played(per_deck)[-1] == "verzuim:U01"
    assert "uitval/U01" in combined_choice(DECKS, "klas", per_deck).card_ids


def test_a_ticked_card_that_does_not_fit_the_niveau_is_left_out() -> None:
    per_deck = {"uitval": DeckCards(DeckPick.ZELF, ("U01", "U04")), "verzuim": DeckCards()}
    choice = combined_choice(DECKS, "klas", per_deck)
    assert "uitval/U04" not in choice.card_ids
    assert chosen_cards(DECKS, "team", combined_choice(DECKS, "team", per_deck))["uitval"][
        1
    ].id == ("U04")


def test_nothing_ticked_anywhere_is_refused_in_dutch_not_every_card() -> None:
    empty = {"uitval": DeckCards(DeckPick.ZELF), "verzuim": DeckCards(DeckPick.ZELF)}
    with pytest.raises(RuleError) as refused:
        combined_choice(DECKS, "klas", empty)
    assert str(refused.value) == NONE_TICKED
    assert "zelf kiezen" in NONE_TICKED


def test_an_unknown_extra_id_stays_and_is_refused_by_the_model() -> None:
    choice = combined_choice(DECKS, "klas", {}, extra=("X99",))
    with pytest.raises(RuleError, match="bestaat niet"):
        chosen_cards(DECKS, "klas", choice)


def test_opening_pick_follows_kern_and_kaart() -> None:
    assert opening_pick(UITVAL, DECKS, CardChoice()) == DeckCards()
    assert opening_pick(UITVAL, DECKS, CardChoice(core_only=True)) == DeckCards(DeckPick.KERN)
    named = CardChoice(card_ids=("U02", "verzuim/V01"))
    assert opening_pick(UITVAL, DECKS, named) == DeckCards(DeckPick.ZELF, ("U02",))
    assert opening_pick(VERZUIM, DECKS, named) == DeckCards(DeckPick.ZELF, ("V01",))
    with_core = CardChoice(core_only=True, card_ids=("U02",))
    assert opening_pick(UITVAL, DECKS, with_core) == DeckCards(DeckPick.ZELF, ("U01", "U03", "U02"))


def test_opening_pick_plays_what_the_command_line_would() -> None:
    for choice in (
        CardChoice(card_ids=("U02",)),
        CardChoice(core_only=True, card_ids=("V01",)),
        CardChoice(card_ids=("uitval/U01", "V02")),
    ):
        per_deck = {deck.name: opening_pick(deck, DECKS, choice) for deck in DECKS}
        from_setup = chosen_cards(DECKS, "klas", combined_choice(DECKS, "klas", per_deck))
        assert from_setup == chosen_cards(DECKS, "klas", choice), choice


def test_unresolved_keeps_unknown_and_unclear_ids() -> None:
    assert unresolved(DECKS, ["U02", "U01", "X9", "verzuim/U01"]) == ("U01", "X9")
