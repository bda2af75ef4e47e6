"""Saving and resuming: a session survives JSON unchanged, and damaged data is refused cleanly."""

from __future__ import annotations

import contextlib
import copy
import json
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Deck,
    Mode,
    Quadrant,
    RuleError,
    Session,
    SessionFormatError,
    Settlement,
    session_from_dict,
    session_to_dict,
)
from dialoogspel.model.board import PASS
from dialoogspel.model.deck import Card, DataSource
from dialoogspel.model.serialize import FORMAT_VERSION
from tests.factories import make_card, make_deck, make_participants, make_session

Q1, Q2, Q3, Q4 = Quadrant


def through_json(session: Session) -> Session:
    """What autosave + resume does: to plain data, to JSON text, and back."""
    return session_from_dict(json.loads(json.dumps(session_to_dict(session))), clock=still_clock)


def still_clock() -> float:
    """A clock that stands still: the time a card was shown never differs between a session
    and its copy (time itself is tested with a fake clock in test_hour_*.py)."""
    return 0.0


def two_decks() -> list[Deck]:
    uitval = make_deck(
        "uitval",
        cards=[
            Card(
                "U01",
                "Wie stopt er?",
                (DataSource("JOB-monitor", "welbevinden"), DataSource("Uitvalcijfers")),
                ("klas", "opleiding"),
            ),
            make_card("U02"),
        ],
        colour="#123456",
    )
    return [uitval, make_deck("verzuim", ["V01", "V02"], colour="teal")]


def played_pionnen_session() -> Session:
    """Pionnen with hidden voting: agreed, discussed, half-voted-and-parked and untouched cards."""
    session = make_session(Mode.PIONNEN, decks=two_decks(), hidden_voting=True)
    for quadrant in (Q1, Q1, Q1):
        session.place(quadrant)
    session.add_note("Iedereen eens")
    session.advance()
    for quadrant in (Q2, Q3, Q2, Q3):
        session.place(quadrant)
    session.add_note("Bram ziet het anders: stage loopt goed")
    session.advance()
    session.place(Q4)
    session.toggle_park()
    session.add_agreement(
        Agreement(
            AgreementKind.UITZOEKEN, "Cijfers opvragen", "Anna", date(2026, 12, 1), "uitval:U01"
        )
    )
    session.add_agreement(Agreement(AgreementKind.AAN_DE_SLAG, "Gesprek plannen", "Chris"))
    session.mark_exported("/gedeeld/dialoogspel-uitval.md")
    return session


# -- round trip ------------------------------------------------------------------------------


def test_round_trip_through_json_gives_the_same_saved_data() -> None:
    session = played_pionnen_session()
    assert session_to_dict(through_json(session)) == session_to_dict(session)


def test_round_trip_keeps_setup_participants_and_decks() -> None:
    session = played_pionnen_session()
    restored = through_json(session)
    assert restored.setup == session.setup
    assert restored.participants == session.participants
    assert [d.source for d in restored.setup.decks] == [d.source for d in session.setup.decks]
    assert restored.cards == session.cards


def test_round_trip_keeps_id_creation_time_index_and_exports() -> None:
    session = played_pionnen_session()
    restored = through_json(session)
    assert restored.id == session.id
    assert restored.created == session.created
    assert restored.index == 2
    assert restored.exported == ["/gedeeld/dialoogspel-uitval.md"]


def test_round_trip_keeps_every_card_state_including_history() -> None:
    session = played_pionnen_session()
    restored = through_json(session)
    assert restored.states == session.states
    assert restored.states["uitval:U02"].settled_by is Settlement.DISCUSSED
    assert restored.states["uitval:U02"].history == session.states["uitval:U02"].history


def test_round_trip_keeps_agreements_with_deadline_and_card() -> None:
    session = played_pionnen_session()
    assert through_json(session).agreements == session.agreements


def test_vermoeden_and_bron_are_saved_and_older_saves_without_them_still_load() -> None:
    session = played_pionnen_session()
    session.add_agreement(
        Agreement(AgreementKind.UITZOEKEN, "cijfers", "Anna", vermoeden="maandag", bron="JOB")
    )
    assert through_json(session).agreements[-1].vermoeden == "maandag"
    assert through_json(session).agreements[-1].bron == "JOB"
    data = json.loads(json.dumps(session_to_dict(session)))
    for agreement in data["agreements"]:
        del agreement["vermoeden"], agreement["bron"]  # as a session saved before them
    restored = session_from_dict(data)
    assert [(a.vermoeden, a.bron) for a in restored.agreements] == [(None, None)] * len(
        session.agreements
    )
    data["agreements"][0]["vermoeden"] = 12
    with pytest.raises(SessionFormatError):
        session_from_dict(data)


def test_resumed_session_starts_at_revision_zero() -> None:
    assert through_json(played_pionnen_session()).revision == 0


def test_untouched_cards_are_left_out_of_the_saved_data_and_come_back_untouched() -> None:
    session = played_pionnen_session()
    data = session_to_dict(session)
    assert "verzuim:V02" not in data["states"]
    assert through_json(session).states["verzuim:V02"].is_default


def test_undo_after_resume_takes_back_the_decision_of_a_discussed_card() -> None:
    restored = through_json(played_pionnen_session())
    restored.go_to(1)
    restored.undo()
    assert restored.needs_decision()


def test_undo_after_resume_in_samen_puts_the_card_back_where_it_lay() -> None:
    session = make_session(Mode.SAMEN)
    session.place(Q2)
    session.place(Q4)
    restored = through_json(session)
    restored.undo()
    assert restored.current_state.final is Q2


def test_vragen_session_round_trips_with_visits_and_parking() -> None:
    session = make_session(Mode.VRAGEN, participants=[])
    session.advance()
    session.toggle_park()
    session.add_note("terugkomen")
    restored = through_json(session)
    assert session_to_dict(restored) == session_to_dict(session)
    assert [c.key for c in restored.open_cards()] == ["uitval:U02", "uitval:U03"]


def test_saved_data_is_plain_json_with_a_format_version() -> None:
    data = session_to_dict(played_pionnen_session())
    assert data["format"] == FORMAT_VERSION
    assert json.loads(json.dumps(data)) == data


def test_resumed_session_plays_on_under_the_same_rules() -> None:
    restored = through_json(played_pionnen_session())
    restored.toggle_park()
    assert restored.current_participant.name == "Bram"
    assert not restored.pawns_revealed()


# -- refusing what cannot be read ------------------------------------------------------------


@pytest.mark.parametrize("version", [None, 0, "1", [1]])
def test_unknown_format_version_is_refused(version: object) -> None:
    data = session_to_dict(make_session())
    data["format"] = version
    with pytest.raises(SessionFormatError, match="onbekende vorm"):
        session_from_dict(data)


def test_missing_format_version_is_refused() -> None:
    data = session_to_dict(make_session())
    del data["format"]
    with pytest.raises(SessionFormatError):
        session_from_dict(data)


@pytest.mark.parametrize("data", [None, [], "sessie", 1])
def test_data_that_is_no_dict_is_refused(data: Any) -> None:
    with pytest.raises(SessionFormatError):
        session_from_dict(data)


def set_path(data: dict[str, Any], path: str, value: object) -> None:
    """Set (or with value DELETE remove) data[a][b]... for path "a.b..." (digits index lists)."""
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    key: Any = int(last) if isinstance(node, list) else last
    if value is DELETE:
        del node[key]
    else:
        node[key] = value


class _Delete:
    def __repr__(self) -> str:
        return "<weg>"


DELETE = _Delete()
"""A DAMAGE value meaning: remove the key."""
U01 = "states.uitval:U01"
U02 = "states.uitval:U02"
DAMAGE = [
    ("setup", DELETE),
    ("setup", "pionnen"),
    ("id", DELETE),
    ("id", None),
    ("id", ""),
    ("created", "gisteren"),
    ("created", 5),
    ("index", "eerste"),
    ("index", None),
    ("index", float("inf")),
    ("setup.mode", "schaak"),
    ("setup.mode", ["pionnen"]),
    ("setup.casus", 5),
    ("setup.niveau", None),
    ("setup.hidden_voting", "nee"),
    ("setup.decks", "uitval"),
    ("setup.decks", []),
    ("setup.decks.0.name", 7),
    ("setup.decks.0.cards.0.id", 5),
    ("setup.decks.0.cards.0.question", None),
    ("setup.decks.0.cards.0.niveaus", "klas"),
    ("setup.decks.0.cards.0.data_sources", {"JOB-monitor": "uitleg"}),
    ("setup.decks.0.cards.0.data_sources.0", "JOB-monitor"),
    ("setup.decks.0.cards.0.data_sources.0", ["JOB-monitor"]),
    ("setup.participants", None),
    ("setup.participants", []),
    ("setup.participants.0", "Anna"),
    ("setup.participants.0.letter", "B"),
    ("setup.participants.1.name", DELETE),
    ("states", []),
    (U01, "kapot"),
    (U01 + ".pawns", {"Z": 1}),
    (U01 + ".pawns", [1, 1, 1]),
    (U01 + ".pawns.A", 9),
    (U01 + ".pawns.A", 2),
    (U01 + ".pawns.C", DELETE),
    (U01 + ".final", 7),
    (U01 + ".final", 2),
    (U01 + ".settled_by", "misschien"),
    (U01 + ".settled_by", "samen"),
    (U01 + ".settled_by", None),
    (U01 + ".notes", "tekst"),
    (U01 + ".notes", [None]),
    (U01 + ".parked", "ja"),
    (U01 + ".history", "pawn"),
    (U01 + ".history", []),
    (U01 + ".history.0", ["pawn"]),
    (U01 + ".history.0", ["zet", "A"]),
    (U01 + ".history.0", ["pawn", "Z"]),
    (U01 + ".history.0", ["final", None]),
    (U02 + ".history.3", ["final", "9/samen"]),
    (U02 + ".history.3", ["final", "kapot"]),
    (U02 + ".history.3", ["pawn", "A"]),
    (U02 + ".final", None),
    (U02 + ".pawns.B", 2),
    ("agreements", "afspraak"),
    ("agreements.0", "afspraak"),
    ("agreements.0.kind", "later"),
    ("agreements.0.deadline", "volgende week"),
    ("agreements.0.card", "uitval:BESTAAT-NIET"),
    ("agreements.0.what", DELETE),
    ("exported", "uitkomst.md"),
    ("exported", [None]),
]


@pytest.mark.parametrize(("path", "value"), DAMAGE, ids=[f"{p}={v!r}" for p, v in DAMAGE])
def test_damaged_data_is_refused_as_a_format_error(path: str, value: object) -> None:
    data = json.loads(json.dumps(session_to_dict(played_pionnen_session())))
    set_path(data, path, value)
    with pytest.raises(SessionFormatError, match=r"beschadigd|onbekende vorm"):
        session_from_dict(data)


def test_a_session_id_that_is_saved_is_the_id_that_comes_back() -> None:
    data = session_to_dict(make_session())
    data["id"] = "abc123def456"
    assert session_from_dict(data).id == "abc123def456"


def test_an_index_beyond_the_cards_is_brought_back_in_range() -> None:
    data = session_to_dict(make_session())
    data["index"] = 99
    assert session_from_dict(data).index == 2


def test_states_of_cards_no_longer_in_the_session_are_ignored() -> None:
    data = session_to_dict(make_session())
    data["states"]["weg:X"] = {"notes": ["oud"]}
    assert "weg:X" not in session_from_dict(data).states


# -- the rules hold whatever the team does ---------------------------------------------------


def check_rules(session: Session) -> None:
    """The invariants every reachable session keeps, in every mode."""
    letters = {p.letter for p in session.participants}
    assert 0 <= session.index < len(session.cards)
    for card in session.cards:
        state = session.states[card.key]
        assert (state.final is None) == (state.settled_by is None)
        if session.mode is Mode.VRAGEN:
            assert state.final is None
            assert not state.pawns
            assert session.is_settled(card.key) == state.talked
            assert state.visited or not state.talked  # talked about only after it showed
            continue
        assert session.is_settled(card.key) == (state.final is not None)
        assert session.mode is Mode.GEMENGD or not state.doubted
        if session.mode is Mode.SAMEN or (session.mode is Mode.GEMENGD and not state.doubted):
            assert not state.pawns
            assert state.settled_by in (None, Settlement.JOINT)
            continue
        assert set(state.pawns) <= letters
        spread = {vote for vote in state.pawns.values() if vote is not PASS}  # passes never block
        everyone = set(state.pawns) == letters
        if state.settled_by is Settlement.AGREED:
            assert everyone
            assert spread == {state.final}
        elif state.settled_by is Settlement.DISCUSSED:
            assert everyone
            assert len(spread) > 1
        elif state.settled_by is Settlement.JOINT:
            assert everyone and not spread  # everyone passed: the team placed it
        else:
            assert state.settled_by is None
            assert not (everyone and len(spread) == 1)
        assert session.needs_decision(card.key) == (
            everyone and len(spread) > 1 and not state.final
        )


def do(session: Session, action: tuple) -> bool:
    """Perform one random action; whether the session changed."""
    name, *args = action
    if name == "place":
        session.place(args[0])
    elif name == "undo":
        session.undo()
    elif name == "abstain":
        session.abstain()
    elif name == "doubt":
        session.doubt()
    elif name == "hand_over":
        session.hand_over()
    elif name == "park":
        session.toggle_park()
    elif name == "advance":
        session.advance()
    elif name == "back":
        session.back()
    elif name == "go_to":
        session.go_to(args[0])
    elif name == "note":
        before = sum(len(s.notes) for s in session.states.values())
        session.add_note(args[0])
        assert sum(len(s.notes) for s in session.states.values()) == before + 1
    elif name == "agree":
        kind, linked = args
        card = session.current.key if linked else None
        session.add_agreement(Agreement(kind, "Iets doen", "Anna", None, card))
    return True


ACTIONS = st.one_of(
    # Pressing 1-4 is what teams do most, and it takes many presses to reach contests and decisions.
    *[st.tuples(st.just("place"), st.sampled_from(Quadrant)) for _ in range(5)],
    st.tuples(st.just("undo")),
    st.tuples(st.just("abstain")),
    st.tuples(st.just("abstain")),
    st.tuples(st.just("doubt")),
    st.tuples(st.just("hand_over")),
    st.tuples(st.just("park")),
    st.tuples(st.just("advance")),
    st.tuples(st.just("back")),
    st.tuples(st.just("go_to"), st.integers(-1, 4)),
    st.tuples(st.just("note"), st.sampled_from(["", "  ", "notitie", "Ö & ümlaut \n"])),
    st.tuples(st.just("agree"), st.sampled_from(AgreementKind), st.booleans()),
)


@pytest.mark.parametrize("mode", list(Mode))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.integers(1, 4),
    hidden=st.booleans(),
    actions=st.lists(ACTIONS, min_size=10, max_size=60),
)
def test_random_play_keeps_the_rules_and_survives_resume(
    mode: Mode, people: int, hidden: bool, actions: list[tuple]
) -> None:
    people = max(people, mode.rules.min_participants)
    session = make_session(
        mode,
        decks=[make_deck("uitval", ["U01", "U02"]), make_deck("verzuim", ["V01", "V02"])],
        participants=make_participants(*["Anna", "Bram", "Chris", "Dewi"][:people]),
        hidden_voting=hidden and mode.rules.votes_pawns,
    )
    for action in actions:
        revision = session.revision
        try:
            changed = do(session, action)
        except RuleError:
            changed = False
        assert session.revision == revision + changed
        check_rules(session)

    restored = through_json(session)
    assert session_to_dict(restored) == session_to_dict(session)
    check_rules(restored)
    outcomes = []
    for each in (restored, session):
        try:
            each.undo()
            outcomes.append(True)
        except RuleError:
            outcomes.append(False)
    assert outcomes[0] == outcomes[1]
    assert session_to_dict(restored) == session_to_dict(session)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 9) | st.floats() | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def damaged(draw: st.DrawFn) -> dict[str, Any]:
    """Saved data of a played session with one value somewhere replaced or removed."""
    data = copy.deepcopy(SAVED)
    node: Any = data
    while True:
        key = draw(
            st.sampled_from(sorted(node))
            if isinstance(node, dict)
            else st.integers(0, len(node) - 1)
        )
        child = node[key]
        if isinstance(child, (dict, list)) and child and draw(st.booleans()):
            node = child
            continue
        if isinstance(node, dict) and draw(st.booleans()):
            del node[key]
        else:
            node[key] = draw(JSON)
        return data


SAVED = json.loads(json.dumps(session_to_dict(played_pionnen_session())))


@settings(max_examples=300, deadline=None)
@given(data=damaged())
def test_damaged_data_either_loads_into_a_playable_session_or_is_refused(data: dict) -> None:
    try:
        session = session_from_dict(json.loads(json.dumps(data)))
    except SessionFormatError:
        return
    check_rules(session)
    texts = [session.setup.casus, session.setup.niveau, *session.exported]
    texts += [t for p in session.participants for t in (p.name, p.role, p.letter)]
    texts += [t for d in session.setup.decks for t in (d.name, d.theme, d.colour, d.description)]
    texts += [c.card.question for c in session.cards]
    texts += [
        t for c in session.cards for s in c.card.data_sources for t in (s.name, s.explanation)
    ]
    texts += [n for s in session.states.values() for n in s.notes]
    assert all(isinstance(t, str) for t in texts)
    for agreement in session.agreements:
        if agreement.card_key:
            session.card(agreement.card_key)
    for index in range(len(session.cards)):
        session.go_to(index)
        session.positions()
        for letter in session.current_state.pawns:
            session.participant(letter)
        while session.current_state.history:
            session.undo()
            check_rules(session)
        with contextlib.suppress(RuleError):
            session.place(Q1)
        check_rules(session)
    assert session_to_dict(through_json(session)) == session_to_dict(session)


def test_created_time_survives_without_microseconds() -> None:
    session = make_session()
    assert session.created.microsecond == 0
    assert isinstance(through_json(session).created, datetime)


def test_a_save_from_a_newer_version_says_so() -> None:
    data = session_to_dict(make_session())
    data["format"] = 99
    with pytest.raises(SessionFormatError, match="nieuwere versie"):
        session_from_dict(data)
