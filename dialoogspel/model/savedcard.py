"""One card's state as plain data and back, and the checks that refuse a saved state the rules
could not have made (undo and play would trip over it)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from dialoogspel.model import plain
from dialoogspel.model.board import Quadrant, vote_from_number
from dialoogspel.model.pawnrules import board_quadrants
from dialoogspel.model.rules import Mode, Settlement
from dialoogspel.model.state import CardState, SessionSetup, UndoStep


def state_to_dict(state: CardState) -> dict[str, Any]:
    """One card's state as plain data."""
    return {
        "pawns": {letter: int(q) for letter, q in state.pawns.items()},
        "final": int(state.final) if state.final else None,
        "settled_by": state.settled_by.value if state.settled_by else None,
        "notes": list(state.notes),
        "parked": state.parked,
        "visited": state.visited,
        "talked": state.talked,
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
        pawns={
            plain.text(letter): vote_from_number(q) for letter, q in data.get("pawns", {}).items()
        },
        final=Quadrant(data["final"]) if data.get("final") else None,
        settled_by=Settlement(data["settled_by"]) if data.get("settled_by") else None,
        notes=plain.texts(data.get("notes", [])),
        parked=plain.flag(data.get("parked", False)),
        visited=plain.flag(data.get("visited", False)),
        # Saved before "talked" existed: vragen counted a card as done once seen.
        talked=plain.flag(data.get("talked", data.get("visited", False))),
        history=[_undo_step(step) for step in data.get("history", [])],
        doubted=plain.flag(data.get("doubted", False)),
        seconds=plain.seconds(data.get("seconds", 0.0)),
        seen_at=plain.maybe_seconds(data.get("seen_at")),
        settled_at=plain.maybe_seconds(data.get("settled_at")),
    )


def _undo_step(step: Any) -> UndoStep:
    """Read a stored undo step (see _undo_to_list)."""
    kind, value = step
    if plain.text(kind) == "pawn":
        return UndoStep(plain.text(value))
    if kind == "doubt" and value is None:
        return UndoStep(None, doubt=True)
    if kind != "final":
        raise ValueError(f"onbekende stap {kind!r}")
    if value is None:
        return UndoStep(None)
    number, _, how = plain.text(value).partition("/")
    return UndoStep(None, Quadrant(int(number)), Settlement(how))


def check_state(state: CardState, setup: SessionSetup) -> None:
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
