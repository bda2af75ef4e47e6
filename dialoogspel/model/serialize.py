"""Session <-> plain data (dicts, lists, strings, numbers) for autosave and resume.

The decks are stored inside the session, so a saved session resumes and exports the same even
when a deck file was edited or removed since.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from dialoogspel.model.agreements import Agreement
from dialoogspel.model.board import Quadrant
from dialoogspel.model.deck import Card, DataSource, Deck
from dialoogspel.model.participants import Participant
from dialoogspel.model.rules import Mode, RuleError, Settlement
from dialoogspel.model.session import CardState, OutcomeRef, Session, SessionSetup, UndoStep

FORMAT_VERSION = 1
"""Bumped when the saved shape changes; readers refuse versions they do not know."""


class SessionFormatError(ValueError):
    """Saved data this version cannot read."""


def _text(value: Any) -> str:
    """A string from saved data, or TypeError (so damage is refused, not carried into play)."""
    if not isinstance(value, str):
        raise TypeError(f"tekst verwacht, niet {type(value).__name__}")
    return value


def _texts(value: Any) -> list[str]:
    """A list of strings from saved data."""
    if not isinstance(value, list):
        raise TypeError(f"lijst verwacht, niet {type(value).__name__}")
    return [_text(item) for item in value]


def _flag(value: Any) -> bool:
    """A true/false from saved data."""
    if not isinstance(value, bool):
        raise TypeError(f"waar/onwaar verwacht, niet {type(value).__name__}")
    return value


def deck_to_dict(deck: Deck) -> dict[str, Any]:
    """A deck as plain data."""
    return {
        "name": deck.name,
        "theme": deck.theme,
        "colour": deck.colour,
        "description": deck.description,
        "source": deck.source,
        "cards": [
            {
                "id": card.id,
                "question": card.question,
                "data_sources": [[s.name, s.explanation] for s in card.data_sources],
                "niveaus": list(card.niveaus),
                "kern": card.kern,
            }
            for card in deck.cards
        ],
    }


def deck_from_dict(data: dict[str, Any]) -> Deck:
    """Rebuild a deck made by deck_to_dict."""
    return Deck(
        name=_text(data["name"]),
        theme=_text(data["theme"]),
        colour=_text(data["colour"]),
        description=_text(data.get("description", "")),
        source=_text(data.get("source", "")),
        cards=tuple(
            Card(
                id=_text(card["id"]),
                question=_text(card["question"]),
                data_sources=tuple(_data_source(pair) for pair in card["data_sources"]),
                niveaus=tuple(_texts(card.get("niveaus", []))),
                kern=_flag(card.get("kern", False)),
            )
            for card in data["cards"]
        ),
    )


def _data_source(pair: Any) -> DataSource:
    name, explanation = _texts(pair)
    return DataSource(name, explanation)


def state_to_dict(state: CardState) -> dict[str, Any]:
    """One card's state as plain data."""
    return {
        "pawns": {letter: int(q) for letter, q in state.pawns.items()},
        "final": int(state.final) if state.final else None,
        "settled_by": state.settled_by.value if state.settled_by else None,
        "notes": list(state.notes),
        "parked": state.parked,
        "visited": state.visited,
        "history": [_undo_to_list(step) for step in state.history],
    }


def _undo_to_list(step: UndoStep) -> list[str | None]:
    """An undo step as stored: ["pawn", letter] or ["final", "quadrant/how" or None]."""
    if step.pawn is not None:
        return ["pawn", step.pawn]
    if step.previous_final is None or step.previous_how is None:
        return ["final", None]
    return ["final", f"{int(step.previous_final)}/{step.previous_how.value}"]


def state_from_dict(data: dict[str, Any]) -> CardState:
    """Rebuild a card state made by state_to_dict."""
    return CardState(
        pawns={_text(letter): Quadrant(q) for letter, q in data.get("pawns", {}).items()},
        final=Quadrant(data["final"]) if data.get("final") else None,
        settled_by=Settlement(data["settled_by"]) if data.get("settled_by") else None,
        notes=_texts(data.get("notes", [])),
        parked=_flag(data.get("parked", False)),
        visited=_flag(data.get("visited", False)),
        history=[_undo_step(step) for step in data.get("history", [])],
    )


def _undo_step(step: Any) -> UndoStep:
    """Read a stored undo step (see _undo_to_list)."""
    kind, value = step
    if _text(kind) == "pawn":
        return UndoStep(_text(value))
    if kind != "final":
        raise ValueError(f"onbekende stap {kind!r}")
    if value is None:
        return UndoStep(None)
    number, _, how = _text(value).partition("/")
    return UndoStep(None, Quadrant(int(number)), Settlement(how))


def _check_state(state: CardState, setup: SessionSetup) -> None:
    """Refuse a card state the rules could not have made: undo and play would trip over it."""
    possible = (state.final is None) == (state.settled_by is None)
    if setup.mode is Mode.VRAGEN:
        possible = possible and not state.pawns and not state.history and state.final is None
    elif setup.mode is Mode.SAMEN:
        possible = possible and _samen_possible(state)
    else:
        possible = possible and _pionnen_possible(state, {p.letter for p in setup.participants})
    if not possible:
        raise ValueError("een kaart staat er onmogelijk bij")


def _samen_possible(state: CardState) -> bool:
    """Samen: no pawns; each placement remembered where the card lay before (nowhere, first)."""
    steps = [step for step in state.history if step.pawn is None]
    if state.pawns or len(steps) != len(state.history):
        return False
    if state.final is None:
        return not steps
    joint = all(step.previous_how is Settlement.JOINT for step in steps[1:])
    return state.settled_by is Settlement.JOINT and steps[0].previous_final is None and joint


def _pionnen_possible(state: CardState, letters: set[str]) -> bool:
    """Pionnen: one pawn per participant, each in the history once; all in one quadrant = agreed;
    different quadrants wait for a decision, which is the last step in the history."""
    moves = [step.pawn for step in state.history if step.pawn is not None]
    if not set(state.pawns) <= letters or Counter(moves) != Counter(list(state.pawns)):
        return False
    everyone = set(state.pawns) == letters
    quadrants = set(state.pawns.values())
    if state.settled_by is Settlement.DISCUSSED:
        last_is_decision = state.history[-1] == UndoStep(None)
        return (
            everyone
            and len(quadrants) > 1
            and last_is_decision
            and len(moves) == len(state.history) - 1
        )
    agreed = everyone and len(quadrants) == 1
    if len(moves) != len(state.history):
        return False
    if state.settled_by is Settlement.AGREED:
        return agreed and quadrants == {state.final}
    return state.settled_by is None and not agreed


def _outcome_ref(value: Any) -> OutcomeRef | None:
    """A stored [path, sha256] pair, or None."""
    if value is None:
        return None
    path, sha256 = _texts(value)
    return OutcomeRef(path, sha256)


def session_to_dict(session: Session) -> dict[str, Any]:
    """The whole session as plain data (JSON-ready)."""
    setup = session.setup
    return {
        "format": FORMAT_VERSION,
        "id": session.id,
        "created": session.created.isoformat(),
        "setup": {
            "casus": setup.casus,
            "niveau": setup.niveau,
            "mode": setup.mode.value,
            "hidden_voting": setup.hidden_voting,
            "participants": [
                {"name": p.name, "role": p.role, "letter": p.letter} for p in setup.participants
            ],
            "decks": [deck_to_dict(deck) for deck in setup.decks],
        },
        "index": session.index,
        "states": {
            key: state_to_dict(state)
            for key, state in session.states.items()
            if not state.is_default
        },
        "agreements": [a.to_dict() for a in session.agreements],
        "exported": list(session.exported),
        "output_dir": session.output_dir,
        "outcome_file": list(session.outcome_file) if session.outcome_file else None,
        "outcome_local": list(session.outcome_local) if session.outcome_local else None,
        "finished": session.finished,
    }


def session_from_dict(data: dict[str, Any]) -> Session:
    """Rebuild a session made by session_to_dict; raises SessionFormatError when unreadable."""
    version = data.get("format") if isinstance(data, dict) else None
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise SessionFormatError(
            "Dit spel is bewaard met een nieuwere versie van dialoogspel. Werk het spel bij."
        )
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        raise SessionFormatError("Dit opgeslagen spel heeft een onbekende vorm.")
    try:
        raw = data["setup"]
        setup = SessionSetup(
            casus=_text(raw["casus"]),
            niveau=_text(raw["niveau"]),
            mode=Mode(raw["mode"]),
            hidden_voting=_flag(raw.get("hidden_voting", False))
            and Mode(raw["mode"]).rules.votes_pawns,
            participants=tuple(
                Participant(name=_text(p["name"]), role=_text(p["role"]), letter=_text(p["letter"]))
                for p in raw["participants"]
            ),
            decks=tuple(deck_from_dict(d) for d in raw["decks"]),
        )
        session_id = _text(data["id"])
        if not session_id:
            raise ValueError("het spel heeft geen id")
        session = Session(
            setup,
            session_id=session_id,
            created=datetime.fromisoformat(data["created"]),
            resumed=True,
        )
        for key, state in data.get("states", {}).items():
            if key in session.states:
                session.states[key] = state_from_dict(state)
                _check_state(session.states[key], setup)
        session.index = min(max(int(data.get("index", 0)), 0), len(session.cards) - 1)
        session.agreements = [Agreement.from_dict(a) for a in data.get("agreements", [])]
        for agreement in session.agreements:
            if agreement.card_key is not None:
                session.card(agreement.card_key)
        session.exported = _texts(data.get("exported", []))
        session.output_dir = _text(data.get("output_dir", ""))
        session.outcome_file = _outcome_ref(data.get("outcome_file"))
        session.outcome_local = _outcome_ref(data.get("outcome_local"))
        # Before the team could say "klaar", an exported session counted as finished.
        session.finished = _flag(data.get("finished", bool(session.exported)))
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError, RuleError) as error:
        raise SessionFormatError(f"Dit opgeslagen spel is beschadigd ({error}).") from error
    session.revision = 0
    return session
