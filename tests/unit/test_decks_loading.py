"""Loading valid decks: what ends up in model.Deck, values kept as typed, generated ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialoogspel.decks import builtin_decks_dir, load_deck, parse_deck
from dialoogspel.decks.ids import generated_id
from dialoogspel.model import Card, DataSource
from tests.unit.deckfiles import EXAMPLE, LOADERS, SMALL, load


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest) -> type:
    return request.param


def test_example_deck_becomes_a_deck(loader: type) -> None:
    result = parse_deck(EXAMPLE.read_bytes(), str(EXAMPLE), loader=loader)
    assert result.ok and result.problems == []
    deck = result.deck
    assert deck is not None
    assert (deck.name, deck.theme, deck.colour) == ("voorbeeld", "Voorbeeld", "#009E73")
    assert deck.description == "Een kleine stapel om het laden mee te testen."
    assert deck.source == str(EXAMPLE)
    assert deck.cards[0] == Card(
        "X01",
        "Welke signalen zien we in de eerste weken?",
        (
            DataSource(
                "Verzuimregistratie in het studentvolgsysteem", "aanwezigheid per les en per week"
            ),
            DataSource("Gespreksverslagen van de slb'er"),
        ),
    )
    assert deck.cards[1].niveaus == ("klas", "opleiding")
    assert deck.cards[4] == Card("X05", "Wie pakt wat op, en wanneer kijken we of het helpt?")


def test_load_deck_reads_the_file_and_names_it_by_stem() -> None:
    result = load_deck(EXAMPLE)
    assert result.ok
    assert result.deck is not None and result.deck.name == "voorbeeld"


def test_name_can_be_given() -> None:
    result = parse_deck(SMALL, "ergens/anders.yaml", name="eigen")
    assert result.deck is not None and result.deck.name == "eigen"


def test_name_defaults_to_the_file_stem() -> None:
    result = parse_deck(SMALL, "ergens/anders.yaml")
    assert result.deck is not None and result.deck.name == "anders"


@pytest.mark.parametrize(
    "typed",
    [
        "no",
        "yes",
        "on",
        "off",
        "1.10",
        "01234",
        "12:30",
        "~",
        "null",
        "2026-01-01",
        "0x1F",
        ".inf",
        "1e3",
    ],
)
def test_values_stay_text_as_typed(loader: type, typed: str) -> None:
    text = f"thema: {typed}\nkleur: red\nbeschrijving: {typed}\nkaarten:\n"
    text += f"  - id: {typed}\n    vraag: {typed}\n"
    text += f"    databronnen: [{typed}]\n    niveaus: [{typed}]\n"
    result = load(text, loader)
    assert result.deck is not None, [str(p) for p in result.problems]
    card = result.deck.cards[0]
    assert (result.deck.theme, result.deck.description) == (typed, typed)
    assert (card.id, card.question, card.data_sources[0].name, card.niveaus) == (
        typed,
        typed,
        typed,
        (typed,),
    )


def test_quoted_and_block_scalars_are_text(loader: type) -> None:
    text = SMALL.replace(
        "vraag: Wat doen we?", "vraag: >\n      Een lange vraag\n      over twee regels?\n"
    )
    text += "  - vraag: |\n      Regel een\n  - vraag: 'enkel'\n  - vraag: !!str expliciet\n"
    result = load(text, loader)
    assert result.deck is not None, [str(p) for p in result.problems]
    questions = [card.question for card in result.deck.cards]
    assert questions == ["Een lange vraag over twee regels?", "Regel een", "enkel", "expliciet"]


def test_text_is_stripped_and_empty_optional_values_are_absent(loader: type) -> None:
    text = SMALL.replace("id: T01", "id:") + "    databronnen:\n    niveaus:\n"
    text = text.replace("thema: Test", 'thema: "  Test  "') + "beschrijving:\n"
    result = load(text, loader)
    assert result.deck is not None, [str(p) for p in result.problems]
    assert result.deck.theme == "Test" and result.deck.description == ""
    card = result.deck.cards[0]
    assert card.data_sources == () and card.niveaus == () and card.id.startswith("T-")


def test_crlf_line_endings_are_fine(loader: type) -> None:
    result = load(SMALL.replace("\n", "\r\n"), loader)
    assert result.ok and result.problems == []


def test_colour_names_and_short_hex_are_accepted(loader: type) -> None:
    for colour in ("teal", '"#abc"', '"#A1B2C3"', "orange"):
        assert load(SMALL.replace('"#123456"', colour), loader).ok, colour


# -- generated ids -----------------------------------------------------------------------------

WITHOUT_IDS = """\
thema: Uitval
kleur: red
kaarten:
  - vraag: Eerste vraag?
  - vraag: Tweede vraag?
  - vraag: Derde vraag?
"""


def test_missing_ids_are_generated_from_theme_and_question(loader: type) -> None:
    result = load(WITHOUT_IDS, loader)
    assert result.deck is not None
    ids = [card.id for card in result.deck.cards]
    assert all(card_id.startswith("U-") and len(card_id) == 6 for card_id in ids)
    assert len(set(ids)) == 3


def test_generated_ids_survive_adding_removing_and_reordering_cards(loader: type) -> None:
    before = {c.question: c.id for c in load(WITHOUT_IDS, loader).deck.cards}  # type: ignore[union-attr]
    changed = WITHOUT_IDS.replace("  - vraag: Eerste vraag?\n", "") + "  - vraag: Nieuwe vraag?\n"
    changed = changed.replace("kaarten:\n", "kaarten:\n  - vraag: Vooraan?\n")
    after = {c.question: c.id for c in load(changed, loader).deck.cards}  # type: ignore[union-attr]
    assert after["Tweede vraag?"] == before["Tweede vraag?"]
    assert after["Derde vraag?"] == before["Derde vraag?"]


def test_generated_ids_ignore_case_and_spacing_of_the_question() -> None:
    assert generated_id("U", "Wat  doen WE?", set()) == generated_id("U", "wat doen we?", set())


def test_generated_ids_never_collide_with_typed_ids_or_each_other(loader: type) -> None:
    first = load(WITHOUT_IDS, loader).deck.cards[0].id  # type: ignore[union-attr]
    text = (
        WITHOUT_IDS + f"  - id: {first.lower()}\n    vraag: Getypt id\n  - vraag: Eerste vraag?\n"
    )
    result = load(text, loader)
    assert result.deck is not None
    ids = [card.id.casefold() for card in result.deck.cards]
    assert len(set(ids)) == len(ids) == 5


def test_generated_id_grows_then_counts_when_taken() -> None:
    taken: set[str] = set()
    ids = []
    for _ in range(6):
        new = generated_id("K", "Dezelfde vraag", taken)
        taken.add(new.casefold())
        ids.append(new)
    assert [len(i) for i in ids[:4]] == [6, 8, 10, 42]
    assert ids[4].endswith("-2") and ids[5].endswith("-3")


def test_id_prefix_is_plain_ascii() -> None:
    text = WITHOUT_IDS.replace("thema: Uitval", "thema: Één thema")
    assert parse_deck(text, "x.yaml").deck.cards[0].id.startswith("E-")  # type: ignore[union-attr]
    text = WITHOUT_IDS.replace("thema: Uitval", 'thema: "123"')
    assert parse_deck(text, "x.yaml").deck.cards[0].id.startswith("K-")  # type: ignore[union-attr]


# -- the built-in decks ------------------------------------------------------------------------


def test_builtin_deck_folder_is_found() -> None:
    folder = builtin_decks_dir()
    assert folder.is_dir()
    assert (folder / "uitval.yaml").is_file()


@pytest.mark.parametrize("path", sorted(builtin_decks_dir().glob("*.yaml")), ids=lambda p: p.stem)
def test_every_builtin_deck_loads_without_problems(path: Path) -> None:
    result = load_deck(path)
    assert result.ok, [str(p) for p in result.problems]
    assert result.problems == [], [str(p) for p in result.problems]
