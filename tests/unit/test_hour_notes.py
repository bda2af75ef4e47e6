"""Notes can be changed and removed (issue 13), with Dutch refusals; undo is not disturbed."""

from __future__ import annotations

import pytest

from dialoogspel.model import Mode, Quadrant, RuleError
from tests.unit.hourkit import hour_session

HOSTILE = ["[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "\x1b]0;x\x07"]


def with_notes(*notes: str, mode: Mode = Mode.SAMEN):
    session = hour_session(mode)
    for note in notes:
        session.add_note(note)
    return session


def test_a_note_can_be_changed_in_place() -> None:
    session = with_notes("eerste", "tweede")
    revision = session.revision
    session.replace_note(0, "  eerste, beter  ")
    assert session.current_state.notes == ["eerste, beter", "tweede"]
    assert session.revision == revision + 1


def test_changing_a_note_to_the_same_text_changes_nothing() -> None:
    session = with_notes("eerste")
    revision = session.revision
    session.replace_note(0, "eerste ")
    assert session.revision == revision


def test_a_note_can_be_removed_and_its_text_comes_back() -> None:
    session = with_notes("eerste", "tweede", "derde")
    assert session.remove_note(1) == "tweede"
    assert session.current_state.notes == ["eerste", "derde"]


def test_a_note_of_another_card_can_be_changed_by_its_key() -> None:
    session = with_notes()
    other = session.cards[2].key
    session.add_note("later", key=other)
    session.replace_note(0, "nu", key=other)
    assert session.states[other].notes == ["nu"]
    assert session.remove_note(0, key=other) == "nu"
    assert session.states[other].notes == []


def test_an_empty_text_is_refused_and_points_to_removing() -> None:
    session = with_notes("eerste")
    with pytest.raises(RuleError, match=r"De notitie is leeg\. Wil je hem weghalen\?"):
        session.replace_note(0, "   ")
    assert session.current_state.notes == ["eerste"]


@pytest.mark.parametrize("position", [-1, 1, 5])
def test_a_note_that_is_not_there_is_refused(position: int) -> None:
    session = with_notes("eerste")
    revision = session.revision
    with pytest.raises(RuleError, match="Die notitie bestaat niet"):
        session.replace_note(position, "nieuw")
    with pytest.raises(RuleError, match="Die notitie bestaat niet"):
        session.remove_note(position)
    assert session.revision == revision and session.current_state.notes == ["eerste"]


def test_editing_notes_leaves_undo_to_the_pawns_and_placements() -> None:
    session = hour_session(Mode.PIONNEN)
    session.place(Quadrant.BELANGRIJK_URGENT)
    session.add_note("waarom 1?")
    session.replace_note(0, "waarom 1")
    session.remove_note(0)
    session.undo()  # takes back Anna's pawn, not a note
    assert session.current_state.pawns == {}
    assert session.current_state.notes == []


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_kept_as_typed(text: str) -> None:
    session = with_notes("eerste")
    session.replace_note(0, text)
    assert session.current_state.notes == [text.strip()]
    assert session.remove_note(0) == text.strip()
