"""Session <-> plain data (dicts, lists, strings, numbers) for autosave and resume.

The decks are stored inside the session, so a saved session resumes and exports the same even
when a deck file was edited or removed since.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from dialoogspel.model.agreements import Agreement
from dialoogspel.model.board import Quadrant
from dialoogspel.model.deck import Card, DataSource, Deck
from dialoogspel.model.participants import Participant
from dialoogspel.model.session import CardState, Mode, Session, SessionSetup, Settlement

FORMAT_VERSION = 1
"""Bumped when the saved shape changes; readers refuse versions they do not know."""


class SessionFormatError(ValueError):
    """Saved data this version cannot read."""


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
            }
            for card in deck.cards
        ],
    }


def deck_from_dict(data: dict[str, Any]) -> Deck:
    """Rebuild a deck made by deck_to_dict."""
    return Deck(
        name=data["name"],
        theme=data["theme"],
        colour=data["colour"],
        description=data.get("description", ""),
        source=data.get("source", ""),
        cards=tuple(
            Card(
                id=card["id"],
                question=card["question"],
                data_sources=tuple(DataSource(name, expl) for name, expl in card["data_sources"]),
                niveaus=tuple(card.get("niveaus", ())),
            )
            for card in data["cards"]
        ),
    )


def state_to_dict(state: CardState) -> dict[str, Any]:
    """One card's state as plain data."""
    return {
        "pawns": {letter: int(q) for letter, q in state.pawns.items()},
        "final": int(state.final) if state.final else None,
        "settled_by": state.settled_by.value if state.settled_by else None,
        "notes": list(state.notes),
        "parked": state.parked,
        "visited": state.visited,
        "history": [[kind, value] for kind, value in state.history],
    }


def state_from_dict(data: dict[str, Any]) -> CardState:
    """Rebuild a card state made by state_to_dict."""
    return CardState(
        pawns={letter: Quadrant(q) for letter, q in data.get("pawns", {}).items()},
        final=Quadrant(data["final"]) if data.get("final") else None,
        settled_by=Settlement(data["settled_by"]) if data.get("settled_by") else None,
        notes=list(data.get("notes", [])),
        parked=bool(data.get("parked", False)),
        visited=bool(data.get("visited", False)),
        history=[(kind, value) for kind, value in data.get("history", [])],
    )


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
    }


def session_from_dict(data: dict[str, Any]) -> Session:
    """Rebuild a session made by session_to_dict; raises SessionFormatError when unreadable."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        raise SessionFormatError("Dit opgeslagen spel heeft een onbekende vorm.")
    try:
        raw = data["setup"]
        setup = SessionSetup(
            casus=raw["casus"],
            niveau=raw["niveau"],
            mode=Mode(raw["mode"]),
            hidden_voting=bool(raw.get("hidden_voting", False)),
            participants=tuple(
                Participant(name=p["name"], role=p["role"], letter=p["letter"])
                for p in raw["participants"]
            ),
            decks=tuple(deck_from_dict(d) for d in raw["decks"]),
        )
        session = Session(
            setup, session_id=data["id"], created=datetime.fromisoformat(data["created"])
        )
        for key, state in data.get("states", {}).items():
            if key in session.states:
                session.states[key] = state_from_dict(state)
        session.index = min(max(int(data.get("index", 0)), 0), len(session.cards) - 1)
        session.agreements = [Agreement.from_dict(a) for a in data.get("agreements", [])]
        session.exported = [str(p) for p in data.get("exported", [])]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise SessionFormatError(f"Dit opgeslagen spel is beschadigd ({error}).") from error
    session.revision = 0
    return session
