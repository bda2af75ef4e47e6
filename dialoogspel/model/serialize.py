"""Session <-> plain data (dicts, lists, strings, numbers) for autosave and resume.

The decks are stored inside the session, so a saved session resumes and exports the same even
when a deck file was edited or removed since.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import replace
from datetime import datetime
from typing import Any

from dialoogspel.model.agreements import Agreement
from dialoogspel.model.board import Quadrant, vote_from_number
from dialoogspel.model.deck import Card, DataSource, Deck
from dialoogspel.model.pacing import Clock
from dialoogspel.model.participants import Participant
from dialoogspel.model.pawnrules import board_quadrants
from dialoogspel.model.rules import Mode, RuleError, Settlement
from dialoogspel.model.selection import CardChoice
from dialoogspel.model.session import CardState, OutcomeRef, Session, SessionSetup, UndoStep

FORMAT_VERSION = 2
"""Bumped when the saved shape changes; readers refuse versions they do not know.
2: pass pawns (0), gemengd, twijfel, time per card, card choice and planned minutes."""
READABLE_VERSIONS = (1, 2)
"""Versions this code reads: version 1 files simply lack what version 2 added."""


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


def _seconds(value: Any) -> float:
    """A number of seconds from saved data: finite and not negative."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"getal verwacht, niet {type(value).__name__}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"onmogelijke tijd {value!r}")
    return float(value)


def _maybe_seconds(value: Any) -> float | None:
    """Seconds, or None."""
    return None if value is None else _seconds(value)


def _minutes(value: Any) -> int | None:
    """Planned minutes: a whole number, or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"geheel getal verwacht, niet {type(value).__name__}")
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
        "doubted": state.doubted,
        "seconds": round(state.seconds, 1),
        "seen_at": None if state.seen_at is None else round(state.seen_at, 1),
        "settled_at": None if state.settled_at is None else round(state.settled_at, 1),
    }


def _undo_to_list(step: UndoStep) -> list[str | None]:
    """An undo step as stored: ["pawn", letter], ["doubt", None] or
    ["final", "quadrant/how" or None]."""
    if step.doubt:
        return ["doubt", None]
    if step.pawn is not None:
        return ["pawn", step.pawn]
    if step.previous_final is None or step.previous_how is None:
        return ["final", None]
    return ["final", f"{int(step.previous_final)}/{step.previous_how.value}"]


def state_from_dict(data: dict[str, Any]) -> CardState:
    """Rebuild a card state made by state_to_dict."""
    return CardState(
        pawns={_text(letter): vote_from_number(q) for letter, q in data.get("pawns", {}).items()},
        final=Quadrant(data["final"]) if data.get("final") else None,
        settled_by=Settlement(data["settled_by"]) if data.get("settled_by") else None,
        notes=_texts(data.get("notes", [])),
        parked=_flag(data.get("parked", False)),
        visited=_flag(data.get("visited", False)),
        history=[_undo_step(step) for step in data.get("history", [])],
        doubted=_flag(data.get("doubted", False)),
        seconds=_seconds(data.get("seconds", 0.0)),
        seen_at=_maybe_seconds(data.get("seen_at")),
        settled_at=_maybe_seconds(data.get("settled_at")),
    )


def _undo_step(step: Any) -> UndoStep:
    """Read a stored undo step (see _undo_to_list)."""
    kind, value = step
    if _text(kind) == "pawn":
        return UndoStep(_text(value))
    if kind == "doubt" and value is None:
        return UndoStep(None, doubt=True)
    if kind != "final":
        raise ValueError(f"onbekende stap {kind!r}")
    if value is None:
        return UndoStep(None)
    number, _, how = _text(value).partition("/")
    return UndoStep(None, Quadrant(int(number)), Settlement(how))


def _check_state(state: CardState, setup: SessionSetup) -> None:
    """Refuse a card state the rules could not have made: undo and play would trip over it."""
    possible = (state.final is None) == (state.settled_by is None)
    letters = {p.letter for p in setup.participants}
    doubts = [step for step in state.history if step.doubt]
    if setup.mode is Mode.GEMENGD and state.doubted:
        # t is the first step of a doubted card; after it, the card is voted as in pionnen.
        first_is_doubt = state.history[:1] == [UndoStep(None, doubt=True)] and len(doubts) == 1
        voted = replace(state, history=state.history[1:])
        possible = possible and first_is_doubt and _pionnen_possible(voted, letters)
    elif doubts or state.doubted:
        possible = False
    elif setup.mode is Mode.VRAGEN:
        possible = possible and not state.pawns and not state.history and state.final is None
    elif setup.mode in (Mode.SAMEN, Mode.GEMENGD):
        possible = possible and _samen_possible(state)
    else:
        possible = possible and _pionnen_possible(state, letters)
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
    """Pionnen: one pawn per participant, each in the history once; all pawns on the board in
    one quadrant = agreed; different quadrants wait for a decision, and so does a card everyone
    passed on; that decision is the last step in the history."""
    moves = [step.pawn for step in state.history if step.pawn is not None]
    if not set(state.pawns) <= letters or Counter(moves) != Counter(list(state.pawns)):
        return False
    everyone = set(state.pawns) == letters
    quadrants = board_quadrants(state.pawns)
    decided_last = (
        bool(state.history)
        and state.history[-1] == UndoStep(None)
        and len(moves) == len(state.history) - 1
    )
    if state.settled_by is Settlement.DISCUSSED:
        return everyone and len(quadrants) > 1 and decided_last
    if state.settled_by is Settlement.JOINT:
        return everyone and not quadrants and decided_last
    if len(moves) != len(state.history):
        return False
    agreed = everyone and len(quadrants) == 1
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
            "choice": {
                "core_only": setup.choice.core_only,
                "cards": list(setup.choice.card_ids),
            },
            "minutes": setup.minutes,
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
        "handover": session.handover_pending,
    }


def _choice(value: Any) -> CardChoice:
    """The stored card choice (absent in version 1: every card)."""
    if value is None:
        return CardChoice()
    if not isinstance(value, dict):
        raise TypeError(f"keuze verwacht, niet {type(value).__name__}")
    return CardChoice(
        core_only=_flag(value.get("core_only", False)),
        card_ids=tuple(_texts(value.get("cards", []))),
    )


def session_from_dict(data: dict[str, Any], *, clock: Clock | None = None) -> Session:
    """Rebuild a session made by session_to_dict; raises SessionFormatError when unreadable.

    `clock` counts the time from now on (tests pass a fake; the default is time.monotonic)."""
    version = data.get("format") if isinstance(data, dict) else None
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise SessionFormatError(
            "Dit spel is bewaard met een nieuwere versie van dialoogspel. Werk het spel bij."
        )
    if type(version) is not int or version not in READABLE_VERSIONS:
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
            choice=_choice(raw.get("choice")),
            minutes=_minutes(raw.get("minutes")),
        )
        session_id = _text(data["id"])
        if not session_id:
            raise ValueError("het spel heeft geen id")
        session = Session(
            setup,
            session_id=session_id,
            created=datetime.fromisoformat(data["created"]),
            resumed=True,
            clock=clock if clock is not None else time.monotonic,
        )
        for key, state in data.get("states", {}).items():
            if key in session.states:
                session.states[key] = state_from_dict(state)
                _check_state(session.states[key], setup)
        session.index = min(max(int(data.get("index", 0)), 0), len(session.cards) - 1)
        if session.current_state.seen_at is None:  # saved before time was kept
            session.current_state.seen_at = session.play_seconds()
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
        session.handover_pending = _flag(data.get("handover", False))
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError, RuleError) as error:
        raise SessionFormatError(f"Dit opgeslagen spel is beschadigd ({error}).") from error
    session.revision = 0
    return session
