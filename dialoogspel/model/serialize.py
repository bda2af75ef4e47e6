"""Session <-> plain data (dicts, lists, strings, numbers) for autosave and resume.

The decks are stored inside the session, so a saved session resumes and exports the same even
when a deck file was edited or removed since.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from dialoogspel.model import plain
from dialoogspel.model.agreements import Agreement
from dialoogspel.model.deck import Card, DataSource, Deck
from dialoogspel.model.pacing import Clock
from dialoogspel.model.participants import Participant
from dialoogspel.model.rules import Mode, RuleError
from dialoogspel.model.savedcard import check_state, state_from_dict, state_to_dict
from dialoogspel.model.selection import CardChoice
from dialoogspel.model.session import OutcomeRef, Session, SessionSetup
from dialoogspel.model.terugblik import TerugblikItem

FORMAT_VERSION = 2
"""Bumped when the saved shape changes; readers refuse versions they do not know.
2: pass pawns (0), gemengd, twijfel, time per card, card choice and planned minutes."""
READABLE_VERSIONS = (1, 2)
"""Versions this code reads: version 1 files simply lack what version 2 added."""


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
                "kern": card.kern,
            }
            for card in deck.cards
        ],
    }


def deck_from_dict(data: dict[str, Any]) -> Deck:
    """Rebuild a deck made by deck_to_dict."""
    return Deck(
        name=plain.text(data["name"]),
        theme=plain.text(data["theme"]),
        colour=plain.text(data["colour"]),
        description=plain.text(data.get("description", "")),
        source=plain.text(data.get("source", "")),
        cards=tuple(
            Card(
                id=plain.text(card["id"]),
                question=plain.text(card["question"]),
                data_sources=tuple(_data_source(pair) for pair in card["data_sources"]),
                niveaus=tuple(plain.texts(card.get("niveaus", []))),
                kern=plain.flag(card.get("kern", False)),
            )
            for card in data["cards"]
        ),
    )


def _data_source(pair: Any) -> DataSource:
    name, explanation = plain.texts(pair)
    return DataSource(name, explanation)


def _outcome_ref(value: Any) -> OutcomeRef | None:
    """A stored [path, sha256] pair, or None."""
    if value is None:
        return None
    path, sha256 = plain.texts(value)
    return OutcomeRef(path, sha256)


def session_to_dict(session: Session) -> dict[str, Any]:
    """The whole session as plain data (JSON-ready)."""
    decks = [deck_to_dict(deck) for deck in session.setup.decks]
    states = {
        key: state_to_dict(state) for key, state in session.states.items() if not state.is_default
    }
    return session_frame(session, decks, states)


def session_frame(session: Session, decks: object, states: object) -> dict[str, Any]:
    """The session as plain data around the given decks and card states: the autosave puts
    its cached JSON of those two (the bulk of a big session) in their place."""
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
            "decks": decks,
            "choice": {
                "core_only": setup.choice.core_only,
                "cards": list(setup.choice.card_ids),
            },
            "minutes": setup.minutes,
        },
        "index": session.index,
        "states": states,
        "agreements": [a.to_dict() for a in session.agreements],
        "terugblik": [item.to_dict() for item in session.terugblik],
        "exported": list(session.exported),
        "output_dir": session.output_dir,
        "outcome_file": list(session.outcome_file) if session.outcome_file else None,
        "outcome_local": list(session.outcome_local) if session.outcome_local else None,
        "finished": session.finished,
        "privacy_allowed": sorted(session.privacy_allowed),
        "handover": session.handover_pending,
    }


def _choice(value: Any) -> CardChoice:
    """The stored card choice (absent in version 1: every card)."""
    if value is None:
        return CardChoice()
    if not isinstance(value, dict):
        raise TypeError(f"keuze verwacht, niet {type(value).__name__}")
    return CardChoice(
        core_only=plain.flag(value.get("core_only", False)),
        card_ids=tuple(plain.texts(value.get("cards", []))),
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
            casus=plain.text(raw["casus"]),
            niveau=plain.text(raw["niveau"]),
            mode=Mode(raw["mode"]),
            hidden_voting=plain.flag(raw.get("hidden_voting", False))
            and Mode(raw["mode"]).rules.votes_pawns,
            participants=tuple(
                Participant(
                    name=plain.text(p["name"]),
                    role=plain.text(p["role"]),
                    letter=plain.text(p["letter"]),
                )
                for p in raw["participants"]
            ),
            decks=tuple(deck_from_dict(d) for d in raw["decks"]),
            choice=_choice(raw.get("choice")),
            minutes=plain.minutes(raw.get("minutes")),
        )
        session_id = plain.text(data["id"])
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
                check_state(session.states[key], setup)
        session.index = min(max(int(data.get("index", 0)), 0), len(session.cards) - 1)
        if session.current_state.seen_at is None:  # saved before time was kept
            session.current_state.seen_at = session.play_seconds()
        session.agreements = [Agreement.from_dict(a) for a in data.get("agreements", [])]
        for agreement in session.agreements:
            if agreement.card_key is not None:
                session.card(agreement.card_key)
        session.terugblik = [TerugblikItem.from_dict(i) for i in data.get("terugblik", [])]
        session.exported = plain.texts(data.get("exported", []))
        session.output_dir = plain.text(data.get("output_dir", ""))
        session.outcome_file = _outcome_ref(data.get("outcome_file"))
        session.outcome_local = _outcome_ref(data.get("outcome_local"))
        # Before the team could say "klaar", an exported session counted as finished.
        session.finished = plain.flag(data.get("finished", bool(session.exported)))
        session.privacy_allowed = set(plain.texts(data.get("privacy_allowed", [])))
        # Only hidden voting hands the laptop over; a stray flag elsewhere is dropped.
        session.handover_pending = plain.flag(data.get("handover", False)) and setup.hidden_voting
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError, RuleError) as error:
        raise SessionFormatError(f"Dit opgeslagen spel is beschadigd ({error}).") from error
    session.revision = 0
    return session
