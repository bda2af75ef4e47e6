"""The plain-line face and the hour: the pacing line, the offer to park, changing notes."""

from __future__ import annotations

import io

from dialoogspel.line.console import Console
from dialoogspel.line.play import LinePlay
from dialoogspel.model import Mode, Session
from tests.line.helpers import HOSTILE, play, table_for
from tests.unit.hourkit import FakeClock, hour_session


class TickingInput(io.StringIO):
    """Input lines where every line read lets `minutes` pass on the clock first."""

    def __init__(self, lines: list[str], clock: FakeClock, minutes: float) -> None:
        super().__init__("".join(f"{line}\n" for line in lines))
        self.clock, self.minutes = clock, minutes

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        self.clock.wait(self.minutes)
        return super().readline(size if size is not None else -1)


def play_timed(lines: list[str], session: Session, clock: FakeClock, minutes: float) -> str:
    """Play these lines; each one takes `minutes`; what was said."""
    out = io.StringIO()
    console = Console(TickingInput(lines, clock, minutes), out)
    LinePlay(console, table_for(session)).run()
    return out.getvalue()


def test_with_a_time_each_card_says_the_pacing_line() -> None:
    clock = FakeClock()
    session = hour_session(Mode.SAMEN, clock=clock, minutes=30, cards=5)
    said = play_timed(["1", ""], session, clock, 1)
    assert "Tijd: nog 30 min · ± 6 min per kaart." in said
    # two lines of one minute each on the first card: 28 minutes for the 4 cards left
    assert "Tijd: nog 28 min · ± 7 min per kaart." in said


def test_without_a_time_there_is_no_pacing_line() -> None:
    _, said = play(["4", ""], Mode.SAMEN)
    assert "Tijd:" not in said


def test_short_of_time_the_team_is_asked_once_and_yes_parks_the_rest() -> None:
    clock = FakeClock()
    session = hour_session(Mode.SAMEN, clock=clock, minutes=20, cards=8)
    said = play_timed(["1", "", "j"], session, clock, 4)
    assert "Tijd: nog 20 min · ± 3 min per kaart." in said  # 2.5 min each: not asked yet
    assert "De andere 6 open kaarten parkeren? Dan komen ze onder Geparkeerd" in said
    assert "6 kaarten geparkeerd. Jullie bespreken ze een andere keer." in said
    assert len(session.parked_cards()) == 6 and session.index == 1
    assert said.count("parkeren?") == 1


def test_no_keeps_the_cards_open_and_is_not_asked_again_on_the_next_card() -> None:
    clock = FakeClock()
    session = hour_session(Mode.SAMEN, clock=clock, minutes=16, cards=8)
    said = play_timed(["1", "", "n", "2", ""], session, clock, 3)
    assert "Goed, de kaarten blijven open." in said
    assert session.parked_cards() == () and session.index == 2
    assert said.count("parkeren?") == 1


def test_n_on_a_card_with_notes_changes_one() -> None:
    session, said = play(["n", "eerste", "n", "1", "1", HOSTILE[1], "k"])
    assert session.current_state.notes == [HOSTILE[1]]
    assert "Notities bij deze kaart:\n1. eerste\n" in said
    assert "Notitie gewijzigd." in said
    assert "Notitie: [bold]x[/bold]\n" in said


def test_n_on_a_card_with_notes_removes_one_and_refuses_a_wrong_number() -> None:
    session, said = play(["n", "eerste", "n", "", "tweede", "n", "7", "n", "1", "2"])
    session_notes = session.current_state.notes
    assert session_notes == ["tweede"]
    assert "Typ een nummer van 1 tot en met 2. Er is niets veranderd." in said
    assert "Notitie weggehaald: eerste" in said


def test_an_empty_text_or_choice_changes_no_note() -> None:
    session, said = play(["n", "eerste", "n", "1", "1", "", "n", "1", ""])
    assert session.current_state.notes == ["eerste"]
    assert said.count("Er is niets veranderd.") == 2


def test_a_hostile_note_is_listed_as_text() -> None:
    session, said = play(["n", HOSTILE[3], "n", "1", "2"])
    assert session.current_state.notes == []
    assert "1. \\x1b]0;x\\x07\n" in said and "\x1b" not in said


def test_not_asked_on_the_first_card_before_anything_was_placed() -> None:
    clock = FakeClock()
    session = hour_session(Mode.SAMEN, clock=clock, minutes=10, cards=8)
    said = play_timed(["1", "", "n"], session, clock, 0.1)
    first, second = said.split("Kaart 2 van 8")
    assert "parkeren?" not in first  # 10 minutes for 8 cards, but the team has not begun
    assert "parkeren?" in second
