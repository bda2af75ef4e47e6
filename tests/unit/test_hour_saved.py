"""Saving and resuming what issue 13 added: passes, doubts, time, the card choice, the planned
time and the hand-over; a session saved by the version before (format 1) still loads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dialoogspel.model import (
    PASS,
    CardChoice,
    Mode,
    Quadrant,
    SessionFormatError,
    Settlement,
    Step,
    session_from_dict,
    session_to_dict,
)
from dialoogspel.model.serialize import FORMAT_VERSION
from tests.unit.hourkit import FakeClock, hour_session

Q1, Q2, Q3, Q4 = Quadrant
OLD_FILE = Path(__file__).parent.parent / "data" / "sessie_v1.json"
"""Written by the code before issue 13 (format 1): pionnen, a talk, an agreement."""


def through_json(data: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(data))


def played() -> tuple[Any, FakeClock]:
    clock = FakeClock()
    session = hour_session(Mode.PIONNEN, clock=clock, minutes=40, hidden_voting=True)
    session.place(Q1)
    session.hand_over()
    session.abstain()
    session.hand_over()
    session.place(Q4)  # 1 and 4 differ, Bram passed: the team decides
    clock.wait(3)
    session.place(Q4)
    session.advance()
    clock.wait(1)
    session.abstain()  # hand-over pending when saved
    return session, clock


def test_the_format_version_is_2() -> None:
    session, _ = played()
    assert session_to_dict(session)["format"] == FORMAT_VERSION == 2


def test_a_round_trip_keeps_passes_time_the_plan_and_the_hand_over() -> None:
    session, _ = played()
    data = through_json(session_to_dict(session))
    first = data["states"]["uitval:U01"]
    assert first["pawns"] == {"A": 1, "B": 0, "C": 4}  # a pass is stored as 0
    assert first["seconds"] == 180.0 and first["settled_at"] == 180.0
    restored = session_from_dict(data, clock=FakeClock(start=1.0))
    assert restored.states == session.states
    assert restored.states["uitval:U01"].pawns["B"] is PASS
    assert restored.states["uitval:U01"].settled_by is Settlement.DISCUSSED
    assert restored.setup.minutes == 40 and restored.setup.hidden_voting
    assert restored.handover_pending and restored.prompt.step is Step.HANDOVER
    assert restored.card_minutes("uitval:U01") == 3
    assert session_to_dict(restored) == data


def test_a_saved_file_from_the_version_before_still_loads_and_plays_on() -> None:
    data = json.loads(OLD_FILE.read_text(encoding="utf-8"))
    assert data["format"] == 1 and "minutes" not in data["setup"]
    clock = FakeClock()
    session = session_from_dict(data, clock=clock)
    assert session.setup.choice == CardChoice() and session.setup.minutes is None
    assert len(session.cards) == 4 and not any(c.card.kern for c in session.cards)
    first = session.states["uitval:U01"]
    assert first.settled_by is Settlement.DISCUSSED and first.notes
    assert not first.doubted and first.seconds == 0
    assert session.card_minutes("uitval:U01") is None  # its time was never kept
    assert session.pace() is None and not session.handover_pending
    clock.wait(2)  # the current card counts from the resume on
    assert session.card_minutes(session.current.key) == 2
    session.undo()
    session.abstain()  # the new key works in an old session
    assert session.current_state.pawns == {"A": PASS}
    assert session_to_dict(session)["format"] == 2


def test_an_old_file_without_the_new_keys_round_trips_to_the_same_play() -> None:
    session, _ = played()
    data = through_json(session_to_dict(session))
    data["format"] = 1
    for key in ("choice", "minutes"):
        del data["setup"][key]
    del data["handover"]
    for state in data["states"].values():
        for key in ("doubted", "seconds", "seen_at", "settled_at"):
            del state[key]
    restored = session_from_dict(data)
    assert restored.states == session.states  # time is not what the team did
    assert restored.setup.minutes is None


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("setup.minutes", "60"),
        ("setup.minutes", 0),
        ("setup.minutes", 10_000),
        ("setup.choice", "alles"),
        ("setup.choice.core_only", "ja"),
        ("setup.choice.cards", "U01"),
        ("setup.choice.cards", ["U99"]),
        ("setup.decks.0.cards.0.kern", "ja"),
        ("states.uitval:U01.seconds", -1),
        ("states.uitval:U01.seconds", "lang"),
        ("states.uitval:U01.seconds", float("nan")),
        ("states.uitval:U01.seen_at", True),
        ("states.uitval:U01.doubted", "ja"),
        ("states.uitval:U01.pawns.A", 5),
        ("states.uitval:U01.pawns.A", False),
        ("states.uitval:U01.pawns.A", 0),  # every pawn a pass, yet "besproken"
        ("handover", "ja"),
        ("format", 3),
    ],
)
def test_damaged_new_keys_are_refused(path: str, value: object) -> None:
    session, _ = played()
    data = through_json(session_to_dict(session))
    if path == "states.uitval:U01.pawns.A" and value == 0:
        data["states"]["uitval:U01"]["pawns"]["C"] = 0
    node: Any = data
    *parents, last = path.split(".")
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    node[last] = value
    with pytest.raises(SessionFormatError, match=r"beschadigd|onbekende vorm|nieuwere versie"):
        session_from_dict(data)


def test_a_pass_in_samen_is_refused_on_load() -> None:
    session = hour_session(Mode.SAMEN)
    data = through_json(session_to_dict(session))
    data["states"]["uitval:U01"]["pawns"] = {"A": 0}
    with pytest.raises(SessionFormatError, match="beschadigd"):
        session_from_dict(data)


def test_everyone_passed_and_the_team_placed_round_trips() -> None:
    session = hour_session(Mode.PIONNEN)
    for _ in range(3):
        session.abstain()
    session.place(Q2)
    restored = session_from_dict(through_json(session_to_dict(session)))
    assert restored.current_state.settled_by is Settlement.JOINT
    restored.undo()
    assert restored.current_state.final is None and len(restored.current_state.pawns) == 3


def test_a_stray_hand_over_flag_in_open_voting_is_dropped() -> None:
    session = hour_session(Mode.PIONNEN)
    session.place(Q1)
    data = through_json(session_to_dict(session))
    data["handover"] = True
    restored = session_from_dict(data)
    assert not restored.handover_pending and restored.prompt.step is Step.VOTE
