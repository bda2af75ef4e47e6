"""Setup rows tell decks apart when themes repeat (issue 17): the rule, pure."""

from __future__ import annotations

from dataclasses import replace

from dialoogspel.model import Deck
from dialoogspel.present.decknames import deck_label, deck_labels
from tests.factories import make_deck


def themed(name: str, theme: str, source: str = "") -> Deck:
    return replace(make_deck(name), theme=theme, source=source or f"/decks/{name}.yaml")


def test_themes_that_differ_stay_as_they_are() -> None:
    decks = [themed("uitval", "Uitval"), themed("verzuim", "Verzuim")]
    assert deck_labels(decks) == ["Uitval", "Verzuim"]


def test_a_repeated_theme_gets_the_file_stem_and_only_those_decks_do() -> None:
    decks = [
        themed("uitval", "Uitval"),
        themed("verzuim", "Verzuim"),
        themed("mijn-uitval", "Uitval"),
    ]
    assert deck_labels(decks) == ["Uitval (uitval)", "Verzuim", "Uitval (mijn-uitval)"]


def test_themes_repeat_without_regard_to_case_and_spaces() -> None:
    decks = [themed("a", "Uitval"), themed("b", " uitval ")]
    assert deck_labels(decks) == ["Uitval (a)", " uitval  (b)"]


def test_the_same_stem_twice_gets_the_file_name() -> None:
    decks = [
        themed("uitval", "Uitval", "/d/uitval.yaml"),
        themed("uitval", "Uitval", "/d/uitval.yml"),
    ]
    assert deck_labels(decks) == ["Uitval (uitval.yaml)", "Uitval (uitval.yml)"]


def test_the_same_file_name_in_two_folders_gets_the_folder() -> None:
    decks = [
        themed("uitval", "Uitval", "/a/uitval.yaml"),
        themed("uitval", "Uitval", "/b/uitval.yaml"),
    ]
    assert deck_labels(decks) == ["Uitval (/a/uitval.yaml)", "Uitval (/b/uitval.yaml)"]


def test_a_file_name_is_data_control_characters_shown_escaped() -> None:
    decks = [themed("uitval", "Uitval"), themed("x\x1b]0;x\x07", "Uitval")]
    label = deck_labels(decks)[1]
    assert "\x1b" not in label and "\x07" not in label
    assert label.startswith("Uitval (x")


def test_one_deck_label_among_its_list() -> None:
    decks = [themed("uitval", "Uitval"), themed("mijn-uitval", "Uitval")]
    assert deck_label(decks[1], decks) == "Uitval (mijn-uitval)"
    assert deck_label(themed("stage", "Stage"), decks) == "Stage"
